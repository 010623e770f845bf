#!/usr/bin/env bash
# s3-ceph.sh — a real S3 server for integration tests: Ceph RADOS Gateway 20.2 (Tentacle)
# from Debian sid, in a chroot under /tmp, as a one-node cluster:
#   1 mon + 1 OSD on memstore (RAM, no disk) + radosgw (beast) on 127.0.0.1.
# No systemd, no Docker. Needs root (chroot + a private mount namespace for /proc).
#
#   ./s3-ceph.sh install   # once per machine: builds the chroot (~45 s, ~680 MB); no-op if present
#   ./s3-ceph.sh start     # fresh, empty cluster (~1-2 s); writes $CEPH_ROOT/srv/ceph/s3.env
#   ./s3-ceph.sh stop      # stops the three daemons by their PID files
#   ./s3-ceph.sh purge     # stop + delete the chroot
set -euo pipefail

ROOT=${CEPH_ROOT:-/tmp/ceph-root}          # the chroot (cached between runs)
SUITE=${CEPH_SUITE:-forky}                 # forky (Debian testing) and sid = Ceph 20.2.x; trixie = Ceph 18.2.x (fewer APIs)
D=${CEPH_DIR:-/srv/ceph}                   # cluster dir, as seen inside the chroot (one per concurrent cluster)
H=$ROOT$D                                  # same dir, as seen from the host
RGW_PORT=${RGW_PORT:-7480}
MON_PORT=${MON_PORT:-6789}                 # msgr v1
MON_PORT2=${MON_PORT2:-3300}               # msgr v2
AK=${S3_ACCESS_KEY:-testaccesskey}         # plain RGW user "test" (S3 + roles + inline user policies)
SK=${S3_SECRET_KEY:-testsecretkey}
ACCOUNT_ID=${S3_ACCOUNT_ID:-RGW12345678901234567}   # "RGW" + 17 digits
ROOT_AK=${S3_ROOT_ACCESS_KEY:-rootaccesskey}        # account root user: full IAM (users, keys, groups...)
ROOT_SK=${S3_ROOT_SECRET_KEY:-rootsecretkey}

# run a command inside the chroot, with its own /proc, in a private mount namespace
# (nothing is mounted on the host; the mount goes away with the last process)
X() { unshare -m --propagation private -- sh -c 'mount -t proc proc "$0/proc" && exec chroot "$0" "$@"' "$ROOT" "$@"; }

install() {
  if [ -x "$ROOT/usr/bin/radosgw" ]; then return 0; fi
  if ! command -v mmdebstrap >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
  fi
  rm -rf "$ROOT.tmp"
  # Check-Valid-Until=false: the mirror may serve a Release file older than the clock
  mmdebstrap --quiet --variant=apt \
    --aptopt='APT::Install-Recommends "false"' \
    --aptopt='Acquire::Check-Valid-Until "false"' \
    --include=radosgw,ceph-mon,ceph-osd \
    "$SUITE" "$ROOT.tmp" ${DEBIAN_MIRROR:+"$DEBIAN_MIRROR"}   # no mirror given: Debian's default
  mv "$ROOT.tmp" "$ROOT"
  X radosgw --version
}

