"""Norfolk County Council, Adult Social Services, 2017-18: reserves and provisions, and the capital
programme - the published figures.

Sources (plain-text dumps of committee papers, /work/shared/seeds/):
- "P2": seed 001, Adult Social Care Committee 10 July 2017, Finance Monitoring Report Period 2
  (May) 2017-18: executive summary, 2.11 (reserves), 2.12 (capital), Appendix D "Adult Social
  Services Reserves and Provisions 2017/18" and Appendix E "Adult Social Services Capital
  Programme 2017/18" (appendix letters from the text; the dump prints the tables unlettered).
- "P10": seed 002, Adult Social Care Committee 5 March 2018, Finance Monitoring Report Period 10
  (January) 2017-18: executive summary, 2.10 (reserves), 2.11 (capital), Appendix E (reserves)
  and Appendix F (capital) per the text.

Conventions: amounts are STRINGS in GBP millions exactly as printed ("0.000", "-0.133").
proposed_usage keeps the paper's sign: negative = drawn from the reserve, positive = added
(e.g. the iBCF carry-forward 10.971, the provision increase 0.111). balance_31_march is the
printed closing balance; the product computes its own (balance_1_april + proposed_usage) and
PRINTED_TOTALS / the printed closing balances are only for checking. No totals are stored as rows.

Aliases hold other printed wordings of the same item (e.g. how the report's text names it).

Shapes
------
PERIODS: {"P2" | "P10": {"meeting", "source", "reserves_appendix", "capital_appendix"}}
RESERVES: {"P2" | "P10": [ {"code", "name", "kind": "provision" | "reserve", "label" (as printed,
    first clause), "description" (rest of the printed cell, "" if none), "balance_1_april",
    "proposed_usage", "balance_31_march", "aliases": [..]} ]}  - printed row order.
CAPITAL: {"P2" | "P10": [ {"code", "name", "current_budget" (2017/18 current capital budget),
    "forecast_outturn" (2017/18 forecast outturn at year end), "next_year_draft" (2018/19 draft
    capital budget), "aliases": [..]} ]}  - printed row order.
PRINTED_TOTALS: list of {"period", "source", "table", "subject", "column", "printed", "kind"}:
    kind "table_total" = a total row of a table; "text" = a figure quoted in the prose.
    column for tables: "balance_1_april" | "proposed_usage" | "balance_31_march" |
    "current_budget" | "forecast_outturn" | "next_year_draft"; for text, what it describes.
DISCREPANT_PAIRS: list of {"subject", "figures": [{"period", "printed", "where"}]} - the same
    quantity printed differently in different places.
GARBLED: list of text-dump lines that look like figures but are extraction artefacts.

The same reserve / capital scheme has the same code and canonical name in P2 and P10.

Arithmetic check (Decimal; rows vs printed figures) - mismatches
----------------------------------------------------------------
Every printed closing balance equals balance_1_april + proposed_usage (P2 and P10, all rows).
Reserves, P2:
- Total Adult Social Care Reserves, Balance 01-Apr-17: paper says 2.074, rows sum to 2.075.
- Total Adult Social Care Reserves, Proposed usage: paper says -1.580, rows sum to -1.581.
  (Closing 0.494 agrees with the rows. Total Reserves & Provisions 6.231 / -1.580 / 4.651 agrees
  with the printed sub-totals; from the rows it would be 6.232 / -1.581 / 4.651.)
Reserves, P10:
- Total Adult Social Care Reserves, Balance 01-Apr-17: paper says 2.074, rows sum to 2.075.
- Total Adult Social Care Reserves, Proposed usage: paper says 12.321, rows sum to 12.320.
- Total Adult Social Care Reserves, Balance 31-Mar-18: paper says 14.394, rows sum to 14.395.
- Total Reserves & Provisions, Balance 01-Apr-17: paper says 6.230, provisions 4.157 + reserves
  2.074 = 6.231 (and the rows give 4.157 + 2.075 = 6.232).
- Total Reserves & Provisions usage 12.432 and closing 18.662 agree with the printed sub-totals,
  but the rows sum to 12.431 and 18.663 (the reserve rows' 1p differences carried through).
Capital:
- P2 TOTAL 19.647 / 19.647 / 2.021 agrees with the rows.
- P10 TOTAL current budget: paper says 19.151, rows sum to 19.152.
- P10 TOTAL forecast outturn: paper says 17.761, rows sum to 17.593 (difference 0.168).
- P10 TOTAL draft 2018/19 3.084 agrees.
Text vs tables:
- P2 2.11.3: forecast reserves at 31 March 2018 "£0.493m"; executive summary and table: 0.494.
- P2 2.11.2 itemises proposed uses 0.361 + 0.255 + 0.020 + 0.400 + 0.150 (= 0.070 + 0.080) = 1.186;
  the table's usage is 1.580 (the executive summary calls 1.580 "committed expenditure" and the
  0.400 transformation and 0.150 corporate review appear in no table row).
- P10 1 April reserves and provisions: 6.230 (2.10.1 and table) vs P2 6.231 (2.11.1 and table).
- P10 executive summary / 2.10.2: "planned use of £0.412m of reserves" = the sum of the negative
  usages (0.133 + 0.020 + 0.255 + 0.004); the net change in reserves is +12.321.
- P10 2.10.3 prints "£14.394" (no "m").
- P2 2.12.1: three-year programme 21.668 = 19.647 + 2.021 (agrees). Social care and finance
  system "£7.240m"; its table row gives 5.238 (2017/18) + 1.912 (2018/19) = 7.150.
- P10 2.11.1: three-year programme 21.870; table 19.151 + 3.084 = 22.235 (rows: 19.152 + 3.084 =
  22.236). Social care and finance system "£7.354m"; its row gives 4.744 + 2.975 = 7.719
  (forecast 3.361 + 2.975 = 6.336).
  (Both text figures may include earlier years' spend; the papers do not say.)

Ambiguities in the text dumps
-----------------------------
- P2 reserves table: the header "Period 2" is split ("Per" / "iod 2"), and a garbled extra line
  "Total Pasaryas & Provisions 6 024 1 500 1 651" precedes the real "Total Reserves & Provisions
  6.231 -1.580 4.651" - an extraction ghost of that line, not a separate total (kept in GARBLED).
- Both capital tables print the first column group as "Summary 201" (truncated "2017/18"); the
  columns are read as 2017/18 current budget, 2017/18 forecast outturn, 2018/19 draft budget.
- P10 capital TOTAL row is the last line of seed 002 (no trailing newline).
- Prevention Fund description differs: P2 says "£0.131m was brought-forward on 1 April 16" and
  "£0.122m was brought-forward on 1 April 16" (0.253 in all, vs a 1 April 2017 balance of 0.200);
  P10 rewrites both as "Funding was brought-forward on 1 April 17".
- Sign convention is mixed in P10: usage 0.111 increases the provision and 10.971 etc. add to
  reserves, while -0.133 etc. are draw-downs; the column is headed "Proposed usage" in both.
- P10 2.10.5 / 2.10.6 cite "section 2.6" / "paragraph 2.6.4" for the additional social care
  funding, which is section 2.5 in the dump.
"""

