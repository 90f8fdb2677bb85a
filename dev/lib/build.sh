#!/usr/bin/env bash
# dev/lib/build.sh — builds the extension in the repository root: modules/cloudacct.so.
#
#   dev/lib/build.sh            phpize + configure when needed, then make -j2
#   dev/lib/build.sh --clean    remove every build product first (phpize --clean + make clean)
#   source dev/lib/build.sh; cloudacct_build [--clean]
#
# phpize/configure run again only when config.m4, the PHP version or the configure arguments
# changed (a stamp in build/ remembers them); otherwise this is a plain incremental `make`.
# Environment: CLOUDACCT_CONFIGURE_ARGS (extra ./configure arguments), CFLAGS, MAKE_JOBS (2).
#
# After phpize, build/ gets the same offline PHP-Parser link tools/gen-stubs.sh makes, so the
# Makefile's `%_arginfo.h: %.stub.php` rule regenerates arginfo with Debian's php-parser instead
# of trying to download PHP-Parser.

# shellcheck source=dev/lib/common.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

# build/PHP-Parser-<version gen_stub.php wants>/lib/PhpParser -> Debian's php-parser.
cloudacct_link_php_parser() {
  local gen=build/gen_stub.php ver
  [ -f "$gen" ] || return 0
  [ -d /usr/share/php/PhpParser ] || die "PHP-Parser not found: apt-get install php-parser"
  ver=$(sed -n 's/^ *\$version = "\(4\.[0-9.]*\)";/\1/p' "$gen" | head -n1)
  [ -n "$ver" ] || die "cannot read the PHP-Parser version from $gen"
  if [ ! -e "build/PHP-Parser-$ver/lib/PhpParser" ]; then
    mkdir -p "build/PHP-Parser-$ver/lib"
    ln -sfn /usr/share/php/PhpParser "build/PHP-Parser-$ver/lib/PhpParser"
  fi
}

cloudacct_build() (
  set -euo pipefail
  cd "$CLOUDACCT_ROOT"
  local phpize php_config stamp want jobs=${MAKE_JOBS:-2}
  phpize=$(phpize_bin) || die "phpize not found: apt-get install php${CLOUDACCT_PHP_VERSION}-dev"
  php_config=$(php_config_bin) || die "php-config not found: apt-get install php${CLOUDACCT_PHP_VERSION}-dev"
  local configure_args=(--with-php-config="$php_config" --enable-cloudacct)
  # shellcheck disable=SC2206 # word splitting of the extra arguments is intended
  configure_args+=(${CLOUDACCT_CONFIGURE_ARGS:-})

  if [ "${1:-}" = "--clean" ]; then
    say "cleaning previous build"
    if [ -f Makefile ]; then make -s clean >/dev/null 2>&1 || true; fi
    "$phpize" --clean >/dev/null
  fi

  stamp=build/.cloudacct-configured
  want=$( { cat config.m4; "$php_config" --version; printf '%s\n' "${configure_args[@]}" "${CFLAGS:-}"; } | sha256sum | cut -c1-64)
  if [ ! -f Makefile ] || [ ! -f configure ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    if [ -f Makefile ]; then make -s clean >/dev/null 2>&1 || true; fi
    say "phpize"
    local log
    log=$(mktemp)
    if ! "$phpize" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; die "phpize failed"; fi
    rm -f "$log"
    cloudacct_link_php_parser
    say "./configure ${configure_args[*]}"
    if ! ./configure "${configure_args[@]}" >build/configure.out 2>&1; then
      tail -n 40 build/configure.out >&2
      die "configure failed (full output: build/configure.out, config.log)"
    fi
    printf '%s\n' "$want" >"$stamp"
  fi
  cloudacct_link_php_parser

  say "make -j$jobs"
  # Compiler diagnostics only (the libtool command lines are noise); all of it in build/make.out.
  local diag='(warning|error|note):|^In file included|In function|^ +[0-9]+ \| |^ +\| |^make: \*\*\*|undefined reference'
  if ! make -j"$jobs" >build/make.out 2>&1; then
    grep -E "$diag" build/make.out >&2 || tail -n 40 build/make.out >&2
    die "make failed (full output: build/make.out)"
  fi
  grep -E "$diag" build/make.out >&2 || true
  [ -f modules/cloudacct.so ] || die "make succeeded but modules/cloudacct.so is missing"
  # A module that links but does not load (an undefined symbol: a source missing from config.m4)
  # is a failed build: every phpt would just skip.
  local load_err
  load_err=$("$(php_bin)" -n -d display_startup_errors=1 -d "extension=$CLOUDACCT_ROOT/modules/cloudacct.so" \
    -r 'if (!extension_loaded("cloudacct")) exit(1);' 2>&1) && [ -z "$load_err" ] || {
    printf '%s\n' "$load_err" >&2
    die "modules/cloudacct.so does not load: $(printf '%s' "$load_err" | grep -o 'undefined symbol: [^ ,)]*' | head -n1)"
  }
  say "built $CLOUDACCT_ROOT/modules/cloudacct.so"
)

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  cloudacct_build "$@"
fi
