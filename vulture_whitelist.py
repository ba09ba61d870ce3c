"""Names vulture cannot see used: read by templates, settings, the admin or a library by name.
Each is listed with where it is read; a name that stops being read goes from here too.
(Checked by `vulture` in `make lint`; the Django conventions are in pyproject.toml.)"""

# ruff: noqa: B018, F821 - a vulture whitelist is a list of bare names
# Read by templates
_.rounding  # templates/pack/pack.html
_.continues  # templates/pack/pack.html
_.footnotes  # templates/pack/pack.html
_.section_html  # templates/pack/pack.html
_.anchor  # templates/pack/pack.html
_.is_draft  # templates/pack/pack.html
_.period_fields  # templates/finance/budget_profile.html
_.who  # templates/finance/audit.html
_.profile_rows  # templates/finance/_profile_table.html, _monthly_table.html
_.by  # templates/finance/area_edit.html, templates/savings/workstream_edit.html (a conflict's editor)
_.mitigations  # templates/savings/summary.html
_.not_updated  # templates/savings/summary.html
_.previous_at_risk  # templates/savings/dashboard_panel.html
_.group_rows  # templates/finance/area_edit.html
_.any_carried  # templates/finance/area_edit.html
_.group_explained  # templates/finance/area_edit.html
_.confirm_all  # templates/finance/area_edit.html (the "Confirm all" button's field)
_.question  # templates/finance/dashboard.html (a Glance line)
_.contents_title  # templates/finance/dashboard.html (a DashboardPanel's contents entry)
_.html_id  # templates/finance/dashboard.html (a DashboardPanel's anchor)
_.holds  # templates/planning/_round_body.html (the savings link)
_.grid  # templates/planning/figures_edit.html
_.clean_first_year  # planning/forms.py: Django calls clean_<field>
# Budget planning's bridge categories: stored values, read through Category.choices
_.AGREED_GAP
_.COST_PRESSURES
_.SAVINGS_CHANGES
_.TAX_INCREASE
_.TAX_BASE
_.REALLOCATION

# Read by django-tables2 by accessor (finance.tables columns)
_.prior_actual
_.prior_variance

# Named in settings
_.roles  # TEMPLATES context_processors
_.NoStoreWhenSignedIn  # MIDDLEWARE
_.CompressPages  # MIDDLEWARE
_.HashedStaticFiles  # STORAGES["staticfiles"]
_.CouncilOIDCBackend  # AUTHENTICATION_BACKENDS
_.council_username  # OIDC_USERNAME_ALGO

# Forms, models and libraries that read attributes by name
_.file  # ascweb.forms.ImportForm's upload field
_._date_indexing  # django-simple-history's setting, overridden (ascweb.bulk)
_.db_index  # a history field's option (ascweb.bulk)
_.alignment  # openpyxl cell style (ascweb.xlsx)
_.freeze_panes  # openpyxl sheet (ascweb.xlsx)
_.orientation  # openpyxl page setup (ascweb.xlsx)
_.paperSize  # openpyxl page setup (ascweb.xlsx)
_.print_title_rows  # openpyxl print titles (ascweb.xlsx)
_.support_js_module_import_aggregation  # ManifestStaticFilesStorage option (ascweb.storage)

# Model fields and choices: the schema, kept by the migrations and shown by the admin
_.taken_at  # finance.StructureSnapshot
_.ccgs  # ibcf.AcuteSystem
_.category  # savings.Saving
_.part_of  # savings.Saving
_.SUSTAIN  # ibcf.Scheme.Priority
_.INVEST
_.NEEDS  # ibcf.Scheme.Condition
_.NHS
_.MARKET
_.A  # savings.Saving.Category
_.B
_.C
_.D
_.NONE  # savings.SavingForecast.Rag

# The demo data modules' unread constants: they go with those modules (the demo data set
# becomes import files); delete these lines then.
_.CONDITION_MAPPING_NOTE  # ibcf/demo_data.py
_.GRANT_CONDITIONS
_.PLANNING_PRIORITIES
_.CARRY_FORWARD_STATEMENTS
_.DISCREPANT_PAIRS  # reserves/demo/data.py
_.GARBLED
_.SOURCES  # savings/demo_data.py
_.WORKSTREAMS
_.CATEGORIES
_.item_header  # templates/edit/statement.html
_.button  # templates/edit/statement.html
_.has_previous  # templates/edit/statement.html
_.abstract  # ascweb.models.Versioned.Meta: Django reads it
parse_millions  # the tests read the papers' printed £m figures with it (tests/unit/test_money.py)
_.data_type  # ascweb/cells.py: openpyxl writes a cell by its data_type
_.help_text  # ascweb/forms.py: the template shows a field's help text
_.clean_file  # ascweb/forms.py: Django calls clean_<field>
_.created_at  # ascweb.models.BackgroundImport: its Meta.ordering; ascweb.models.Assignment: the admin
_.started_at  # templates/imports/job.html
_.finished_at  # templates/imports/job.html

# performance: read by templates, django-tables2 and the import template by name
_.month_names  # templates/performance/figures_edit.html
_.is_money  # templates/periods/fidelity.html (ascweb.models.FidelityNote)
_.latest_month_name  # templates/performance/performance.html, dashboard_panel.html
_.definition  # templates/performance/performance.html, the indicators import
_.population_base  # templates/performance/performance.html, the indicators import
_.PERCENT  # Indicator.Unit: a choice
_.HIGHER  # Indicator.Direction: a choice
# the months of performance.models.SeriesValues and the columns of performance.tables.SeriesTable
_.apr, _.may, _.jun, _.jul, _.aug, _.sep, _.oct, _.nov, _.dec, _.jan, _.feb, _.mar
_.q1, _.q2, _.q3, _.q4
_.ytd_target
_.ytd_rate  # performance.tables.MetricsTable, by accessor
client_address  # settings.AXES_CLIENT_IP_CALLABLE: django-axes calls it
MemberSnapshot  # settings.MIDDLEWARE
_.process_view  # Django calls a middleware's process_view
CacheRouter  # settings.DATABASE_ROUTERS
_.db_for_read  # Django asks a router
_.db_for_write
_.filter_horizontal  # performance/admin.py: the admin reads it
