#!/usr/bin/env bash
# Sets up what the tests need, builds, runs every test (domain, service, component, API and browser tests)
# and ends with one line "N passed, N failed, N skipped". Exits non-zero on any failure.
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
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Building ($CONFIGURATION)..."
if ! dotnet build IaasKyc.sln -c "$CONFIGURATION" -nologo -v quiet; then
  echo "Build failed."; failed=1; summary; exit 1
fi

# The load and memory benchmarks (issue 10, item 7) write their figures here; printed after the run.
figures="${TMPDIR:-/tmp}/iaaskyc-performance.txt"
rm -f "$figures"

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet test --project IaasKyc.Tests -c "$CONFIGURATION" --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The Microsoft.Testing.Platform runner closes with "total:", "failed:", "succeeded:", "skipped:" lines.
num() { grep -E "^\s*$1:\s*[0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' | head -n 1; }
passed=$(num succeeded); failed=$(num failed); skipped=$(num skipped)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
[ -f "$figures" ] && { echo "Performance figures (reported, not asserted; see docs/performance.md):"; cat "$figures"; }
summary
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
