#!/usr/bin/env bash
# dev/host/assets.sh — the 微擎 chrome's front-end packages for the dev host (Bootstrap 3 and
# jQuery, as 微擎's web/resource ships them), from npm into dev/host/var/npm (not committed).
# Skips the download when present; fails clearly when npm or the registry cannot be reached.
set -euo pipefail
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/var/npm
if [ -s "$dir/node_modules/bootstrap/dist/css/bootstrap.min.css" ] && [ -s "$dir/node_modules/jquery/dist/jquery.min.js" ]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "assets: npm is not installed (Debian: apt-get install npm)" >&2; exit 1; }
mkdir -p "$dir"
[ -f "$dir/package.json" ] || printf '{ "name": "cloudacct-devhost-assets", "private": true }\n' >"$dir/package.json"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error bootstrap@3.4.1 jquery@3.7.1 >&2 \
  || { echo "assets: npm could not install bootstrap@3.4.1 jquery@3.7.1 — is the npm registry reachable?" >&2; exit 1; }
