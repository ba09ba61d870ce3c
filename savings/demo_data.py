"""Norfolk County Council, Adult Social Services: the 2017-20 savings programme as published.

Transcribed from two Adult Social Care Committee papers (plain-text dumps):
- P2:  meeting pack of 10 July 2017 (/work/shared/seeds/001_fa69b8cd4a934a1d.txt). Its Finance
       Monitoring Report Period 2 (May) 2017-18 carries, as Appendix C, "2017-20 Savings
       Programme": 1.2 the savings agreed by County Council in February 2017 (codes ASC0nn /
       COM0nn, categories A-D, 2017-18..2019-20), 1.4 the gross savings requirement and a summary
       by programme and workstream, 1.6 the build-up of each workstream from the old codes. The
       same pack's "Promoting Independence progress and actions for 2017/18" report (4.1, 4.12),
       "Learning Disabilities" report (3.2) and "Additional Social Care Funding" report print
       further savings figures, kept in PRINTED_TOTALS under period "P2".
- P10: Finance Monitoring Report Period 10 (January) 2017-18, meeting 5 March 2018
       (/work/shared/seeds/002_610d4e370add1329.txt): 2.8 Savings Forecast (2.8.1, the 2.8.3
       off/on-target table, 2.8.4 key variances and mitigations), "2017-20 Savings Programme"
       (gross requirement and summary) and Appendix D (2017-18 projects: target, Period 10
       forecast, variance).

Shape
-----
Amounts are strings in GBP million exactly as printed ("-1.500"; savings are negative in the
tables). Every amount is stored ONCE, at the finest level the papers give it; every figure the
papers print as a total (or restate in prose) is kept in PRINTED_TOTALS with the list of rows it
should equal, so the product can check the papers' arithmetic. No total is stored as a figure.

PROGRAMMES      code, name, order, aliases.
WORKSTREAMS     the six workstreams of the summary table (1.4 / P10 summary): code, name,
                programme, order, group, aliases. "group" is how Appendix C 1.6 (P2) and
                Appendix D (P10) group them: Younger Adults and Older Adults are reported together
                as "Older and Younger Adults workstreams" (group OYA); Entry Points has no savings
                of its own (its savings "sit under" YA and OA, P2 footnote *).
WORKSTREAM_GROUPS  the four groups of Appendix C 1.6 / Appendix D.
CATEGORIES      A-D headings of the agreed-savings table (P2 Appendix C 1.2).
SAVINGS         one record per saving, in P2 Appendix C 1.6 order:
                code       the paper's reference; invented codes are marked in a comment
                           (X4197-DM, X4197-COM: uncoded "requirements towards £4.197m" lines;
                           ASC006-YA, ASC006-OP: the two P10 projects ASC006 is delivered by).
                code_as_printed, name (P2 wording), aliases (other wordings in either paper),
                group      WORKSTREAM_GROUPS code (always known).
                workstream WORKSTREAMS code, or None where the papers do not say whether the
                           amount falls to Younger or Older Adults (see notes).
                category   "A".."D" as in P2 1.2, or None (not in the agreed list).
                parent     None, or the code of the saving this record is a part of. A parent
                           holds only the years its parts do not (ASC006 keeps 2018-19 and
                           2019-20; its 2017-18 -4.445 lives in ASC006-YA + ASC006-OP).
                targets    {"2017-18"|"2018-19"|"2019-20": amount}, the gross saving required,
                           a missing year is blank in the paper.
                reversals  {"2017-18": amount}: the positive lines of P2 1.2 (ASC003 0.900,
                           COM040 2.100) that reverse earlier transport savings; they are in the
                           net figures (NET RECURRING SAVINGS -11.213) but not in the gross
                           requirement, the workstream summary or Appendix C 1.6 (blank there).
                note
FORECASTS       {"P2"|"P10": {saving code: {forecast, variance, status, explanation,
                recovery_action}}}. P2: paper 2.9.4 "anticipation that the programme will deliver
                the required savings in full", so forecast = 2017-18 target, status on target,
                variance None (not printed). P10: Appendix D as printed; variance as printed there
                (positive = shortfall = forecast - target); status off target where variance !=
                0. explanation = the whole 2.8.4 paragraph verbatim; recovery_action = the
                sentence(s) of it that describe action taken/planned, verbatim, "" if none.
                Appendix D 2017-18 targets equal P2's for all 18 P10 rows (so they are not
                repeated here).
MITIGATIONS     {"P10": [...]}: 2.8.4 "savings [with] no formal requirement for delivery in
                2017/18 ... mitigating the non-delivery". 2.8.4 prints every amount unsigned
                ("forecast £0.888m"); recorded AS PRINTED, i.e. positive, whereas savings rows are
                negative (in the Appendix D convention Transport's forecast would read -0.888).
PRINTED_TOTALS  list of {period, table, ref (seed file:line), subject, column, printed, rows,
                printed_as, rounded_to, note}.
                column: "target YYYY-YY" (sum of SAVINGS targets), "reversal 2017-18", "net
                YYYY-YY" (targets + reversals), "target 2017-20" (all three years of targets),
                "forecast" / "variance" (FORECASTS[period]), "previously reported variance".
                rows: the saving codes to sum (a parent and its parts may both be listed: they
                never hold the same year), [] for "no savings", None where the papers do not let
                the figure be rebuilt from rows (say why in note).
                printed_as: "signed" (compare as is) or "magnitude" (prose/2.8.4 prints unsigned
                amounts: compare with the absolute value of the sum).
                rounded_to: "0.001" unless the paper prints e.g. "£47m" ("1").

Arithmetic check (Decimal, every PRINTED_TOTALS entry against its rows)
-----------------------------------------------------------------------
139 entries: 117 hold, 6 do not (below), 16 cannot be rebuilt from rows (rows None, below).
MISMATCHES (paper says X, rows sum to Y):
1. P10 Appendix D, total row, variance: paper says -3.874, rows sum to 3.874. Sign only: the
   rows print variance as forecast - target (shortfall positive), the total row as
   target - forecast. (The 2.8.3 table also prints -3.874, same convention as the total row.)
2. P10 2.8.3 savings summary, "Savings off target", target: paper says -6.842, the seven
   Appendix D rows with a variance sum to -7.342 (difference 0.500).
3. P10 2.8.3, "Savings off target", forecast: paper says -2.968, rows sum to -3.468 (0.500).
4. P10 2.8.3, "Savings off target", variance: paper says -3.874, rows sum to 3.874 (sign, as 1).
5. P10 2.8.3, "Savings on target", target: paper says -7.371, the eleven Appendix D rows with
   zero variance sum to -6.871 (0.500).
6. P10 2.8.3, "Savings on target", forecast: paper says -7.371, rows sum to -6.871 (0.500).
   The 2.8.3 table is internally consistent (-6.842 + -7.371 = -14.213; -2.968 + -7.371 =
   -10.339) but splits 0.500 of target AND of forecast differently from Appendix D; no single
   Appendix D row explains it (Replacement of planning beds is -0.500 target but -0.080
   forecast).
Everything else adds up exactly: headline P10 savings -14.213, forecast -10.339, at risk 3.874
(2.8.3 prose, magnitudes); every gross-requirement line (-14.213/-18.716/-10.000, -4.197,
-14.213/-22.913/-10.000); NET RECURRING SAVINGS -11.213/-18.716/-10.000; the summary totals and
every summary line that can be rebuilt; Appendix C 1.6 / Appendix D workstream savings 2017-20
-5.800, -23.104, -13.882, -4.340; 2.8.4 figures; £47m (47.126), £3m (3.000), £3.5m, £3.8m.

NOT CHECKABLE (rows None):
- Summary Younger Adults and Older Adults, 2018-19 and 2019-20 (both papers, and the PI report):
  YA -6.794/-5.307, OA -2.665/-3.393. The papers do not say how ASC006, ASC011, ASC015 and the
  "Demand management requirements towards £4.197m" line divide between YA and OA; no subset of
  those lines gives either figure. Combined YA+OA does hold: -9.459 (2018-19) and -8.700
  (2019-20) = the OYA rows. 2017-18 is checkable (YA -2.581 = Younger adult reviews; OA -2.364 =
  Older people reviews -1.864 + Replacement of planning beds -0.500).
- LD report 3.2 "a little under £15m over the period 2017-2020" for working-age adults: same
  reason; the summary's YA lines give 14.682.
- P10 2.8.3 "Previously Reported" 3.874 / 0: Period 7 figures, no P7 rows in the sources (the
  paper says "no material change" since P7; P10 off-target variance rows sum to 3.874).
- Additional Social Care Funding report: "over £50m in savings and efficiencies by 2020":
  scope (years, "efficiencies") not defined; the 2017-20 programme is 47.126.

AMBIGUITIES AND TRANSCRIPTION JUDGEMENTS
- ASC006 (Customer Pathway, 2017-18 -4.445) is delivered at P10 by two projects: "Younger adult
  reviews" -2.581 and "Older people reviews" -1.864. Inferred from 2.8.4, which explains them
  together as "Younger adults and older people reviews (target £4.445m ...)" = ASC006's 2017-18.
- COM033 "Reducing funding within personal budgets to focus on eligible unmet needs" (-0.500) is
  matched to P10's "Replacement of planning beds" / 2.8.4 "Review of the usage of short term
  planning beds" (-0.500) by amount and grouping only: the wording has nothing in common, but the
  OYA group's 2017-18 rows are COM033 + ASC006 at P2 (-4.945) and the three P10 projects (-4.945),
  and the OA summary line (-2.364) needs the -0.500 in Older Adults.
- P2 forecasts for ASC006-YA/-OP: P2 lists ASC006 as one line; the split (-2.581 / -1.864) is
  implied by P2's own summary (YA -2.581, OA -2.364 less COM033 -0.500).
- ASC003 and COM040 print 0.900 and 2.100 for 2017-18 in P2 1.2 (reversals, "reversing previous
  savings of £3m for transport") but blank in 1.6; kept as reversals, not targets.
- Two uncoded lines in P2 Appendix C 1.6 only: "Demand management requirements towards £4.197m"
  (OYA, 2018-19 -2.197) and "Commissioning requirements towards £4.197m" (COM, 2018-19 -2.000);
  they make up "Add: Removal of one-off grant -4.197". Codes X4197-DM / X4197-COM invented.
- ASC023 laundry is category C in P2 1.2 but sits in Business as usual in 1.6 / Appendix D.
- ASC023 is off target at P10 (variance 0.017) but 2.8.4 gives no explanation; 2.8.4's "key
  variances" cover 3.857 of the 3.874.
- ASC021 (0.000 in 2017-18, -0.250 in 2018-19) is not listed in P10 Appendix D.
- P10 2.8.3 prose says "Appendix C sets out the delivery status ... by workstream and project";
  in the P10 paper that is Appendix D (Appendix C is the iBCF table). The P10 "2017-20 Savings
  Programme" tables have no appendix heading in the dump (they follow the iBCF Appendix C).
- P10 2.8.3 prose: "£10.339m is on track" is the total forecast, not the "Savings on target"
  line (-7.371).
- P10 2.7 d) says one-off efficiencies "reduced the shortfall to £0.089m" for day services; that
  is the Independence Matters budget-line overspend (12.945 - 12.857), not Appendix D's ASC013
  variance (0.734) less the 0.287 one-off mitigation (= 0.447). Not a savings total; not stored.
- 2.8.4 explanation for ASC026 says "This has been mitigated through revised usage of contracts";
  recorded as its recovery action. ASC024's paragraph contains no recovery action (its 2018-19
  saving "has been reversed within the agreed budget for next financial year").
- 2.8.4 mitigations: Transport "will be an early achievement of the planned savings for
  2018/19" (ASC003/COM040); Independence Matters is "mitigating the delay in delivery of day
  service savings" (ASC013); Service User income names no saving. Independence Matters prints
  no target ("one-off forecast £0.287m"), recorded as None.
- Text-dump damage: P2 1.2 header "Reference 9" (Description); code printed "ASC016- 019";
  P2 1.6 header row "riogramme ... Gavingo" and a stray row "wontstream Sucan"; BAU workstream
  label "Miscellaneous -4" beside "Business as / usual -4.340" (read as workstream label
  "Miscellaneous" and total -4.340); ASC029's description wraps ("by service users" printed on
  the line above the code); P2 summary "Tot<TAB>al", "Business as Usual Other" in one cell;
  P10 summary "Tot", programme label "Promoting Independence" on the Entry Points row; P10
  Appendix D workstream labels broken across rows ("Older and" / "Younger Adults" / "workstreams",
  "Commissioning workstream -13" + "-13.882 =", "Business as usual -4.340 ="), total row
  prefixed "•", "-". None changes a figure.
- P2 PI report 4.9/4.10 also name supporting workstreams "Organisational development and
  cultural change" and "Commissioning"; only Commissioning carries savings. Not listed.
"""

