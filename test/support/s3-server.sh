#!/usr/bin/env bash
# A throw-away S3 endpoint for the integration tests: Debian's Ceph (1 ceph-mon, 1 ceph-osd on
# memstore, so objects live in RAM, 1 radosgw), all on 127.0.0.1, no systemd, no ceph-mgr, no cephx.
# Needs: apt-get install -y --no-install-recommends ceph-mon ceph-osd radosgw ceph-common curl
#
#   test/support/s3-server.sh start DIR [PORT]   leaves DIR/env (S3_ENDPOINT, AWS_*) and DIR/pids
#   test/support/s3-server.sh stop DIR           stops what start started, by PID, and removes DIR
#
# DIR must be missing, empty, or a previous server's folder (it has ceph.conf): start replaces it.
# PORT (radosgw, default 7480) and MON_PORT (ceph-mon, default 3300) must be free.
# How the tests use it: docs/s3.md, "Testing against a real server" (about 15 s to start).
set -euo pipefail

stop() {
  local dir=${1:?usage: s3-server.sh stop DIR}
  [ -f "$dir/pids" ] || exit 0
  [ -f "$dir/ceph.conf" ] || { echo "s3-server: $dir has no ceph.conf, so it is not a server's folder; not removing it" >&2; exit 2; }
  # newest first: rgw, osd, mon; the data is thrown away, so a kill after 10 s is harmless
  for pid in $(tac "$dir/pids" | awk '{print $2}'); do
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$dir"
}

# Whether something listens on 127.0.0.1:PORT (bash's /dev/tcp; a refused connection fails at once).
port_in_use() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

print_logs() {
  local log
  for log in "$1"/log/*; do
    [ -f "$log" ] || continue
    echo "---- s3-server: last 40 lines of $log" >&2
    tail -n 40 "$log" >&2
  done
}

start() {
  local dir=${1:?usage: s3-server.sh start DIR [PORT]}
  local port=${2:-7480}
  local mon_port=${MON_PORT:-3300}
  local access=${S3_ACCESS_KEY:-CALLAUDITTESTKEY}
  local secret=${S3_SECRET_KEY:-callaudit-test-secret}
  local t0
  t0=$(date +%s%N)
  # start replaces DIR: never a folder of something else
  if [ -e "$dir" ] && [ ! -f "$dir/ceph.conf" ] && [ -n "$(ls -A "$dir" 2>/dev/null || echo unreadable)" ]; then
    echo "s3-server: $dir exists and is not empty, and is not a previous server's folder (no ceph.conf); give a new or empty folder" >&2
    exit 2
  fi
  # the readiness checks below would otherwise talk to whatever already listens there
  local taken
  for taken in "$mon_port" "$port"; do
    if port_in_use "$taken"; then
      echo "s3-server: 127.0.0.1:$taken is already in use (another server?); choose other ports (PORT argument, MON_PORT)" >&2
      exit 2
    fi
  done
  rm -rf "$dir"
  mkdir -p "$dir"/mon.a "$dir"/osd.0 "$dir"/run "$dir"/log "$dir"/rgw
  dir=$(cd "$dir" && pwd)
  local fsid conf
  fsid=$(cat /proc/sys/kernel/random/uuid)
  conf=$dir/ceph.conf
  cat >"$conf" <<CONF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
keyring = /dev/null
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
run dir = $dir/run
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
mon data avail warn = 1
mon data avail crit = 1
[mon]
mon data = $dir/mon.\$id
[osd]
osd data = $dir/osd.\$id
osd objectstore = memstore
memstore device bytes = 1073741824
[client.rgw.a]
rgw data = $dir/rgw
# without tcp_nodelay every small GET/LIST/HEAD waits ~50 ms on delayed ACKs
rgw frontends = beast endpoint=127.0.0.1:$port tcp_nodelay=1
rgw thread pool size = 64
# radosgw defaults ms_mon_client_mode to "secure", which auth "none" cannot offer
ms mon client mode = crc secure
CONF
  export CEPH_CONF=$conf
  : >"$dir/pids"
  STARTED_DIR=$dir
  # on any failure, stop what was started so far (by PID) and print the logs' ends now: a caller's
  # clean-up (`stop`) removes DIR with them
  trap 'exit 143' TERM INT
  trap 'rc=$?; if [ $rc -ne 0 ]; then for p in $(tac "$STARTED_DIR/pids" | cut -d" " -f2); do kill "$p" 2>/dev/null || true; done; print_logs "$STARTED_DIR"; echo "s3-server: start failed; logs in $STARTED_DIR/log" >&2; fi' EXIT

  elapsed() { echo "$((($(date +%s%N) - t0) / 1000000)) ms"; }
  alive() { kill -0 "$1" 2>/dev/null || { echo "s3-server: $2 died" >&2; exit 1; }; }
  wait_until() { # SECONDS PID NAME CMD...
    local limit=$1 pid=$2 name=$3
    shift 3
    local end=$(($(date +%s) + limit))
    until "$@" >/dev/null 2>&1; do
      alive "$pid" "$name"
      [ "$(date +%s)" -lt "$end" ] || { echo "s3-server: timeout waiting for $name" >&2; exit 1; }
      sleep 0.2
    done
  }

  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
  ceph-mon --mkfs -i a --monmap "$dir/monmap"
  ceph-mon -i a -f </dev/null >>"$dir/log/mon.a.out" 2>&1 &
  local mon_pid=$!
  echo "mon.a $mon_pid" >>"$dir/pids"
  wait_until 30 "$mon_pid" mon.a ceph --connect-timeout 2 mon stat
  echo "s3-server: mon up after $(elapsed)"

  local osd_uuid osd_id
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  osd_id=$(ceph osd new "$osd_uuid")
  ceph-osd -i "$osd_id" --mkfs --osd-uuid "$osd_uuid" >>"$dir/log/osd.mkfs.out" 2>&1
  ceph-osd -i "$osd_id" -f </dev/null >>"$dir/log/osd.$osd_id.out" 2>&1 &
  local osd_pid=$!
  echo "osd.$osd_id $osd_pid" >>"$dir/pids"
  osd_up() { ceph osd dump | grep -q "^osd.$1 up"; }
  wait_until 60 "$osd_pid" "osd.$osd_id" osd_up "$osd_id"
  echo "s3-server: osd up after $(elapsed)"

  radosgw -n client.rgw.a -f </dev/null >>"$dir/log/client.rgw.a.out" 2>&1 &
  local rgw_pid=$!
  echo "rgw.a $rgw_pid" >>"$dir/pids"
  # curl -m: a foreign listener on the port must not hang the start
  wait_until 120 "$rgw_pid" client.rgw.a curl -sf -m 2 -o /dev/null "http://127.0.0.1:$port/"
  echo "s3-server: rgw up after $(elapsed)"

  radosgw-admin user create --uid=callaudit --display-name=callaudit \
    --access-key="$access" --secret-key="$secret" >/dev/null
  cat >"$dir/env" <<ENV
export AWS_ACCESS_KEY_ID=$access
export AWS_SECRET_ACCESS_KEY=$secret
export AWS_REGION=us-east-1
export S3_ENDPOINT=http://127.0.0.1:$port
ENV
  echo "s3-server: ready on http://127.0.0.1:$port after $(elapsed); env in $dir/env"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: s3-server.sh start DIR [PORT] | stop DIR" >&2; exit 2 ;;
esac