PERIODS = {
    "P2": {
        "meeting": "2017-07-10",
        "source": "Period 2 report: Finance Monitoring Report Period 2 (May) 2017-18",
        "reserves_appendix": "D",
        "capital_appendix": "E",
    },
    "P10": {
        "meeting": "2018-03-05",
        "source": "Period 10 report: Finance Monitoring Report Period 10 (January) 2017-18",
        "reserves_appendix": "E",
        "capital_appendix": "F",
    },
}

_PREVENTION_P2 = (
    "As part of the 2012-13 budget planning Members set up a Prevention Fund of £2.5m to mitigate the risks in "
    "delivering the prevention savings. £0.131m was brought-forward on 1 April 16, and it is being used for "
    "prevention projects: Ageing Well and Making it Real. 2013-14 funding for Strong and Well was carried forward "
    "within this reserve as agreed by Members. £0.122m was brought-forward on 1 April 16, all of which has been "
    "allocated to external projects and will be paid upon achievement of milestones."
)
_PREVENTION_P10 = (
    "As part of the 2012-13 budget planning Members set up a Prevention Fund of £2.5m to mitigate the risks in "
    "delivering the prevention savings. Funding was brought-forward on 1 April 17, and it is being used for "
    "prevention projects: Ageing Well and Making it Real. 2013-14 funding for Strong and Well was carried forward "
    "within this reserve as agreed by Members. Funding was brought-forward on 1 April 17, all of which has been "
    "allocated to external projects and will be paid upon achievement of milestones."
)
_IT_RESERVE = "Slippage in revenue spending pattern in relation to social care information system reprocurement"

