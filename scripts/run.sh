#!/usr/bin/env bash
# Runs the portal with the fictional demo clinic on the embedded PostgreSQL (data in .data/).
# Set CLINICPORTAL_URLS to listen elsewhere; any other setting can follow as --Key=value.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet build src/ClinicPortal.Web -c Release --no-restore --verbosity quiet -nologo
cd src/ClinicPortal.Web
exec dotnet bin/Release/net10.0/ClinicPortal.Web.dll --urls "${CLINICPORTAL_URLS:-http://127.0.0.1:5000}" --ClinicPortal:Demo=true "$@"
