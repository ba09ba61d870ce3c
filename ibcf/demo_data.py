"""Norfolk County Council, Adult Social Services: improved Better Care Fund (iBCF) and the
Spring Budget 2017 additional social care grant, 2017-18 to 2019-20 - the published figures.

Sources (plain-text dumps of committee papers, /work/shared/seeds/):
- seed 001 (Adult Social Care Committee, 10 July 2017): paper "Additional Social Care
  Funding" - sections 2.1 (grant conditions), 4.2 (funding profile table), 5.1 (priorities),
  5.8, Appendix 1 Table 1 (the plan) and Table 2 (split by acute system). Also the Period 2
  finance monitoring report, section 2.6.
- seed 002 (Adult Social Care Committee, 5 March 2018): Finance Monitoring Report Period 10
  (January) 2017-18 - sections 2.5, 2.10.5-2.10.6, Appendix C "Improved Better Care Fund
  (iBCF) - Summary table and October Update" (the later plan plus activity and progress),
  and the reserves table (iBCF carry-forward row).
- seed 003 (Health and Wellbeing Board, 2 May 2018): context only. Its Annex C is the same
  Period 10 table, titled "Summary table and February Update", with identical figures; its
  sections 2.9.3 and 3.3 restate 9.1 / 10.8 and the 10.971 carry-forward.

Conventions: amounts are STRINGS in GBP millions exactly as printed ("0.0", "0", "-0.1",
"(5.903)"); nothing is rounded, re-signed or computed here. Years are keyed "2017-18" etc.
(the papers print "2017/18"). No totals are stored as data: every printed total is in
PRINTED_TOTALS for a checker to compare against the rows.

Shapes
------
GRANT_CONDITIONS: list of {"key", "text_seed001", "text_seed002"} - the three purposes.
PLANNING_PRIORITIES: list of {"key", "text"} - Protect / Sustain / Invest and Improve.
GRANT_STREAMS: list of {"code", "name", "printed_labels": [..], "amounts": {year: str},
    "funded_by_printed": {plan version name: {year: str}}, "note"}.
    amounts = the exact grant figures (seed 001 table 4.2; SB2017 also seed 001 2.6.1 and
    seed 002 2.5.1); funded_by_printed = the rounded, negative "Funded by:" lines.
SCHEMES: list (iBCF1..iBCF11, in printed order) of {"code", "priority", "condition",
    "conditions", "condition_text", "description", "impact", "july_2017_description",
    "july_2017_impact", "aliases", "note"}.
    condition = the ONE canonical grant condition judged primary (see CONDITION_MAPPING
    note); conditions = every canonical condition the paper's wording names;
    condition_text = the paper's wording (seed 002). description / impact = seed 002 text
    (complete); july_2017_* = seed 001 text as printed (may be truncated, see note).
PLAN_VERSIONS: list of {"name", "date", "source", "title_printed", "allocations":
    {scheme code: {year: str}}}.
ACUTE_SYSTEM_SPLIT: {"source", "table", "basis", "rows": [{"system", "label", "ccgs",
    "amounts": {year: str}}]} - totals are in PRINTED_TOTALS.
UPDATES: {"P10": {scheme code: {"activity_progress", "spend_to_date", "forecast"}}}.
    The papers give NO spend or forecast per scheme: those are None (not zero).
CARRY_FORWARD: {"P10": "10.971"}; CARRY_FORWARD_STATEMENTS lists every carry-forward
    figure stated, with where.
PRINTED_TOTALS: list of {"version" (or "period"), "source", "table", "subject", "column",
    "printed", "kind"} - kind "table_total" (a total/balance row of a table) or "text"
    (a headline figure quoted in prose).

Plan differences, July 2017 plan (seed 001 Table 1) -> Period 10 plan (seed 002 App. C)
--------------------------------------------------------------------------------------
Figures:
- iBCF2 market support: 9.3 / 11.0 / 11.0 -> 9.1 / 10.8 / 10.8 (-0.2 each year).
- iBCF6 micro commissioning: 0.1 / 0.0 / -0.1 -> 0.1 / 0.1 / 0.0 (+0.1 in 2018-19, 2019-20).
- iBCF11 mental health DTOC: 0.2 / 0.2 / 0.2 -> 0.4 / 0.4 / 0.4 (+0.2 each year).
- iBCF3 2017-18 printed "0.0" -> "0" (same value).
- Plan total row: 20.4 / 27.5 / 34.2 -> 20.4 / 27.7 / 34.3.
- July plan has a "Balance" row (0.0 / -0.2 / -0.1); Period 10 has none.
- Funded-by lines identical (-18.6/-11.9/-5.9, -1.9/-15.8/-28.4, total -20.4/-27.7/-34.3);
  P10 adds the note "Non -recurrent funding" to the Spring Budget line.
Wording:
- iBCF2 impact: "National Minimum Wage" -> "NMW"; "if provision to remain" -> "if provision
  is to remain".
- iBCF4 impact: "supports the PI agenda. The invest to save element here will be" ->
  "supports the Promoting Independence agenda. The invest to save element will be".
- iBCF5 impact: July text is cut at a page break after "Combined with an offer that builds
  on" (the rest is missing from the dump); P10 prints it in full.
- iBCF7/iBCF8 impact: in July the sentence "Key elements of the pathway are trusted
  assessor and discharge to assess ... in this pathway" sits in the iBCF8 cell; in P10 it
  sits in the iBCF7 cell. July "There may be a requirement to c/fwd" -> P10 "There will be a
  requirement to carry forward".
- Descriptions: P10 prefixes the codes "iBCF1".."iBCF11" (July prints no codes: codes are
  assigned to the July rows by position, which matches description for description).
  seed 003 expands iBCF3 "DOLs" to "Deprivation of Liberty cases (DOLs)".

Arithmetic check (Decimal, rows vs printed totals) - mismatches
--------------------------------------------------------------
- July plan, "Funded by" Total 2017-18: paper says -20.4, the two lines sum to -20.5
  (-18.6 + -1.9; rounding: exact 18.561 + 1.885 = 20.446). Same in the Period 10 table.
  Consequently the July "Balance" 2017-18 (printed 0.0 = 20.4 + -20.4) would be -0.1 if taken
  as the scheme rows (20.4) plus the two funded-by lines (-20.5).
- Period 10 plan, total row 2018-19: paper says 27.7, schemes sum to 27.6 (2017-18 20.4 and
  2019-20 34.3 agree). The printed 27.7 equals the funding total (27.729 rounded), not the
  sum of the rows.
- Headline (seed 001 summary and 1.1): "£18m in 17/18, followed by £11m ... and £6m",
  "some £35m over three years"; the exact grant is 18.561 + 11.901 + 5.903 = 36.365.
  Everything else agrees: July plan totals 20.4/27.5/34.2 = row sums; July Balance
  0.0/-0.2/-0.1 = total + funded-by total; Table 2 rows sum to 20.4/27.5/34.2; table 4.2
  totals and year-on-year column all agree.

Ambiguities in the text dumps
-----------------------------
- Seed 001 Table 1 prints the Planning priority and Grant Condition as merged cells: the
  iBCF2 row has a blank priority (it sits under "Protect" in the dump, but "Sustain" is
  printed centred on the next row); rows iBCF6-iBCF11 have blank priority and condition.
  Priorities/conditions here follow the explicit P10 table (iBCF2 = Sustain).
- Seed 001 iBCF4 condition is split by a page break: "Reduce pressure on the NHS and meet" /
  "social care need". Seed 001 "Funded by" line reads "ed iBCF as per 2015 Spending Review"
  (fragment of a wrapped word, probably "Improved"); the total and balance labels are split
  ("Tot"/"al", "Bala"/"nce"). Table 2's total row has no label.
- Seed 002 Appendix C is titled "Summary table and October Update" although it is in the
  Period 10 (January 2018) report, 5 March 2018, and reports mid-February progress; seed 003
  prints the same table as "Summary table and February Update". Seed 002 2.8.3 also calls the
  savings delivery status "Appendix C"; in the dump the savings are Appendix D.
- Seed 002 iBCF4 progress has an asterisk ("new roles in the service*:") with no footnote
  in the dump (seed 003 has no asterisk).
- iBCF9 progress says "linked with iBCF 8 and 9" (its own number); iBCF10 says "8 and 10".
  Probably meant 8 and 10 / 8 and 9; kept as printed.
- Seed 002 2.10.5/2.10.6 refer to "section 2.6" / "paragraph 2.6.4" for the additional social
  care funding, which is section 2.5 in the dump.
- Seed 001 2.1 prints the third condition as "Ensuing that ..." (typo for "Ensuring").
- Seed 001 condition wording "Reduce pressure on the NHS and stabilise Social Care provider
  market" names two grant conditions; see CONDITION_MAPPING_NOTE.
"""

