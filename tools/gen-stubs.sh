#!/usr/bin/env bash
# Regenerates every *_arginfo.h from its *.stub.php with php-src's gen_stub.php, offline:
# Debian's php-parser package stands in for the PHP-Parser tarball the generator would download.
#   tools/gen-stubs.sh          regenerate in place (and build stubs/cloudacct.php, the IDE stub)
#   tools/gen-stubs.sh --check  regenerate into a scratch copy; fail if anything differs
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
gen_src=$(php-config --extension-dir >/dev/null 2>&1; ls /usr/lib/php/*/build/gen_stub.php 2>/dev/null | head -n1)
[ -n "$gen_src" ] || { echo "gen_stub.php not found: apt-get install php8.2-dev" >&2; exit 1; }
[ -d /usr/share/php/PhpParser ] || { echo "PHP-Parser not found: apt-get install php-parser" >&2; exit 1; }

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp "$gen_src" "$work/gen_stub.php"
ver=$(sed -n 's/^ *\$version = "\(4\.[0-9.]*\)";/\1/p' "$work/gen_stub.php" | head -n1)
mkdir -p "$work/PHP-Parser-$ver/lib"
ln -s /usr/share/php/PhpParser "$work/PHP-Parser-$ver/lib/PhpParser"

cd "$root"
stubs=$(git ls-files -co --exclude-standard '*.stub.php' 2>/dev/null || true)
[ -n "$stubs" ] || stubs=$(find . -name '*.stub.php' -not -path './build/*' | sed 's|^\./||')

# The IDE stub is built, not committed: every stub change would otherwise race on one file.
ide=stubs/cloudacct.php

if [ "${1:-}" = "--check" ]; then
  bad=0
  php "$root/tools/ide-stubs.php" "$work/ide.php" $stubs && php -l "$work/ide.php" >/dev/null \
    || { echo "the IDE stub built from the *.stub.php files is not valid PHP"; bad=1; }
  for s in $stubs; do
    a="${s%.stub.php}_arginfo.h"
    mkdir -p "$work/tree/$(dirname "$s")"
    cp "$s" "$work/tree/$s"
    php -n -d extension=tokenizer.so "$work/gen_stub.php" -f "$work/tree/$s" >/dev/null 2>&1 \
      || php "$work/gen_stub.php" -f "$work/tree/$s" >/dev/null
    if ! cmp -s "$work/tree/$a" "$a"; then
      echo "stale arginfo: $a does not match $s (run tools/gen-stubs.sh)"; bad=1
    fi
  done
  exit $bad
fi

for s in $stubs; do
  php "$work/gen_stub.php" -f "$s"
done
mkdir -p "$(dirname "$ide")"
php "$root/tools/ide-stubs.php" "$ide" $stubs
