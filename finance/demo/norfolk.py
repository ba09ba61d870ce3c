"""Norfolk County Council, Adult Social Services, 2017-18: the published figures.

Transcribed from the Adult Social Care Committee finance monitoring reports:
- Period 2 (May) 2017-18, meeting 10 July 2017 (tables 2.1, 2.7, 2.8.1, Appendix A, B);
- Period 10 (January) 2017-18, meeting 5 March 2018 (tables 2.1, 2.6, 2.7, Appendix A, B).

Amounts are strings in £m exactly as printed ("(0.471)" is negative). Only *line* figures
are loaded; every printed total is kept in PRINTED so the loader can check the paper's
arithmetic and record a fidelity note where it does not hold. Nothing printed as a total
is ever stored as a figure.
"""

YEAR = "2017-18"
PRIOR_YEAR = "2016-17"

# (code, name, kind, parent code, total label, print heading, aliases)
STRUCTURE = [
    ("ASS", "Adult Social Services", "department", None, "Total Net Expenditure", True, []),
    ("BD", "Business Development", "area", "ASS", "", True, []),
    ("BD-BD", "Business Development", "line", "BD", "", True, []),
    ("CS", "Commissioned Services", "area", "ASS", "Commissioning Total", True, ["Commissioned Services (net)"]),
    ("CS-COM", "Commissioning Team", "line", "CS", "", True, ["Commissioning"]),
    ("CS-SLA", "Service Level Agreements", "line", "CS", "", True, []),
    (
        "CS-ICES",
        "Integrated Community Equipment Service",
        "line",
        "CS",
        "",
        True,
        ["ICES", "Integrated Community Equipment Store"],
    ),
    ("CS-NORSE", "NorseCare", "line", "CS", "", True, []),
    ("CS-HRS", "Housing Related Support", "line", "CS", "", True, ["Housing Support"]),
    ("CS-IM", "Independence Matters", "line", "CS", "", True, []),
    ("CS-OTH", "Other Commissioning", "line", "CS", "", True, ["Other"]),
    ("EHP", "Early Help & Prevention", "area", "ASS", "Prevention Total", True, ["Early Help and Prevention"]),
    ("EHP-NRFS", "Norfolk Reablement First Support", "line", "EHP", "", True, ["Reablement"]),
    ("EHP-SD", "Service Development", "line", "EHP", "", True, []),
    ("EHP-OTH", "Other Early Help & Prevention", "line", "EHP", "", True, ["Other", "Other Services"]),
    (
        "STU",
        "Services to Users",
        "area",
        "ASS",
        "Net Expenditure",
        True,
        ["Services to Users (net)", "Revised Net Expenditure"],
    ),
    (
        "STU-COST",
        "Cost of Services to Users",
        "group",
        "STU",
        "Total Cost of Services to Users",
        False,
        ["Total Expenditure"],
    ),
    ("STU-POC", "Purchase of Care", "group", "STU-COST", "Total Purchase of Care", True, []),
    ("STU-OP", "Older People", "line", "STU-POC", "", True, []),
    ("STU-PD", "People with Physical Disabilities", "line", "STU-POC", "", True, ["Physical Disabilities"]),
    ("STU-LD", "People with Learning Disabilities", "line", "STU-POC", "", True, ["Learning Disabilities"]),
    ("STU-MH", "Mental Health, Drugs & Alcohol", "line", "STU-POC", "", True, ["Mental Health"]),
    ("STU-TRANS", "Hired Transport", "line", "STU-COST", "", True, ["Transport"]),
    (
        "STU-STAFF",
        "Staffing and support costs",
        "line",
        "STU-COST",
        "",
        True,
        ["Care & Assessment & Other staff costs"],
    ),
    ("STU-INC", "Service User Income", "line", "STU", "", True, []),
    ("MFHR", "Management, Finance & HR", "area", "ASS", "", True, ["Management, Finance and HR"]),
    ("MFHR-MFHR", "Management, Finance & HR", "line", "MFHR", "", True, []),
]

