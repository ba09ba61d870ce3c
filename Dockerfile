# Production image: gunicorn (gunicorn.conf.py) + whitenoise; the queue worker runs from the same
# image (compose's `worker`: python manage.py db_worker). The appendix pack needs WeasyPrint's
# Pango, DejaVu fonts (embedded in the PDF) and Debian's Chromium (the charts: plotly.js drawn by
# Playwright with the system browser, nothing downloaded). scripts/smoke-production.sh runs the
# same steps outside Docker, in `make test`.

# Front-end assets: the package lock needs Node 20.19 or later.
FROM node:22-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY static/scss static/scss
RUN npm run --silent build:css

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core chromium \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
COPY --from=assets /app/static/build static/build
COPY --from=assets /app/node_modules/govuk-frontend/dist/govuk node_modules/govuk-frontend/dist/govuk
COPY --from=assets /app/node_modules/plotly.js-basic-dist-min node_modules/plotly.js-basic-dist-min
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput
# Chromium wants a home to write its profile to
RUN useradd --system --uid 1000 --create-home --home-dir /home/ascweb ascweb
USER ascweb
ENV HOME=/home/ascweb
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py createcachetable && python manage.py sync_roles && exec gunicorn -c gunicorn.conf.py ascweb.wsgi"]
