#!/bin/bash
# Record a real PPTP session between Debian's pptpd (PAC) and pptp-linux (PNS)
# and write it to real-pptpd-session.pcap (plus a field table for tshark).
#
# Run as root on a Debian machine with pptpd, pptp-linux, tcpdump, tshark and
# iproute2 installed.  Everything happens inside two network namespaces this
# script creates and deletes again; no packet leaves them.
#
#   sudo test/captures/make-real-capture.sh [OUTPUT.pcap]
#
# Environment knobs: KEEP_WORK=1 keeps the temporary directory (configs and
# logs of both PPP stand-ins) for inspection; HOLD=seconds changes the idle
# time before the PPP link is terminated (default 4, enough for PPTP
# Echo-Request/Reply with --idle-wait 2); PPTP_OPTS appends options to the
# pptp command line.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-$HERE/real-pptpd-session.pcap}
TABLE=${OUT%.pcap}.tshark.txt
PY=/usr/bin/python3          # Debian's interpreter, not whatever is first on PATH
HOLD=${HOLD:-4}
PPTP_OPTS=${PPTP_OPTS:-}

# Names and addresses of the two ends.  They echo the project's seed scenario:
# the PNS router 10.10.10.1 places the call, the PAC router 10.10.10.10 answers.
NS_PNS=pptp-pns
NS_PAC=pptp-pac
IF_PNS=veth-pns
IF_PAC=veth-pac
IP_PNS=10.10.10.1
IP_PAC=10.10.10.10
# Inner (tunnelled) addresses, handed by pptpd to its "pppd" as LOCAL:REMOTE.
PPP_PAC=192.168.100.1
PPP_PNS=192.168.100.2