CONDITION_MAPPING_NOTE = (
    "Canonical conditions are the three grant purposes. Where the paper's wording names two "
    "(iBCF2: 'Reduce pressure on the NHS and stabilise Social Care provider market'; iBCF4: "
    "'Reduce pressure on the NHS and meet social care need'), 'conditions' lists both and "
    "'condition' holds the one judged primary from the scheme description (iBCF2 is market "
    "support -> Stabilising the provider market; iBCF4 is discharge social work -> Reducing "
    "pressure on the NHS). This is a transcriber's judgement, not printed."
)

GRANT_CONDITIONS = [
    {
        "key": "Meeting social care needs",
        "text_seed001": "Meeting social care needs",
        "text_seed002": "Meeting social care needs",
    },
    {
        "key": "Reducing pressure on the NHS",
        "text_seed001": (
            "Reducing pressures on the NHS supporting people to be discharged from hospital when they are ready"
        ),
        "text_seed002": (
            "Reducing pressure on the NHS supporting people to be discharged from hospital when they are ready"
        ),
    },
    {
        "key": "Stabilising the provider market",
        "text_seed001": "Ensuing that the local social care provider market is stabilised",
        "text_seed002": "Ensuring that the local social care provider market is stabilised",
    },
]

# Seed 001 "Additional Social Care Funding", 5.1 (executive summary a-c words it similarly).
PLANNING_PRIORITIES = [
    {"key": "Protect", "text": "Protection of social care maintaining social care services"},
    {
        "key": "Sustain",
        "text": "Sustain social care focus on the market and securing supply and workforce",
    },
    {
        "key": "Invest and Improve",
        "text": (
            "Invest and improve social care support health functions in discharging their "
            "duties including work with CCGs and providers to meet National Condition 4"
        ),
    },
]

