#!/usr/bin/env bash
# Installs what ClinicPortal needs on Debian 12 and restores its packages.
#   scripts/setup.sh          what the portal needs (PostgreSQL server, DejaVu fonts)
#   scripts/setup.sh --tests  also what the tests need (Chromium, a loopback SMTP server)
# Missing Debian packages are installed when run as root or with password-less sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required: install it from https://dotnet.microsoft.com/download (package dotnet-sdk-10.0)." >&2
  exit 1
fi

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${1:-}" = "--tests" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo"; else
    echo "Please install these Debian packages first: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Browser libraries (Chart.js) come from npm and are copied into wwwroot/lib, which git ignores.
# axe-core (a dev dependency) stays in node_modules: the end-to-end tests inject it into pages.
web=src/ClinicPortal.Web
if [ ! -d "$web/node_modules/chart.js" ] || [ ! -f "$web/node_modules/axe-core/axe.min.js" ]; then
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
fi
mkdir -p "$web/wwwroot/lib/chart.js"
for f in chart.umd.min.js chart.umd.js; do
  if [ -f "$web/node_modules/chart.js/dist/$f" ]; then
    cp "$web/node_modules/chart.js/dist/$f" "$web/wwwroot/lib/chart.js/chart.umd.min.js"
    cp "$web/node_modules/chart.js/LICENSE.md" "$web/wwwroot/lib/chart.js/LICENSE.md" 2>/dev/null || true
    break
  fi
done

dotnet restore ClinicPortal.sln --verbosity quiet
