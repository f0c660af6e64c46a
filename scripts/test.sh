#!/usr/bin/env bash
# Runs every test: unit, integration (real PostgreSQL) and end-to-end (real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/setup.sh --tests
dotnet build ClinicPortal.sln -c Release --no-restore --verbosity quiet -nologo
dotnet test ClinicPortal.sln -c Release --no-build --verbosity quiet -nologo \
  --logger "console;verbosity=normal" --results-directory TestResults \
  --blame-hang-timeout 10m --blame-hang-dump-type none
echo "All tests passed in $(( $(date +%s) - started )) s"