RESERVES = {
    "P2": [
        {
            "code": "PROV-DD",
            "name": "Doubtful Debts provision",
            "kind": "provision",
            "label": "Doubtful Debts provision",
            "description": "",
            "balance_1_april": "4.157",
            "proposed_usage": "0.000",
            "balance_31_march": "4.157",
            "aliases": [],
        },
        {
            "code": "RES-PREV",
            "name": "Prevention Fund – General",
            "kind": "reserve",
            "label": "Prevention Fund – General",
            "description": _PREVENTION_P2,
            "balance_1_april": "0.200",
            "proposed_usage": "-0.187",
            "balance_31_march": "0.013",
            "aliases": [],
        },
        {
            "code": "RES-MDF",
            "name": "Market Development Fund",
            "kind": "reserve",
            "label": "Market Development Fund",
            "description": "",
            "balance_1_april": "0.020",
            "proposed_usage": "-0.020",
            "balance_31_march": "0.000",
            "aliases": [],
        },
        {
            "code": "RES-RR",
            "name": "Repairs and renewals",
            "kind": "reserve",
            "label": "Repairs and renewals",
            "description": "",
            "balance_1_april": "0.043",
            "proposed_usage": "0.000",
            "balance_31_march": "0.043",
            "aliases": [],
        },
        {
            "code": "RES-WFG",
            "name": "Adult Social Care Workforce Grant",
            "kind": "reserve",
            "label": "Adult Social Care Workforce Grant",
            "description": "",
            "balance_1_april": "0.255",
            "proposed_usage": "-0.255",
            "balance_31_march": "0.000",
            "aliases": ["Learning and Development"],
        },
        {
            "code": "RES-IT",
            "name": "IT Reserve",
            "kind": "reserve",
            "label": "IT Reserve",
            "description": _IT_RESERVE,
            "balance_1_april": "0.361",
            "proposed_usage": "-0.361",
            "balance_31_march": "0.000",
            "aliases": ["social care replacement system"],
        },
        {
            "code": "RES-UGC",
            "name": "Unspent Grants and Contributions",
            "kind": "reserve",
            "label": "Unspent Grants and Contributions",
            "description": "",
            "balance_1_april": "1.196",
            "proposed_usage": "-0.758",
            "balance_31_march": "0.438",
            "aliases": [],
        },
    ],
    "P10": [
        {
            "code": "PROV-DD",
            "name": "Doubtful Debts provision",
            "kind": "provision",
            "label": "Doubtful Debts provision",
            "description": "",
            "balance_1_april": "4.157",
            "proposed_usage": "0.111",
            "balance_31_march": "4.268",
            "aliases": [],
        },
        {
            "code": "RES-PREV",
            "name": "Prevention Fund – General",
            "kind": "reserve",
            "label": "Prevention Fund – General",
            "description": _PREVENTION_P10,
            "balance_1_april": "0.200",
            "proposed_usage": "-0.133",
            "balance_31_march": "0.067",
            "aliases": [],
        },
        {
            "code": "RES-MDF",
            "name": "Market Development Fund",
            "kind": "reserve",
            "label": "Market Development Fund",
            "description": "",
            "balance_1_april": "0.020",
            "proposed_usage": "-0.020",
            "balance_31_march": "0.000",
            "aliases": [],
        },
        {
            "code": "RES-RR",
            "name": "Repairs and renewals",
            "kind": "reserve",
            "label": "Repairs and renewals",
            "description": "",
            "balance_1_april": "0.043",
            "proposed_usage": "0.000",
            "balance_31_march": "0.043",
            "aliases": [],
        },
        {
            "code": "RES-WFG",
            "name": "Adult Social Care Workforce Grant",
            "kind": "reserve",
            "label": "Adult Social Care Workforce Grant",
            "description": "",
            "balance_1_april": "0.255",
            "proposed_usage": "-0.255",
            "balance_31_march": "0.000",
            "aliases": [],
        },
        {
            "code": "RES-PHSP",
            "name": "Public Health grant to support the Social Prescribing Project",
            "kind": "reserve",
            "label": "Public Health grant to support the Social Prescribing Project",
            "description": "",
            "balance_1_april": "0.000",
            "proposed_usage": "0.400",
            "balance_31_march": "0.400",
            "aliases": [],
        },
        {
            "code": "RES-SP",
            "name": "Supporting People",
            "kind": "reserve",
            "label": "Supporting People",
            "description": "",
            "balance_1_april": "0.000",
            "proposed_usage": "0.475",
            "balance_31_march": "0.475",
            "aliases": [],
        },
        {
            "code": "RES-IT",
            "name": "IT Reserve",
            "kind": "reserve",
            "label": "IT Reserve",
            "description": _IT_RESERVE,
            "balance_1_april": "0.361",
            "proposed_usage": "0.226",
            "balance_31_march": "0.587",
            "aliases": [],
        },
        {
            "code": "RES-IBCF",
            "name": "Improved Better Care Fund",
            "kind": "reserve",
            "label": "Improved Better Care Fund",
            "description": (
                "requirement to carry forward grant to 2018/19 in relation to the managing capacity and transfers of "
                "care workstreams."
            ),
            "balance_1_april": "0.000",
            "proposed_usage": "10.971",
            "balance_31_march": "10.971",
            "aliases": [],
        },
        {
            "code": "RES-UGC",
            "name": "Unspent Grants and Contributions",
            "kind": "reserve",
            "label": "Unspent Grants and Contributions",
            "description": "",
            "balance_1_april": "1.196",
            "proposed_usage": "-0.004",
            "balance_31_march": "1.192",
            "aliases": [],
        },
        {
            "code": "RES-VPRP",
            "name": "Vulnerable People Resettlement Programme",
            "kind": "reserve",
            "label": "Vulnerable People Resettlement Programme",
            "description": "",
            "balance_1_april": "0.000",
            "proposed_usage": "0.501",
            "balance_31_march": "0.501",
            "aliases": [],
        },
        {
            "code": "RES-MHU",
            "name": "Mental Health Underspend",
            "kind": "reserve",
            "label": "Mental Health Underspend",
            "description": "",
            "balance_1_april": "0.000",
            "proposed_usage": "0.159",
            "balance_31_march": "0.159",
            "aliases": [],
        },
    ],
}