SOURCES = {
    "P2": {
        "file": "/work/shared/seeds/001_fa69b8cd4a934a1d.txt",
        "title": "Adult Social Care Finance Monitoring Report Period 2 (May) 2017-18",
        "meeting": "2017-07-10",
    },
    "P10": {
        "file": "/work/shared/seeds/002_610d4e370add1329.txt",
        "title": "Adult Social Care Finance Monitoring Report Period 10 (January) 2017-18",
        "meeting": "2018-03-05",
    },
}

YEARS = ["2017-18", "2018-19", "2019-20"]

PROGRAMMES = [
    {"code": "PI", "name": "Promoting Independence", "order": 1, "aliases": []},
    {"code": "BAU", "name": "Business as Usual", "order": 2, "aliases": ["Business as usual"]},
]

WORKSTREAMS = [
    {
        "code": "EHP",
        "name": "Early Help and Prevention",
        "programme": "PI",
        "order": 1,
        "group": "EHP",
        "aliases": ["Early Help and Prevention workstream", "Early help and prevention"],
    },
    {
        # P2 footnote *: "The Entry Points workstream is intended to deliver savings but these
        # savings will fall under the budgets relating to both Younger and Older Adults ... the
        # reporting will therefore sit under the Younger and Older Adults workstreams."
        "code": "EP",
        "name": "Entry Points",
        "programme": "PI",
        "order": 2,
        "group": "OYA",
        "aliases": ["Entry Points*", "Entry points"],
    },
    {
        "code": "YA",
        "name": "Younger Adults",
        "programme": "PI",
        "order": 3,
        "group": "OYA",
        "aliases": ["Younger adults"],
    },
    {
        "code": "OA",
        "name": "Older Adults",
        "programme": "PI",
        "order": 4,
        "group": "OYA",
        "aliases": ["Older adults"],
    },
    {
        "code": "COM",
        "name": "Commissioning",
        "programme": "PI",
        "order": 5,
        "group": "COM",
        "aliases": ["Commissioning workstream"],
    },
    {
        "code": "OTH",
        "name": "Other",
        "programme": "BAU",
        "order": 6,
        "group": "BAU",
        "aliases": ["Miscellaneous", "Business as usual", "Business as Usual Other"],
    },
]

