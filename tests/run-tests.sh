#!/usr/bin/env bash
# The test command (README and .ci/run): installs (cached, pinned) PowerShell 7.6.10 and Pester 5.7.1, Debian's
# chromium when missing (headless browser tests of the HTML report), builds,
# installs (cached) and starts Ceph RGW on 127.0.0.1, runs every xunit test project and every Pester suite (the
# Server-tagged ones against that RGW), stops RGW, prints one line summing both runners and exits non-zero on any
# failure. With CI=true a skipped or not-run test is a failure too.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
SERVER="$REPO/tests/server/s3-ceph.sh"
RESULTS="$REPO/out/test-results"
PESTER_PROJECT="$REPO/tests/pester/restore/PesterRestore.csproj"
PESTER_VERSION=5.7.1

cleanup() { bash "$SERVER" stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "== tools: PowerShell (.config/dotnet-tools.json), Pester $PESTER_VERSION"
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed" >&2; exit 1; }
dotnet restore "$PESTER_PROJECT" -nologo >/dev/null || { echo "Pester did not restore" >&2; exit 1; }
PESTER_PSD1="${NUGET_PACKAGES:-$HOME/.nuget/packages}/pester/$PESTER_VERSION/tools/Pester.psd1"
[ -f "$PESTER_PSD1" ] || { echo "Pester module missing at $PESTER_PSD1" >&2; exit 1; }

echo "== Chromium (Debian's package) for the HTML report's browser tests and bench"
bash tests/browser/chromium.sh install || { echo "Chromium did not install" >&2; exit 1; }

echo "== build"
dotnet build -c Release S3Audit.sln -nologo -clp:ErrorsOnly || exit 1

echo "== start Ceph RGW"
bash "$SERVER" start || { echo "Ceph RGW did not start" >&2; exit 1; }
set -a; . "${CEPH_ROOT:-/tmp/ceph-root}${CEPH_DIR:-/srv/ceph}/s3.env"; set +a
export CI="${CI:-false}"

status=0
rm -rf "$RESULTS"
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" \
    || status=1
done

echo "== Pester (PowerShell $(dotnet tool run pwsh -NoProfile -Command '$PSVersionTable.PSVersion.ToString()'))"
dotnet tool run pwsh -NoProfile -NonInteractive -File "$REPO/tests/pester/Invoke-PesterSuite.ps1" \
  -PesterPath "$PESTER_PSD1" -ResultsDirectory "$RESULTS" || status=1

# One summary line over both runners (xunit from the TRX files, Pester from its summary).
python3 - "$RESULTS" <<'PY' || status=1
import glob, json, os, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout"))
    skipped += int(c.get("notExecuted"))
pester = os.path.join(sys.argv[1], "pester-summary.json")
if os.path.exists(pester):
    p = json.load(open(pester))
    passed += p["passed"]; failed += p["failed"]; skipped += p["skipped"]
else:
    print("Pester wrote no summary"); failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
strict = os.environ.get("CI", "").lower() == "true"
sys.exit(1 if failed or passed == 0 or (strict and skipped) else 0)
PY

exit $status