GRANT_STREAMS = [
    {
        "code": "SB2017",
        "name": "Spring Budget 2017 additional grant",
        "printed_labels": [
            "New funding iBCF as per 2017 Spring Budget (one-off)",
            "iBCF as per 2017 Spring Budget",
        ],
        "amounts": {"2017-18": "18.561", "2018-19": "11.901", "2019-20": "5.903"},
        "funded_by_printed": {
            "July 2017 plan": {"2017-18": "-18.6", "2018-19": "-11.9", "2019-20": "-5.9"},
            "Period 10 plan": {"2017-18": "-18.6", "2018-19": "-11.9", "2019-20": "-5.9"},
        },
        "note": (
            "One-off (non-recurrent) grant paid directly by DCLG, to be pooled in the BCF. "
            "Exact figures: table 4.2 of the Additional Social Care Funding report (Adult Social Care "
            "Committee, 10 July 2017) and the Period 2 report 2.6.1; the Period 10 report 2.5.1 ('Norfolk "
            "has received £18.561m in 2017/18'); the Health and Wellbeing Board paper of 2 May 2018, "
            "2.9.1. The July 2017 report's summary rounds to £18m / £11m / £6m, 'some £35m over three "
            "years'; its table 4.2 prints no 2020/21 figure (blank)."
        ),
    },
    {
        "code": "SR2015",
        "name": "2015 Spending Review iBCF",
        "printed_labels": [
            "iBCF as per 2015 Spending Review (recurrent)",
            "iBCF as per 2015 Spending Review",
            "ed iBCF as per 2015 Spending Review",
        ],
        "amounts": {
            "2017-18": "1.885",
            "2018-19": "15.828",
            "2019-20": "28.372",
            "2020-21": "28.372",
        },
        "funded_by_printed": {
            "July 2017 plan": {"2017-18": "-1.9", "2018-19": "-15.8", "2019-20": "-28.4"},
            "Period 10 plan": {"2017-18": "-1.9", "2018-19": "-15.8", "2019-20": "-28.4"},
        },
        "note": (
            "Recurrent improved Better Care Fund; exact figures only in table 4.2 of the Additional "
            "Social Care Funding report (Adult Social Care Committee, 10 July 2017) "
            "(already in the medium term financial plan; 2017-18 built into funding sources)."
        ),
    },
]

