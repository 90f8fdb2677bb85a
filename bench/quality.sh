#!/usr/bin/env bash
# bench/quality.sh EXT RESULTS [--ratings N] [--seed N] [--rounds N] [--generate-only]
#
# The quality benchmark (issue 5, issue 8) on 10,000,000 real ratings: bench/quality_data.php
# generates the firm (500 staff in 5 stores, 10,000 companies, N closed jobs with one rating each
# over 24 months, the per-staff aggregates built from the rows) in a private MariaDB
# (dev/lib/mariadb.sh, 4 GB buffer pool); the stopped server's data directory is kept as
# CLOUDACCT_BENCH_CACHE/quality-r<N>-seed<S>-<hash of the generator>-v<schema>.tar.zst
# (/var/cache/cloudacct-bench) and later runs restore it and migrate it up (Schema::migrate, the
# module's upgrade path). bench/quality.php then times the scoreboard, rate(), the ratings lists
# and the performance figures on it. Appends "quality_<figure> value <v>" lines to RESULTS
# (bench/run's format); full-scan findings go to stderr. Delete the archive to regenerate.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/dev/lib/common.sh"

[ $# -ge 2 ] || { sed -n '2,13p' "$0"; exit 2; }
ext=$1 results=$2
shift 2
ratings=10000000 seed=1 rounds=300 generate_only=0
while [ $# -gt 0 ]; do
  case $1 in
    --ratings) ratings=$2; shift ;;
    --seed) seed=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --generate-only) generate_only=1 ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
  esac
  shift
done
command -v zstd >/dev/null || die "zstd not found (bench/run installs it)"

cache=${CLOUDACCT_BENCH_CACHE:-/var/cache/cloudacct-bench}
mkdir -p "$cache"
work=$(short_tmpdir cloudacct-quality)
db=''
cleanup() {
  [ -z "$db" ] || "$root/dev/lib/mariadb.sh" stop "$db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
export CLOUDACCT_MARIADB_BUFFER_POOL=${CLOUDACCT_MARIADB_BUFFER_POOL:-4G} CLOUDACCT_MARIADB_LOG_FILE=${CLOUDACCT_MARIADB_LOG_FILE:-1G}
php_ext() { php -n -d "extension=$ext" "$@"; }
emit() { echo "quality_$1 value $2" >>"$results"; }
root_sql() { mariadb --no-defaults --protocol=socket --socket="$CLOUDACCT_TEST_DB_SOCKET" -uroot -N -B "$@"; }
key=$(sha256sum "$root/bench/quality_data.php" | cut -c1-16)
schema=$(sed -n 's/^[[:space:]]*{ \([0-9][0-9]*\), ".*/\1/p' "$root/src/db/migrations.c" | sort -n | tail -n1)

tar=''
for v in $(seq "$schema" -1 1); do
  f=$cache/quality-r$ratings-seed$seed-$key-v$v.tar.zst
  [ -f "$f" ] && { tar=$f; break; }
done
if [ -z "$tar" ]; then
  tar=$cache/quality-r$ratings-seed$seed-$key-v$schema.tar.zst
  say "quality: generating $ratings ratings (cached as $tar)"
  db=$work/db
  "$root/dev/lib/mariadb.sh" start "$db" >/dev/null
  eval "$("$root/dev/lib/mariadb.sh" env "$db")"
  root_sql -e "CREATE DATABASE cloudacct_quality CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  t=$(date +%s.%N)
  nice php -n -d "extension=$ext" "$root/bench/quality_data.php" cloudacct_quality "$ratings" "$seed" \
    | while read -r k v; do emit "data_$k" "$v"; done
  emit data_generate_total_s "$(echo "$(date +%s.%N) - $t" | bc)"
  root_sql -e "SET GLOBAL innodb_fast_shutdown = 0"
  mariadb-admin --no-defaults --protocol=socket --socket="$CLOUDACCT_TEST_DB_SOCKET" -uroot shutdown
  while kill -0 "$CLOUDACCT_TEST_MARIADBD_PID" 2>/dev/null; do sleep 0.2; done
  t=$(date +%s.%N)
  tar -C "$db/data" -cf - . | nice zstd -q -T0 -3 -o "$tar.part" && mv "$tar.part" "$tar"
  emit data_archive_s "$(echo "$(date +%s.%N) - $t" | bc)"
  "$root/dev/lib/mariadb.sh" stop "$db" >/dev/null
  db=''
fi
emit data_archive_mb "$(( $(stat -c %s "$tar") / 1048576 ))"
[ $generate_only -eq 0 ] || exit 0

db=$work/db
t=$(date +%s.%N)
CLOUDACCT_MARIADB_RESTORE=$tar "$root/dev/lib/mariadb.sh" start "$db" >/dev/null
emit data_restore_s "$(echo "$(date +%s.%N) - $t" | bc)"
eval "$("$root/dev/lib/mariadb.sh" env "$db")"
export CLOUDACCT_TEST_EXT=$ext   # the traced pass of bench/quality.php runs it again
# the timed calls read from a cold buffer pool; load the tables they touch first (what a server
# that has been serving them holds in memory)
t=$(date +%s.%N)
root_sql cloudacct_quality -e "SELECT COUNT(*) FROM ims_cloudacct_rating FORCE INDEX (idx_staff);
  SELECT COUNT(*) FROM ims_cloudacct_rating FORCE INDEX (idx_overall); SELECT COUNT(*) FROM ims_cloudacct_rating FORCE INDEX (idx_store);
  SELECT COUNT(*) FROM ims_cloudacct_job FORCE INDEX (idx_perf_assigned); SELECT COUNT(*) FROM ims_cloudacct_job FORCE INDEX (idx_perf_done)" >/dev/null
emit data_warm_s "$(echo "$(date +%s.%N) - $t" | bc)"
php_ext -d cloudacct.db.read_timeout=3600 -d cloudacct.db.write_timeout=3600 "$root/bench/quality.php" cloudacct_quality "$rounds" \
  | awk '
    $1 == "top3" { next }
    $2 == "p50" { print "quality_" $1 "_p50", "value", $3; print "quality_" $1 "_p99", "value", $5; next }
    { print "quality_" $1, "value", $2 }' >>"$results"
"$root/dev/lib/mariadb.sh" stop "$db" >/dev/null
db=''
