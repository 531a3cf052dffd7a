# The pattern library's image: one image for the web server, the background worker and migrations.
#   docker build -t localgov-pattern-library .
# docker-compose.yml runs it with PostgreSQL and Elasticsearch.

# Stage 1: GOV.UK Frontend from npm (package-lock.json pins it), copied into static/govuk/.
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

RUN useradd --create-home --uid 1000 app
WORKDIR /app

# Dependencies first, so that a code change does not reinstall them (pyproject.toml pins each one).
COPY pyproject.toml README.md ./
RUN pip install .

COPY --chown=app:app . .
COPY --from=frontend --chown=app:app /app/static/govuk static/govuk

# collectstatic needs settings to load, and production settings refuse to load without a SECRET_KEY;
# this throwaway one exists only for this build step and is not in the image's environment.
RUN SECRET_KEY=collectstatic-only-build-step-not-a-secret-0123456789abcdefghijkl \
    python manage.py collectstatic --no-input --verbosity 0 \
    && mkdir -p /app/media && chown app:app /app/media /app/staticfiles

USER app
EXPOSE 8000
# gunicorn reads its worker count from WEB_CONCURRENCY (default 1); compose sets it.
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
