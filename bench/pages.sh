#!/usr/bin/env bash
# bench/pages.sh EXT RESULTS [--scales "1 10"] [--duration S] [--connections N] [--seed N] [--generate-only]
#                 [--pages name,name]  (only those pages, e.g. admin_jobs,admin_arrears: while working on one)
#
# The page benchmark (DESIGN §7, issue 8): the module served the way production serves it —
# nginx in front of php-fpm (Debian packages, private configs, loopback only, fpm on a Unix
# socket, opcache on, php.ini off: only the extension, simplexml and opcache are loaded) — on a
# dev-host site (dev/host/setup.php) whose database holds the scale data of bench/scale.php.
# For each scale (1 = 10,000 clients, 1,000,000 jobs, ≈ 5,000,000 ledger entries; 10 = ten times
# that) and each page it runs wrk with N connections (default 4) for S seconds (default 10) after
# a 2 s warm-up, and appends "figure value" lines to RESULTS (bench/run's format):
#   pages_<s>x_<page>_{p50,p95,p99}_ms   wrk's latency (client side, loopback)
#   pages_<s>x_<page>_server_{p50,p95,p99}_ms  php-fpm's own duration of each request (access log %d)
#   pages_<s>x_<page>_rps, pages_<s>x_<page>_errors, pages_<s>x_<page>_statements (SQL per request)
#   pages_<s>x_new_connections_per_request  MySQL "Connections" before/after all measured runs
#   pages_<s>x_explain_statements, pages_<s>x_explain_full_scans  every statement the pages issue
#   pages_<s>x_restore_s (or pages_<s>x_generate_s and the generator's figures)
# The scale data is generated once per (scale, seed, hash of the generator, the migrations and the
# dev host) and its data directory kept as a .tar.zst in CLOUDACCT_BENCH_CACHE
# (/var/cache/cloudacct-bench); later runs restore it. Full-scan findings go to stderr.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/dev/lib/common.sh"

[ $# -ge 2 ] || { sed -n '2,23p' "$0"; exit 2; }
ext=$1 results=$2
shift 2
scales="1 10" duration=10 conns=4 seed=1 generate_only=0 only_pages=
while [ $# -gt 0 ]; do
  case $1 in
    --scales) scales=$2; shift ;;
    --duration) duration=$2; shift ;;
    --connections) conns=$2; shift ;;
    --seed) seed=$2; shift ;;
    --generate-only) generate_only=1 ;;
    --pages) only_pages=,$2,; shift ;;
    *) sed -n '2,23p' "$0"; exit 2 ;;
  esac
  shift
done
for c in nginx php-fpm8.2 wrk zstd curl; do command -v "$c" >/dev/null || die "$c not found (bench/run installs it)"; done

