#!/usr/bin/env bash
# Regenerates the web UI screenshots in docs/screenshots/ (shown in README.md): runs the browser
# tests on H2 with BALLAST_SCREENSHOTS set, so each saves the pages it walks through
# (Browser.document). Needs chromium and chromium-driver. About 2 minutes plus the build.
#
# Usage, from anywhere:   bench/screenshots.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p docs/screenshots
BALLAST_SCREENSHOTS="$ROOT/docs/screenshots" mvn -B -q -pl platform-api -am verify -DskipPostgresITs=true \
    -Dit.test='*BrowserIT' -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
ls -1 docs/screenshots
