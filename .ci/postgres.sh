#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests.
#
#   bash .ci/postgres.sh start   # install Debian's PostgreSQL when missing, start a cluster on
#                                # 127.0.0.1 and a free port, write .ci/pg.env, print the URL
#   source .ci/pg.env            # exports DYAD_TEST_PG (read by tests/test_store*.py)
#   bash .ci/postgres.sh stop    # stop the cluster and delete it
#
# The cluster lives in a temporary folder, trusts loopback connections and has fsync off:
# it is for tests only and holds nothing worth keeping.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
env_file="$here/pg.env"
python="${PYTHON:-python3}"

die() {
    echo "postgres.sh: $*" >&2
    exit 1
}

pg_bin() {
    # The newest installed major version; Debian puts each under /usr/lib/postgresql/N/bin.
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
        echo "$dir"
    fi
}

install_postgres() {
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed; run as root or: apt-get install postgresql"
    # Debian's package creates and starts a 'main' cluster on port 5432 by default; we want
    # only our own throwaway one, so switch that off before installing.
    if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
        mkdir -p /etc/postgresql-common
        echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
    fi
    echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        -o Dpkg::Options::=--force-confold postgresql >/dev/null
}

as_owner() {
    # initdb and postgres refuse to run as root: run them as the 'postgres' system user.
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    [ -e "$env_file" ] && stop
    local bin
    bin="$(pg_bin)"
    if [ -z "$bin" ]; then
        install_postgres
        bin="$(pg_bin)"
        [ -n "$bin" ] || die "installed postgresql but found no initdb under /usr/lib/postgresql/*/bin"
    fi
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi

    local dir port url
    dir="$(mktemp -d /tmp/dyad-pg.XXXXXX)"
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    port="$(free_port)"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" \
        start >/dev/null || { cat "$dir/server.log" >&2; die "the server did not start"; }

    url="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    {
        echo "export DYAD_TEST_PG='$url'"
        echo "export DYAD_TEST_PG_DIR='$dir'"
        echo "export DYAD_TEST_PG_BIN='$bin'"
    } >"$env_file"
    echo "DYAD_TEST_PG=$url"
}

stop() {
    [ -e "$env_file" ] || { echo "postgres.sh: no cluster running (no $env_file)" >&2; return 0; }
    # shellcheck disable=SC1090
    source "$env_file"
    if [ -d "${DYAD_TEST_PG_DIR:-}/data" ]; then
        as_owner "$DYAD_TEST_PG_BIN/pg_ctl" -D "$DYAD_TEST_PG_DIR/data" -m fast -w stop >/dev/null || true
    fi
    case "${DYAD_TEST_PG_DIR:-}" in
        /tmp/dyad-pg.*) rm -rf "$DYAD_TEST_PG_DIR" ;;
    esac
    rm -f "$env_file"
    echo "postgres.sh: stopped" >&2
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) die "usage: $0 start|stop" ;;
esac
