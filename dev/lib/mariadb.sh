#!/usr/bin/env bash
# dev/lib/mariadb.sh — a private MariaDB server for tests, the demo and benchmarks.
#
#   dev/lib/mariadb.sh start [DIR]   create DIR (default: a new temp dir), initialise a data
#                                    directory in it, start mariadbd on DIR/mysql.sock and a random
#                                    free port on 127.0.0.1, create the test database and user,
#                                    then print the export lines (eval "$(dev/lib/mariadb.sh start)")
#   dev/lib/mariadb.sh env [DIR]     print the export lines of a running instance again
#   dev/lib/mariadb.sh stop [DIR]    stop the server and remove DIR
#   dev/lib/mariadb.sh crash [DIR]   kill -9 the server, keeping DIR and its data (fault tests)
#   dev/lib/mariadb.sh restart [DIR] start it again on the same data, socket and port (InnoDB
#                                    crash recovery runs); the export lines stay valid
#
# DIR may also come from CLOUDACCT_MARIADB_DIR (which the export lines set). No system service is
# used or touched: mariadbd runs with --no-defaults as root, out of DIR, and its log is
# DIR/mariadbd.err (printed when it fails to start). Callers own the cleanup: trap a `stop`.
#
# The export lines (what tests read):
#   CLOUDACCT_TEST_DB_SOCKET, CLOUDACCT_TEST_DB_HOST=127.0.0.1, CLOUDACCT_TEST_DB_PORT,
#   CLOUDACCT_TEST_DB_USER=cloudacct, CLOUDACCT_TEST_DB_PASSWORD=cloudacct-dev,
#   CLOUDACCT_TEST_DB_NAME=cloudacct_test, CLOUDACCT_TEST_DB_ROOT_USER=root (socket, no password),
#   CLOUDACCT_TEST_MARIADBD_PID, CLOUDACCT_MARIADB_DIR
# Settings: CLOUDACCT_MARIADB_BUFFER_POOL (default 192M), CLOUDACCT_MARIADB_LOG_FILE (redo log size,
# default 64M), CLOUDACCT_MARIADB_START_TIMEOUT (60 s), CLOUDACCT_MARIADB_RESTORE (a .tar.zst or
# .tar.gz of a stopped server's data directory to start from instead of a fresh one).

# shellcheck source=dev/lib/common.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

CLOUDACCT_DB_USER=cloudacct
CLOUDACCT_DB_PASSWORD=cloudacct-dev
CLOUDACCT_DB_NAME=cloudacct_test
MARKER=.cloudacct-mariadb

mdb_bin() {
  case $1 in
    server)  first_cmd mariadbd mysqld /usr/sbin/mariadbd /usr/sbin/mysqld ;;
    install) first_cmd mariadb-install-db mysql_install_db ;;
    admin)   first_cmd mariadb-admin mysqladmin ;;
    client)  first_cmd mariadb mysql ;;
  esac
}

mdb_dir() {
  local d=${1:-${CLOUDACCT_MARIADB_DIR:-}}
  [ -n "$d" ] || die "which instance? pass its directory or set CLOUDACCT_MARIADB_DIR"
  printf '%s\n' "$d"
}

mdb_root() { # run the client as root over the socket
  local dir=$1; shift
  "$(mdb_bin client)" --no-defaults --protocol=socket --socket="$dir/mysql.sock" -uroot "$@"
}

mdb_alive() { [ -f "$1/mariadbd.pid" ] && kill -0 "$(cat "$1/mariadbd.pid")" 2>/dev/null; }

mdb_print_log() {
  if [ -f "$1/mariadbd.err" ]; then
    echo "---- $1/mariadbd.err (last 60 lines) ----" >&2
    tail -n 60 "$1/mariadbd.err" >&2
    echo "----" >&2
  fi
}

mdb_env() {
  local dir=$1
  [ -f "$dir/env" ] || die "no running instance in $dir"
  cat "$dir/env"
}

# mdb_launch DIR PORT: mariadbd in the background on DIR/data (its pid in DIR/mariadbd.pid.launcher).
mdb_launch() {
  local dir=$1 port=$2
  "$(mdb_bin server)" --no-defaults --user="$(id -un)" \
    --datadir="$dir/data" --tmpdir="$dir/tmp" \
    --socket="$dir/mysql.sock" --pid-file="$dir/mariadbd.pid" --log-error="$dir/mariadbd.err" \
    --bind-address=127.0.0.1 --port="$port" --skip-name-resolve \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --innodb-buffer-pool-size="${CLOUDACCT_MARIADB_BUFFER_POOL:-192M}" \
    --innodb-log-file-size="${CLOUDACCT_MARIADB_LOG_FILE:-64M}" --innodb-flush-log-at-trx-commit=2 --innodb-use-native-aio=0 \
    --performance-schema=OFF --max-connections=300 --max-allowed-packet=64M \
    --skip-log-bin --loose-skip-symbolic-links \
    </dev/null >/dev/null 2>&1 &
  printf '%s\n' "$!" >"$dir/mariadbd.pid.launcher"
}