_BCF_DFG = "Better Care Fund Disabled Facilities Grant and Social Care Capital Grant – passported to District Councils"

CAPITAL = {
    "P2": [
        {
            "code": "CAP-KIT",
            "name": "Failure of Kitchen Appliances",
            "current_budget": "0.030",
            "forecast_outturn": "0.030",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-SLLD",
            "name": "Supported Living for people with Learning Difficulties",
            "current_budget": "0.015",
            "forecast_outturn": "0.015",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-ITINF",
            "name": "Adult Social Care IT Infrastructure",
            "current_budget": "0.141",
            "forecast_outturn": "0.141",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-UNALL",
            "name": "Adult Care - Unallocated Capital Grant",
            "current_budget": "4.198",
            "forecast_outturn": "4.198",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-SWP",
            "name": "Strong and Well Partnership - Contribution to Capital Programme",
            "current_budget": "0.121",
            "forecast_outturn": "0.121",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-BISH",
            "name": "Bishops Court - King's Lynn",
            "current_budget": "0.085",
            "forecast_outturn": "0.085",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-WINT",
            "name": "Winterbourne Project",
            "current_budget": "0.050",
            "forecast_outturn": "0.050",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-CARE",
            "name": "Care Act Implementation",
            "current_budget": "0.871",
            "forecast_outturn": "0.871",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-SCFIS",
            "name": "Social Care and Finance Information System",
            "current_budget": "5.238",
            "forecast_outturn": "5.238",
            "next_year_draft": "1.912",
            "aliases": ["social care and finance replacement system"],
        },
        {
            "code": "CAP-ELM",
            "name": "Elm Road Community Hub",
            "current_budget": "1.324",
            "forecast_outturn": "1.324",
            "next_year_draft": "0.109",
            "aliases": [],
        },
        {
            "code": "CAP-DFG",
            "name": _BCF_DFG,
            "current_budget": "6.924",
            "forecast_outturn": "6.924",
            "next_year_draft": "0.000",
            "aliases": ["Better Care Fund (BCF) Disabled Facilities Grant (DFG)"],
        },
        {
            "code": "CAP-NETH",
            "name": "Netherwood Green",
            "current_budget": "0.650",
            "forecast_outturn": "0.650",
            "next_year_draft": "0.000",
            "aliases": [],
        },
    ],
    "P10": [
        {
            "code": "CAP-KIT",
            "name": "Failure of Kitchen Appliances",
            "current_budget": "0.030",
            "forecast_outturn": "0.000",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-SLLD",
            "name": "Supported Living for people with Learning Difficulties",
            "current_budget": "0.015",
            "forecast_outturn": "0.000",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-ITINF",
            "name": "Adult Social Care IT Infrastructure",
            "current_budget": "0.141",
            "forecast_outturn": "0.141",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-UNALL",
            "name": "Adult Care - Unallocated Capital Grant",
            "current_budget": "4.030",
            "forecast_outturn": "4.030",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-SWP",
            "name": "Strong and Well Partnership - Contribution to Capital Programme",
            "current_budget": "0.121",
            "forecast_outturn": "0.121",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-BISH",
            "name": "Bishops Court - King's Lynn",
            "current_budget": "0.085",
            "forecast_outturn": "0.000",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-WINT",
            "name": "Winterbourne Project",
            "current_budget": "0.050",
            "forecast_outturn": "0.000",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-CARE",
            "name": "Care Act Implementation",
            "current_budget": "0.871",
            "forecast_outturn": "0.871",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-SCFIS",
            "name": "Social Care and Finance Information System",
            "current_budget": "4.744",
            "forecast_outturn": "3.361",
            "next_year_draft": "2.975",
            "aliases": ["social care and finance replacement system"],
        },
        {
            "code": "CAP-ELM",
            "name": "Elm Road Community Hub",
            "current_budget": "1.324",
            "forecast_outturn": "1.324",
            "next_year_draft": "0.109",
            "aliases": [],
        },
        {
            "code": "CAP-DFG",
            "name": _BCF_DFG,
            "current_budget": "6.924",
            "forecast_outturn": "6.924",
            "next_year_draft": "0.000",
            "aliases": ["Better Care Fund (BCF) Disabled Facilities Grant (DFG)"],
        },
        {
            "code": "CAP-TPIT",
            "name": "Teaching Partnership IT Equipment",
            "current_budget": "0.068",
            "forecast_outturn": "0.068",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-NETH",
            "name": "Netherwood Green",
            "current_budget": "0.703",
            "forecast_outturn": "0.703",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-SHER",
            "name": "Sheringham Hub (Cromer Road)",
            "current_budget": "0.000",
            "forecast_outturn": "0.004",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-BENJ",
            "name": "Accommodation Based Reablement - Benjamin Court IT",
            "current_budget": "0.018",
            "forecast_outturn": "0.018",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-CRT",
            "name": "County Resilience Team IT",
            "current_budget": "0.018",
            "forecast_outturn": "0.018",
            "next_year_draft": "0.000",
            "aliases": [],
        },
        {
            "code": "CAP-WIFI",
            "name": "Wifi Upgrade Integrated Sites",
            "current_budget": "0.010",
            "forecast_outturn": "0.010",
            "next_year_draft": "0.000",
            "aliases": [],
        },
    ],
}

