#!/usr/bin/env bash
# Runs every test: unit, integration (real PostgreSQL) and end-to-end (real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/setup.sh --tests
dotnet build ClinicPortal.sln -c Release --no-restore --verbosity quiet -nologo
mkdir -p TestResults
log=TestResults/test-output.log
status=0
dotnet test ClinicPortal.sln -c Release --no-build --verbosity quiet -nologo \
  --logger "console;verbosity=normal" --results-directory TestResults \
  --blame-hang-timeout 10m --blame-hang-dump-type none 2>&1 | tee "$log" || status=$?
if [ "$status" -ne 0 ]; then
  # The run's output is long; name what failed last, where a reader of only its tail sees it.
  echo "=== Failed tests (full output in $log) ==="
  grep -E -A 20 '^\s+Failed [A-Za-z0-9_]+\.[A-Za-z0-9_.]+' "$log" | head -300 || echo "(no failed test named: see $log)"
  exit "$status"
fi
echo "All tests passed in $(( $(date +%s) - started )) s"
