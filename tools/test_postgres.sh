#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the test suite (NOTES.md: PostgreSQL here).
#   tools/test_postgres.sh start DIR [PORT]   prints the URL to put in YOULIN_TEST_POSTGRES
#   tools/test_postgres.sh stop DIR
# Installs Debian's PostgreSQL when it is missing (as root). initdb and pg_ctl refuse root, so
# they run as the postgres user. Durability is off: the cluster lives for one test run.
set -euo pipefail
action="${1:?start or stop}"
dir="${2:?a folder for the cluster}"
port="${3:-54329}"

bindir() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    echo "$found"
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
    if [ -z "$(bindir)" ]; then
        echo "== installing postgresql" >&2
        apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            postgresql postgresql-contrib >&2
    fi
    bin="$(bindir)"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -A trust -U youlin -E UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start -o \
        "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=200" >/dev/null
    echo "postgresql+psycopg://youlin@127.0.0.1:$port/postgres"
    ;;
stop)
    as_postgres "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
*)
    echo "usage: $0 start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
