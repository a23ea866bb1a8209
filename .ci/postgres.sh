# Start a throw-away PostgreSQL server for the test suite (Debian packages), on a free port,
# with its data in a temporary folder. Exports FAKE_SAP_TEST_PG_URL.

pg_bin_dir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

install_postgres() {
    if [ -z "$(pg_bin_dir)" ]; then
        echo "installing PostgreSQL from Debian packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq postgresql >/dev/null
    fi
}

start_postgres() {
    install_postgres
    local bin port
    bin="$(pg_bin_dir)"
    PG_DATA_DIR="$(mktemp -d)"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    chown postgres "$PG_DATA_DIR" 2>/dev/null || true
    run_as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
    run_as_postgres "$bin/initdb -D $PG_DATA_DIR/data -U postgres -A trust -E UTF8 >/dev/null"
    run_as_postgres "$bin/pg_ctl -D $PG_DATA_DIR/data -l $PG_DATA_DIR/log -w -o '-p $port -k $PG_DATA_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off' start >/dev/null"
    run_as_postgres "$bin/createdb -h 127.0.0.1 -p $port -U postgres fake_sap_test"
    export PG_BIN="$bin"
    export FAKE_SAP_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/fake_sap_test"
    echo "PostgreSQL running on port $port"
}

stop_postgres() {
    if [ -n "${PG_DATA_DIR:-}" ] && [ -d "$PG_DATA_DIR/data" ]; then
        if [ "$(id -u)" = 0 ]; then
            su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PG_DATA_DIR/data -m fast stop" >/dev/null 2>&1 || true
        else
            "$PG_BIN/pg_ctl" -D "$PG_DATA_DIR/data" -m fast stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_DATA_DIR"
    fi
}