# How Appendix C 1.6 (P2) and Appendix D (P10) group the workstreams, each with a printed
# "Workstream Savings" 2017-20 figure (see PRINTED_TOTALS).
WORKSTREAM_GROUPS = [
    {
        "code": "EHP",
        "name": "Early Help and Prevention workstream",
        "programme": "PI",
        "workstreams": ["EHP"],
        "order": 1,
        "aliases": [],
    },
    {
        "code": "OYA",
        "name": "Older and Younger Adults workstreams",
        "programme": "PI",
        "workstreams": ["EP", "YA", "OA"],
        "order": 2,
        "aliases": ["Older and Younger Adults workstreams"],
    },
    {
        "code": "COM",
        "name": "Commissioning workstream",
        "programme": "PI",
        "workstreams": ["COM"],
        "order": 3,
        "aliases": [],
    },
    {
        "code": "BAU",
        "name": "Business as usual",
        "programme": "BAU",
        "workstreams": ["OTH"],
        "order": 4,
        # P2 Appendix C 1.6 labels the group "Miscellaneous" (dump: "Miscellaneous -4").
        "aliases": ["Miscellaneous"],
    },
]

CATEGORIES = {
    "A": "A - Cutting costs through efficiencies",
    "B": "B - Better value for money through procurement and contract management",
    "C": "C - Service Redesign: Early help and prevention, working locally",
    "D": "D - Raising Revenue; commercial activities",
}