cache=${CLOUDACCT_BENCH_CACHE:-/var/cache/cloudacct-bench}
mkdir -p "$cache"
work=$(short_tmpdir cloudacct-pages)
fpm_pid='' nginx_pid='' db=''
stop_servers() {
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=''; fi
  if [ -n "$fpm_pid" ]; then kill "$fpm_pid" 2>/dev/null || true; wait "$fpm_pid" 2>/dev/null || true; fpm_pid=''; fi
}
cleanup() {
  local rc=$?
  if [ $rc -ne 0 ]; then
    for f in "$work/fpm-error.log" "$work/fpm.out" "$work/php-error.log" "$work/nginx/error.log"; do
      [ -s "$f" ] && { echo "---- $f" >&2; tail -n 20 "$f" >&2; }
    done
  fi
  stop_servers
  [ -z "$db" ] || "$root/dev/lib/mariadb.sh" stop "$db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

xml=()
[ -f "$("$(php_config_bin)" --extension-dir)/simplexml.so" ] && xml=(-d extension=simplexml)
php_ext() { php -n -d "extension=$ext" "${xml[@]}" "$@"; }
nice_php_ext() { nice -n 10 php -n -d "extension=$ext" "${xml[@]}" "$@"; }
export CLOUDACCT_MARIADB_BUFFER_POOL=${CLOUDACCT_MARIADB_BUFFER_POOL:-4G} CLOUDACCT_MARIADB_LOG_FILE=${CLOUDACCT_MARIADB_LOG_FILE:-1G}
# the cache key: the generator and what lays out the site; the schema version the data was made at
# is in the name too. Data made at an older schema is restored and migrated up by setup.php (the
# module's upgrade path), so a new migration does not force a regeneration; delete the file to force one.
key=$(cat "$root/bench/scale.php" "$root/dev/host/setup.php" "$root/dev/host/framework/modules.php" \
  "$root/php-glue/cloudacct/install.php" | sha256sum | cut -c1-16)
schema=$(sed -n 's/^[[:space:]]*{ \([0-9][0-9]*\), ".*/\1/p' "$root/src/db/migrations.c" | sort -n | tail -n1)
root_sql() { mariadb --no-defaults --protocol=socket --socket="$CLOUDACCT_TEST_DB_SOCKET" -uroot -N -B "$@"; }
connections() { root_sql -e "SHOW GLOBAL STATUS LIKE 'Connections'" | awk '{print $2}'; }
emit() { echo "$1 value $2" >>"$results"; }

# php-fpm with a private config: N static workers on a Unix socket, the access log timing each request
start_fpm() { # start_fpm CHILDREN [EXTRA -d ...]
  local children=$1; shift
  cat >"$work/fpm.conf" <<EOF
[global]
pid = $work/fpm.pid
error_log = $work/fpm-error.log
daemonize = no
[bench]
listen = $work/fpm.sock
pm = static
pm.max_children = $children
pm.status_path = /fpm-status
access.log = $work/fpm-access.log
access.format = "%{mili}d %s %m %r%Q%q"
catch_workers_output = yes
clear_env = no
EOF
  : >"$work/fpm-access.log"
  php-fpm8.2 -n -R -F -y "$work/fpm.conf" -d "extension=$ext" "${xml[@]}" -d zend_extension=opcache \
    -d opcache.enable=1 -d opcache.memory_consumption=64 -d memory_limit=256M -d display_errors=0 -d log_errors=1 \
    -d "error_log=$work/php-error.log" "$@" >"$work/fpm.out" 2>&1 &
  fpm_pid=$!
  for _ in $(seq 50); do [ -S "$work/fpm.sock" ] && return 0; sleep 0.1; done
  cat "$work/fpm-error.log" "$work/fpm.out" >&2; die "php-fpm did not start"
}

start_nginx() { # start_nginx SITE PORT
  mkdir -p "$work/nginx"
  cat >"$work/nginx.conf" <<EOF
worker_processes 1;
user $(id -un) $(id -gn);
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
daemon off;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; fastcgi_temp_path $work/nginx/fastcgi;
  proxy_temp_path $work/nginx/proxy; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  # no keep-alive to php-fpm: fpm times a request from when it starts reading it, and on a kept
  # connection that is when the previous one ended (the idle time would count as server time)
  upstream fpm { server unix:$work/fpm.sock; }
  server {
    listen 127.0.0.1:$2;
    root $1;
    location / {
      include /etc/nginx/fastcgi_params;
      # every URL goes to the dev host's router, as under php -S
      fastcgi_param SCRIPT_FILENAME $root/dev/host/router.php;
      fastcgi_pass fpm;
    }
  }
}
EOF
  nginx -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx.conf" &
  nginx_pid=$!
  for _ in $(seq 50); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/fpm-status")" = 200 ] && return 0; sleep 0.1; done
  cat "$work/nginx/error.log" >&2; die "nginx did not start"
}

# waits until no fpm worker is busy but the one answering (a page slower than a wrk run is still
# being served after wrk stops; the next page's figures must not wait behind it)
wait_idle() {
  local port=$1 active
  for _ in $(seq 600); do
    active=$(curl -s "http://127.0.0.1:$port/fpm-status" | sed -n 's/^active processes: *//p')
    [ "${active:-0}" -le 1 ] && return 0
    sleep 0.2
  done
  warn "pages: php-fpm still busy after 120 s"
}

# the Cookie header of an identity chosen with the dev host's switcher
cookie_of() { # cookie_of PORT FORM...
  local port=$1 jar=$work/jar.$RANDOM; shift
  curl -s -o /dev/null -c "$jar" "$@" "http://127.0.0.1:$port/switch.php"
  sed -n 's/^#HttpOnly_//; /^#/d; /^$/d; p' "$jar" | awk -F'\t' 'NF >= 7 {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}'
  rm -f "$jar"
}

