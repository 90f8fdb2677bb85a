#!/usr/bin/env bash
# php-glue/tools/assets.sh — brings the module's front-end libraries from npm into
# php-glue/cloudacct/static/vendor/ (never hand-copied, never committed):
#   weui      → static/vendor/weui/weui.min.css            (mobile pages)
#   echarts   → static/vendor/echarts/echarts.min.js       (backend charts)
# Versions are pinned here. Skips the download when the files are already there (--force
# re-fetches). Fails clearly when npm or the registry cannot be reached.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
vendor=$here/cloudacct/static/vendor
work=$here/.npm
WEUI=weui@2.6.26
ECHARTS=echarts@5.6.0
force=0
[ "${1:-}" = --force ] && force=1
if [ $force -eq 0 ] && [ -s "$vendor/weui/weui.min.css" ] && [ -s "$vendor/echarts/echarts.min.js" ]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "assets: npm is not installed (Debian: apt-get install npm)" >&2; exit 1; }
mkdir -p "$work"
[ -f "$work/package.json" ] || printf '{ "name": "cloudacct-glue-assets", "private": true }\n' >"$work/package.json"
if ! npm install --prefix "$work" --no-audit --no-fund --loglevel=error "$WEUI" "$ECHARTS" >&2; then
  echo "assets: npm could not install $WEUI $ECHARTS — is the npm registry reachable?" >&2
  exit 1
fi
mkdir -p "$vendor/weui" "$vendor/echarts"
cp "$work/node_modules/weui/dist/style/weui.min.css" "$vendor/weui/weui.min.css"
cp "$work/node_modules/echarts/dist/echarts.min.js" "$vendor/echarts/echarts.min.js"
cp "$work/node_modules/weui/LICENSE" "$vendor/weui/LICENSE" 2>/dev/null || true
cp "$work/node_modules/echarts/LICENSE" "$vendor/echarts/LICENSE" 2>/dev/null || true
echo "assets: $WEUI and $ECHARTS in $vendor" >&2