log() { printf '[make-real-capture] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (network namespaces, raw GRE sockets)"
for tool in ip ss ethtool tcpdump tshark timeout /usr/sbin/pptpd /usr/sbin/pptp "$PY"; do
    command -v "$tool" >/dev/null || die "missing $tool (apt-get install pptpd pptp-linux tcpdump tshark iproute2 ethtool)"
done
for ns in "$NS_PNS" "$NS_PAC"; do
    # Never reuse (or later delete) a namespace this run did not create.
    if ip netns list | grep -qw "^$ns"; then
        die "namespace $ns already exists; delete it first (ip netns del $ns)"
    fi
done

# pptp-linux keeps its call manager's Unix socket in /var/run/pptp and creates
# that directory if needed; remove it afterwards only if this run created it.
PPTP_RUNDIR=/var/run/pptp
RUNDIR_EXISTED=0
[ -d "$PPTP_RUNDIR" ] && RUNDIR_EXISTED=1

WORK=$(mktemp -d /tmp/pptp-capture.XXXXXX)
CREATED_NS=()
PIDS=()

# Cleanup runs on every exit path: stop what we started (by PID), kill anything
# still living in our namespaces, delete the namespaces, drop the temp dir.
cleanup() {
    local status=$?
    set +e
    for pid in "${PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null
    done
    sleep 0.5
    for ns in "${CREATED_NS[@]}"; do
        for pid in $(ip netns pids "$ns" 2>/dev/null); do
            kill -KILL "$pid" 2>/dev/null
        done
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null
    done
    for ns in "${CREATED_NS[@]}"; do
        ip netns del "$ns" 2>/dev/null
    done
    [ "$RUNDIR_EXISTED" = 1 ] || rmdir "$PPTP_RUNDIR" 2>/dev/null
    if [ "${KEEP_WORK:-0}" = 1 ]; then
        log "work directory kept: $WORK"
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. two namespaces joined by a veth pair ---------------------------------
ip netns add "$NS_PNS"; CREATED_NS+=("$NS_PNS")
ip netns add "$NS_PAC"; CREATED_NS+=("$NS_PAC")
ip link add "$IF_PNS" netns "$NS_PNS" type veth peer name "$IF_PAC" netns "$NS_PAC"
ip -n "$NS_PNS" addr add "$IP_PNS/24" dev "$IF_PNS"
ip -n "$NS_PAC" addr add "$IP_PAC/24" dev "$IF_PAC"
for ns in "$NS_PNS" "$NS_PAC"; do
    ip -n "$ns" link set lo up
done
ip -n "$NS_PNS" link set "$IF_PNS" up
ip -n "$NS_PAC" link set "$IF_PAC" up
# Offloads would hand tcpdump oversized TCP segments with bad checksums;
# switch them off so the capture looks like what crossed a real wire.
for pair in "$NS_PNS:$IF_PNS" "$NS_PAC:$IF_PAC"; do
    ip netns exec "${pair%%:*}" ethtool -K "${pair#*:}" tso off gso off gro off tx off rx off \
        >/dev/null 2>&1 || log "warning: could not turn offloads off on ${pair#*:}"
done

# --- 2. pptpd configuration, all of it in the temp dir -----------------------
# pptpd runs its "ppp" program as: PROG local file OPTIONS SPEED LOCAL:REMOTE
# [ipparam CLIENT], with a pty slave as stdin and stdout.  A wrapper script
# lets that program be our Python stand-in without relying on file modes.
cat >"$WORK/fake-pppd" <<EOF
#!/bin/sh
exec $PY "$HERE/fake-pppd.py" "\$@"
EOF
chmod 755 "$WORK/fake-pppd"

cat >"$WORK/pptpd-options" <<EOF
# Read by the stand-in (as pppd would read its options file), not by pppd.
role pac
require-pap
logfile $WORK/ppp.log
maxtime 40
EOF

cat >"$WORK/pptpd.conf" <<EOF
ppp $WORK/fake-pppd
option $WORK/pptpd-options
pidfile $WORK/pptpd.pid
listen $IP_PAC
connections 1
localip $PPP_PAC
remoteip $PPP_PNS
EOF

# --- 3. start the capture on the PNS side of the veth -------------------------
# Only the tunnel is kept: the control connection and GRE.  tcpdump writes
# classic pcap with Ethernet link type by default.  --immediate-mode hands
# every packet over at once (otherwise the last second of the session can
# still sit in the kernel's capture ring when tcpdump is stopped), and -U
# writes each one to the file as it comes.
ip netns exec "$NS_PNS" timeout 90 \
    tcpdump -i "$IF_PNS" --immediate-mode -U -s 0 -w "$WORK/capture.pcap" 'tcp port 1723 or ip proto 47' \
    2>"$WORK/tcpdump.err" &
PIDS+=($!)
TCPDUMP_PID=$!
for _ in $(seq 50); do
    grep -q "listening on" "$WORK/tcpdump.err" 2>/dev/null && break
    sleep 0.1
done
grep -q "listening on" "$WORK/tcpdump.err" || die "tcpdump did not start: $(cat "$WORK/tcpdump.err")"

# --- 4. start pptpd (PAC) in the foreground with our config -------------------
ip netns exec "$NS_PAC" timeout 90 /usr/sbin/pptpd -f -c "$WORK/pptpd.conf" \
    >"$WORK/pptpd.out" 2>&1 &
PIDS+=($!)
PPTPD_PID=$!
for _ in $(seq 50); do
    ip netns exec "$NS_PAC" ss -ltn 2>/dev/null | grep -q ":1723 " && break
    sleep 0.1
done
ip netns exec "$NS_PAC" ss -ltn | grep -q ":1723 " || die "pptpd is not listening: $(cat "$WORK/pptpd.out")"

# --- 5. the call: pptp-linux (PNS) under the PNS-side stand-in ----------------
# The stand-in runs pptp with a socketpair as its stdin/stdout (as pppd's
# "pty" option would), brings PPP up, pings, idles, terminates LCP and then
# sends SIGTERM to pptp, which clears the call.  --idle-wait 2 makes the
# control connection's Echo-Request come after 2 s of silence instead of 60.
# (pptp-linux 1.10.0 accepts --max-echo-wait but says it is not implemented.)
log "running the session (about $HOLD s of hold time plus 4 s)"
ip netns exec "$NS_PNS" timeout 60 "$PY" "$HERE/fake-pppd.py" role pns \
    logfile "$WORK/ppp.log" hold "$HOLD" maxtime 45 user pns-user password pns-secret \
    pty "/usr/sbin/pptp $IP_PAC --nolaunchpppd --nohostroute --idle-wait 2 --loglevel 1 $PPTP_OPTS" \
    || log "PNS stand-in exited with status $?"

# Let the control connection finish closing (TIME-WAIT does not count), then
# stop pptpd and the capture.
for _ in $(seq 50); do
    ip netns exec "$NS_PNS" ss -Htan exclude time-wait "( dport = :1723 )" 2>/dev/null | grep -q . || break
    sleep 0.1
done
sleep 0.5
kill -TERM "$PPTPD_PID" 2>/dev/null || true
wait "$PPTPD_PID" 2>/dev/null || true
sleep 0.3
kill -TERM "$TCPDUMP_PID" 2>/dev/null || true
wait "$TCPDUMP_PID" 2>/dev/null || true

[ -s "$WORK/capture.pcap" ] || die "empty capture"
log "stand-in trace:"
sed 's/^/    /' "$WORK/ppp.log" >&2
cp "$WORK/capture.pcap" "$OUT"
log "wrote $OUT ($(stat -c %s "$OUT") bytes)"

# --- 6. compact decode, so a reader can see the session without Wireshark -----
# Three tables (tab-separated, tshark field names as headers): every frame in
# one line, then the PPTP control messages, then the GRE packets.  Outer IP
# addresses only (-E occurrence=f), since GRE packets carrying IPv4 have two.
tshark_fields() {
    tshark -r "$OUT" -T fields -E header=y -E separator=/t -E occurrence=f "$@" 2>/dev/null
}
{
    echo "# $(basename "$OUT"), decoded by TShark $(tshark -v 2>/dev/null | head -1 | awk '{print $3}')"
    echo "# regenerate with: sudo test/captures/make-real-capture.sh"
    echo
    echo "## all frames"
    tshark_fields -e frame.number -e frame.time_relative -e ip.src -e ip.dst -e frame.len \
        -e _ws.col.Protocol -e _ws.col.Info
    echo
    echo "## PPTP control messages (TCP 1723)"
    tshark_fields -Y pptp -e frame.number -e ip.src -e ip.dst \
        -e pptp.length -e pptp.type -e pptp.control_message_type \
        -e pptp.call_id -e pptp.peer_call_id -e pptp.call_serial_number \
        -e pptp.packet_receive_window_size -e pptp.packet_processing_delay \
        -e pptp.identifier -e pptp.control_result -e pptp.out_result -e pptp.echo_result \
        -e pptp.error -e pptp.maximum_channels -e pptp.firmware_revision \
        -e pptp.host_name -e pptp.vendor_name
    echo
    echo "## GRE packets (IP protocol 47)"
    tshark_fields -Y gre -e frame.number -e ip.src -e ip.dst \
        -e gre.flags_and_version -e gre.proto -e gre.key.payload_length -e gre.key.call_id \
        -e gre.sequence_number -e gre.ack_number \
        -e ppp.protocol -e ppp.code -e ppp.identifier -e pap.code -e icmp.type -e icmp.seq
    echo
    echo "## frames tshark flags as malformed (tshark -Y _ws.malformed)"
    malformed=$(tshark -r "$OUT" -Y _ws.malformed 2>/dev/null) || die "tshark failed"
    echo "${malformed:-none}"
    echo
    echo "## frames with expert info of severity error (tshark -Y '_ws.expert.severity == error')"
    errors=$(tshark -r "$OUT" -Y '_ws.expert.severity == error' 2>/dev/null) || die "tshark failed"
    echo "${errors:-none}"
    echo
    echo "## all expert info (severity 2097152 = chat, 4194304 = note, 6291456 = warning)"
    tshark_fields -Y _ws.expert -E occurrence=a -E aggregator=, \
        -e frame.number -e _ws.expert.severity -e _ws.expert.message
} >"$TABLE"
[ -z "$malformed" ] || log "warning: tshark reports malformed frames, see $TABLE"
[ -z "$errors" ] || log "warning: tshark reports expert errors, see $TABLE"
log "wrote $TABLE"