start() {
  install
  stop
  rm -rf "$H"; mkdir -p "$H"/{mon,osd,run,log}
  local fsid; fsid=$(cat /proc/sys/kernel/random/uuid)
  cat > "$H/ceph.conf" <<CONF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$MON_PORT2,v1:127.0.0.1:$MON_PORT]
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
# no cephx; radosgw insists on 'secure' mon sessions unless the modes are set to crc
auth cluster required = none
auth service required = none
auth client required = none
ms mon client mode = crc
ms client mode = crc
ms mon service mode = crc
ms service mode = crc
ms mon cluster mode = crc
ms cluster mode = crc
run dir = $D/run
admin socket = $D/run/\$name.asok
pid file = $D/run/\$name.pid
log file = $D/log/\$name.log
mon data = $D/mon/\$cluster-\$id
osd data = $D/osd/\$cluster-\$id
mon data avail warn = 1
# one OSD: size-1 pools, few PGs, no autoscaler (no mgr runs), failure domain = osd
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon warn on pool no app = false
# commit map changes at once: start-up goes from ~11 s to ~1 s
paxos propose interval = 0.05
paxos min wait = 0.01
[osd]
osd objectstore = memstore
memstore device bytes = 1073741824
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw thread pool size = 32
rgw dns name = localhost
# one JSON line per request
rgw enable ops log = true
rgw ops log rados = false
rgw ops log file path = $D/log/ops.log
rgw enable static website = true
# STS AssumeRole
rgw sts key = abcdefghijklmnop
rgw s3 auth use sts = true
# SSE-KMS with built-in test keys (SSE-S3/AES256 objects would need Vault)
rgw crypt require ssl = false
rgw crypt s3 kms backend = testing
rgw crypt s3 kms encryption keys = testkey-1=$(head -c 32 /dev/urandom | base64 -w0)
# server access logs: roll a log object after 5 s (default 300)
rgw bucket logging obj roll time = 5
CONF
  local C="-c $D/ceph.conf"
  X monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$MON_PORT2,v1:127.0.0.1:$MON_PORT]" "$D/monmap" >/dev/null
  X ceph-mon $C --mkfs -i a --monmap "$D/monmap"
  X ceph-mon $C -i a                                   # daemonizes, writes run/mon.a.pid
  local uuid id; uuid=$(cat /proc/sys/kernel/random/uuid)
  id=$(X ceph $C osd new "$uuid")
  mkdir -p "$H/osd/ceph-$id"
  X ceph-osd $C -i "$id" --mkfs --osd-uuid "$uuid" 2>/dev/null
  X ceph-osd $C -i "$id" 2>/dev/null                   # run/osd.0.pid
  X radosgw-admin $C user create --uid=test --display-name=test \
      --access-key="$AK" --secret-key="$SK" >/dev/null
  X radosgw-admin $C caps add --uid=test --caps="roles=*;user-policy=*;users=*;oidc-provider=*" >/dev/null
  X radosgw-admin $C account create --account-id="$ACCOUNT_ID" --account-name=testaccount >/dev/null
  X radosgw-admin $C user create --uid=accountroot --display-name=accountroot --account-id="$ACCOUNT_ID" \
      --account-root --access-key="$ROOT_AK" --secret-key="$ROOT_SK" >/dev/null
  X radosgw $C -n client.rgw.a                         # run/client.rgw.a.pid
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$RGW_PORT/" >/dev/null; then
      cat > "$H/s3.env" <<ENV
S3_ENDPOINT=http://127.0.0.1:$RGW_PORT
S3_ACCESS_KEY=$AK
S3_SECRET_KEY=$SK
S3_ROOT_ACCESS_KEY=$ROOT_AK
S3_ROOT_SECRET_KEY=$ROOT_SK
S3_ACCOUNT_ID=$ACCOUNT_ID
S3_OPS_LOG=$H/log/ops.log
ENV
      echo "S3 (radosgw $(X radosgw --version | awk '{print $3}')) on http://127.0.0.1:$RGW_PORT; env in $H/s3.env"
      return 0
    fi
    sleep 0.5
  done
  echo "radosgw did not come up; last log lines:" >&2
  tail -n 20 "$H"/log/*.log >&2 || true
  stop; return 1
}

stop() {
  stop_daemons client.rgw.a osd.0     # radosgw alone would take ~30 s to exit on SIGTERM
  stop_daemons mon.a
}

stop_daemons() {  # SIGTERM by PID file (only if that PID is still a ceph daemon), SIGKILL after 3 s
  local n f pid alive pids=()
  for n in "$@"; do
    f=$H/run/$n.pid; [ -f "$f" ] || continue
    pid=$(cat "$f"); rm -f "$f"
    grep -qaE 'ceph-mon|ceph-osd|radosgw' "/proc/$pid/cmdline" 2>/dev/null || continue
    kill "$pid" 2>/dev/null && pids+=("$pid")
  done
  for _ in $(seq 1 30); do
    alive=0
    for pid in "${pids[@]}"; do if kill -0 "$pid" 2>/dev/null; then alive=1; fi; done
    [ "$alive" = 0 ] && return 0
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}

purge() { stop; rm -rf "$ROOT" "$ROOT.tmp"; }

"${1:-start}"