SAVINGS = [
    # --- Early Help and Prevention workstream (-5.800 over 2017-20) ---
    {
        "code": "ASC003",
        "code_as_printed": "ASC003",
        "name": "Service users to pay for transport out of personal budgets, reducing any subsidy paid by the Council",
        "aliases": [],
        "group": "EHP",
        "workstream": "EHP",
        "category": "C",
        "parent": None,
        "targets": {"2018-19": "-0.900", "2019-20": "-0.800"},
        "reversals": {"2017-18": "0.900"},
        "note": "2017-18 printed 0.900 in P2 1.2 (reversal), blank in P2 1.6.",
    },
    {
        "code": "COM040",
        "code_as_printed": "COM040",
        "name": "Delay to 14-15, 15-16 and 16-17 saving: Reduce the number of service users we provide transport for",
        "aliases": [],
        "group": "EHP",
        "workstream": "EHP",
        "category": "C",
        "parent": None,
        "targets": {"2018-19": "-2.100"},
        "reversals": {"2017-18": "2.100"},
        "note": "2017-18 printed 2.100 in P2 1.2 (reversal), blank in P2 1.6.",
    },
    {
        "code": "ASC007",
        "code_as_printed": "ASC007",
        "name": "Promoting Independence - Reablement - net reduction - expand Reablement Service to deal with 100% of demand and develop service for working age adults",
        "aliases": [],
        "group": "EHP",
        "workstream": "EHP",
        "category": "C",
        "parent": None,
        "targets": {"2017-18": "-1.500", "2018-19": "-0.500"},
        "reversals": {},
        "note": "",
    },
    # --- Older and Younger Adults workstreams (-23.104 over 2017-20) ---
    {
        "code": "COM033",
        "code_as_printed": "COM033",
        "name": "Reducing funding within personal budgets to focus on eligible unmet needs",
        "aliases": ["Replacement of planning beds", "Review of the usage of short term planning beds"],
        "group": "OYA",
        "workstream": "OA",
        "category": "C",
        "parent": None,
        "targets": {"2017-18": "-0.500"},
        "reversals": {},
        "note": "Matched to P10 'Replacement of planning beds' (-0.500) by amount and grouping only; "
        "workstream OA inferred from the summary (OA 2017-18 -2.364 = -1.864 - 0.500).",
    },
    {
        "code": "ASC006",
        "code_as_printed": "ASC006",
        "name": "Promoting Independence - Customer Pathway - where the focus will be on connecting people with ways to maintain their wellbeing and independence thereby reducing the numbers of service users receiving care in a residential setting",
        "aliases": ["Younger adults and older people reviews"],
        "group": "OYA",
        "workstream": None,
        "category": "C",
        "parent": None,
        # 2017-18 -4.445 (as printed in P2 1.2 and 1.6) is held by ASC006-YA + ASC006-OP.
        "targets": {"2018-19": "-3.628", "2019-20": "-7.538"},
        "reversals": {},
        "note": "2018-19/2019-20 split between Younger and Older Adults not given in the papers.",
    },
    {
        # Invented sub-code: P10 Appendix D project delivering part of ASC006.
        "code": "ASC006-YA",
        "code_as_printed": "",
        "name": "Younger adult reviews",
        "aliases": [],
        "group": "OYA",
        "workstream": "YA",
        "category": "C",
        "parent": "ASC006",
        "targets": {"2017-18": "-2.581"},
        "reversals": {},
        "note": "P10 Appendix D project; = P2 summary Younger Adults 2017-18.",
    },
    {
        # Invented sub-code: P10 Appendix D project delivering part of ASC006.
        "code": "ASC006-OP",
        "code_as_printed": "",
        "name": "Older people reviews",
        "aliases": [],
        "group": "OYA",
        "workstream": "OA",
        "category": "C",
        "parent": "ASC006",
        "targets": {"2017-18": "-1.864"},
        "reversals": {},
        "note": "P10 Appendix D project.",
    },
    {
        "code": "ASC011",
        "code_as_printed": "ASC011",
        "name": "Move service mix to average of comparator family group or target - all specialisms",
        "aliases": [],
        "group": "OYA",
        "workstream": None,
        "category": "C",
        "parent": None,
        "targets": {"2018-19": "-1.444", "2019-20": "-0.962"},
        "reversals": {},
        "note": "Split between Younger and Older Adults not given.",
    },
    {
        "code": "ASC015",
        "code_as_printed": "ASC015",
        "name": "Move service mix to lowest of comparator family group - all specialisms",
        "aliases": [],
        "group": "OYA",
        "workstream": None,
        "category": "C",
        "parent": None,
        "targets": {"2018-19": "-2.190", "2019-20": "-0.200"},
        "reversals": {},
        "note": "Split between Younger and Older Adults not given.",
    },
    {
        # Invented code: uncoded line in P2 Appendix C 1.6.
        "code": "X4197-DM",
        "code_as_printed": "",
        "name": "Demand management requirements towards £4.197m",
        "aliases": [],
        "group": "OYA",
        "workstream": None,
        "category": None,
        "parent": None,
        "targets": {"2018-19": "-2.197"},
        "reversals": {},
        "note": "Part of 'Add: Removal of one-off grant' (-4.197); not in the February agreed list.",
    },
    # --- Commissioning workstream (-13.882 over 2017-20) ---
    {
        "code": "ASC020",
        "code_as_printed": "ASC020",
        "name": "Remodel contracts for support to mental health recovery",
        "aliases": [],
        "group": "COM",
        "workstream": "COM",
        "category": "B",
        "parent": None,
        "targets": {"2017-18": "-0.125", "2018-19": "-0.275"},
        "reversals": {},
        "note": "",
    },
    {
        "code": "ASC021",
        "code_as_printed": "ASC021",
        "name": "Recommissioning of information advice and advocacy services",
        "aliases": [],
        "group": "COM",
        "workstream": "COM",
        "category": "B",
        "parent": None,
        "targets": {"2017-18": "0.000", "2018-19": "-0.250"},
        "reversals": {},
        "note": "Not listed in P10 Appendix D.",
    },
    {
        "code": "ASC024",
        "code_as_printed": "ASC024",
        "name": "Home care commissioning - an improved framework for procuring home care services in Norfolk",
        "aliases": ["Home care commissioning"],
        "group": "COM",
        "workstream": "COM",
        "category": "B",
        "parent": None,
        "targets": {"2017-18": "-0.183", "2018-19": "-0.549"},
        "reversals": {},
        "note": "P10 2.8.4: savings for 2018-19 'have been reversed within the agreed budget for next financial year' (not reflected in these P2 targets).",
    },
    {
        "code": "ASC008",
        "code_as_printed": "ASC008",
        "name": "Promoting Independence - Housing with Care - develop non-residential community based care solutions",
        "aliases": [],
        "group": "COM",
        "workstream": "COM",
        "category": "C",
        "parent": None,
        "targets": {"2018-19": "-0.500", "2019-20": "-0.500"},
        "reversals": {},
        "note": "",
    },
    {
        "code": "ASC009",
        "code_as_printed": "ASC009",
        "name": "Promoting Independence - Integrated Community Equipment Service - expand service so through increased availability and access to equipment care costs will be reduced",
        "aliases": [],
        "group": "COM",
        "workstream": "COM",
        "category": "C",
        "parent": None,
        "targets": {"2017-18": "-0.250", "2018-19": "-0.250"},
        "reversals": {},
        "note": "",
    },
    {
        "code": "ASC016-019",
        "code_as_printed": "ASC016- 019",
        "name": "Building resilient lives: reshaping our work with people of all ages requiring housing related support to keep them independent",
        "aliases": [],
        "group": "COM",
        "workstream": "COM",
        "category": "C",
        "parent": None,
        "targets": {"2017-18": "-2.100", "2018-19": "-3.400"},
        "reversals": {},
        "note": "",
    },
    {
        "code": "ASC013",
        "code_as_printed": "ASC013",
        "name": "Radical review of daycare services",
        "aliases": ["Review of day services", "Review of its Day Care provision"],
        "group": "COM",
        "workstream": "COM",
        "category": "C",
        "parent": None,
        "targets": {"2017-18": "-1.000", "2018-19": "-2.500"},
        "reversals": {},
        "note": "",
    },
    {
        # Invented code: uncoded line in P2 Appendix C 1.6.
        "code": "X4197-COM",
        "code_as_printed": "",
        "name": "Commissioning requirements towards £4.197m",
        "aliases": [],
        "group": "COM",
        "workstream": "COM",
        "category": None,
        "parent": None,
        "targets": {"2018-19": "-2.000"},
        "reversals": {},
        "note": "Part of 'Add: Removal of one-off grant' (-4.197); not in the February agreed list.",
    },
    # --- Business as usual (-4.340 over 2017-20) ---
    {
        "code": "ASC010",
        "code_as_printed": "ASC010",
        "name": "Reduce Training & Development spend following implementation of Promoting Independence",
        "aliases": [],
        "group": "BAU",
        "workstream": "OTH",
        "category": "A",
        "parent": None,
        "targets": {"2017-18": "-0.200"},
        "reversals": {},
        "note": "",
    },
    {
        "code": "ASC022",
        "code_as_printed": "ASC022",
        "name": "Review of commissioning structure and wider opportunities to realign staffing structures in localities",
        "aliases": [],
        "group": "BAU",
        "workstream": "OTH",
        "category": "A",
        "parent": None,
        "targets": {"2017-18": "-0.155"},
        "reversals": {},
        "note": "",
    },
    {
        "code": "ASC026",
        "code_as_printed": "ASC026",
        "name": "Review of various commissioning arrangements to identify more cost effective ways of providing services",
        "aliases": [],
        "group": "BAU",
        "workstream": "OTH",
        "category": "A",
        "parent": None,
        "targets": {"2017-18": "-1.159"},
        "reversals": {},
        "note": "",
    },
    {
        "code": "ASC027",
        "code_as_printed": "ASC027",
        "name": "Multiple small efficiencies within Service Level Agreements",
        "aliases": [],
        "group": "BAU",
        "workstream": "OTH",
        "category": "A",
        "parent": None,
        "targets": {"2017-18": "-0.190"},
        "reversals": {},
        "note": "",
    },
    {
        "code": "ASC028",
        "code_as_printed": "ASC028",
        "name": "Maximise use of apprenticeships",
        "aliases": [],
        "group": "BAU",
        "workstream": "OTH",
        "category": "A",
        "parent": None,
        "targets": {"2017-18": "-0.020"},
        "reversals": {},
        "note": "",
    },
    {
        "code": "ASC030",
        "code_as_printed": "ASC030",
        "name": "Rationalise mobile phones",
        "aliases": [],
        "group": "BAU",
        "workstream": "OTH",
        "category": "A",
        "parent": None,
        "targets": {"2017-18": "-0.010"},
        "reversals": {},
        "note": "",
    },
    {
        "code": "ASC031",
        "code_as_printed": "ASC031",
        "name": "Additional savings proposals currently being developed",
        "aliases": [],
        "group": "BAU",
        "workstream": "OTH",
        "category": "A",
        "parent": None,
        "targets": {"2017-18": "-1.141"},
        "reversals": {},
        "note": "",
    },
    {
        "code": "ASC023",
        "code_as_printed": "ASC023",
        "name": "A consistent approach to specific laundry needs",
        "aliases": [],
        "group": "BAU",
        "workstream": "OTH",
        "category": "C",
        "parent": None,
        "targets": {"2017-18": "-0.055"},
        "reversals": {},
        "note": "Category C in P2 1.2 but grouped under Business as usual.",
    },
    {
        "code": "ASC029",
        "code_as_printed": "ASC029",
        "name": "Align charging policy to more closely reflect actual disability related expenditure incurred by service users",
        "aliases": ["Align charging policy to more closely reflect actual disability related expenditure incurred"],
        "group": "BAU",
        "workstream": "OTH",
        "category": "D",
        "parent": None,
        "targets": {"2017-18": "-1.180", "2018-19": "-0.230"},
        "reversals": {},
        "note": "",
    },
]