# Income lines, budgeted as negative amounts: their variances are over- or under-recovery of
# income (Appendix B: "Service User Income, over-recovery of (£9.864m)"). Management, Finance
# & HR also has a negative budget but is not income: the papers call its variance an overspend.
INCOME = {"STU-INC"}

PERIODS = {
    # number: (committee meeting, source of the figures)
    2: ("2017-07-10", "Period 2 report"),
    10: ("2018-03-05", "Period 10 report"),
}

# Line figures: code -> (budget, forecast outturn), from Appendix A (and table 2.1 for the
# areas that Appendix A does not itemise).
LINES = {
    2: {
        "BD-BD": ("3.994", "3.689"),
        "CS-COM": ("1.643", "1.582"),
        "CS-SLA": ("10.624", "10.373"),
        "CS-ICES": ("2.651", "2.259"),
        "CS-NORSE": ("32.385", "33.788"),
        "CS-HRS": ("6.976", "6.743"),
        "CS-IM": ("12.857", "12.857"),
        "CS-OTH": ("1.482", "1.482"),
        "EHP-NRFS": ("4.489", "4.405"),
        "EHP-SD": ("1.243", "1.243"),
        "EHP-OTH": ("4.103", "3.935"),
        "STU-OP": ("110.926", "109.262"),
        "STU-PD": ("23.148", "23.238"),
        "STU-LD": ("96.391", "97.439"),
        "STU-MH": ("13.545", "13.105"),
        "STU-TRANS": ("6.672", "6.672"),
        "STU-STAFF": ("16.863", "16.639"),
        "STU-INC": ("(80.633)", "(82.484)"),
        "MFHR-MFHR": ("(7.908)", "(4.776)"),
    },
    10: {
        "BD-BD": ("4.093", "3.784"),
        "CS-COM": ("4.003", "3.823"),
        "CS-SLA": ("12.159", "11.715"),
        "CS-ICES": ("2.396", "2.115"),
        "CS-NORSE": ("32.594", "33.419"),
        "CS-HRS": ("6.517", "6.517"),
        "CS-IM": ("12.857", "12.945"),
        "CS-OTH": ("1.403", "1.367"),
        "EHP-NRFS": ("2.535", "2.530"),
        "EHP-SD": ("1.131", "1.099"),
        "EHP-OTH": ("2.984", "2.977"),
        "STU-OP": ("111.098", "114.994"),
        "STU-PD": ("23.148", "23.465"),
        "STU-LD": ("99.191", "100.283"),
        "STU-MH": ("13.545", "14.592"),
        "STU-TRANS": ("6.672", "5.784"),
        "STU-STAFF": ("11.589", "10.403"),
        "STU-INC": ("(76.870)", "(86.734)"),
        "MFHR-MFHR": ("(9.642)", "(6.177)"),
    },
}

# 2016-17 actual and over/underspend at outturn, at the depth the papers give it: per line
# for Commissioned Services and Services to Users (tables 2.6/2.7), per area elsewhere.
PRIOR_YEAR_OUTTURN = {
    "BD-BD": ("10.392", "(0.471)"),
    "CS-COM": ("1.185", "(0.289)"),
    "CS-SLA": ("10.361", "(0.795)"),
    "CS-ICES": ("2.184", "(0.418)"),
    "CS-NORSE": ("33.280", "3.257"),
    "CS-HRS": ("8.323", "(1.172)"),
    "CS-IM": ("13.114", "(0.244)"),
    "CS-OTH": ("1.153", "(0.216)"),
    "EHP": ("5.492", "(0.727)"),
    "STU-OP": ("111.914", "8.238"),
    "STU-PD": ("23.246", "1.207"),
    "STU-LD": ("94.527", "11.119"),
    "STU-MH": ("13.174", "0.267"),
    "STU-TRANS": ("6.746", "3.074"),
    "STU-STAFF": ("9.144", "(1.194)"),
    "STU-INC": ("(90.508)", "(9.739)"),
    "MFHR-MFHR": ("1.064", "(7.497)"),
}

