#!/usr/bin/env bash
# tests/asan/run.sh — the AddressSanitizer PHP lane: the phpt suite on a debug, ZTS, ASan PHP 8.2.
#
#   tests/asan/run.sh [--build-only] [--no-zts] [PHPT_PATH...]     (default PHPT_PATH: tests)
#   tests/asan/run.sh --system-php [PHPT_PATH...]
#
# 1. PHP 8.2 from Debian's php8.2 source package (apt-get source through a private sources list
#    under the cache dir, never the system's): the installed version when the archive still has
#    its source, else the newest php8.2 source it has. Built with clang,
#    --enable-debug --enable-zts --enable-address-sanitizer and only the extensions the phpt
#    suite and run-tests.php need, installed into $CLOUDACCT_ASAN_CACHE (default
#    /var/cache/cloudacct-asan)/php-<version>-<options hash>. A second run reuses it.
# 2. The extension, built against that PHP (with -fsanitize=address) in a private copy of the
#    tracked files under /tmp (never in-tree).
# 3. A private MariaDB (dev/lib/mariadb.sh), then run-tests.php --asan: USE_ZEND_ALLOC=0 (every
#    allocation goes through malloc, so ASan sees it), LeakSanitizer on. An invalid access or a
#    leak is printed into the test's output and fails the test.
#
# --system-php: the quick lane, no PHP build: the extension alone is built with gcc
# -fsanitize=address and loaded into the installed (uninstrumented) PHP with Debian's libasan
# preloaded. It sees the extension's invalid accesses and, with USE_ZEND_ALLOC=0, overflows and
# use-after-free of any malloc'd block and every leak, but not PHP's own stack/global accesses.
#
# Prints a summary with counts; exits 0 when every test passed or skipped, 1 when something
# failed or leaked, 2 on a setup error. Environment: CLOUDACCT_ASAN_CACHE, MAKE_JOBS (2),
# ASAN_PHP_VERSION (force a Debian source version, e.g. 8.2.32-1~deb12u1).
set -uo pipefail

. "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/dev/lib/common.sh"
. "$CLOUDACCT_ROOT/dev/lib/deps.sh"

BUILD_ONLY=0 ZTS=1 SYSTEM_PHP=0 PATHS=()
while [ $# -gt 0 ]; do
  case $1 in
    --build-only) BUILD_ONLY=1 ;;
    --no-zts) ZTS=0 ;;
    --system-php) SYSTEM_PHP=1 ;;
    -h|--help) sed -n '2,/^set /{/^set /d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    -*) echo "tests/asan/run.sh: unknown option $1" >&2; exit 2 ;;
    *) PATHS+=("$1") ;;
  esac
  shift