for s in $scales; do
  tag=${s}x
  db=$work/db-$s
  tar=''
  for v in $(seq "$schema" -1 1); do
    [ -f "$cache/pages-s$s-seed$seed-$key-v$v.tar.zst" ] && { tar=$cache/pages-s$s-seed$seed-$key-v$v.tar.zst; break; }
  done
  if [ -z "$tar" ]; then
    tar=$cache/pages-s$s-seed$seed-$key-v$schema.tar.zst
    say "pages: generating the ${s}× data (cached as $tar)"
    "$root/dev/lib/mariadb.sh" start "$db" >/dev/null
    eval "$("$root/dev/lib/mariadb.sh" env "$db")"
    root_sql -e "CREATE DATABASE cloudacct_pages CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    export CLOUDACCT_DB_SOCKET=$CLOUDACCT_TEST_DB_SOCKET CLOUDACCT_DB_USER=$CLOUDACCT_TEST_DB_USER \
      CLOUDACCT_DB_PASSWORD=$CLOUDACCT_TEST_DB_PASSWORD CLOUDACCT_DB_NAME=cloudacct_pages
    php_ext "$root/dev/host/setup.php" "$work/gen-site" >/dev/null
    rm -rf "$work/gen-site"
    t=$(date +%s.%N)
    nice_php_ext "$root/bench/scale.php" "$s" "$seed" | awk -v t="$tag" '{sub(/^scale_/, "pages_" t "_data_", $1); print $1, "value", $2}' >>"$results"
    emit "pages_${tag}_data_generate_total_s" "$(echo "$(date +%s.%N) - $t" | bc)"
    root_sql -e "SET GLOBAL innodb_fast_shutdown = 0"
    mariadb-admin --no-defaults --protocol=socket --socket="$CLOUDACCT_TEST_DB_SOCKET" -uroot shutdown
    while kill -0 "$CLOUDACCT_TEST_MARIADBD_PID" 2>/dev/null; do sleep 0.2; done
    t=$(date +%s.%N)
    tar -C "$db/data" -cf - . | nice zstd -q -T0 -3 -o "$tar.part" && mv "$tar.part" "$tar"
    emit "pages_${tag}_data_archive_s" "$(echo "$(date +%s.%N) - $t" | bc)"
    emit "pages_${tag}_data_archive_mb" "$(( $(stat -c %s "$tar") / 1048576 ))"
    "$root/dev/lib/mariadb.sh" stop "$db" >/dev/null
  fi
  if [ $generate_only -eq 1 ]; then db=''; continue; fi
  t=$(date +%s.%N)
  CLOUDACCT_MARIADB_RESTORE=$tar "$root/dev/lib/mariadb.sh" start "$db" >/dev/null
  emit "pages_${tag}_data_restore_s" "$(echo "$(date +%s.%N) - $t" | bc)"
  eval "$("$root/dev/lib/mariadb.sh" env "$db")"
  export CLOUDACCT_DB_SOCKET=$CLOUDACCT_TEST_DB_SOCKET CLOUDACCT_DB_USER=$CLOUDACCT_TEST_DB_USER \
    CLOUDACCT_DB_PASSWORD=$CLOUDACCT_TEST_DB_PASSWORD CLOUDACCT_DB_NAME=cloudacct_pages
  site=$work/site-$s
  # (migrating restored data up may add an index to millions of rows: more than the 30 s read timeout)
  php_ext -d cloudacct.db.read_timeout=3600 -d cloudacct.db.write_timeout=3600 "$root/dev/host/setup.php" "$site" >/dev/null
  # the pages read from disk into a cold buffer pool; load what they touch first
  root_sql cloudacct_pages -e "SELECT COUNT(*) FROM ims_cloudacct_job FORCE INDEX (PRIMARY);
    SELECT COUNT(*) FROM ims_cloudacct_client_balance; SELECT COUNT(*) FROM ims_cloudacct_client" >/dev/null

  port=$(free_port)
  start_fpm "$conns"
  start_nginx "$site" "$port"
  base=http://127.0.0.1:$port
  # who: client company 50 (owes 6 months, 100 jobs) by its contact; its accountant (staff 51 at
  # 100 staff: 100 companies, 10,000 jobs); the founder (uid 1) in the backend
  client=$(cookie_of "$port" -d kind=fan -d openid=oScaleC50)
  staff=$(cookie_of "$port" -d kind=fan -d openid="oScaleS$(php -n -r "echo 1 + 50 % max(1, (int) (100 * $s));")")
  admin=$(cookie_of "$port" -d kind=admin -d uid=1)
  app="$base/app/index.php?i=1&c=entry&m=cloudacct&do"
  web="$base/web/index.php?c=site&a=entry&m=cloudacct&do"
  pages=(
    "client_home|$client|$app=home|专属会计"
    "client_jobs|$client|$app=jobs|办事进度"
    "client_bills|$client|$app=bills|缴费"
    "staff_work|$staff|$app=work|我的工单"
    "staff_pool|$staff|$app=pool|抢单池"
    "admin_jobs|$admin|$web=jobs|全部工单"
    "admin_escalated|$admin|$web=jobs&view=escalated|待指派"
    "admin_arrears|$admin|$web=money|欠费"
    "admin_dashboard|$admin|$web=dashboard|看板"
    "admin_client_search|$admin|$web=clients&keyword=%E6%81%92%E4%BF%A1|恒信"
  )
  if [ -n "$only_pages" ]; then
    chosen=()
    for p in "${pages[@]}"; do [[ $only_pages == *,"${p%%|*}",* ]] && chosen+=("$p"); done
    [ ${#chosen[@]} -gt 0 ] || die "pages: none of $only_pages is a page here"
    pages=("${chosen[@]}")
  fi
  # every page answers 200 with its content (not a login or an error message) before it is timed
  for p in "${pages[@]}"; do
    IFS='|' read -r name ck url marker <<<"$p"
    code=$(curl -s -o "$work/page.html" -w '%{http_code}' -H "Cookie: $ck" "$url")
    if [ "$code" != 200 ] || ! grep -q "$marker" "$work/page.html" || grep -q 'class="[^"]*message-\(error\|info\)' "$work/page.html"; then
      warn "pages: $name ($url) answered $code without “$marker”:"; sed -e 's/<[^>]*>//g' "$work/page.html" | grep -v '^\s*$' | head -20 >&2
      die "pages: $name is not served as expected"
    fi
    say "pages: $name: $(sed -n 's/.*<title>\(.*\)<\/title>.*/\1/p' "$work/page.html" | head -n1), $(wc -c <"$work/page.html") bytes"
  done

  # warm-up: every worker has served every page (opcache, persistent connections, buffer pool)
  for p in "${pages[@]}"; do
    IFS='|' read -r name ck url marker <<<"$p"
    wrk -t2 -c"$conns" -d2s --timeout 60s -H "Cookie: $ck" "$url" >/dev/null
    wait_idle "$port"
  done
  before=$(connections) requests=0
  for p in "${pages[@]}"; do
    IFS='|' read -r name ck url marker <<<"$p"
    wrk -t2 -c"$conns" -d1s --timeout 60s -H "Cookie: $ck" "$url" >/dev/null
    wait_idle "$port"
    : >"$work/fpm-access.log"
    wrk -t2 -c"$conns" -d"${duration}s" --timeout 60s -s "$root/bench/pages.lua" -H "Cookie: $ck" "$url" >"$work/wrk.out"
    wait_idle "$port"
    while read -r k v; do
      case $k in
        requests) requests=$((requests + v)); emit "pages_${tag}_${name}_rps" "$(echo "$v / $duration" | bc)" ;;
        errors) emit "pages_${tag}_${name}_errors" "$v" ;;
        p50|p95|p99) emit "pages_${tag}_${name}_${k}_ms" "$v" ;;
      esac
    done < <(sed -n '/^requests /,$p' "$work/wrk.out")
    php -n "$root/bench/pages.php" fpm-log "$work/fpm-access.log" | while read -r k v; do emit "pages_${tag}_${name}_server_${k}_ms" "$v"; done
  done
  after=$(connections)
  # the "after" query is itself one new connection
  emit "pages_${tag}_requests" "$requests"
  emit "pages_${tag}_new_connections" "$((after - before - 1))"
  emit "pages_${tag}_new_connections_per_1000_requests" "$(echo "scale=3; ($after - $before - 1) * 1000 / $requests" | bc)"
  curl -s "$base/fpm-status" | sed -n 's/^accepted conn: *//p' | while read -r v; do emit "pages_${tag}_fpm_accepted" "$v"; done

  # EXPLAIN: one worker with the statement trace on, each page once
  stop_servers
  start_fpm 1 -d "cloudacct.db.trace=$work/trace"
  start_nginx "$site" "$port"
  n0=0
  for p in "${pages[@]}"; do
    IFS='|' read -r name ck url marker <<<"$p"
    curl -s -o /dev/null -H "Cookie: $ck" "$url"
    n1=$(php -n "$root/bench/pages.php" count "$work/trace")
    emit "pages_${tag}_${name}_statements" "$((n1 - n0))"
    n0=$n1
  done
  php_ext "$root/bench/pages.php" explain "$work/trace" | while read -r k v; do emit "pages_${tag}_explain_$k" "$v"; done
  stop_servers
  rm -f "$work/trace"
  "$root/dev/lib/mariadb.sh" stop "$db" >/dev/null
  db=''
done
