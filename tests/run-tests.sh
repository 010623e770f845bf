#!/usr/bin/env bash
# The test command (README and .ci/run): builds, installs (cached) and starts Ceph RGW on 127.0.0.1,
# runs every xunit test project, stops RGW, exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
SERVER="$REPO/tests/server/s3-ceph.sh"
RESULTS="$REPO/out/test-results"

cleanup() { bash "$SERVER" stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

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

# One summary line over every project (counted from the TRX files).
python3 - "$RESULTS" <<'PY' || status=1
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout"))
    skipped += int(c.get("notExecuted"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY

exit $status