SCHEMES = [
    {
        "code": "iBCF1",
        "priority": "Protect",
        "condition": "Meeting social care needs",
        "conditions": ["Meeting social care needs"],
        "condition_text": "Meeting Social Care Needs",
        "description": ("Funding required to manage shortfall in recurrent pressures and protect social care services"),
        "impact": (
            "Over the three year period this funding will ensure that vital service provision "
            "such as homecare is maintained and people are supported to maintain their "
            "independence and stay out of hospital"
        ),
        "july_2017_description": (
            "Funding required to manage shortfall in recurrent pressures and protect social care services"
        ),
        "july_2017_impact": (
            "Over the three year period this funding will ensure that vital service provision "
            "such as homecare is maintained and people are supported to maintain their "
            "independence and stay out of hospital"
        ),
        "aliases": [],
        "note": "",
    },
    {
        "code": "iBCF2",
        "priority": "Sustain",
        "condition": "Stabilising the provider market",
        "conditions": ["Reducing pressure on the NHS", "Stabilising the provider market"],
        "condition_text": "Reduce pressure on the NHS and stabilise Social Care provider market",
        "description": (
            "Support the care market and develop resilience against the impact of specific recurrent market pressures"
        ),
        "impact": (
            "Recent legislation on NMW and the cost of care presents additional pressures to "
            "the care sector that require supporting if provision is to remain sustainable. "
            "Market failure presents a risk to individuals but also the system overall funding "
            "here will support integrity of the care market"
        ),
        "july_2017_description": (
            "Support the care market and develop resilience against the impact of specific recurrent market pressures"
        ),
        "july_2017_impact": (
            "Recent legislation on National Minimum Wage and the cost of care presents "
            "additional pressures to the care sector that require supporting if provision to "
            "remain sustainable. Market failure presents a risk to individuals but also the "
            "system overall funding here will support integrity of the care market"
        ),
        "aliases": [],
        "note": "July priority cell blank (merged cell); P10 prints 'Sustain'.",
    },
    {
        "code": "iBCF3",
        "priority": "Sustain",
        "condition": "Meeting social care needs",
        "conditions": ["Meeting social care needs"],
        "condition_text": "Meeting Social Care Needs",
        "description": "Managing recurrent capacity with DOLs when alternative funding finishes",
        "impact": "",
        "july_2017_description": ("Managing recurrent capacity with DOLs when alternative funding finishes"),
        "july_2017_impact": "",
        "aliases": [
            "Managing recurrent capacity with Deprivation of Liberty cases (DOLs) when alternative funding finishes"
        ],
        "note": "Impact cell empty in both plans. Alias is seed 003's wording.",
    },
    {
        "code": "iBCF4",
        "priority": "Sustain",
        "condition": "Reducing pressure on the NHS",
        "conditions": ["Reducing pressure on the NHS", "Meeting social care needs"],
        "condition_text": "Reduce pressure on the NHS and meet social care need",
        "description": (
            "Managing capacity – strengthen social work to assist people at discharge and to prevent admissions"
        ),
        "impact": (
            "Social work is core to ensuring people's needs are met quickly and effectively. "
            "Supporting capacity of social work will strengthen the prevention offer, ensure "
            "people receive support that meets their needs and is fundamental to ensuring that "
            "people are able to leave formal care settings as soon as they are medically fit. "
            "Resources here will enable services to be flexed according to pressure within the "
            "system. Investing in social work will reduce pressures on the NHS and supports the "
            "Promoting Independence agenda. The invest to save element will be realised through "
            "better management of needs and management of flow through the system. Note: of "
            "the £2.6m in 2017/18, £1m will need to be carried forward into 2018/19 to reflect "
            "recruitment timescales, therefore £3.5m will be spent in 2018/19. For 2019/20 it "
            "is the intention for the investment to remain at 2018/19 levels (£3.5m) but the "
            "additional capacity should be self-financing through savings delivered in the "
            "Purchase of Care budget."
        ),
        "july_2017_description": (
            "Managing capacity – strengthen social work to assist people at discharge and to prevent admissions"
        ),
        "july_2017_impact": (
            "Social work is core to ensuring people's needs are met quickly and effectively. "
            "Supporting capacity of social work will strengthen the prevention offer, ensure "
            "people receive support that meets their needs and is fundamental to ensuring that "
            "people are able to leave formal care settings as soon as they are medically fit. "
            "Resources here will enable services to be flexed according to pressure within the "
            "system. Investing in social work will reduce pressures on the NHS and supports the "
            "PI agenda. The invest to save element here will be realised through better "
            "management of needs and management of flow through the system. Note: of the £2.6m "
            "in 2017/18, £1m will need to be carried forward into 2018/19 to reflect "
            "recruitment timescales, therefore £3.5m will be spent in 2018/19. For 2019/20 it "
            "is the intention for the investment to remain at 2018/19 levels (£3.5m) but the "
            "additional capacity should be self-financing through savings delivered in the "
            "Purchase of Care budget."
        ),
        "aliases": [],
        "note": (
            "The impact text says £3.5m will be spent in 2018/19 and 2019/20, while the "
            "allocation rows print 2.5 and 0.0 (the text explains the £1m carry-forward and "
            "self-financing; the figures are kept as printed). Seed 001 section 7 costs the "
            "50 social workers at £3.4m p.a. (table 7.7: £3,266,822 year one, £3,489,121 "
            "subsequent years)."
        ),
    },
    {
        "code": "iBCF5",
        "priority": "Invest and Improve",
        "condition": "Reducing pressure on the NHS",
        "conditions": ["Reducing pressure on the NHS"],
        "condition_text": "Reduce pressure on the NHS",
        "description": (
            "Expansion of prevention schemes – social prescribing and community/care "
            "navigation schemes – Invest to save"
        ),
        "impact": (
            "Social prescribing has been evidenced to divert demand from formal care services, "
            "especially hospitals. Combined with an offer that builds on community resilience "
            "and capacity this initiative is designed to support demand management initiatives "
            "and enhance community ability to respond to need"
        ),
        "july_2017_description": (
            "Expansion of prevention schemes – social prescribing and community/care "
            "navigation schemes – Invest to save"
        ),
        "july_2017_impact": (
            "Social prescribing has been evidenced to divert demand from formal care services, "
            "especially hospitals. Combined with an offer that builds on"
        ),
        "aliases": [],
        "note": "July impact truncated at a page break in the seed 001 dump.",
    },
    {
        "code": "iBCF6",
        "priority": "Invest and Improve",
        "condition": "Reducing pressure on the NHS",
        "conditions": ["Reducing pressure on the NHS"],
        "condition_text": "Reduce pressure on the NHS",
        "description": "Respond to care pressures – micro commissioning invest to save pilot",
        "impact": (
            "Homecare is a key service in ensuring people can stay out of hospital and be "
            "discharged quickly when they are medically fit. Micro commissioning initiatives "
            "have been shown to have a positive impact on homecare capacity in similar rural "
            "areas. Increased capacity in the system is designed to be sustainable without "
            "additional funding after the first two years"
        ),
        "july_2017_description": ("Respond to care pressures – micro commissioning invest to save pilot"),
        "july_2017_impact": (
            "Homecare is a key service in ensuring people can stay out of hospital and be "
            "discharged quickly when they are medically fit. Micro commissioning initiatives "
            "have been shown to have a positive impact on homecare capacity in similar rural "
            "areas. Increased capacity in the system is designed to be sustainable without "
            "additional funding after the first two years"
        ),
        "aliases": [],
        "note": "July priority/condition cells blank (merged cells).",
    },
    {
        "code": "iBCF7",
        "priority": "Invest and Improve",
        "condition": "Reducing pressure on the NHS",
        "conditions": ["Reducing pressure on the NHS"],
        "condition_text": "Reduce pressure on the NHS",
        "description": "Managing transfers of care – Trusted assessor",
        "impact": (
            "Managing transfers of care and implementing the HICM requires a number of joint "
            "initiatives between social care and health partners. Key elements of the pathway "
            "are trusted assessor and discharge to assess. The implementation of these will be "
            "supported by an enhanced, wrap around, home care offer and additional capacity in "
            "reablement beds – these initiatives will support the reduction of delayed "
            "transfers of care and provide a better quality of care for people in this pathway"
        ),
        "july_2017_description": "Managing transfers of care – Trusted assessor",
        "july_2017_impact": (
            "Managing transfers of care and implementing the HICM requires a number of joint "
            "initiatives between social care and health partners."
        ),
        "aliases": [],
        "note": "July priority/condition cells blank (merged cells).",
    },
    {
        "code": "iBCF8",
        "priority": "Invest and Improve",
        "condition": "Reducing pressure on the NHS",
        "conditions": ["Reducing pressure on the NHS"],
        "condition_text": "Reduce pressure on the NHS",
        "description": (
            "Managing transfers of care – through invest to save programme for example "
            "discharge to assess; home support wrap around service; accommodation based "
            "reablement and active assessment beds"
        ),
        "impact": (
            "Many of these initiatives are to be run as pilots to evaluate outcomes and put in "
            "place sustainable funding based on the part of the system where benefits accrue. "
            "There will be a requirement to carry forward an element of the 2017/18 funding "
            "depending on the progress and timing of implementing each pilot."
        ),
        "july_2017_description": (
            "Managing transfers of care – through invest to save programme for example "
            "discharge to assess; home support wrap around service; accommodation based "
            "reablement and active assessment beds"
        ),
        "july_2017_impact": (
            "Key elements of the pathway are trusted assessor and discharge to assess. The "
            "implementation of these will be supported by an enhanced, wrap around, home care "
            "offer and additional capacity in reablement beds – these initiatives will support "
            "the reduction of delayed transfers of care and provide a better quality of care "
            "for people in this pathway Many of these initiatives are to be run as pilots to "
            "evaluate outcomes and put in place sustainable funding based on the part of the "
            "system where benefits accrue. There may be a requirement to c/fwd an element of "
            "the 2017/18 funding depending on the progress and timing of implementing each "
            "pilot."
        ),
        "aliases": [],
        "note": "Description and impact continue across a page break in seed 002.",
    },
    {
        "code": "iBCF9",
        "priority": "Invest and Improve",
        "condition": "Reducing pressure on the NHS",
        "conditions": ["Reducing pressure on the NHS"],
        "condition_text": "Reduce pressure on the NHS",
        "description": "Enhanced community offer for carers - 3 year invest to save pilot",
        "impact": (
            "Carers are key to supporting people to stay safe and independent. Additional "
            "funding here will work alongside newly commissioned carers service to ensure that "
            "carers are fully supported to have a good quality of life"
        ),
        "july_2017_description": ("Enhanced community offer for carers - 3 year invest to save pilot"),
        "july_2017_impact": (
            "Carers are key to supporting people to stay safe and independent. Additional "
            "funding here will work alongside newly commissioned carers service to ensure that "
            "carers are fully supported to have a good quality of life"
        ),
        "aliases": [],
        "note": "July priority/condition cells blank (merged cells).",
    },
    {
        "code": "iBCF10",
        "priority": "Invest and Improve",
        "condition": "Reducing pressure on the NHS",
        "conditions": ["Reducing pressure on the NHS"],
        "condition_text": "Reduce pressure on the NHS",
        "description": "Enhanced flexible dementia offer - 3 year invest to save pilot",
        "impact": (
            "Providing support that enables people with dementia to stay in their own homes is "
            "a priority for both health and social care. This funding will enhance the "
            "existing offer and allow innovations in service to be implemented and tested for "
            "success. This service will support people with dementia to be discharged safely "
            "from formal care settings."
        ),
        "july_2017_description": ("Enhanced flexible dementia offer - 3 year invest to save pilot"),
        "july_2017_impact": (
            "Providing support that enables people with dementia to stay in their own homes is "
            "a priority for both health and social care. This funding will enhance the "
            "existing offer and allow innovations in service to be implemented and tested for "
            "success. This service will support people with dementia to be discharged safely "
            "from formal care settings."
        ),
        "aliases": [],
        "note": "July description and impact continue across a page break.",
    },
    {
        "code": "iBCF11",
        "priority": "Invest and Improve",
        "condition": "Reducing pressure on the NHS",
        "conditions": ["Reducing pressure on the NHS"],
        "condition_text": "Reduce pressure on the NHS",
        "description": "Reduce DTOC mental health services",
        "impact": (
            "Providing sufficient support when people with mental health problems leave formal "
            "care services is crucial in ensuring people can settle and establish their "
            "independence. We are working with mental health colleagues to formulate the most "
            "effective mechanisms that will support discharge from hospitals and formal care "
            "settings."
        ),
        "july_2017_description": "Reduce DTOC mental health services",
        "july_2017_impact": (
            "Providing sufficient support when people with mental health problems leave formal "
            "care services is crucial in ensuring people can settle and establish their "
            "independence. We are working with mental health colleagues to formulate the most "
            "effective mechanisms that will support discharge from hospitals and formal care "
            "settings."
        ),
        "aliases": [],
        "note": "July priority/condition cells blank (merged cells).",
    },
]