# Every figure the papers print, to be checked against the lines:
# (period, source table, node code, column, printed). Columns: budget, forecast, variance,
# prior_actual, prior_variance.
_COLS5 = ("prior_actual", "prior_variance", "budget", "forecast", "variance")
_COLS3 = ("budget", "forecast", "variance")


def _rows(period, source, columns, rows):
    return [
        (period, source, code, column, value)
        for code, values in rows
        for column, value in zip(columns, values, strict=True)
    ]


PRINTED = (
    _rows(
        2,
        "Period 2 report, table 2.1",
        _COLS5,
        [
            ("BD", ("10.392", "(0.471)", "3.994", "3.689", "(0.305)")),
            ("CS", ("69.600", "0.123", "68.618", "69.085", "0.467")),
            ("EHP", ("5.492", "(0.727)", "9.835", "9.583", "(0.253)")),
            ("STU", ("168.243", "12.971", "186.913", "183.871", "(3.042)")),
            ("MFHR", ("1.064", "(7.497)", "(7.908)", "(4.776)", "3.132")),
            ("ASS", ("254.791", "4.399", "261.453", "261.453", "0")),
        ],
    )
    + _rows(
        2,
        "Period 2 report, table 2.7.1",
        _COLS5,
        [
            ("STU-OP", ("111.914", "8.238", "110.926", "109.262", "(1.664)")),
            ("STU-PD", ("23.246", "1.207", "23.148", "23.238", "0.090")),
            ("STU-LD", ("94.527", "11.119", "96.391", "97.439", "1.048")),
            ("STU-MH", ("13.174", "0.267", "13.545", "13.105", "(0.440)")),
            ("STU-TRANS", ("6.746", "3.074", "6.672", "6.672", "0.000")),
            ("STU-STAFF", ("9.144", "(1.194)", "16.863", "16.639", "(0.225)")),
            ("STU-COST", ("258.751", "22.710", "267.545", "266.355", "(1.191)")),
            ("STU-INC", ("(90.508)", "(9.739)", "(80.633)", "(82.484)", "(1.851)")),
            ("STU", ("168.243", "12.971", "186.913", "183.871", "(3.042)")),
        ],
    )
    + _rows(
        2,
        "Period 2 report, table 2.8.1",
        _COLS5,
        [
            ("CS-COM", ("1.185", "(0.289)", "1.643", "1.582", "(0.061)")),
            ("CS-SLA", ("10.361", "(0.795)", "10.624", "10.373", "(0.251)")),
            ("CS-ICES", ("2.184", "(0.418)", "2.651", "2.259", "(0.392)")),
            ("CS-NORSE", ("33.280", "3.257", "32.385", "33.788", "1.403")),
            ("CS-HRS", ("8.323", "(1.172)", "6.976", "6.743", "(0.232)")),
            ("CS-IM", ("13.114", "(0.244)", "12.857", "12.857", "0.000")),
            ("CS-OTH", ("1.153", "(0.216)", "1.482", "1.482", "0.000")),
            ("CS", ("69.600", "0.123", "68.618", "69.085", "0.467")),
        ],
    )
    + _rows(
        2,
        "Period 2 report, Appendix A",
        _COLS3,
        [
            ("STU-OP", ("110.926", "109.262", "(1.664)")),
            ("STU-PD", ("23.148", "23.238", "0.090")),
            ("STU-LD", ("96.391", "97.439", "1.048")),
            ("STU-MH", ("13.545", "13.105", "(0.440)")),
            ("STU-POC", ("244.010", "243.044", "(0.966)")),
            ("STU-TRANS", ("6.672", "6.672", "0.000")),
            ("STU-STAFF", ("16.863", "16.639", "(0.225)")),
            ("STU-COST", ("267.545", "266.355", "(1.191)")),
            ("STU-INC", ("(80.633)", "(82.484)", "(1.851)")),
            ("STU", ("186.912", "183.871", "(3.042)")),
            ("CS-COM", ("1.643", "1.582", "(0.061)")),
            ("CS-SLA", ("10.624", "10.373", "(0.251)")),
            ("CS-ICES", ("2.651", "2.259", "(0.392)")),
            ("CS-NORSE", ("32.385", "33.788", "1.403")),
            ("CS-HRS", ("6.976", "6.743", "(0.232)")),
            ("CS-IM", ("12.857", "12.857", "0.000")),
            ("CS-OTH", ("1.482", "1.482", "0.000")),
            ("CS", ("68.618", "69.085", "0.467")),
            ("EHP-NRFS", ("4.489", "4.405", "(0.084)")),
            ("EHP-SD", ("1.243", "1.243", "0.000")),
            ("EHP-OTH", ("4.103", "3.935", "(0.169)")),
            ("EHP", ("9.835", "9.583", "(0.253)")),
        ],
    )
    + _rows(
        10,
        "Period 10 report, table 2.1",
        _COLS5,
        [
            ("BD", ("10.392", "(0.471)", "4.093", "3.784", "(0.309)")),
            ("CS", ("69.600", "0.123", "71.928", "71.902", "(0.027)")),
            ("EHP", ("5.492", "(0.727)", "6.649", "6.606", "(0.043)")),
            ("STU", ("168.243", "12.971", "188.372", "182.786", "(5.586)")),
            ("MFHR", ("1.064", "(7.497)", "(9.642)", "(6.177)", "3.465")),
            ("ASS", ("254.791", "4.399", "261.401", "258.901", "(2.500)")),
        ],
    )
    + _rows(
        10,
        "Period 10 report, table 2.6.1",
        _COLS5,
        [
            ("STU-OP", ("111.914", "8.238", "111.098", "114.994", "3.896")),
            ("STU-PD", ("23.246", "1.207", "23.148", "23.465", "0.317")),
            ("STU-LD", ("94.527", "11.119", "99.191", "100.283", "1.092")),
            ("STU-MH", ("13.174", "0.267", "13.545", "14.592", "1.047")),
            ("STU-TRANS", ("6.746", "3.074", "6.672", "5.784", "(0.888)")),
            ("STU-STAFF", ("9.144", "(1.194)", "11.589", "10.403", "(1.186)")),
            ("STU-COST", ("258.751", "22.710", "265.242", "269.520", "4.278")),
            ("STU-INC", ("(90.508)", "(9.739)", "(76.87)", "(89.734)", "(9.864)")),
            ("STU", ("168.243", "12.971", "188.372", "182.786", "(5.586)")),
        ],
    )
    + _rows(
        10,
        "Period 10 report, table 2.7.1",
        _COLS5,
        [
            ("CS-COM", ("1.185", "(0.289)", "4.003", "3.823", "(0.180)")),
            ("CS-SLA", ("10.361", "(0.795)", "12.159", "11.715", "(0.444)")),
            ("CS-ICES", ("2.184", "(0.418)", "2.396", "2.115", "(0.281)")),
            ("CS-NORSE", ("33.280", "3.257", "32.594", "33.419", "0.826")),
            ("CS-HRS", ("8.323", "(1.172)", "6.517", "6.517", "0.000")),
            ("CS-IM", ("13.114", "(0.244)", "12.857", "12.945", "0.089")),
            ("CS-OTH", ("1.153", "(0.216)", "1.403", "1.367", "(0.036)")),
            ("CS", ("69.600", "0.123", "71.928", "71.990", "(0.027)")),
        ],
    )
    + _rows(
        10,
        "Period 10 report, Appendix A",
        _COLS3,
        [
            ("STU-OP", ("111.098", "114.994", "3.896")),
            ("STU-PD", ("23.148", "23.465", "0.317")),
            ("STU-LD", ("99.191", "100.283", "1.092")),
            ("STU-MH", ("13.545", "14.592", "1.047")),
            ("STU-POC", ("246.981", "253.333", "6.352")),
            ("STU-TRANS", ("6.672", "5.784", "(0.888)")),
            ("STU-STAFF", ("11.589", "10.403", "(1.186)")),
            ("STU-COST", ("265.242", "269.520", "4.278")),
            ("STU-INC", ("(76.870)", "(86.734)", "(9.864)")),
            ("STU", ("188.372", "182.786", "(5.586)")),
            ("CS-COM", ("4.003", "3.823", "(0.180)")),
            ("CS-SLA", ("12.159", "11.715", "(0.444)")),
            ("CS-ICES", ("2.396", "2.115", "(0.281)")),
            ("CS-NORSE", ("32.594", "33.419", "0.826")),
            ("CS-HRS", ("6.517", "6.517", "(0.000)")),
            ("CS-IM", ("12.857", "12.945", "0.089")),
            ("CS-OTH", ("1.403", "1.367", "(0.036)")),
            ("CS", ("71.928", "71.902", "(0.027)")),
            ("EHP-NRFS", ("2.535", "2.530", "(0.005)")),
            ("EHP-SD", ("1.131", "1.099", "(0.031)")),
            ("EHP-OTH", ("2.984", "2.977", "(0.007)")),
            ("EHP", ("6.649", "6.606", "(0.043)")),
        ],
    )
)