# mdb_wait DIR PID: 0 once the server answers; dies if it hangs; 1 if it exited (log in DIR).
mdb_wait() {
  local dir=$1 pid=$2 t=0 timeout=${CLOUDACCT_MARIADB_START_TIMEOUT:-60}
  while [ "$t" -lt $((timeout * 5)) ]; do
    if "$(mdb_bin admin)" --no-defaults --protocol=socket --socket="$dir/mysql.sock" -uroot \
        --connect-timeout=2 ping >/dev/null 2>&1; then
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
    t=$((t + 1))
  done
  if kill -0 "$pid" 2>/dev/null && [ -S "$dir/mysql.sock" ]; then
    return 0
  fi
  if kill -0 "$pid" 2>/dev/null; then
    mdb_print_log "$dir"
    kill -KILL "$pid" 2>/dev/null || true
    die "mariadbd did not answer within ${timeout}s"
  fi
  wait "$pid" 2>/dev/null || true
  return 1
}

# mdb_crash DIR: kill -9 the server (a fault test), keeping its data directory.
mdb_crash() {
  local dir=$1 pid t=0
  [ -f "$dir/$MARKER" ] || die "$dir is not a cloudacct MariaDB directory"
  pid=$(cat "$dir/mariadbd.pid" 2>/dev/null || cat "$dir/mariadbd.pid.launcher" 2>/dev/null || true)
  [ -n "$pid" ] || die "no server pid in $dir"
  kill -KILL "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ $t -lt 100 ]; do sleep 0.1; t=$((t + 1)); done
  ! kill -0 "$pid" 2>/dev/null || die "mariadbd $pid survived kill -9"
}

# mdb_restart DIR: start the server again on its existing data (crash recovery), same socket and port.
mdb_restart() {
  local dir=$1 port pid attempt
  [ -f "$dir/$MARKER" ] && [ -f "$dir/env" ] || die "$dir holds no instance made by start"
  if mdb_alive "$dir"; then die "a server is already running in $dir"; fi
  port=$(sed -n "s/^export CLOUDACCT_TEST_DB_PORT='\([0-9]*\)'$/\1/p" "$dir/env")
  rm -f "$dir/mariadbd.pid" "$dir/mysql.sock"
  for attempt in 1 2 3 4 5; do
    mdb_launch "$dir" "$port"
    pid=$(cat "$dir/mariadbd.pid.launcher")
    if mdb_wait "$dir" "$pid"; then
      sed -i "s/^export CLOUDACCT_TEST_MARIADBD_PID=.*/export CLOUDACCT_TEST_MARIADBD_PID='$(cat "$dir/mariadbd.pid" 2>/dev/null || echo "$pid")'/" "$dir/env"
      say "mariadb: restarted on the data in $dir/data"
      return 0
    fi
    # the port may linger a moment after a kill -9
    if grep -q 'Address already in use' "$dir/mariadbd.err" 2>/dev/null && [ "$attempt" -lt 5 ]; then sleep 1; continue; fi
    mdb_print_log "$dir"
    die "mariadbd exited during restart"
  done
}

mdb_start() {
  local dir=$1 port pid attempt
  local server install admin
  server=$(mdb_bin server) || die "mariadbd not found: apt-get install mariadb-server"
  install=$(mdb_bin install) || die "mariadb-install-db not found: apt-get install mariadb-server"
  admin=$(mdb_bin admin) || die "mariadb-admin not found: apt-get install mariadb-client"
  mdb_bin client >/dev/null || die "mariadb client not found: apt-get install mariadb-client"

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ ${#dir} -le 90 ] || die "$dir is too long for a Unix socket path"
  if mdb_alive "$dir"; then die "a server is already running in $dir"; fi
  : >"$dir/$MARKER"
  mkdir -p "$dir/data" "$dir/tmp"

  # CLOUDACCT_MARIADB_RESTORE: a tarball of a data directory a cleanly stopped server left
  # (bench/pages.sh caches its scale data this way) instead of a fresh one
  if [ -n "${CLOUDACCT_MARIADB_RESTORE:-}" ]; then
    say "mariadb: restoring $dir/data from $CLOUDACCT_MARIADB_RESTORE"
    case $CLOUDACCT_MARIADB_RESTORE in
      *.zst) zstd -q -dc -T0 "$CLOUDACCT_MARIADB_RESTORE" | tar -C "$dir/data" -xf - ;;
      *) tar -C "$dir/data" -xzf "$CLOUDACCT_MARIADB_RESTORE" ;;
    esac || die "cannot restore $CLOUDACCT_MARIADB_RESTORE"
  # --force: no hostname check (a machine without /etc/hosts must work too)
  elif say "mariadb: initialising $dir/data"; ! "$install" --no-defaults --user="$(id -un)" --datadir="$dir/data" \
      --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve --force \
      >"$dir/install.log" 2>&1; then
    cat "$dir/install.log" >&2
    die "mariadb-install-db failed"
  fi

  for attempt in 1 2 3; do
    port=$(free_port) || die "cannot find a free TCP port"
    mdb_launch "$dir" "$port"
    pid=$(cat "$dir/mariadbd.pid.launcher")
    if mdb_wait "$dir" "$pid"; then
      break
    fi
    if grep -q 'Address already in use\|Do you already have another' "$dir/mariadbd.err" 2>/dev/null && [ "$attempt" -lt 3 ]; then
      warn "mariadb: port $port was taken, retrying"
      continue
    fi
    mdb_print_log "$dir"
    die "mariadbd exited during start"
  done

  if ! mdb_root "$dir" <<SQL >"$dir/setup.log" 2>&1