PLAN_VERSIONS = [
    {
        "name": "July 2017 plan",
        "date": "2017-07-10",
        "source": (
            "Additional Social Care Funding report, Adult Social Care Committee 10 July 2017, "
            "Appendix 1 Table 1 (agreed with CCGs by end of July 2017)"
        ),
        "title_printed": "Appendix 1 Table 1",
        "allocations": {
            "iBCF1": {"2017-18": "1.9", "2018-19": "11.9", "2019-20": "22.2"},
            "iBCF2": {"2017-18": "9.3", "2018-19": "11.0", "2019-20": "11.0"},
            "iBCF3": {"2017-18": "0.0", "2018-19": "0.2", "2019-20": "0.2"},
            "iBCF4": {"2017-18": "2.6", "2018-19": "2.5", "2019-20": "0.0"},
            "iBCF5": {"2017-18": "0.7", "2018-19": "0.7", "2019-20": "0.0"},
            "iBCF6": {"2017-18": "0.1", "2018-19": "0.0", "2019-20": "-0.1"},
            "iBCF7": {"2017-18": "0.2", "2018-19": "0.2", "2019-20": "0.2"},
            "iBCF8": {"2017-18": "5.1", "2018-19": "0.5", "2019-20": "0.2"},
            "iBCF9": {"2017-18": "0.1", "2018-19": "0.1", "2019-20": "0.1"},
            "iBCF10": {"2017-18": "0.2", "2018-19": "0.2", "2019-20": "0.2"},
            "iBCF11": {"2017-18": "0.2", "2018-19": "0.2", "2019-20": "0.2"},
        },
    },
    {
        "name": "Period 10 plan",
        "date": "2018-03-05",
        "source": (
            "Finance Monitoring Report Period 10 (January) 2017-18, Adult Social Care Committee "
            "5 March 2018, Appendix C (progress as at mid-February 2018); the same figures are in "
            "Annex C of the Health and Wellbeing Board paper of 2 May 2018"
        ),
        "title_printed": "Improved Better Care Fund (iBCF) - Summary table and October Update",
        "allocations": {
            "iBCF1": {"2017-18": "1.9", "2018-19": "11.9", "2019-20": "22.2"},
            "iBCF2": {"2017-18": "9.1", "2018-19": "10.8", "2019-20": "10.8"},
            "iBCF3": {"2017-18": "0", "2018-19": "0.2", "2019-20": "0.2"},
            "iBCF4": {"2017-18": "2.6", "2018-19": "2.5", "2019-20": "0.0"},
            "iBCF5": {"2017-18": "0.7", "2018-19": "0.7", "2019-20": "0.0"},
            "iBCF6": {"2017-18": "0.1", "2018-19": "0.1", "2019-20": "0.0"},
            "iBCF7": {"2017-18": "0.2", "2018-19": "0.2", "2019-20": "0.2"},
            "iBCF8": {"2017-18": "5.1", "2018-19": "0.5", "2019-20": "0.2"},
            "iBCF9": {"2017-18": "0.1", "2018-19": "0.1", "2019-20": "0.1"},
            "iBCF10": {"2017-18": "0.2", "2018-19": "0.2", "2019-20": "0.2"},
            "iBCF11": {"2017-18": "0.4", "2018-19": "0.4", "2019-20": "0.4"},
        },
    },
]