PRINTED_TOTALS = [
    # ---- P2 reserves and provisions table (seed 001 Appendix D)
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Provisions",
        "column": "balance_1_april",
        "printed": "4.157",
        "kind": "table_total",
    },
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Provisions",
        "column": "proposed_usage",
        "printed": "0.000",
        "kind": "table_total",
    },
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Provisions",
        "column": "balance_31_march",
        "printed": "4.157",
        "kind": "table_total",
    },
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Reserves",
        "column": "balance_1_april",
        "printed": "2.074",
        "kind": "table_total",
    },
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Reserves",
        "column": "proposed_usage",
        "printed": "-1.580",
        "kind": "table_total",
    },
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Reserves",
        "column": "balance_31_march",
        "printed": "0.494",
        "kind": "table_total",
    },
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "reserves",
        "subject": "Total Reserves & Provisions",
        "column": "balance_1_april",
        "printed": "6.231",
        "kind": "table_total",
    },
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "reserves",
        "subject": "Total Reserves & Provisions",
        "column": "proposed_usage",
        "printed": "-1.580",
        "kind": "table_total",
    },
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "reserves",
        "subject": "Total Reserves & Provisions",
        "column": "balance_31_march",
        "printed": "4.651",
        "kind": "table_total",
    },
    # ---- P10 reserves and provisions table (seed 002 Appendix E)
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Provisions",
        "column": "balance_1_april",
        "printed": "4.157",
        "kind": "table_total",
    },
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Provisions",
        "column": "proposed_usage",
        "printed": "0.111",
        "kind": "table_total",
    },
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Provisions",
        "column": "balance_31_march",
        "printed": "4.268",
        "kind": "table_total",
    },
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Reserves",
        "column": "balance_1_april",
        "printed": "2.074",
        "kind": "table_total",
    },
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Reserves",
        "column": "proposed_usage",
        "printed": "12.321",
        "kind": "table_total",
    },
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "reserves",
        "subject": "Total Adult Social Care Reserves",
        "column": "balance_31_march",
        "printed": "14.394",
        "kind": "table_total",
    },
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "reserves",
        "subject": "Total Reserves & Provisions",
        "column": "balance_1_april",
        "printed": "6.230",
        "kind": "table_total",
    },
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "reserves",
        "subject": "Total Reserves & Provisions",
        "column": "proposed_usage",
        "printed": "12.432",
        "kind": "table_total",
    },
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "reserves",
        "subject": "Total Reserves & Provisions",
        "column": "balance_31_march",
        "printed": "18.662",
        "kind": "table_total",
    },
    # ---- capital TOTAL rows
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "capital",
        "subject": "TOTAL",
        "column": "current_budget",
        "printed": "19.647",
        "kind": "table_total",
    },
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "capital",
        "subject": "TOTAL",
        "column": "forecast_outturn",
        "printed": "19.647",
        "kind": "table_total",
    },
    {
        "period": "P2",
        "source": "Period 2 report",
        "table": "capital",
        "subject": "TOTAL",
        "column": "next_year_draft",
        "printed": "2.021",
        "kind": "table_total",
    },
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "capital",
        "subject": "TOTAL",
        "column": "current_budget",
        "printed": "19.151",
        "kind": "table_total",
    },
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "capital",
        "subject": "TOTAL",
        "column": "forecast_outturn",
        "printed": "17.761",
        "kind": "table_total",
    },
    {
        "period": "P10",
        "source": "Period 10 report",
        "table": "capital",
        "subject": "TOTAL",
        "column": "next_year_draft",
        "printed": "3.084",
        "kind": "table_total",
    },
    # ---- P2 figures in the text (seed 001)
    {
        "period": "P2",
        "source": "Period 2 report, executive summary",
        "table": "text",
        "subject": "reserves",
        "column": "balance_1_april",
        "printed": "2.074",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, executive summary",
        "table": "text",
        "subject": "reserves: committed expenditure to meet known projects in 2017/18",
        "column": "proposed_usage",
        "printed": "1.580",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, executive summary",
        "table": "text",
        "subject": "reserves: forecast outturn",
        "column": "balance_31_march",
        "printed": "0.494",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, executive summary and 2.11.2",
        "table": "text",
        "subject": "reserves: proposed use for transformation / Promoting Independence",
        "column": "proposed_usage",
        "printed": "0.400",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, executive summary and 2.11.2",
        "table": "text",
        "subject": "reserves: corporate review of reserves (zero based review 0.070 + Care Act 0.080)",
        "column": "proposed_usage",
        "printed": "0.150",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, paragraph 2.11.2",
        "table": "text",
        "subject": "reserves: social care replacement system (carried forward)",
        "column": "proposed_usage",
        "printed": "0.361",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, paragraph 2.11.2",
        "table": "text",
        "subject": "reserves: Learning and Development",
        "column": "proposed_usage",
        "printed": "0.255",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, paragraph 2.11.2",
        "table": "text",
        "subject": "reserves: market development",
        "column": "proposed_usage",
        "printed": "0.020",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, paragraph 2.11.2",
        "table": "text",
        "subject": "reserves: zero based review",
        "column": "proposed_usage",
        "printed": "0.070",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, paragraph 2.11.2",
        "table": "text",
        "subject": "reserves: unallocated Care Act implementation",
        "column": "proposed_usage",
        "printed": "0.080",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, paragraph 2.11.1",
        "table": "text",
        "subject": "reserves and provisions",
        "column": "balance_1_april",
        "printed": "6.231",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, paragraph 2.11.1",
        "table": "text",
        "subject": "reserves",
        "column": "balance_1_april",
        "printed": "2.074",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, paragraph 2.11.3",
        "table": "text",
        "subject": "reserves: forecast position",
        "column": "balance_31_march",
        "printed": "0.493",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, executive summary and 2.11.4",
        "table": "text",
        "subject": "provisions",
        "column": "balance_1_april",
        "printed": "4.157",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, paragraph 2.12.1",
        "table": "text",
        "subject": "three year capital programme",
        "column": "2017/18 budget + 2018/19 draft",
        "printed": "21.668",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, paragraph 2.12.1",
        "table": "text",
        "subject": "capital: BCF Disabled Facilities Grant (passported to districts)",
        "column": "programme",
        "printed": "6.924",
        "kind": "text",
    },
    {
        "period": "P2",
        "source": "Period 2 report, paragraph 2.12.1",
        "table": "text",
        "subject": "capital: social care and finance replacement system",
        "column": "programme",
        "printed": "7.240",
        "kind": "text",
    },
    # ---- P10 figures in the text (seed 002)
    {
        "period": "P10",
        "source": "Period 10 report, executive summary and 2.10.1",
        "table": "text",
        "subject": "reserves",
        "column": "balance_1_april",
        "printed": "2.074",
        "kind": "text",
    },
    {
        "period": "P10",
        "source": "Period 10 report, executive summary and 2.10.2",
        "table": "text",
        "subject": "reserves: planned use in this financial year (sum of draw-downs)",
        "column": "proposed_usage",
        "printed": "0.412",
        "kind": "text",
    },
    {
        "period": "P10",
        "source": "Period 10 report, executive summary",
        "table": "text",
        "subject": "reserves: forecast outturn",
        "column": "balance_31_march",
        "printed": "14.394",
        "kind": "text",
    },
    {
        "period": "P10",
        "source": "Period 10 report, paragraph 2.10.3 (printed as '£14.394', without the 'm')",
        "table": "text",
        "subject": "reserves: forecast position",
        "column": "balance_31_march",
        "printed": "14.394",
        "kind": "text",
    },
    {
        "period": "P10",
        "source": "Period 10 report, executive summary and 2.10.4",
        "table": "text",
        "subject": "provisions",
        "column": "balance_1_april",
        "printed": "4.157",
        "kind": "text",
    },
    {
        "period": "P10",
        "source": "Period 10 report, paragraph 2.10.1",
        "table": "text",
        "subject": "reserves and provisions",
        "column": "balance_1_april",
        "printed": "6.230",
        "kind": "text",
    },
    {
        "period": "P10",
        "source": "Period 10 report, paragraph 2.10.6",
        "table": "text",
        "subject": "iBCF grant proposed to be carried forward within reserves",
        "column": "proposed_usage",
        "printed": "10.9",
        "kind": "text",
    },
    {
        "period": "P10",
        "source": "Period 10 report, paragraph 2.11.1",
        "table": "text",
        "subject": "three year capital programme",
        "column": "2017/18 budget + 2018/19 draft",
        "printed": "21.870",
        "kind": "text",
    },
    {
        "period": "P10",
        "source": "Period 10 report, paragraph 2.11.1",
        "table": "text",
        "subject": "capital: BCF Disabled Facilities Grant (passported to districts)",
        "column": "programme",
        "printed": "6.924",
        "kind": "text",
    },
    {
        "period": "P10",
        "source": "Period 10 report, paragraph 2.11.1",
        "table": "text",
        "subject": "capital: social care and finance replacement system",
        "column": "programme",
        "printed": "7.354",
        "kind": "text",
    },
]