_ON = "on target"
_OFF = "off target"

_EXPL_REVIEWS = (
    "Younger adults and older people reviews (target £4.445m; forecast £2.466m; variance £1.979m) "
    "The forecast is based on evidence of the actual impact from reviews completed earlier in the year. "
    "However, this is a difficult saving to accurately evidence and savings could still be achieved "
    "through other demand management interventions that will enable savings to be achieved across the "
    "workstream. Recruitment for additional social workers is continuing and the Living Well programme "
    "is being rolled out, which will support approaches that will deliver increased independence for individuals."
)
_RECOVERY_REVIEWS = (
    "Recruitment for additional social workers is continuing and the Living Well programme is being rolled "
    "out, which will support approaches that will deliver increased independence for individuals."
)

FORECASTS = {
    # P2 2.9.4: "the programme will deliver the required savings in full"; no per-saving
    # forecast or variance is printed.
    "P2": {
        "ASC007": {"forecast": "-1.500", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "COM033": {"forecast": "-0.500", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC006-YA": {"forecast": "-2.581", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC006-OP": {"forecast": "-1.864", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC020": {"forecast": "-0.125", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC021": {"forecast": "0.000", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC024": {"forecast": "-0.183", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC009": {"forecast": "-0.250", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC016-019": {"forecast": "-2.100", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC013": {"forecast": "-1.000", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC010": {"forecast": "-0.200", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC022": {"forecast": "-0.155", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC026": {"forecast": "-1.159", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC027": {"forecast": "-0.190", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC028": {"forecast": "-0.020", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC030": {"forecast": "-0.010", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC031": {"forecast": "-1.141", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC023": {"forecast": "-0.055", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC029": {"forecast": "-1.180", "variance": None, "status": _ON, "explanation": "", "recovery_action": ""},
    },
    # P10 Appendix D, in its order; explanations from 2.8.4.
    "P10": {
        "ASC007": {"forecast": "-1.500", "variance": "0.000", "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC006-YA": {
            "forecast": "-1.766",
            "variance": "0.815",
            "status": _OFF,
            # 2.8.4 explains ASC006-YA and ASC006-OP together.
            "explanation": _EXPL_REVIEWS,
            "recovery_action": _RECOVERY_REVIEWS,
        },
        "COM033": {
            "forecast": "-0.080",
            "variance": "0.420",
            "status": _OFF,
            "explanation": "Review of the usage of short term planning beds (target £0.500m; forecast £0.080m; variance £0.420m) "
            "The service had targeted a reduction in its usage of planning beds but the decommissioning of these services "
            "has been delayed due to the requirement to source alternative capacity to ensure no detrimental impact on hospital discharge.",
            "recovery_action": "",
        },
        "ASC006-OP": {
            "forecast": "-0.700",
            "variance": "1.164",
            "status": _OFF,
            "explanation": _EXPL_REVIEWS,
            "recovery_action": _RECOVERY_REVIEWS,
        },
        "ASC020": {"forecast": "-0.125", "variance": "0.000", "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC024": {
            "forecast": "0.000",
            "variance": "0.183",
            "status": _OFF,
            "explanation": "Home care commissioning (target £0.183m; forecast £0.000m; variance £0.183m) A new framework is in "
            "place for the Northern, Central and Southern areas and work is being finalised regarding fee structures. The framework "
            "is expected to improve stability in this market but is not forecast to achieve immediate savings. The new framework "
            "encourages provider collaboration to improve efficiency of home support rounds, which will improve the financial "
            "sustainability and support more cost effective commissioning of wider services, however it is expected that this "
            "will not result in savings in the short term and savings for 2018-19 have been reversed within the agreed budget "
            "for next financial year.",
            "recovery_action": "",
        },
        "ASC009": {"forecast": "-0.250", "variance": "0.000", "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC016-019": {
            "forecast": "-2.100",
            "variance": "0.000",
            "status": _ON,
            "explanation": "",
            "recovery_action": "",
        },
        "ASC013": {
            "forecast": "-0.266",
            "variance": "0.734",
            "status": _OFF,
            "explanation": "Review of day services (target £1.000m; forecast £0.266m; variance £0.734m) The service is working "
            "closely with Independence Matters to reshape the contract and service model to enable long term savings to be "
            "delivered, however, part of the savings will require reduction in demand for day services and alternative approaches.",
            "recovery_action": "The service is working closely with Independence Matters to reshape the contract and service "
            "model to enable long term savings to be delivered",
        },
        "ASC010": {"forecast": "-0.200", "variance": "0.000", "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC022": {"forecast": "-0.155", "variance": "0.000", "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC026": {
            "forecast": "-0.618",
            "variance": "0.541",
            "status": _OFF,
            "explanation": "Review of various commissioning arrangements to identify more cost effective ways of providing "
            "services (target £1.159m; forecast £0.618m; variance £0.541m) Planned reduction and decommissioning of some "
            "contracts has not be achieved. This has been mitigated through revised usage of contracts to improve value for money.",
            "recovery_action": "This has been mitigated through revised usage of contracts to improve value for money.",
        },
        "ASC027": {"forecast": "-0.190", "variance": "0.000", "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC028": {"forecast": "-0.020", "variance": "0.000", "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC030": {"forecast": "-0.010", "variance": "0.000", "status": _ON, "explanation": "", "recovery_action": ""},
        "ASC031": {"forecast": "-1.141", "variance": "0.000", "status": _ON, "explanation": "", "recovery_action": ""},
        # Off target (variance 0.017) but 2.8.4 gives no explanation.
        "ASC023": {"forecast": "-0.038", "variance": "0.017", "status": _OFF, "explanation": "", "recovery_action": ""},
        "ASC029": {"forecast": "-1.180", "variance": "0.000", "status": _ON, "explanation": "", "recovery_action": ""},
    },
}

# Amounts as printed in 2.8.4 (unsigned: positive = saving achieved). target None = not printed.
MITIGATIONS = {
    "P10": [
        {
            "name": "Transport",
            "target": "0.000",
            "forecast": "0.888",
            "one_off": False,
            "related_savings": ["ASC003", "COM040"],
            "explanation": "The service is seeing an impact of the transport policy coupled with the work being undertaken "
            "to continuously review routes and contracts. This will be an early achievement of the planned savings for 2018/19.",
        },
        {
            "name": "Service User income",
            "target": "0.000",
            "forecast": "0.600",
            "one_off": False,
            "related_savings": [],
            "explanation": "The Finance Exchequer Service has increased work with service users who make a nil contribution "
            "towards their care with a view to ensuring the service user is maximising their income and supporting them to "
            "claim all the benefits they are entitled to.",
        },
        {
            "name": "Independence Matters",
            "target": None,
            "forecast": "0.287",
            "one_off": True,
            "related_savings": ["ASC013"],
            "explanation": "Independence Matters has identified one-off savings from an inflationary increase that was expected "
            "to take effect in 2017/18 but will now not be paid. This is mitigating the delay in delivery of day service "
            "savings related to this contract.",
        },
    ],
}

# fmt: off
# --- row sets used by PRINTED_TOTALS -------------------------------------------------------
_EHP_ROWS = ["ASC003", "COM040", "ASC007"]
_OYA_ROWS = ["COM033", "ASC006", "ASC006-YA", "ASC006-OP", "ASC011", "ASC015", "X4197-DM"]
_COM_ROWS = ["ASC020", "ASC021", "ASC024", "ASC008", "ASC009", "ASC016-019", "ASC013", "X4197-COM"]
_BAU_ROWS = ["ASC010", "ASC022", "ASC026", "ASC027", "ASC028", "ASC030", "ASC031", "ASC023", "ASC029"]
_ALL_ROWS = _EHP_ROWS + _OYA_ROWS + _COM_ROWS + _BAU_ROWS
_GRANT_ROWS = ["X4197-DM", "X4197-COM"]
_AGREED_ROWS = [code for code in _ALL_ROWS if code not in _GRANT_ROWS]  # February 2017 list (P2 1.2)
_TRANSPORT_ROWS = ["ASC003", "COM040"]
_REVIEW_ROWS = ["ASC006-YA", "ASC006-OP"]
_P10_ROWS = list(FORECASTS["P10"])
_P10_OFF = ["ASC006-YA", "COM033", "ASC006-OP", "ASC024", "ASC013", "ASC026", "ASC023"]
_P10_ON = [code for code in _P10_ROWS if code not in _P10_OFF]


_YA_OA_NOTE = (
    "Not rebuildable: the papers do not say how ASC006 (2018-19/2019-20), ASC011, ASC015 and X4197-DM divide "
    "between Younger and Older Adults; YA + OA together equal the OYA rows."
)

# The 2017-20 summary by programme/workstream, printed three times with the same figures:
# P2 Appendix C 1.4, the P2 pack's Promoting Independence report 4.12, and the P10 paper.
# (subject, rows per year, printed per year)
_SUMMARY = [
    ("EHP", [_EHP_ROWS, _EHP_ROWS, _EHP_ROWS], ["-1.500", "-3.500", "-0.800"]),
    ("EP", [[], [], []], ["0.000", "0.000", "0.000"]),
    ("YA", [["ASC006-YA"], None, None], ["-2.581", "-6.794", "-5.307"]),
    ("OA", [["ASC006-OP", "COM033"], None, None], ["-2.364", "-2.665", "-3.393"]),
    ("COM", [_COM_ROWS, _COM_ROWS, _COM_ROWS], ["-3.658", "-9.724", "-0.500"]),
    ("OTH", [_BAU_ROWS, _BAU_ROWS, _BAU_ROWS], ["-4.110", "-0.230", "0.000"]),
    ("all", [_ALL_ROWS, _ALL_ROWS, _ALL_ROWS], ["-14.213", "-22.913", "-10.000"]),
]
_SUMMARY_PRINTS = [
    ("P2", "Appendix C 1.4 summary", "001:624-631"),
    ("P2", "PI report 4.12 summary", "001:1030-1037"),
    ("P10", "2017-20 programme summary", "002:386-393"),
]

# The gross savings requirement table, printed three times (same places).
# (subject, column, printed, rows, note)
_GROSS = [
    ("agreed", "target 2017-18", "-14.213", _AGREED_ROWS, "Reported gross savings - agreed by County Council (excludes the 3.000 transport reversals)"),
    ("agreed", "target 2018-19", "-18.716", _AGREED_ROWS, "Reported gross savings - agreed by County Council"),
    ("agreed", "target 2019-20", "-10.000", _AGREED_ROWS, "Reported gross savings - agreed by County Council"),
    ("one-off grant", "target 2018-19", "-4.197", _GRANT_ROWS, "Add: Removal of one-off grant"),
    ("all", "target 2017-18", "-14.213", _ALL_ROWS, "Target service savings"),
    ("all", "target 2018-19", "-22.913", _ALL_ROWS, "Target service savings"),
    ("all", "target 2019-20", "-10.000", _ALL_ROWS, "Target service savings"),
]
_GROSS_PRINTS = [
    ("P2", "Appendix C 1.4 gross savings requirement", "001:617-620"),
    ("P2", "PI report 4.12 gross savings requirement", "001:1023-1026"),
    ("P10", "2017-20 programme gross savings requirement", "002:379-382"),
]

# (period, table, ref, subject, column, printed, rows, printed_as, rounded_to, note)
_PRINTED = (
    [
        ("P2", "Appendix C 1.2 agreed savings", "001:611", "agreed", "net 2017-18", "-11.213", _AGREED_ROWS, "signed", "0.001", "NET RECURRING SAVINGS"),
        ("P2", "Appendix C 1.2 agreed savings", "001:611", "agreed", "net 2018-19", "-18.716", _AGREED_ROWS, "signed", "0.001", "NET RECURRING SAVINGS"),
        ("P2", "Appendix C 1.2 agreed savings", "001:611", "agreed", "net 2019-20", "-10.000", _AGREED_ROWS, "signed", "0.001", "NET RECURRING SAVINGS"),
        ("P2", "Appendix C 1.2 agreed savings", "001:602", "ASC006", "target 2017-18", "-4.445", _REVIEW_ROWS, "signed", "0.001", "Printed as the ASC006 line; held by its P10 parts."),
    ]
    + [
        (period, table, ref, subject, column, printed, rows, "signed", "0.001", note)
        for period, table, ref in _GROSS_PRINTS
        for subject, column, printed, rows, note in _GROSS
    ]
    + [
        (period, table, ref, subject, "target " + year, printed, rows, "signed", "0.001", "" if rows is not None else _YA_OA_NOTE)
        for period, table, ref in _SUMMARY_PRINTS
        for subject, rows_by_year, printed_by_year in _SUMMARY
        for year, rows, printed in zip(YEARS, rows_by_year, printed_by_year, strict=True)
    ]
    + [
        ("P2", "Appendix C 1.6 workstream build-up", "001:644", "EHP", "target 2017-20", "-5.800", _EHP_ROWS, "signed", "0.001", "Workstream Savings, Early Help and Prevention workstream"),
        ("P2", "Appendix C 1.6 workstream build-up", "001:647", "OYA", "target 2017-20", "-23.104", _OYA_ROWS, "signed", "0.001", "Workstream Savings, Older and Younger Adults workstreams"),
        ("P2", "Appendix C 1.6 workstream build-up", "001:654", "COM", "target 2017-20", "-13.882", _COM_ROWS, "signed", "0.001", "Workstream Savings, Commissioning workstream"),
        ("P2", "Appendix C 1.6 workstream build-up", "001:662", "BAU", "target 2017-20", "-4.340", _BAU_ROWS, "signed", "0.001", "Workstream Savings, 'Miscellaneous' / Business as usual"),
        ("P2", "Appendix C 1.6 workstream build-up", "001:647", "ASC006", "target 2017-18", "-4.445", _REVIEW_ROWS, "signed", "0.001", "Printed as the ASC006 line; held by its P10 parts."),
        ("P2", "2.9.1 text", "001:374", "agreed", "target 2017-18", "14.213", _AGREED_ROWS, "magnitude", "0.001", "budget for 2017/18 includes savings of £14.213m"),
        ("P2", "2.9.1 text", "001:374", "agreed", "net 2017-18", "11.213", _AGREED_ROWS, "magnitude", "0.001", "the net savings reported for the service total £11.213m"),
        ("P2", "2.9.1 text", "001:374", "transport reversals", "reversal 2017-18", "3", _TRANSPORT_ROWS, "magnitude", "1", "reversing previous savings of £3m for transport"),
        ("P2", "2.9.1 text", "001:374", "one-off grant", "target 2018-19", "4.197", _GRANT_ROWS, "magnitude", "0.001", "additional savings of £4.197m by April 2018"),
        ("P2", "PI report summary text", "001:938", "all", "target 2017-20", "47", _ALL_ROWS, "magnitude", "1", "the required £47m of recurrent savings during the period 2017-2020"),
        ("P2", "PI report 4.1 text", "001:994", "all", "target 2017-20", "47", _ALL_ROWS, "magnitude", "1", "£47m of recurrent savings during the period 2017-2020"),
        ("P2", "LD report 3.2 text", "001:1426", "YA", "target 2017-20", "15", None, "magnitude", "1", "'a little under £15m over the period 2017-2020' for working age adults; " + _YA_OA_NOTE + " Summary YA lines sum to 14.682."),
        ("P2", "LD report 3.2 text", "001:1426", "ASC013", "target 2017-20", "3.5", ["ASC013"], "magnitude", "0.1", "review its Day Care ... provision ... deliver £3.5m"),
        ("P2", "LD report 3.2 text", "001:1426", "transport", "target 2017-20", "3.8", _TRANSPORT_ROWS, "magnitude", "0.1", "review its ... Transport provision ... deliver £3.8m (gross, before the 3.000 reversals)"),
        ("P2", "Additional Social Care Funding report text", "001:731", "all", "target 2017-20", "50", None, "magnitude", "1", "'over £50m in savings and efficiencies by 2020': scope not defined (earlier years? efficiencies?); 2017-20 rows total 47.126."),
    ]
    + [
        ("P10", "2.8.1 text", "002:130", "agreed", "target 2017-18", "14.213", _AGREED_ROWS, "magnitude", "0.001", "budget for 2017/18 includes savings of £14.213m"),
        ("P10", "2.8.1 text", "002:130", "agreed", "net 2017-18", "11.213", _AGREED_ROWS, "magnitude", "0.001", "the net savings reported for the service total £11.213m"),
        ("P10", "2.8.1 text", "002:130", "transport reversals", "reversal 2017-18", "3", _TRANSPORT_ROWS, "magnitude", "1", "reversing previous savings of £3m for transport"),
        ("P10", "2.8.1 text", "002:130", "one-off grant", "target 2018-19", "4.197", _GRANT_ROWS, "magnitude", "0.001", "additional savings of £4.197m by April 2018"),
        ("P10", "2.8.3 text", "002:132", "off target", "variance", "3.874", _P10_OFF, "magnitude", "0.001", "£3.874m of the planned savings are at risk of non-delivery"),
        ("P10", "2.8.3 text", "002:132", "all", "forecast", "10.339", _P10_ROWS, "magnitude", "0.001", "£10.339m is on track (= total forecast, not the 'Savings on target' line)"),
        ("P10", "2.8.3 savings summary", "002:136", "off target", "target 2017-18", "-6.842", _P10_OFF, "signed", "0.001", "Savings off target (explanation below)"),
        ("P10", "2.8.3 savings summary", "002:136", "off target", "forecast", "-2.968", _P10_OFF, "signed", "0.001", "Savings off target"),
        ("P10", "2.8.3 savings summary", "002:136", "off target", "variance", "-3.874", _P10_OFF, "signed", "0.001", "Savings off target; printed as target - forecast, Appendix D rows as forecast - target"),
        ("P10", "2.8.3 savings summary", "002:136", "off target", "previously reported variance", "3.874", None, "signed", "0.001", "Period 7 figure; no P7 rows in the sources. P10 off-target variance rows sum to 3.874."),
        ("P10", "2.8.3 savings summary", "002:137", "on target", "target 2017-18", "-7.371", _P10_ON, "signed", "0.001", "Savings on target"),
        ("P10", "2.8.3 savings summary", "002:137", "on target", "forecast", "-7.371", _P10_ON, "signed", "0.001", "Savings on target"),
        ("P10", "2.8.3 savings summary", "002:137", "on target", "variance", "0.000", _P10_ON, "signed", "0.001", "Savings on target"),
        ("P10", "2.8.3 savings summary", "002:137", "on target", "previously reported variance", "0", None, "signed", "0.001", "Period 7 figure; no P7 rows in the sources."),
        ("P10", "2.8.4 key variances", "002:149", "ASC006", "target 2017-18", "4.445", _REVIEW_ROWS, "magnitude", "0.001", "Younger adults and older people reviews"),
        ("P10", "2.8.4 key variances", "002:149", "ASC006", "forecast", "2.466", _REVIEW_ROWS, "magnitude", "0.001", "Younger adults and older people reviews"),
        ("P10", "2.8.4 key variances", "002:149", "ASC006", "variance", "1.979", _REVIEW_ROWS, "magnitude", "0.001", "Younger adults and older people reviews"),
        ("P10", "2.8.4 key variances", "002:151", "ASC024", "target 2017-18", "0.183", ["ASC024"], "magnitude", "0.001", "Home care commissioning (restates one row)"),
        ("P10", "2.8.4 key variances", "002:151", "ASC024", "forecast", "0.000", ["ASC024"], "magnitude", "0.001", "Home care commissioning (restates one row)"),
        ("P10", "2.8.4 key variances", "002:151", "ASC024", "variance", "0.183", ["ASC024"], "magnitude", "0.001", "Home care commissioning (restates one row)"),
        ("P10", "2.8.4 key variances", "002:153", "ASC013", "target 2017-18", "1.000", ["ASC013"], "magnitude", "0.001", "Review of day services (restates one row)"),
        ("P10", "2.8.4 key variances", "002:153", "ASC013", "forecast", "0.266", ["ASC013"], "magnitude", "0.001", "Review of day services (restates one row)"),
        ("P10", "2.8.4 key variances", "002:153", "ASC013", "variance", "0.734", ["ASC013"], "magnitude", "0.001", "Review of day services (restates one row)"),
        ("P10", "2.8.4 key variances", "002:155", "COM033", "target 2017-18", "0.500", ["COM033"], "magnitude", "0.001", "Review of the usage of short term planning beds (restates one row)"),
        ("P10", "2.8.4 key variances", "002:155", "COM033", "forecast", "0.080", ["COM033"], "magnitude", "0.001", "Review of the usage of short term planning beds (restates one row)"),
        ("P10", "2.8.4 key variances", "002:155", "COM033", "variance", "0.420", ["COM033"], "magnitude", "0.001", "Review of the usage of short term planning beds (restates one row)"),
        ("P10", "2.8.4 key variances", "002:157", "ASC026", "target 2017-18", "1.159", ["ASC026"], "magnitude", "0.001", "Review of various commissioning arrangements (restates one row)"),
        ("P10", "2.8.4 key variances", "002:157", "ASC026", "forecast", "0.618", ["ASC026"], "magnitude", "0.001", "Review of various commissioning arrangements (restates one row)"),
        ("P10", "2.8.4 key variances", "002:157", "ASC026", "variance", "0.541", ["ASC026"], "magnitude", "0.001", "Review of various commissioning arrangements (restates one row)"),
        ("P10", "Appendix D", "002:398", "EHP", "target 2017-20", "-5.800", _EHP_ROWS, "signed", "0.001", "Workstream Savings 2017-20, Early Help and Prevention workstream"),
        ("P10", "Appendix D", "002:400", "OYA", "target 2017-20", "-23.104", _OYA_ROWS, "signed", "0.001", "Workstream Savings 2017-20, Older and Younger Adults workstreams"),
        ("P10", "Appendix D", "002:402-404", "COM", "target 2017-20", "-13.882", _COM_ROWS, "signed", "0.001", "Workstream Savings 2017-20, Commissioning workstream (dump: '-13' and '-13.882 =')"),
        ("P10", "Appendix D", "002:410", "BAU", "target 2017-20", "-4.340", _BAU_ROWS, "signed", "0.001", "Workstream Savings 2017-20, Business as usual"),
        ("P10", "Appendix D", "002:419", "all", "target 2017-18", "-14.213", _P10_ROWS, "signed", "0.001", "total row"),
        ("P10", "Appendix D", "002:419", "all", "forecast", "-10.339", _P10_ROWS, "signed", "0.001", "total row"),
        ("P10", "Appendix D", "002:419", "all", "variance", "-3.874", _P10_ROWS, "signed", "0.001", "total row; printed as target - forecast, the rows as forecast - target"),
    ]
)

# fmt: on

_PRINTED_KEYS = ("period", "table", "ref", "subject", "column", "printed", "rows", "printed_as", "rounded_to", "note")
PRINTED_TOTALS = [dict(zip(_PRINTED_KEYS, entry, strict=True)) for entry in _PRINTED]