ACUTE_SYSTEM_SPLIT = {
    "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017), Appendix 1 Table 2 (see also paragraph 5.8)",
    "table": (
        "Table 2 - Additional Social Care Funding – Investment, Protection and Sustaining "
        "Social Care – by Acute system (population basis)"
    ),
    "basis": "population basis; 'nominally' allocated, flexible in practice (5.8)",
    "plan_version": "July 2017 plan",
    "rows": [
        {
            "system": "Eastern",
            "label": "Eastern (GY&W CCG)",
            "ccgs": ["Great Yarmouth & Waveney"],
            "amounts": {"2017-18": "2.3", "2018-19": "3.1", "2019-20": "3.8"},
        },
        {
            "system": "Central",
            "label": "Central (North, South and Norwich CCGs)",
            "ccgs": ["North Norfolk", "South Norfolk", "Norwich"],
            "amounts": {"2017-18": "14.1", "2018-19": "19.0", "2019-20": "23.7"},
        },
        {
            "system": "West",
            "label": "West (West CCG)",
            "ccgs": ["West Norfolk"],
            "amounts": {"2017-18": "4.0", "2018-19": "5.4", "2019-20": "6.7"},
        },
    ],
}

# Progress as printed in seed 002 Appendix C "Activity and progress" (identical wording in
# seed 003 Annex C apart from line breaks and iBCF4's asterisk). No per-scheme spend or
# forecast is printed anywhere: spend_to_date and forecast are None, not zero.
UPDATES = {
    "P10": {
        "iBCF1": {
            "activity_progress": (
                "Funding is part of budget planning for adult social care as a whole - over "
                "80% of spend is with the market"
            ),
            "spend_to_date": None,
            "forecast": None,
        },
        "iBCF2": {
            "activity_progress": (
                "This is about sustaining the Market. In line with cost of care, legislation "
                "and market pressures – the aim is to develop a sustainable approach. Funding "
                "is targeted on specific needs such as legislative change, but some funding "
                "will be carried forward to 2018-19 where this enables funding to be targeted "
                "in a more sustainable way."
            ),
            "spend_to_date": None,
            "forecast": None,
        },
        "iBCF3": {
            "activity_progress": (
                "To support delivery of this service from 2018-19 when current funding will no longer be available"
            ),
            "spend_to_date": None,
            "forecast": None,
        },
        "iBCF4": {
            "activity_progress": (
                "As part of enhancing our capacity a recruitment campaign for 50 practitioners "
                "and 15 team managers is fully underway. By mid-February 40.25 fte "
                "appointments had been made to new roles in the service*: There are currently "
                "12.75 new capacity Social Worker vacancies to fill. Interviews took place "
                "early Feb, with 3 appointable candidates to allocate to a locality. The West "
                "is particularly difficult to recruit and a campaign is running specifically "
                "for this locality with 3 interviews for Social Workers and 1 for a Team "
                "Manager taking place at the end of February"
            ),
            "spend_to_date": None,
            "forecast": None,
        },
        "iBCF5": {
            "activity_progress": (
                "Supporting the development of existing initiatives working with CCGs, Public "
                "Health and District Councils. This will be taken forward on CCG boundaries. "
                "Working with Districts, CCGs & voluntary sector. Locality plans have been "
                "developed services will commence between January and June 2018, when a "
                "formal launch of the whole service will take place."
            ),
            "spend_to_date": None,
            "forecast": None,
        },
        "iBCF6": {
            "activity_progress": (
                "Investment in support to micro enterprises to deliver Home Support. Community "
                "Catalyst have been engaged to support this work and initial scoping "
                "discussions undertaken to identify our approach to localised development."
            ),
            "spend_to_date": None,
            "forecast": None,
        },
        "iBCF7": {
            "activity_progress": (
                "The Trusted Assessment Facilitator role has been developed in tandem with "
                "providers who were involved in the recruitment into the new posts. Funding "
                "from the project has also supported the development of a bed capacity "
                "tracking system. There are 5 Trusted Assessment Facilitators across the 3 "
                "acutes, the service commenced on 22 January in NNUH. The full team will be in "
                "place by 28 February 2018. 1 Facilitator in QEH 2 Facilitators in NNUH 2 "
                "Facilitators in JPUH (1 funded by Suffolk CC)"
            ),
            "spend_to_date": None,
            "forecast": None,
        },
        "iBCF8": {
            "activity_progress": (
                "Recruitment for six discharge to assess social workers, was completed in "
                "December 2017. The service is now in place. Accommodation based reablement is "
                "implemented within the county, with 14 units currently operational. The "
                "enhanced home support service is operational providing unplanned, short term "
                "same day home support for up to 72 hours across all five CCG areas in Norfolk."
            ),
            "spend_to_date": None,
            "forecast": None,
        },
        "iBCF9": {
            "activity_progress": (
                "Using the Home First model this is being linked with iBCF 8 and 9 to provide "
                "crisis management services"
            ),
            "spend_to_date": None,
            "forecast": None,
        },
        "iBCF10": {
            "activity_progress": (
                "Using the Home First model this is being linked with iBCF 8 and 10 to provide "
                "crisis management services"
            ),
            "spend_to_date": None,
            "forecast": None,
        },
        "iBCF11": {
            "activity_progress": (
                'There are an additional six beds/flats commissioned as "step down" and '
                "admission avoidance from mental health hospitals jointly funded with NSFT "
                "with social care support to provide suitable discharge destinations. All "
                "units are fully occupied. Increased staff capacity, 4 additional staff "
                "includes; 1fte SW for OPMH 1fte Assistant practitioner for OPMH 1fte "
                "Assistant practitioner for Hosp SW Team 1fte AMHP for Duty Team"
            ),
            "spend_to_date": None,
            "forecast": None,
        },
    },
}

