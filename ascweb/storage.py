"""Static files under hashed names, so every file a page loads can be cached for a year.

whitenoise's compressed manifest storage names each file by its content's hash and rewrites
the references in CSS; JavaScript modules are rewritten only when asked, so without this
`static/js/app.js` imported GOV.UK Frontend by its fixed name, which whitenoise serves with a
60-second cache. With `support_js_module_import_aggregation` (Django 4.2+) the import in the
collected app.js names the hashed govuk-frontend file.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticFiles(CompressedManifestStaticFilesStorage):
    support_js_module_import_aggregation = True
