# shellcheck shell=bash
# dev/lib/common.sh — small helpers shared by dev/test, dev/demo and the dev/lib scripts.
# Source it; it sets CLOUDACCT_ROOT (the repository root) and defines the functions below.

CLOUDACCT_ROOT=${CLOUDACCT_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
export CLOUDACCT_ROOT

# The PHP the project targets (Debian 12 ships 8.2). Versioned binaries keep us on it even if
# another PHP is installed next to it.
CLOUDACCT_PHP_VERSION=${CLOUDACCT_PHP_VERSION:-8.2}

say()  { printf '==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root to run: $*"
  fi
}

# First existing command among the arguments, printed as a path.
first_cmd() {
  local c
  for c in "$@"; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

php_bin()        { first_cmd "php$CLOUDACCT_PHP_VERSION" php; }
php_cgi_bin()    { first_cmd "php-cgi$CLOUDACCT_PHP_VERSION" php-cgi; }
phpize_bin()     { first_cmd "phpize$CLOUDACCT_PHP_VERSION" phpize; }
php_config_bin() { first_cmd "php-config$CLOUDACCT_PHP_VERSION" php-config; }

# php-src's build/ directory for this PHP (run-tests.php, gen_stub.php, phpize's Makefile.global).
php_build_dir() {
  local api
  api=$("$(php_config_bin)" --phpapi) || return 1
  printf '/usr/lib/php/%s/build\n' "$api"
}

# A free TCP port on 127.0.0.1 (the kernel picks it; the small race until the caller binds it
# is handled by the callers retrying).
free_port() {
  "$(php_bin)" -n -r '$s = stream_socket_server("tcp://127.0.0.1:0", $e, $m) or exit(1);
    $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1), "\n";'
}

# A short private temp dir (Unix socket paths must stay under 108 bytes).
short_tmpdir() {
  local base=${TMPDIR:-/tmp}
  [ ${#base} -le 40 ] || base=/tmp
  mktemp -d "$base/$1.XXXXXX"
}

# Locks per work tree, by name: "build" around phpize/configure/make (dev/test, dev/demo), "suite"
# around a whole dev/test run (run-tests writes its output files next to the tests). A lock is a
# directory holding the owner's pid, rather than flock on an open descriptor: descriptors are
# inherited by every process a test starts, and a server a test leaves behind would hold the lock
# forever. A lock whose owner is gone is taken over.
cloudacct_lock_path() {
  printf '/tmp/cloudacct-%s.%s.lock\n' "$(printf '%s' "$CLOUDACCT_ROOT" | sha256sum | cut -c1-12)" "$1"
}
cloudacct_lock() { # cloudacct_lock NAME
  local lock holder said=0 since=$SECONDS
  lock=$(cloudacct_lock_path "$1")
  while ! mkdir "$lock" 2>/dev/null; do
    holder=$(cat "$lock/pid" 2>/dev/null || true)
    if { [ -n "$holder" ] && ! kill -0 "$holder" 2>/dev/null; } ||
       { [ -z "$holder" ] && [ $((SECONDS - since)) -gt 10 ]; }; then
      rm -rf "$lock"
      continue
    fi
    if [ $said -eq 0 ]; then
      say "waiting for pid ${holder:-?}, which holds the $1 lock of $CLOUDACCT_ROOT"
      said=1
    fi
    sleep 1
  done
  printf '%s\n' "$$" >"$lock/pid"
}
cloudacct_unlock() { # cloudacct_unlock NAME
  local lock
  lock=$(cloudacct_lock_path "$1")
  if [ "$(cat "$lock/pid" 2>/dev/null)" = "$$" ]; then rm -rf "$lock"; fi
}