done
[ ${#PATHS[@]} -gt 0 ] || PATHS=(tests)

CACHE=${CLOUDACCT_ASAN_CACHE:-/var/cache/cloudacct-asan}
JOBS=${MAKE_JOBS:-2}
fail_setup() { printf 'asan: setup failed: %s\n' "$*" >&2; exit 2; }

# What building PHP from source needs beyond the project's own packages (dev/lib/deps.sh).
cloudacct_deps clang dpkg-dev libxml2-dev libssl-dev libcurl4-openssl-dev pkg-config autoconf libtool xz-utils \
  || fail_setup "packages"

# ------------------------------------------------------------------ 1. the ASan PHP
if [ $SYSTEM_PHP -eq 0 ]; then
mkdir -p "$CACHE/apt/lists/partial" "$CACHE/apt/cache/archives/partial" "$CACHE/src" || fail_setup "cannot create $CACHE"
cat >"$CACHE/apt/sources.list" <<'EOF'
deb-src http://deb.debian.org/debian-security bookworm-security main
deb-src http://deb.debian.org/debian bookworm main
EOF
APT_OPTS=(-o "Dir::Etc::sourcelist=$CACHE/apt/sources.list" -o Dir::Etc::sourceparts=/nonexistent
  -o "Dir::State::Lists=$CACHE/apt/lists" -o "Dir::Cache=$CACHE/apt/cache" -o APT::Sandbox::User=root)

CONF_OPTS=(--enable-debug --enable-address-sanitizer --disable-all --disable-phpdbg --enable-cgi --enable-cli
  --with-openssl --with-curl --enable-posix --enable-pcntl --with-libxml --enable-xml --enable-simplexml
  --enable-dom --enable-ctype --enable-tokenizer --enable-filter --enable-session)
[ $ZTS -eq 1 ] && CONF_OPTS+=(--enable-zts)
opts_hash=$(printf '%s\n' "${CONF_OPTS[@]}" | sha256sum | cut -c1-8)

# Reuse any finished build with these options (whatever version it is) before touching apt.
PREFIX=
if [ -z "${ASAN_PHP_VERSION:-}" ]; then
  for d in "$CACHE"/php-*-"$opts_hash"; do
    [ -f "$d/.done" ] && PREFIX=$d
  done
fi
if [ -z "$PREFIX" ]; then
  # One PHP build at a time in the shared cache: a second run (another work tree, dev/reliability)
  # does not wait an hour, it stops with a setup error naming the builder.
  if ! mkdir "$CACHE/.build.lock" 2>/dev/null; then
    holder=$(cat "$CACHE/.build.lock/pid" 2>/dev/null || true)
    if [ -n "$holder" ] && kill -0 "$holder" 2>/dev/null; then
      fail_setup "pid $holder is building the ASan PHP in $CACHE; run again when it is done"
    fi
    rm -rf "$CACHE/.build.lock" && mkdir "$CACHE/.build.lock" || fail_setup "cannot take $CACHE/.build.lock"
  fi
  printf '%s\n' "$$" >"$CACHE/.build.lock/pid"
  trap 'rm -rf "$CACHE/.build.lock"' EXIT
  say "asan: fetching the php8.2 source list"
  apt-get "${APT_OPTS[@]}" update -q >"$CACHE/apt-update.log" 2>&1 || { tail "$CACHE/apt-update.log"; fail_setup "apt-get update (private sources list)"; }
  installed=$(dpkg-query -W -f='${Version}' php8.2-cli 2>/dev/null || true)
  mapfile -t available < <(apt-cache "${APT_OPTS[@]}" showsrc php8.2 | sed -n 's/^Version: //p' | sort -rV)
  [ ${#available[@]} -gt 0 ] || fail_setup "no php8.2 source package in the archive"
  tries=()
  if [ -n "${ASAN_PHP_VERSION:-}" ]; then tries=("$ASAN_PHP_VERSION")
  else
    [ -n "$installed" ] && tries+=("$installed")
    for v in "${available[@]}"; do [ "$v" = "$installed" ] || tries+=("$v"); done
  fi
  debver=
  for v in "${tries[@]}"; do
    up=${v%-*}
    if [ -d "$CACHE/src/php8.2-$up" ]; then debver=$v; break; fi
    say "asan: apt-get source php8.2=$v"
    if (cd "$CACHE/src" && apt-get "${APT_OPTS[@]}" source -q "php8.2=$v") >"$CACHE/apt-source.log" 2>&1; then
      debver=$v; break
    fi
    warn "php8.2 $v: source not downloadable ($(grep -m1 -o '[0-9]* *Not Found' "$CACHE/apt-source.log" || echo 'see apt-source.log')); trying the next version"
  done
  [ -n "$debver" ] || fail_setup "no php8.2 source version could be downloaded (tried: ${tries[*]})"
  [ "$debver" = "$installed" ] || warn "building PHP $debver (the installed $installed has no source in the archive any more): same 8.2 API"
  up=${debver%-*}
  SRC=$CACHE/src/php8.2-$up
  PREFIX=$CACHE/php-$up-$opts_hash
  [ -f "$SRC/configure" ] || fail_setup "$SRC/configure missing"
  say "asan: building PHP $up (${CONF_OPTS[*]}) into $PREFIX — long on 2 cores; log $CACHE/build-$up-$opts_hash.log"
  t0=$SECONDS
  (
    set -e
    cd "$SRC"
    # An interrupted build with the same options resumes (make is incremental); others start over.
    if [ ! -f Makefile ] || [ "$(cat .cloudacct-opts 2>/dev/null)" != "$opts_hash" ]; then
      [ -f Makefile ] && make distclean >/dev/null 2>&1 || true
      rm -f .cloudacct-opts
      CC=clang CXX=clang++ CFLAGS="-O1 -g -fno-omit-frame-pointer" \
        nice -n 10 ./configure --prefix="$PREFIX" --with-config-file-scan-dir="$PREFIX/conf.d" "${CONF_OPTS[@]}"
      printf '%s\n' "$opts_hash" >.cloudacct-opts
    fi
    nice -n 10 make -j"$JOBS"
    make install
  ) >"$CACHE/build-$up-$opts_hash.log" 2>&1 || { tail -n 30 "$CACHE/build-$up-$opts_hash.log"; fail_setup "PHP build failed"; }
  touch "$PREFIX/.done"
  rm -rf "$CACHE/.build.lock"
  trap - EXIT
  say "asan: PHP built in $((SECONDS - t0)) s"
fi
# Debian's source patches phpize and php-config for its own layout (@DEBIAN_PHP_API@ is filled in by
# debian/rules, not by make install; libtool's and pkg-config's m4 files under the prefix): point
# them at the layout make install made and at the system's aclocal directory.
if grep -q '@DEBIAN_PHP_API@' "$PREFIX/bin/phpize" "$PREFIX/bin/php-config" 2>/dev/null; then
  api=$(sed -n 's/^#define PHP_API_VERSION \([0-9]*\).*/\1/p' "$PREFIX/include/php/main/php.h")
  sed -i -e 's#/@DEBIAN_PHP_API@##g' -e "s#@DEBIAN_PHP_API@#$api#g" "$PREFIX/bin/phpize" "$PREFIX/bin/php-config"
fi
sed -i 's#^aclocaldir="$prefix/share/aclocal"#aclocaldir="/usr/share/aclocal"#' "$PREFIX/bin/phpize"
ASAN_PHP=$PREFIX/bin/php
ASAN_PHP_CGI=$PREFIX/bin/php-cgi
PHPIZE=$PREFIX/bin/phpize PHP_CONFIG=$PREFIX/bin/php-config EXT_CC=clang
"$ASAN_PHP" -n -v >/dev/null || fail_setup "$ASAN_PHP does not run"
[ $BUILD_ONLY -eq 1 ] && { say "asan: PHP ready at $PREFIX"; exit 0; }
RUN_TESTS=$PREFIX/lib/php/build/run-tests.php
[ -f "$RUN_TESTS" ] || RUN_TESTS=$(ls "$CACHE"/src/php8.2-*/run-tests.php | tail -n1)
LABEL="PHP $("$ASAN_PHP" -n -r 'echo PHP_VERSION, PHP_ZTS ? " ZTS" : " NTS", PHP_DEBUG ? " debug" : "";') +ASan"
fi

# ------------------------------------------------------------------ 2. the extension against it
WORK=$(short_tmpdir cloudacct-asan) || fail_setup "no temp dir"
if [ $SYSTEM_PHP -eq 1 ]; then
  LIBASAN=$(gcc -print-file-name=libasan.so)
  [ -f "$LIBASAN" ] || fail_setup "gcc's libasan.so not found"
  LIBASAN=$(readlink -f "$LIBASAN")
  PHPIZE=$(phpize_bin) PHP_CONFIG=$(php_config_bin) EXT_CC=gcc
  RUN_TESTS="$(php_build_dir)/run-tests.php"
  # The installed PHP dlopen()s extensions with RTLD_DEEPBIND, which the sanitizer runtime refuses
  # (google/sanitizers#611); a PHP built with ASan leaves the flag out. A preloaded shim does the
  # same for the installed one: it drops the flag and calls the next dlopen (ASan's).
  mkdir -p "$WORK/bin"
  cat >"$WORK/bin/nodeepbind.c" <<'C'
#define _GNU_SOURCE
#include <dlfcn.h>
void *dlopen(const char *file, int mode)
{
	static void *(*next)(const char *, int);
	if (!next) {
		next = (void *(*)(const char *, int)) dlsym(RTLD_NEXT, "dlopen");
	}
	return next(file, mode & ~RTLD_DEEPBIND);
}
C
  gcc -shared -fPIC -O1 -o "$WORK/bin/nodeepbind.so" "$WORK/bin/nodeepbind.c" -ldl || fail_setup "building the dlopen shim"
  # The installed php and php-cgi with the shim and libasan preloaded; LD_PRELOAD and ASAN_OPTIONS
  # are inherited by every PHP a test starts itself.
  for b in php:"$(php_bin)" php-cgi:"$(php_cgi_bin)"; do
    printf '#!/bin/sh\nLD_PRELOAD="%s %s" exec %s "$@"\n' "$WORK/bin/nodeepbind.so" "$LIBASAN" "${b#*:}" >"$WORK/bin/${b%%:*}"
    chmod +x "$WORK/bin/${b%%:*}"
  done
  # The shim comes before libasan in the preload list.
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0:strict_string_checks=1:verify_asan_link_order=0}
  ASAN_PHP=$WORK/bin/php ASAN_PHP_CGI=$WORK/bin/php-cgi
  LABEL="PHP $(php_bin_v=$(php_bin); "$php_bin_v" -n -r 'echo PHP_VERSION;') (installed, libasan preloaded) + extension with ASan"
fi
DB_DIR=
cleanup() {
  [ -n "$DB_DIR" ] && "$CLOUDACCT_ROOT/dev/lib/mariadb.sh" stop "$DB_DIR" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
say "asan: building the extension ($EXT_CC -fsanitize=address)"
# Kept between runs (an incremental make after the first): $CACHE/ext-<PHP it is built for>.
EXTDIR=$CACHE/ext-$([ $SYSTEM_PHP -eq 1 ] && echo system || basename "$PREFIX")
mkdir -p "$EXTDIR"
(cd "$CLOUDACCT_ROOT" && git ls-files -co --exclude-standard | rsync -a --checksum --files-from=- ./ "$EXTDIR/") || fail_setup "copying the tree"
(
  set -e
  cd "$EXTDIR"
  if [ ! -f Makefile ] || ! cmp -s config.m4 .config.m4.built; then
    "$PHPIZE" >/dev/null
    ver=$(sed -n 's/^ *\$version = "\(4\.[0-9.]*\)";/\1/p' build/gen_stub.php | head -n1)
    mkdir -p "build/PHP-Parser-$ver/lib" && ln -sfn /usr/share/php/PhpParser "build/PHP-Parser-$ver/lib/PhpParser"
    CC=$EXT_CC CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=address" LDFLAGS="-fsanitize=address" \
      ./configure --with-php-config="$PHP_CONFIG" --enable-cloudacct
    cp config.m4 .config.m4.built
  fi
  nice -n 10 make -j"$JOBS"
) >"$WORK/ext-build.log" 2>&1 || { grep -E 'error|Error' "$WORK/ext-build.log" | head -20; fail_setup "extension build failed"; }
EXT=$EXTDIR/modules/cloudacct.so
load=$(USE_ZEND_ALLOC=0 "$ASAN_PHP" -n -d "extension=$EXT" -r 'echo extension_loaded("cloudacct") ? "ok" : "no";' 2>&1)
[ "$load" = ok ] || { printf '%s\n' "$load" | head -20; fail_setup "the extension does not load into the ASan PHP"; }

# ------------------------------------------------------------------ 3. MariaDB and the phpt suite
DB_DIR=$WORK/db
"$CLOUDACCT_ROOT/dev/lib/mariadb.sh" start "$DB_DIR" >"$WORK/db.env" 2>"$WORK/db.log" || { cat "$WORK/db.log"; fail_setup "MariaDB did not start"; }
eval "$(cat "$WORK/db.env")"
export CLOUDACCT_TEST_EXT=$EXT CLOUDACCT_TEST_PHP_CGI=$ASAN_PHP_CGI
# Leaks fail a test: LeakSanitizer reports at exit, and the debug build's tracked allocator
# reports unfreed emalloc blocks; both go to the output run-tests compares.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0:strict_string_checks=1}
cd "$EXTDIR" || fail_setup "no $EXTDIR"
find tests -name "*.diff" -delete 2>/dev/null
say "asan: run-tests.php --asan ${PATHS[*]} with $ASAN_PHP"
t0=$SECONDS
# The driver is the system PHP (fast); every test runs in the ASan PHP (-p).
NO_INTERACTION=1 TEST_PHP_EXECUTABLE=$ASAN_PHP setsid "$(php_bin)" -n "$RUN_TESTS" -p "$ASAN_PHP" -n -d "extension=$EXT" \
  -q -j"$JOBS" --asan --show-diff -W "$WORK/results.txt" "${PATHS[@]}" >"$WORK/run-tests.out" 2>&1
rc=$?
elapsed=$((SECONDS - t0))
grep -E '^(FAIL|LEAK|BORK)' "$WORK/run-tests.out" | head -50
for f in $(find tests -name '*.diff' | sort); do
  if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error|Leaked|leaked' "$f"; then
    echo "== $f"; grep -m8 -E 'ERROR: |SUMMARY: |Direct leak|#[0-9] .* in |Leaked|leaked' "$f"
  fi
done
passed=$(grep -c '^PASSED' "$WORK/results.txt" 2>/dev/null); failed=$(grep -cE '^(FAILED|LEAKED|BORKED)' "$WORK/results.txt" 2>/dev/null)
skipped=$(grep -c '^SKIPPED' "$WORK/results.txt" 2>/dev/null)
asan=$(find tests -name '*.diff' -exec grep -lE 'AddressSanitizer|runtime error' {} + 2>/dev/null | wc -l)
leaks=$(find tests -name '*.diff' -exec grep -lE 'LeakSanitizer|Leaked|leaked' {} + 2>/dev/null | wc -l)
mkdir -p "$CACHE/last-run" && rm -rf "$CACHE/last-run"/* && cp "$WORK/run-tests.out" "$WORK/results.txt" "$CACHE/last-run/" 2>/dev/null
find tests -name '*.diff' -exec cp --parents {} "$CACHE/last-run/" \; 2>/dev/null
echo "asan: $LABEL; ${passed:-0} passed, ${failed:-0} failed (${asan} with an ASan/UBSan report, ${leaks} with a leak), ${skipped:-0} skipped in ${elapsed} s; output kept in $CACHE/last-run"
[ "${failed:-0}" -eq 0 ] && [ $rc -eq 0 ] && exit 0
exit 1
