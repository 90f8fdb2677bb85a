#!/usr/bin/env bash
# dev/lib/deps.sh — installs the Debian packages the project needs, and nothing else.
#
#   dev/lib/deps.sh [EXTRA_PACKAGE...]          install what is missing
#   source dev/lib/deps.sh; cloudacct_deps [EXTRA_PACKAGE...]
#
# Checks every package with dpkg-query first: on a machine that has them all, apt is not touched.
# Otherwise runs `apt-get update` once and `apt-get install -y` with only the missing packages.
# Packages come from Debian's apt only. While installing, a temporary policy-rc.d keeps
# mariadb-server's postinst from starting the system MariaDB service: the project always runs
# its own private server (dev/lib/mariadb.sh).

# shellcheck source=dev/lib/common.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

# What building, testing and the demo need on Debian 12.
CLOUDACCT_DEB_PACKAGES=(
  php8.2-cli php8.2-dev php8.2-cgi php8.2-xml php-parser php-pear
  gcc make libc6-dev pkg-config
  libmariadb-dev libcurl4-openssl-dev libssl-dev
  mariadb-server mariadb-client
  valgrind
)

# Packages whose command may come from another installed package: a machine whose nodejs
# package bundles npm (NodeSource's does, and Debian's npm conflicts with it) already has npm.
declare -A CLOUDACCT_DEB_COMMAND=([npm]=npm [nodejs]=node [chromium]=chromium [chromium-driver]=chromedriver)

cloudacct_missing_packages() {
  local p st
  for p in "$@"; do
    st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$st" = "install ok installed" ] && continue
    if [ -n "${CLOUDACCT_DEB_COMMAND[$p]:-}" ] && command -v "${CLOUDACCT_DEB_COMMAND[$p]}" >/dev/null 2>&1; then
      continue
    fi
    printf '%s\n' "$p"
  done
}

cloudacct_deps() {
  local missing
  mapfile -t missing < <(cloudacct_missing_packages "${CLOUDACCT_DEB_PACKAGES[@]}" "$@")
  [ ${#missing[@]} -gt 0 ] || return 0
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get: this needs Debian 12"

  say "installing missing Debian packages: ${missing[*]}"
  (
    set -e
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      trap 'as_root rm -f /usr/sbin/policy-rc.d' EXIT
      as_root sh -c 'printf "#!/bin/sh\n# temporary, from cloudacct dev/lib/deps.sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
    fi
    apt_opts=(-o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -q --no-install-recommends "${missing[@]}"
  ) || die "apt-get failed installing: ${missing[*]}"

  mapfile -t missing < <(cloudacct_missing_packages "${CLOUDACCT_DEB_PACKAGES[@]}" "$@")
  [ ${#missing[@]} -eq 0 ] || die "still missing after apt-get install: ${missing[*]}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  cloudacct_deps "$@"
fi