CREATE DATABASE IF NOT EXISTS \`$CLOUDACCT_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE USER IF NOT EXISTS '$CLOUDACCT_DB_USER'@'localhost' IDENTIFIED BY '$CLOUDACCT_DB_PASSWORD';
CREATE USER IF NOT EXISTS '$CLOUDACCT_DB_USER'@'127.0.0.1' IDENTIFIED BY '$CLOUDACCT_DB_PASSWORD';
GRANT ALL ON *.* TO '$CLOUDACCT_DB_USER'@'localhost';
GRANT ALL ON *.* TO '$CLOUDACCT_DB_USER'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
  then
    cat "$dir/setup.log" >&2
    mdb_print_log "$dir"
    die "could not create the test database and user"
  fi

  cat >"$dir/env" <<ENV
export CLOUDACCT_MARIADB_DIR='$dir'
export CLOUDACCT_TEST_DB_SOCKET='$dir/mysql.sock'
export CLOUDACCT_TEST_DB_HOST='127.0.0.1'
export CLOUDACCT_TEST_DB_PORT='$port'
export CLOUDACCT_TEST_DB_USER='$CLOUDACCT_DB_USER'
export CLOUDACCT_TEST_DB_PASSWORD='$CLOUDACCT_DB_PASSWORD'
export CLOUDACCT_TEST_DB_NAME='$CLOUDACCT_DB_NAME'
export CLOUDACCT_TEST_DB_ROOT_USER='root'
export CLOUDACCT_TEST_MARIADBD_PID='$(cat "$dir/mariadbd.pid" 2>/dev/null || echo "$pid")'
ENV
  say "mariadb: $("$(mdb_bin client)" --version | sed 's/^.*Distrib \([^,]*\),.*/\1/') ready on $dir/mysql.sock and 127.0.0.1:$port"
  mdb_env "$dir"
}

mdb_stop() {
  local dir=$1 pid t
  [ -d "$dir" ] || return 0
  if [ ! -f "$dir/$MARKER" ]; then
    warn "$dir is not a cloudacct MariaDB directory; leaving it alone"
    return 1
  fi
  pid=$(cat "$dir/mariadbd.pid" 2>/dev/null || cat "$dir/mariadbd.pid.launcher" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -CONT "$pid" 2>/dev/null || true   # a fault test may have stopped it
    "$(mdb_bin admin)" --no-defaults --protocol=socket --socket="$dir/mysql.sock" -uroot \
      --connect-timeout=2 shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    t=0
    while kill -0 "$pid" 2>/dev/null && [ $t -lt 150 ]; do sleep 0.2; t=$((t + 1)); done
    if kill -0 "$pid" 2>/dev/null; then
      warn "mariadb: mariadbd $pid did not stop in 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
    fi
  fi
  rm -rf "$dir"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  cmd=${1:-}
  case $cmd in
    start)
      dir=${2:-${CLOUDACCT_MARIADB_DIR:-}} own=0
      if [ -z "$dir" ]; then dir=$(short_tmpdir cloudacct-mariadb); own=1; fi
      # A failed start leaves no server behind (and no directory, if we made it).
      trap 'rc=$?; if [ $rc -ne 0 ]; then
              if [ $own -eq 1 ]; then mdb_stop "$dir" || true
              elif [ -f "$dir/mariadbd.pid.launcher" ]; then kill -KILL "$(cat "$dir/mariadbd.pid.launcher")" 2>/dev/null || true; fi
            fi' EXIT
      mdb_start "$dir" ;;
    env)  mdb_env "$(mdb_dir "${2:-}")" ;;
    stop) mdb_stop "$(mdb_dir "${2:-}")" ;;
    crash) mdb_crash "$(mdb_dir "${2:-}")" ;;
    restart) mdb_restart "$(mdb_dir "${2:-}")" ;;
    *) echo "usage: $0 start [DIR] | env [DIR] | stop [DIR] | crash [DIR] | restart [DIR]" >&2; exit 2 ;;
  esac
fi