# 2017-18 grant carried forward to 2018-19 in a reserve, as at Period 10. The only exact
# figure is the reserves-table row (seed 002 Appendix E, "Improved Better Care Fund -
# requirement to carry forward grant to 2018/19 in relation to the managing capacity and
# transfers of care workstreams": 0.000 / 10.971 / 10.971), repeated in seed 003 3.3.
CARRY_FORWARD = {"P10": "10.971"}

CARRY_FORWARD_STATEMENTS = [
    {
        "period": "P10",
        "printed": "10.971",
        "where": "seed 002 reserves and provisions table (P10 proposed usage and balance)",
    },
    {
        "period": "P10",
        "printed": "10.9",
        "where": "seed 002 2.10.6: 'it is proposed that £10.9m is carried forward within reserves'",
    },
    {
        "period": "P10",
        "printed": "3.145",
        "where": (
            "seed 002 2.10.6: 'The original plan included carrying forward £3.145m of the "
            "additional grant funding' (no such figure is printed in the July 2017 plan)"
        ),
    },
    {
        "period": "P10",
        "printed": "9.819",
        "where": (
            "seed 002 2.5.5: 'The 2018-19 budget agreed by County Council in February 2018 "
            "included planned carry forward of £9.819m'"
        ),
    },
    {
        "period": "P10",
        "printed": "10",
        "where": "seed 002 2.8.6: '... moving the allocated funding to reserves, with the IBCF being a £10m example'",
    },
    {
        "period": "P10",
        "printed": "10.971",
        "where": (
            "seed 003 3.3: 'At Period 10, the planned carry forward of iBCF funding to future "
            "years was £10.971m from a total grant of £18.561m'"
        ),
    },
    {
        "period": "July 2017 plan",
        "printed": "1",
        "where": "seed 001 Table 1, iBCF4 impact: 'of the £2.6m in 2017/18, £1m will need to be carried forward into 2018/19'",
    },
]

