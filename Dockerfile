# The pattern library's image: one image for the web server, the background worker and migrations.
#   docker build -t localgov-pattern-library .
# docker-compose.yml runs it with PostgreSQL and Elasticsearch.

# Stage 1: GOV.UK Frontend and the bpmn-js viewer from npm (package-lock.json pins them), copied into static/.
FROM node:22-slim AS frontend
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY scripts/copy-frontend.mjs scripts/
RUN node scripts/copy-frontend.mjs

# Stage 2: the Django project, served by gunicorn.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    MEDIA_ROOT=/app/media \
    STATIC_ROOT=/app/staticfiles

# gettext's msgfmt compiles the Welsh interface text (locale/cy) at build time; Graphviz's dot lays out the
# process diagrams when a process is published.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext graphviz \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 app
WORKDIR /app

# Dependencies first, so that a code change does not reinstall them (pyproject.toml pins each one).
COPY pyproject.toml README.md ./
RUN pip install .

COPY --chown=app:app . .
COPY --from=frontend --chown=app:app /app/static/govuk static/govuk
COPY --from=frontend --chown=app:app /app/static/bpmn-js static/bpmn-js
# Node, nunjucks and govuk-frontend render a pattern's screens with GOV.UK Frontend's own macros when an
# editor saves it (pattern_pages.screens.render); serving pages never runs Node.
COPY --from=frontend /usr/local/bin/node /usr/local/bin/node
COPY --from=frontend --chown=app:app /app/node_modules node_modules

# collectstatic needs settings to load, and production settings refuse to load without a SECRET_KEY;
# this throwaway one exists only for this build step and is not in the image's environment.
RUN SECRET_KEY=collectstatic-only-build-step-not-a-secret-0123456789abcdefghijkl \
    python manage.py collectstatic --no-input --verbosity 0 \
    && SECRET_KEY=compilemessages-only-build-step-not-a-secret-0123456789abcdefgh \
    python manage.py compilemessages --verbosity 0 \
    && mkdir -p /app/media && chown app:app /app/media /app/staticfiles

USER app
EXPOSE 8000
# gunicorn reads its worker count from WEB_CONCURRENCY (default 1); compose sets it.
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
