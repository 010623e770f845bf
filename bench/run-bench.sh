#!/usr/bin/env bash
# Benchmarks of the log engine and the HTML report on this machine. Every figure is printed as a ratio to a floor measured in the
# same run (StreamReader.ReadLine, gzip decompression alone, jq, ThrottleLimit 1). Needs root for RGW (figure 5).
# Export CEPH_DIR/RGW_PORT/MON_PORT/MON_PORT2 to use your own RGW cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
command -v jq >/dev/null || { apt-get install -y jq >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y jq >/dev/null; }; }
dotnet build -c Release bench/S3Audit.Benchmarks -nologo -clp:ErrorsOnly >/dev/null
BENCH="dotnet bench/S3Audit.Benchmarks/bin/Release/net10.0/S3Audit.Benchmarks.dll"
# Modes: cpu, gzip (figure 2 alone, with plain parsing and lines without parsing), memory, memory-distinct [MB], rgw N,
# export (Parquet export rate vs parse rate, size vs gzip), export-memory [MB], export-stages (the export's parts alone),
# html N (the HTML report of N findings in headless Chromium), html-pages FILE... (pages loaded alternately, e.g. variants of a report),
# gateway (Start-S3AuditProxy's gateway vs RGW direct; the gateway runs in a child process, mode gateway-server).

echo "== (1)(2)(4) parsing, gzip, Measure engine"
$BENCH cpu | tee /tmp/s3audit-bench-cpu.jsonl | grep -v minio-errors
# (3) MinIO JSON vs jq running the same filter (status >= 400 → request id)
read -r FILE LINES OURS < <(jq -r 'select(.figure=="minio-errors") | "\(.file) \(.lines) \(.rate)"' /tmp/s3audit-bench-cpu.jsonl)
START=$(date +%s.%N)
jq -c 'select(.api.statusCode >= 400) | .requestID' "$FILE" >/dev/null
END=$(date +%s.%N)
JQ=$(python3 -c "print(round($LINES/($END-$START)))")
python3 -c "import json; r=$OURS/$JQ; print(json.dumps({'figure':'MinIO JSON errors filter vs jq','rate':$OURS,'floor':$JQ,'unit':'lines/s','ratio':round(r,2),'target':10,'pass':r>=10}))"

echo "== (6) peak memory"
$BENCH memory
$BENCH memory-distinct
$BENCH memory-distinct 8192   # past duplicate removal's 4 million entries: it forgets the oldest windows

echo "== (7)(8) Parquet export: rate, size, peak memory"
$BENCH export
$BENCH export-memory

echo "== (9) HTML report of 10,000 findings: size, write, headless Chromium load"
bash tests/browser/chromium.sh install >/dev/null
$BENCH html 10000

echo "== (5) RGW downloads"
SERVER="$REPO/tests/server/s3-ceph.sh"
bash "$SERVER" start >/dev/null
trap 'bash "$SERVER" stop >/dev/null 2>&1 || true' EXIT
set -a; . "${CEPH_ROOT:-/tmp/ceph-root}${CEPH_DIR:-/srv/ceph}/s3.env"; set +a
$BENCH rgw 5000

echo "== (10) logging gateway vs RGW direct"
$BENCH gateway