PRINTED_TOTALS = [
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 1",
        "subject": "Total (plan total)",
        "column": "2017-18",
        "printed": "20.4",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 1",
        "subject": "Total (plan total)",
        "column": "2018-19",
        "printed": "27.5",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 1",
        "subject": "Total (plan total)",
        "column": "2019-20",
        "printed": "34.2",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 1",
        "subject": "Funded by: Total",
        "column": "2017-18",
        "printed": "-20.4",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 1",
        "subject": "Funded by: Total",
        "column": "2018-19",
        "printed": "-27.7",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 1",
        "subject": "Funded by: Total",
        "column": "2019-20",
        "printed": "-34.3",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 1",
        "subject": "Balance",
        "column": "2017-18",
        "printed": "0.0",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 1",
        "subject": "Balance",
        "column": "2018-19",
        "printed": "-0.2",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 1",
        "subject": "Balance",
        "column": "2019-20",
        "printed": "-0.1",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 2",
        "subject": "Total (acute systems, unlabelled row)",
        "column": "2017-18",
        "printed": "20.4",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 2",
        "subject": "Total (acute systems, unlabelled row)",
        "column": "2018-19",
        "printed": "27.5",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "Appendix 1 Table 2",
        "subject": "Total (acute systems, unlabelled row)",
        "column": "2019-20",
        "printed": "34.2",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "4.2 funding profile",
        "subject": "Total",
        "column": "2017-18",
        "printed": "20.446",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "4.2 funding profile",
        "subject": "Total",
        "column": "2018-19",
        "printed": "27.729",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "4.2 funding profile",
        "subject": "Total",
        "column": "2019-20",
        "printed": "34.275",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "4.2 funding profile",
        "subject": "Total",
        "column": "2020-21",
        "printed": "28.372",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "4.2 funding profile",
        "subject": "Additional/Reduction in funding year on year",
        "column": "2017-18",
        "printed": "20.446",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "4.2 funding profile",
        "subject": "Additional/Reduction in funding year on year",
        "column": "2018-19",
        "printed": "7.283",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "4.2 funding profile",
        "subject": "Additional/Reduction in funding year on year",
        "column": "2019-20",
        "printed": "6.546",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "4.2 funding profile",
        "subject": "Additional/Reduction in funding year on year",
        "column": "2020-21",
        "printed": "(5.903)",
        "kind": "table_total",
    },
    {
        "version": "Period 10 plan",
        "source": "Period 10 report (Adult Social Care Committee, 5 March 2018)",
        "table": "Appendix C",
        "subject": "Total (plan total, unlabelled row)",
        "column": "2017-18",
        "printed": "20.4",
        "kind": "table_total",
    },
    {
        "version": "Period 10 plan",
        "source": "Period 10 report (Adult Social Care Committee, 5 March 2018)",
        "table": "Appendix C",
        "subject": "Total (plan total, unlabelled row)",
        "column": "2018-19",
        "printed": "27.7",
        "kind": "table_total",
    },
    {
        "version": "Period 10 plan",
        "source": "Period 10 report (Adult Social Care Committee, 5 March 2018)",
        "table": "Appendix C",
        "subject": "Total (plan total, unlabelled row)",
        "column": "2019-20",
        "printed": "34.3",
        "kind": "table_total",
    },
    {
        "version": "Period 10 plan",
        "source": "Period 10 report (Adult Social Care Committee, 5 March 2018)",
        "table": "Appendix C",
        "subject": "Funded by: Total",
        "column": "2017-18",
        "printed": "-20.4",
        "kind": "table_total",
    },
    {
        "version": "Period 10 plan",
        "source": "Period 10 report (Adult Social Care Committee, 5 March 2018)",
        "table": "Appendix C",
        "subject": "Funded by: Total",
        "column": "2018-19",
        "printed": "-27.7",
        "kind": "table_total",
    },
    {
        "version": "Period 10 plan",
        "source": "Period 10 report (Adult Social Care Committee, 5 March 2018)",
        "table": "Appendix C",
        "subject": "Funded by: Total",
        "column": "2019-20",
        "printed": "-34.3",
        "kind": "table_total",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "strategic impact / 1.1",
        "subject": "Spring Budget grant, rounded",
        "column": "2017-18",
        "printed": "18",
        "kind": "text",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "strategic impact / 1.1",
        "subject": "Spring Budget grant, rounded",
        "column": "2018-19",
        "printed": "11",
        "kind": "text",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "strategic impact / 1.1",
        "subject": "Spring Budget grant, rounded",
        "column": "2019-20",
        "printed": "6",
        "kind": "text",
    },
    {
        "version": "July 2017 plan",
        "source": "Additional Social Care Funding report (Adult Social Care Committee, 10 July 2017)",
        "table": "executive summary",
        "subject": "Spring Budget grant over three years ('some £35m')",
        "column": "2017-18 to 2019-20",
        "printed": "35",
        "kind": "text",
    },
    {
        "version": "Period 10 plan",
        "source": "Health and Wellbeing Board paper (2 May 2018), paragraph 3.4",
        "table": "text",
        "subject": "iBCF 'additional £20m ... for 2017-18'",
        "column": "2017-18",
        "printed": "20",
        "kind": "text",
    },
    {
        "version": "Period 10 plan",
        "source": "Health and Wellbeing Board paper (2 May 2018), paragraph 3.4",
        "table": "text",
        "subject": "iBCF '... rising to £34m in 2019-20'",
        "column": "2019-20",
        "printed": "34",
        "kind": "text",
    },
    {
        "version": "Period 10 plan",
        "source": "Health and Wellbeing Board paper (2 May 2018), paragraph 2.9.3",
        "table": "text",
        "subject": "market support earmarked (iBCF2)",
        "column": "2017-18",
        "printed": "9.1",
        "kind": "text",
    },
    {
        "version": "Period 10 plan",
        "source": "Health and Wellbeing Board paper (2 May 2018), paragraph 2.9.3",
        "table": "text",
        "subject": "market support earmarked (iBCF2)",
        "column": "2018-19",
        "printed": "10.8",
        "kind": "text",
    },
    {
        "version": "Period 10 plan",
        "source": "Health and Wellbeing Board paper (2 May 2018), paragraph 2.9.3",
        "table": "text",
        "subject": "iBCF expected to be spent on sustaining the market or protecting social care ('£33m of the £34m')",
        "column": "2019-20",
        "printed": "33",
        "kind": "text",
    },
]
