#!/usr/bin/env bash
# Compiles GOV.UK Frontend's Sass with our settings and copies the scripts the pages load.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/followthrough/web/static/build
mkdir -p "$out/govuk"
node_modules/.bin/sass --load-path=node_modules --style=compressed --no-source-map \
  --quiet-deps --silence-deprecation=import src/followthrough/web/scss/app.scss "$out/app.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out/govuk/"
rm -rf "$out/govuk/assets" && mkdir -p "$out/govuk/assets/images"
cp node_modules/govuk-frontend/dist/govuk/assets/images/favicon.* "$out/govuk/assets/images/"
cp node_modules/htmx.org/dist/htmx.min.js "$out/"
cp node_modules/axe-core/axe.min.js "$out/"