# The Period 10 Appendix A compares with "Variance @ Pd 7": Period 7 was reported to the
# January 2018 committee, which is not among the source documents, so ascweb compares each
# period with the previous published period it holds (Period 2 for Period 10).
KNOWN_GAPS = [
    (
        10,
        "Period 10 report, Appendix A",
        "Variance @ Pd 7",
        "The paper compares with Period 7, whose figures are not in the source documents; "
        "ascweb shows the variance at the previous published period it holds (Period 2).",
    ),
]

# Appendix B: explanations of variances, verbatim. Keys are line codes, or group codes where
# the paper explains the group as a whole (Purchase of Care).
EXPLANATIONS = {
    10: {
        "BD-BD": "The forecast underspend is from vacancies and secondments in some teams, with "
        "roles currently being reviewed.",
        "CS-COM": "The underspend is due to staff vacancies and additional income.",
        "CS-ICES": "Working practices have changed, which has reduced the equipment backlog. This "
        "combines with a recycled equipment rebate to deliver an underspend.",
        "CS-IM": "The overspend is due to savings not being achieved in full in 2017-18. One-off "
        "reductions in relation to inflation are mitigating the impact in 2017-18.",
        "CS-NORSE": "The variance has increased from Period 7. Despite ongoing reductions in the "
        "real-terms contract costs (including NorseCare forgoing the inflationary "
        "increase for this year that the contract entitles it to) there remains a "
        "variation between the approved budget and the contract price.\n"
        "\n"
        "Savings targets set in the council's prior-year budgets were not able to be "
        "achieved within the 2017-18 contract price – this is mainly because of the "
        "'legacy' costs that NorseCare carries in respect of staff terms and "
        "conditions and property maintenance\n"
        "\n"
        "The reduction in the variance reflects work to maximise and reshape the "
        "contract and to ensure that income that relates to NorseCare block beds is "
        "reflected against the contract spend.",
        "CS-SLA": "The underspend is due to a reduction in planned costs, following retendering "
        "of agreements, together with additional income from Continuing Health Care and "
        "private sale of beds within the contracts.",
        "EHP-OTH": "The variance relates to vacancies within Care Arranging Service and the "
        "Emergency Duty Team. This is offset by a pressure within Housing with Care "
        "Tenant Meals of £0.114m relating to ongoing costs, for which there is a plan "
        "to manage these downward.",
        "MFHR-MFHR": "A contingency has been put in place to provide for the risk of not "
        "delivering the savings identified within the forecast, and to cover "
        "potential increases in demand. This has been decreased from Period 7, "
        "reflecting confidence in the forecast and the proximity to the end of the "
        "financial year.",
        "STU-INC": "Income from service users has exceeded 2016/17 figures up to the end of "
        "January 2018, and this trend is expected to continue. The increases are a "
        "reflection of the alteration to the charging policy so that the calculation "
        "of charges takes into consideration an amount more closely reflected to "
        "actual disability related expenditure incurred by individuals and a new piece "
        "of work to support people who may not be accessing all financial benefits "
        "available to them. The increase also reflects the rise in number of service "
        "users in residential care, which has increased service user income during the "
        "year, although this is now reducing in line with expenditure.",
        "STU-POC": "Additional funds were added into the budget for 2017/18 to cover some of the "
        "pressures within PoC, including the impact of Cost of Care and the National "
        "Living Wage. Period 10 has seen reductions in commitments but pressures "
        "remain within Residential and Supported Living. The forecast includes "
        "adjustment to reflect possible non-delivery of £3.316m net savings.",
        "STU-TRANS": "The service has been working to reduce the use of transport in line with "
        "the Council's Transport policy and implement changes to routes and methods "
        "of transport as less people need transport. This impact of the changes is "
        "taking time, but evidence from the first four months of the year has shown "
        "that changes are now taking affect and the cost of transport provision is "
        "reducing.",
    },
    2: {
        "BD-BD": "The forecast underspend is from vacancies across the service, and staff not "
        "being at the top of scale.",
        "CS-HRS": "The underspend comes from forecast savings as contracts are decommissioned and "
        "renegotiated during 2017/18.",
        "CS-ICES": "Working practices have changed, which has reduced the equipment backlog. This "
        "combines with a recycled equipment rebate to deliver an underspend.",
        "CS-NORSE": "There is a shortfall between the budget available and cost of the service. "
        "This is from savings not being delivered in previous years, together with a "
        "pressure from the cost reduction target for 2017/18 that is not expected to "
        "be met. This is after an additional £2m was added to the budget for 2017/18 "
        "on a one-off basis.",
        "CS-SLA": "The underspend is from a reduction in planned costs following retendering of agreements.",
        "EHP-NRFS": "The variance is from delays in planned recruitment.",
        "EHP-OTH": "The variance relates to vacancies within Care Arranging Service and the Emergency Duty Team.",
        "MFHR-MFHR": "The forecast is based on the available data, but analysis of trends is "
        "limited at the end of Period 2. A contingency has been put in place to "
        "provide for the risk of not delivering the savings identified within the "
        "forecast, and to cover potential increases in demand. This will be reviewed "
        "on a regular basis.",
        "STU-INC": "Income from service users has exceeded 2016/17 figures up to the end of May "
        "2017, and this trend is expected to continue. The increases are a reflection "
        "of the alteration to the charging policy so that the calculation of charges "
        "takes into consideration an amount more closely reflected to actual disability "
        "related expenditure incurred by individuals and a new piece of work to support "
        "people who may not be accessing all financial benefits available to them.",
        "STU-POC": "Additional funds were added into the budget for 2017/18 to cover some of the "
        "pressures within PoC, including the impact of Cost of Care and the National "
        "Living Wage. The service currently expects to deliver all the savings "
        "allocated in the 2017/18 budget. The underspend comes from:\n"
        "- An overall reduction in the contract commitments compared to 2016/17 (after "
        "inflation and growth are accounted for)\n"
        "- Management of direct payments to control the costs and maximise reclaims\n"
        "\n"
        "Pressures continue to exist with Learning Disabilities, where residential care "
        "costs are increasing, through additional need and complexity of cases.",
    },
}
