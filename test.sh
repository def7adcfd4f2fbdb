#!/usr/bin/env bash
# Sets up what the tests need, builds, runs every test (domain, service, component, API and browser tests) on SQLite,
# then the data and service tests again on a throwaway PostgreSQL cluster (with the two-instance tests),
# and ends with one line "N passed, N failed, N skipped" summing both runs. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"

CONFIGURATION="${CONFIGURATION:-Release}"
passed=0; failed=0; skipped=0
summary() { echo "$passed passed, $failed failed, $skipped skipped"; }

# Browser tests drive Debian's Chromium (never a downloaded browser).
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's chromium for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || {
      echo "Could not install chromium with apt-get."; failed=1; summary; exit 1; }
  else
    echo "Chromium is missing: install it with 'sudo apt-get install -y chromium' (Debian) and run ./test.sh again."
    failed=1; summary; exit 1
  fi
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

# The data and service tests run a second time on PostgreSQL (issue 10): Debian's postgresql, a throwaway cluster in a
# temporary folder on a loopback port, removed on exit. initdb refuses root, so the cluster runs as user postgres.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's postgresql for the PostgreSQL test run..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || {
      echo "Could not install postgresql with apt-get."; failed=1; summary; exit 1; }
  else
    echo "PostgreSQL is missing: install it with 'sudo apt-get install -y postgresql' (Debian) and run ./test.sh again."
    failed=1; summary; exit 1
  fi
fi
PG_BIN="$(pg_bin)"
pg_dir="$(mktemp -d /tmp/iaaskyc-pg.XXXXXX)"
as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = "0" ] && chown postgres "$pg_dir"
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pg_dir"; }
pg_port=54329
while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
if ! as_pg "$PG_BIN/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
  || ! as_pg "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start -o \
      "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
  echo "Could not start a PostgreSQL cluster:"; cat "$pg_dir"/*.log; pg_stop; failed=1; summary; exit 1
fi
trap pg_stop EXIT
export IAASKYC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Include Error Detail=true"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Building ($CONFIGURATION)..."
if ! dotnet build IaasKyc.sln -c "$CONFIGURATION" -nologo -v quiet; then
  echo "Build failed."; failed=1; summary; exit 1
fi

# The load and memory benchmarks (issue 10, item 7) write their figures here; printed after the run.
figures="${TMPDIR:-/tmp}/iaaskyc-performance.txt"
rm -f "$figures"

log="$(mktemp)"
trap 'rm -f "$log"; pg_stop' EXIT
# The Microsoft.Testing.Platform runner closes with "total:", "failed:", "succeeded:", "skipped:" lines.
num() { grep -E "^\s*$1:\s*[0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' | head -n 1; }
# Runs the tests with the given runner arguments and adds the run's counts to the totals.
run_tests() {
  dotnet test --project IaasKyc.Tests -c "$CONFIGURATION" --no-build -- "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]} p f s
  p=$(num succeeded); f=$(num failed); s=$(num skipped)
  p=${p:-0}; f=${f:-0}; s=${s:-0}
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}

# 1. Everything on SQLite (the tests that need PostgreSQL itself wait for the second run).
IAASKYC_TEST_POSTGRES="" run_tests --filter-not-trait "Database=Postgres"

# 2. The data and service tests again on PostgreSQL: every test class of a file that uses ServiceTestDb or TestPostgres
#    (not the browser tests that borrow its PDF helper: their portal runs on SQLite either way).
pg_filters=()
while IFS= read -r file; do
  ns="$(grep -m1 -oP '^namespace \K[\w.]+' "$file")"
  for cls in $(grep -oP '^\s*(public |internal )?(sealed |static |abstract )*(partial )?class \K\w+' "$file"); do
    pg_filters+=(--filter-class "$ns.$cls")
  done
done < <(grep -rlE --include='*.cs' 'ServiceTestDb|TestPostgres' IaasKyc.Tests | grep -v -e '/Support/' -e '/Browser/' | sort)
echo "Running the data and service tests on PostgreSQL ($((${#pg_filters[@]} / 2)) classes, port $pg_port)..."
run_tests "${pg_filters[@]}"

[ -f "$figures" ] && { echo "Performance figures (reported, not asserted; see docs/performance.md):"; cat "$figures"; }
summary
[ "$failed" -eq 0 ]