DISCREPANT_PAIRS = [
    {
        "subject": "Adult Social Care reserves forecast at 31 March 2018, Period 2",
        "figures": [
            {"period": "P2", "printed": "0.494", "where": "seed 001 executive summary; reserves table total"},
            {"period": "P2", "printed": "0.493", "where": "seed 001 2.11.3"},
        ],
    },
    {
        "subject": "Reserves and provisions at 1 April 2017",
        "figures": [
            {"period": "P2", "printed": "6.231", "where": "seed 001 2.11.1; P2 reserves table total"},
            {"period": "P10", "printed": "6.230", "where": "seed 002 2.10.1; P10 reserves table total"},
        ],
    },
    {
        "subject": "Period 2 proposed use of reserves",
        "figures": [
            {"period": "P2", "printed": "1.580", "where": "seed 001 executive summary; reserves table usage total"},
            {"period": "P2", "printed": "0.361 + 0.255 + 0.020 + 0.400 + 0.150", "where": "seed 001 2.11.2 (1.186)"},
        ],
    },
    {
        "subject": "iBCF carry-forward into reserves, Period 10",
        "figures": [
            {"period": "P10", "printed": "10.971", "where": "seed 002 reserves table; seed 003 3.3"},
            {"period": "P10", "printed": "10.9", "where": "seed 002 2.10.6"},
            {"period": "P10", "printed": "9.819", "where": "seed 002 2.5.5 (carry forward in the 2018-19 budget)"},
        ],
    },
    {
        "subject": "Three year capital programme vs table",
        "figures": [
            {"period": "P10", "printed": "21.870", "where": "seed 002 2.11.1"},
            {"period": "P10", "printed": "19.151 + 3.084", "where": "seed 002 capital TOTAL row (22.235)"},
        ],
    },
    {
        "subject": "Social care and finance (replacement/information) system, capital",
        "figures": [
            {"period": "P2", "printed": "7.240", "where": "seed 001 2.12.1"},
            {"period": "P2", "printed": "5.238 + 1.912", "where": "seed 001 capital table row (7.150)"},
            {"period": "P10", "printed": "7.354", "where": "seed 002 2.11.1"},
            {"period": "P10", "printed": "4.744 + 2.975", "where": "seed 002 capital table row (7.719)"},
        ],
    },
]

GARBLED = [
    {
        "period": "P2",
        "line": "Total Pasaryas & Provisions\t6 024\t1 500\t1 651",
        "note": "extraction ghost printed just above 'Total Reserves & Provisions 6.231 -1.580 4.651'; ignored",
    },
]
