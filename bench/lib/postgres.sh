# Sourced by bench/run and bench/export: a throwaway PostgreSQL with the schema and the seed set, and its removal.
# Needs: api (the API's command line, an array), results (the results folder).
# Sets: root (the cluster's folder), bin (PostgreSQL's binaries), port, connection (Npgsql), uri (libpq); pids (the
# processes to stop at exit) starts empty.

root=$(mktemp -d /tmp/summit-bench-XXXXXX)
chmod 755 "$root"
bin=$(dirname "$(command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_postgres "$bin/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$root"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# provision_postgres: the export command provisions the cluster as dotnet run would (schema, seed set); then it is
# started again on a free port of its own.
provision_postgres() {
  "${api[@]}" export "--LocalPostgres:Directory=$root" --out "$root/provisioning" >"$results/provisioning.log" 2>&1
  port=$(free_port)
  # Room for every pool at once: two API instances (Npgsql keeps up to 100 connections each, and idle ones for minutes
  # after a load), the peer's, the loader's and psql's; PostgreSQL's default of 100 answered "too many clients" under load.
  as_postgres "$bin/pg_ctl" -D "$root/data" -l "$root/postgres.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$root/socket -c max_connections=300" start >/dev/null
  connection="Host=127.0.0.1;Port=$port;Username=postgres;Database=summit"
  uri="postgresql://postgres@127.0.0.1:$port/summit"
}

# load_synthetic_data ROWS: bench/synthetic-data's concessions and what they belong to (built by the caller).
load_synthetic_data() {
  dotnet bench/synthetic-data/bin/Release/net10.0/SyntheticData.dll "$connection" 0 "$1" | tee "$results/synthetic-data.log"
}
