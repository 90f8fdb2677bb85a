#!/usr/bin/env bash
# tests/fuzz/run.sh — builds the libFuzzer targets and fuzzes each for a bounded time.
#
#   tests/fuzz/run.sh [--seconds N] [TARGET...]      (default: 30 s each, every target)
#
# For each target (tests/fuzz/fuzz_<target>.c; `make -C tests/fuzz list`):
#   1. replays its seeds (corpus/<target>/) and kept crash inputs (regressions/<target>/) once:
#      an input that fails again counts as a crash;
#   2. fuzzes for N seconds (nice, one target at a time) starting from a working corpus in
#      tests/fuzz/build/corpus/<target>/ (the seeds plus what earlier runs found; not committed);
#   3. moves any crash, timeout or out-of-memory input into regressions/<target>/, where the next
#      run replays it and where it should be committed with the fix.
# Prints one table (target, runs, corpus inputs, new coverage, coverage, crashes) and a total.
# Exits 0 when nothing crashed, 1 when something did, 2 on a setup error.
# Needs clang and libFuzzer's runtime (Debian: libclang-rt-14-dev), installed through
# dev/lib/deps.sh when missing. Environment: MAKE_JOBS (2), FUZZ_RSS_MB (2048), FUZZ_TIMEOUT (10 s
# per input).
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/../../dev/lib/deps.sh"

SECONDS_EACH=30
TARGETS=()
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) SECONDS_EACH=${2:?--seconds needs a number}; shift ;;
    --seconds=*) SECONDS_EACH=${1#*=} ;;
    -h|--help) sed -n '2,/^set /{/^set /d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    -*) echo "tests/fuzz/run.sh: unknown option $1" >&2; exit 2 ;;
    *) TARGETS+=("$1") ;;
  esac
  shift
done
[[ $SECONDS_EACH =~ ^[0-9]+$ ]] && [ "$SECONDS_EACH" -ge 1 ] || { echo "fuzz: --seconds wants a positive number" >&2; exit 2; }

# libFuzzer's runtime: libclang_rt.fuzzer-x86_64.a is in libclang-rt-14-dev on Debian 12.
cloudacct_deps clang libclang-rt-14-dev libssl-dev || exit 2
read -r -a ALL <<<"$(make -s -C "$HERE" list)"
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL[@]}")
for t in "${TARGETS[@]}"; do
  [ -f "$HERE/fuzz_$t.c" ] || { echo "fuzz: no target $t (have: ${ALL[*]})" >&2; exit 2; }
done

mkdir -p "$HERE/build"
echo "==> building ${#TARGETS[@]} targets (clang -fsanitize=fuzzer,address,undefined)" >&2
if ! make -s -C "$HERE" -j"${MAKE_JOBS:-2}" $(printf "$HERE/build/fuzz_%s " "${TARGETS[@]}") >"$HERE/build/build.log" 2>&1; then
  cat "$HERE/build/build.log" >&2
  echo "fuzz: build failed" >&2
  exit 2
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
LOGS=$HERE/build/logs
mkdir -p "$LOGS"
total_runs=0 total_crashes=0 total_new=0
rows=()
for t in "${TARGETS[@]}"; do
  bin=$HERE/build/fuzz_$t work=$HERE/build/corpus/$t art=$HERE/build/artifacts/$t reg=$HERE/regressions/$t
  mkdir -p "$work" "$art"
  rm -f "$art"/*
  [ -d "$HERE/corpus/$t" ] && cp -n "$HERE/corpus/$t"/* "$work"/ 2>/dev/null
  crashes=0

  # 1. The kept inputs once, without fuzzing.
  mapfile -t kept < <(find "$HERE/corpus/$t" "$reg" -type f 2>/dev/null | sort)
  if [ ${#kept[@]} -gt 0 ] && ! "$bin" -runs=0 "${kept[@]}" >"$LOGS/$t.replay.log" 2>&1; then
    for f in "${kept[@]}"; do
      "$bin" "$f" >/dev/null 2>&1 || { echo "fuzz: $t fails again on ${f#"$HERE"/}" >&2; crashes=$((crashes + 1)); }
    done
  fi

  # 2. Fuzz. The working corpus comes first: libFuzzer adds what it finds there.
  dirs=("$work")
  [ -d "$reg" ] && dirs+=("$reg")
  nice -n 10 "$bin" -max_total_time="$SECONDS_EACH" -print_final_stats=1 -timeout="${FUZZ_TIMEOUT:-10}" \
    -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -artifact_prefix="$art/" -close_fd_mask=1 "${dirs[@]}" >"$LOGS/$t.log" 2>&1
  rc=$?

  # 3. Keep what crashed.
  for f in "$art"/crash-* "$art"/timeout-* "$art"/oom-* "$art"/leak-*; do
    [ -f "$f" ] || continue
    mkdir -p "$reg"
    mv "$f" "$reg/"
    echo "fuzz: $t: kept ${reg#"$HERE"/}/$(basename "$f") — $(grep -m1 -E 'fuzz property failed|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error' "$LOGS/$t.log" | cut -c1-160)" >&2
    crashes=$((crashes + 1))
  done
  if [ $rc -ne 0 ] && [ $crashes -eq 0 ]; then
    echo "fuzz: $t exited with $rc and left no input (see $LOGS/$t.log)" >&2
    crashes=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$LOGS/$t.log" | tail -n1)
  new=$(sed -n 's/^stat::new_units_added: *//p' "$LOGS/$t.log" | tail -n1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$LOGS/$t.log" | tail -n1 | awk '{print $2 "/" $4}')
  inputs=$(find "$work" -type f | wc -l)
  rows+=("$(printf '%-12s %12s %8s %8s %12s %8s' "$t" "${runs:-?}" "$inputs" "${new:-?}" "${cov:-?}" "$crashes")")
  total_runs=$((total_runs + ${runs:-0})) total_new=$((total_new + ${new:-0})) total_crashes=$((total_crashes + crashes))
done

printf '%-12s %12s %8s %8s %12s %8s\n' target runs corpus new cov/ft crashes
printf '%s\n' "${rows[@]}"
printf '%-12s %12s %8s %8s %12s %8s\n' total "$total_runs" "" "$total_new" "" "$total_crashes"
echo "fuzz: ${#TARGETS[@]} targets, ${SECONDS_EACH} s each, $total_runs inputs run, $total_crashes crashes (logs: $LOGS)"
[ $total_crashes -eq 0 ]
