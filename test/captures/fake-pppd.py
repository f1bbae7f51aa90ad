#!/usr/bin/python3
"""A tiny, scripted stand-in for pppd, used to record a real PPTP session.

The machine that records test/captures/real-pptpd-session.pcap has no
/dev/ppp, so the real pppd cannot run.  PPTP itself does not care: pptpd
(PAC side) and pptp-linux (PNS side) both talk to "pppd" through a byte
stream carrying async-HDLC-framed PPP (RFC 1662), strip that framing and
put the bare PPP frames into Enhanced GRE.  This program speaks just enough
PPP over such a stream to give the capture a believable call:

  LCP   Configure-Request / Configure-Ack in both directions
        (MRU, ACCM 0, Magic-Number; the PAC side also asks for PAP)
  PAP   Authenticate-Request (PNS) / Authenticate-Ack (PAC)
  IPCP  the PNS asks for 0.0.0.0, the PAC naks it with the address pptpd
        gave it, the PNS asks again and gets an Ack
  IPv4  a few ICMP echo requests from the PNS, answered by the PAC
  LCP   Terminate-Request / Terminate-Ack, after a pause long enough for a
        PPTP keepalive (Echo-Request/Reply) on the control connection

Two ways to start it, both taking pppd-style words:

  PAC side, started by pptpd through the `ppp` directive of pptpd.conf.
  pptpctrl runs it as
      PROG local file OPTIONS-FILE SPEED LOCAL:REMOTE [ipparam CLIENT-IP]
  (Debian's build adds `remotenumber CLIENT-IP`), with a pty slave as
  stdin and stdout.  LOCAL:REMOTE are pptpd's
  localip/remoteip; the extra words we need (logfile, ...) go in the
  options file, one option per line, exactly as pppd would read them.

  PNS side, started by the capture script:
      fake-pppd.py role pns [OPTIONS...] pty "pptp 10.10.10.10 --nolaunchpppd"
  As pppd's own `pty` option does, it runs that command with one end of a
  socketpair as the command's stdin and stdout.  When the PPP link has been
  terminated it sends SIGTERM to the command (pptp-linux then clears the
  call) and waits for it to exit.

Options (on the command line or in a `file`):
  role pac|pns      which end we are (default: pns if `pty` is given)
  pty CMD           command to run on the other end of our byte stream
  file PATH         read more options from PATH ('#' starts a comment)
  logfile PATH      append a timestamped trace of what we do to PATH
  A.B.C.D:E.F.G.H   local and remote IPv4 addresses (pptpd passes these)
  user NAME         PAP peer-id the PNS sends      (default pns-user)
  password PW       PAP password the PNS sends     (default pns-secret)
  require-pap       PAC: ask for PAP in LCP (default on for the PAC)
  noauth            PAC: do not ask for authentication
  mru N             MRU we ask for                 (default 1400)
  magic HEX         our LCP magic number           (default per role)
  pings N           ICMP echo requests the PNS sends (default 3)
  hold SECONDS      PNS: idle time after the pings, before LCP terminate
                    (default 4.0, long enough for a PPTP keepalive)
  maxtime SECONDS   give up and exit after this long (default 40)
  local, debug, a bare speed, ipparam X, remotenumber X, plugin X,
  pptpd-original-ip X
                    accepted and ignored: pptpd passes some of them.

Everything this program sends is the same from run to run except for
timing: fixed magic numbers, fixed identifiers, fixed ICMP payloads.
"""

import os
import select
import shlex
import signal
import socket
import struct
import subprocess
import sys
import termios
import time
import tty

# --------------------------------------------------------------------------
# PPP protocol numbers and control-protocol codes we use

PROTO_IPV4 = 0x0021
PROTO_IPCP = 0x8021
PROTO_LCP = 0xC021
PROTO_PAP = 0xC023

CONF_REQ, CONF_ACK, CONF_NAK, CONF_REJ = 1, 2, 3, 4
TERM_REQ, TERM_ACK, CODE_REJ, PROTO_REJ = 5, 6, 7, 8
ECHO_REQ, ECHO_REPLY = 9, 10

LCP_OPT_MRU, LCP_OPT_ACCM, LCP_OPT_AUTH, LCP_OPT_MAGIC = 1, 2, 3, 5
IPCP_OPT_ADDR = 3

PAP_REQ, PAP_ACK, PAP_NAK = 1, 2, 3

RESTART_SECONDS = 3.0   # RFC 1661 default Restart timer
MAX_CONFIGURE = 10
MAX_TERMINATE = 3


# --------------------------------------------------------------------------
# RFC 1662 async HDLC-like framing

def _make_fcs_table():
    table = []
    for byte in range(256):
        value = byte
        for _ in range(8):
            value = (value >> 1) ^ 0x8408 if value & 1 else value >> 1
        table.append(value)
    return table


FCS_TABLE = _make_fcs_table()
FCS_INIT = 0xFFFF
FCS_GOOD = 0xF0B8


def fcs16(data, fcs=FCS_INIT):
    for byte in data:
        fcs = (fcs >> 8) ^ FCS_TABLE[(fcs ^ byte) & 0xFF]
    return fcs


def hdlc_encode(protocol, info):
    """Address/Control FF 03, 2-byte protocol, info, FCS; all escaped.

    Every byte below 0x20 is escaped, whatever the ACCM: that is what the
    default ACCM demands before LCP is up, and it is always legal after."""
    body = bytes([0xFF, 0x03]) + struct.pack("!H", protocol) + info
    fcs = fcs16(body) ^ 0xFFFF
    body += struct.pack("<H", fcs)
    out = bytearray([0x7E])
    for byte in body:
        if byte < 0x20 or byte in (0x7D, 0x7E):
            out += bytes([0x7D, byte ^ 0x20])
        else:
            out.append(byte)
    out.append(0x7E)
    return bytes(out)


class HdlcDecoder:
    """Collects bytes, yields (protocol, info) for each good frame."""

    def __init__(self, log):
        self.buf = bytearray()
        self.escaped = False
        self.log = log

    def feed(self, data):
        frames = []
        for byte in data:
            if byte == 0x7E:
                if self.buf:
                    frame = self._finish(bytes(self.buf))
                    if frame is not None:
                        frames.append(frame)
                self.buf.clear()
                self.escaped = False
            elif byte == 0x7D:
                self.escaped = True
            else:
                if self.escaped:
                    byte ^= 0x20
                    self.escaped = False
                self.buf.append(byte)
        return frames

    def _finish(self, raw):
        if len(raw) < 4:
            self.log("rx: runt frame of %d bytes dropped" % len(raw))
            return None
        if fcs16(raw) != FCS_GOOD:
            self.log("rx: bad FCS, %d bytes dropped" % len(raw))
            return None
        body = raw[:-2]
        if body[:2] == b"\xff\x03":
            body = body[2:]
        # Protocol-Field-Compression is never negotiated here, but be lenient.
        if body and body[0] & 1:
            return body[0], body[1:]
        if len(body) < 2:
            return None
        return struct.unpack("!H", body[:2])[0], body[2:]


# --------------------------------------------------------------------------
# small packet helpers

def cp_packet(code, ident, data=b""):
    return struct.pack("!BBH", code, ident, 4 + len(data)) + data


def cp_parse(info):
    if len(info) < 4:
        return None
    code, ident, length = struct.unpack("!BBH", info[:4])
    if length < 4 or length > len(info):
        return None
    return code, ident, info[4:length]


def options_parse(data):
    opts = []
    pos = 0
    while pos + 2 <= len(data):
        kind, length = data[pos], data[pos + 1]
        if length < 2 or pos + length > len(data):
            break
        opts.append((kind, data[pos + 2:pos + length]))
        pos += length
    return opts


def options_build(opts):
    return b"".join(bytes([kind, 2 + len(value)]) + value for kind, value in opts)


def inet_checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return (~total) & 0xFFFF


def ipv4_packet(src, dst, proto, payload, ident, ttl=64):
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0,
                         ttl, proto, 0, socket.inet_aton(src), socket.inet_aton(dst))
    header = header[:10] + struct.pack("!H", inet_checksum(header)) + header[12:]
    return header + payload


def icmp_echo(kind, ident, seq, payload):
    msg = struct.pack("!BBHHH", kind, 0, 0, ident, seq) + payload
    return msg[:2] + struct.pack("!H", inet_checksum(msg)) + msg[4:]


# --------------------------------------------------------------------------
# option handling (pppd-style words)

IGNORED_WITH_ARG = {"ipparam", "plugin", "pptpd-original-ip", "remotenumber",
                    "remotename", "name"}
IGNORED_FLAGS = {"local", "debug", "nodetach", "noipdefault", "lock", "nolock"}


def parse_words(words, cfg, depth=0):
    i = 0
    while i < len(words):
        word = words[i]
        arg = words[i + 1] if i + 1 < len(words) else None
        takes_arg = True
        if word == "file" and arg is not None:
            if depth < 4:
                with open(arg) as handle:
                    more = []
                    for line in handle:
                        more += shlex.split(line, comments=True)
                parse_words(more, cfg, depth + 1)
        elif word in ("role", "pty", "logfile", "user", "password"):
            cfg[word] = arg
        elif word in ("mru", "pings"):
            cfg[word] = int(arg)
        elif word in ("hold", "maxtime"):
            cfg[word] = float(arg)
        elif word == "magic":
            cfg[word] = int(arg, 16)
        elif word in IGNORED_WITH_ARG:
            pass
        else:
            takes_arg = False
            if word == "require-pap":
                cfg["auth"] = True
            elif word == "noauth":
                cfg["auth"] = False
            elif ":" in word and word.count(".") >= 3:
                local, _, remote = word.partition(":")
                cfg["local_ip"] = local or cfg.get("local_ip")
                cfg["remote_ip"] = remote or cfg.get("remote_ip")
            elif word.isdigit() or word in IGNORED_FLAGS:
                pass
            else:
                cfg.setdefault("unknown", []).append(word)
        i += 2 if takes_arg else 1


# --------------------------------------------------------------------------
# the scripted PPP peer

class Stopped(Exception):
    """Raised from the signal handler to leave the event loop at once."""


class Timer:
    def __init__(self):
        self.events = []   # (when, serial, name, callback)
        self.serial = 0

    def after(self, seconds, name, callback):
        self.cancel(name)
        self.serial += 1
        self.events.append((time.monotonic() + seconds, self.serial, name, callback))
        self.events.sort()

    def cancel(self, name):
        self.events = [event for event in self.events if event[2] != name]

    def timeout(self):
        if not self.events:
            return None
        return max(0.0, self.events[0][0] - time.monotonic())

    def run_due(self):
        now = time.monotonic()
        while self.events and self.events[0][0] <= now:
            _, _, _, callback = self.events.pop(0)
            callback()


class FakePpp:
    def __init__(self, cfg, fd, child):
        self.cfg = cfg
        self.fd = fd
        self.child = child
        self.role = cfg["role"]
        self.pac = self.role == "pac"
        self.timer = Timer()
        self.logfile = open(cfg["logfile"], "a") if cfg.get("logfile") else None
        self.decoder = HdlcDecoder(self.log)
        self.running = True

        self.next_id = 1
        # LCP
        self.lcp_opts = [(LCP_OPT_MRU, struct.pack("!H", cfg["mru"])),
                         (LCP_OPT_ACCM, struct.pack("!I", 0)),
                         (LCP_OPT_MAGIC, struct.pack("!I", cfg["magic"]))]
        if self.pac and cfg["auth"]:
            self.lcp_opts.insert(2, (LCP_OPT_AUTH, struct.pack("!H", PROTO_PAP)))
        self.lcp_req_id = None
        self.lcp_tries = 0
        self.lcp_acked_us = False
        self.lcp_acked_peer = False
        self.lcp_open = False
        self.peer_wants_pap = False
        self.peer_magic = None
        # PAP
        self.auth_done = False
        self.pap_id = None
        self.pap_tries = 0
        # IPCP
        self.my_ip = cfg.get("local_ip") if self.pac else "0.0.0.0"
        self.peer_ip = cfg.get("remote_ip") if self.pac else None
        self.ipcp_started = False
        self.ipcp_req_id = None
        self.ipcp_tries = 0
        self.ipcp_acked_us = False
        self.ipcp_acked_peer = False
        self.ipcp_open = False
        # traffic and teardown
        self.pings_sent = 0
        self.replies_seen = 0
        self.term_id = None
        self.term_tries = 0
        self.terminated = False

    # ---- plumbing -------------------------------------------------------

    def log(self, text):
        if self.logfile:
            now = time.time()
            stamp = time.strftime("%H:%M:%S", time.localtime(now)) + ".%03d" % (now % 1 * 1000)
            self.logfile.write("%s %s[%d] %s\n" % (stamp, self.role, os.getpid(), text))
            self.logfile.flush()

    def new_id(self):
        ident = self.next_id
        self.next_id = (self.next_id % 255) + 1
        return ident

    def send(self, protocol, info, what):
        self.log("tx %s" % what)
        data = hdlc_encode(protocol, info)
        while data:
            written = os.write(self.fd, data)
            data = data[written:]

    def run(self):
        self.log("started, argv=%s" % " ".join(sys.argv[1:]))
        self.timer.after(self.cfg["maxtime"], "maxtime", self.give_up)
        self.lcp_send_request()
        while self.running:
            try:
                ready, _, _ = select.select([self.fd], [], [], self.timer.timeout())
            except InterruptedError:
                continue
            if ready:
                try:
                    data = os.read(self.fd, 4096)
                except OSError as error:   # EIO: pptpd closed the pty master
                    self.log("stream closed (%s)" % error.strerror)
                    break
                if not data:
                    self.log("stream closed (EOF)")
                    break
                for protocol, info in self.decoder.feed(data):
                    self.dispatch(protocol, info)
            self.timer.run_due()
            if self.child is not None and self.child.poll() is not None and self.running:
                self.log("pty command exited early with status %s" % self.child.returncode)
                break
        self.log("done: pings sent %d, replies %d" % (self.pings_sent, self.replies_seen))

    def give_up(self):
        self.log("maxtime reached, giving up")
        self.running = False

    def dispatch(self, protocol, info):
        if protocol == PROTO_LCP:
            self.on_lcp(info)
        elif protocol == PROTO_PAP:
            self.on_pap(info)
        elif protocol == PROTO_IPCP:
            self.on_ipcp(info)
        elif protocol == PROTO_IPV4:
            self.on_ipv4(info)
        else:
            self.log("rx protocol 0x%04x, rejecting" % protocol)
            if self.lcp_open:
                data = struct.pack("!H", protocol) + info
                self.send(PROTO_LCP, cp_packet(PROTO_REJ, self.new_id(), data),
                          "LCP Protocol-Reject 0x%04x" % protocol)

    # ---- LCP ------------------------------------------------------------

    def lcp_send_request(self):
        if self.lcp_acked_us:
            return
        self.lcp_tries += 1
        if self.lcp_tries > MAX_CONFIGURE:
            self.log("LCP: no answer, giving up")
            self.running = False
            return
        if self.lcp_req_id is None or self.lcp_tries > 1:
            self.lcp_req_id = self.new_id()
        self.send(PROTO_LCP, cp_packet(CONF_REQ, self.lcp_req_id, options_build(self.lcp_opts)),
                  "LCP Configure-Request id %d" % self.lcp_req_id)
        self.timer.after(RESTART_SECONDS, "lcp", self.lcp_send_request)

    def on_lcp(self, info):
        packet = cp_parse(info)
        if packet is None:
            self.log("rx LCP: malformed")
            return
        code, ident, data = packet
        if code == CONF_REQ:
            opts = options_parse(data)
            for kind, value in opts:
                if kind == LCP_OPT_AUTH and value[:2] == struct.pack("!H", PROTO_PAP):
                    self.peer_wants_pap = True
                if kind == LCP_OPT_MAGIC and len(value) == 4:
                    self.peer_magic = struct.unpack("!I", value)[0]
            self.log("rx LCP Configure-Request id %d %s" % (ident, self.describe(opts)))
            self.send(PROTO_LCP, cp_packet(CONF_ACK, ident, data), "LCP Configure-Ack id %d" % ident)
            self.lcp_acked_peer = True
            self.lcp_maybe_up()
        elif code == CONF_ACK:
            self.log("rx LCP Configure-Ack id %d" % ident)
            if ident == self.lcp_req_id:
                self.lcp_acked_us = True
                self.timer.cancel("lcp")
                self.lcp_maybe_up()
        elif code in (CONF_NAK, CONF_REJ):
            opts = options_parse(data)
            self.log("rx LCP Configure-%s id %d %s" % ("Nak" if code == CONF_NAK else "Reject",
                                                       ident, self.describe(opts)))
            if ident == self.lcp_req_id:
                named = dict(opts)
                if code == CONF_REJ:
                    self.lcp_opts = [o for o in self.lcp_opts if o[0] not in named]
                else:
                    self.lcp_opts = [(k, named.get(k, v)) for k, v in self.lcp_opts]
                self.lcp_tries = 0
                self.lcp_send_request()
        elif code == TERM_REQ:
            self.log("rx LCP Terminate-Request id %d" % ident)
            self.send(PROTO_LCP, cp_packet(TERM_ACK, ident, data), "LCP Terminate-Ack id %d" % ident)
            self.lcp_open = False
            self.ipcp_open = False
            # A real pppd would now exit and hang up the pty.  We stay, so
            # that the call is torn down by the PNS (pptp-linux) instead.
        elif code == TERM_ACK:
            self.log("rx LCP Terminate-Ack id %d" % ident)
            if ident == self.term_id:
                self.finish()
        elif code == ECHO_REQ:
            self.log("rx LCP Echo-Request id %d" % ident)
            self.send(PROTO_LCP, cp_packet(ECHO_REPLY, ident, struct.pack("!I", self.cfg["magic"]) + data[4:]),
                      "LCP Echo-Reply id %d" % ident)
        else:
            self.log("rx LCP code %d id %d, ignored" % (code, ident))

    def lcp_maybe_up(self):
        if self.lcp_open or not (self.lcp_acked_us and self.lcp_acked_peer):
            return
        self.lcp_open = True
        self.log("LCP opened (peer magic %s)" % (
            "0x%08x" % self.peer_magic if self.peer_magic is not None else "none"))
        if self.pac:
            if not self.cfg["auth"]:
                self.auth_done = True
                self.ipcp_start()
        elif self.peer_wants_pap:
            self.pap_send_request()
        else:
            self.auth_done = True
            self.ipcp_start()

    # ---- PAP ------------------------------------------------------------

    def pap_send_request(self):
        if self.auth_done:
            return
        self.pap_tries += 1
        if self.pap_tries > MAX_CONFIGURE:
            self.log("PAP: no answer, giving up")
            self.running = False
            return
        self.pap_id = self.new_id()
        user = self.cfg["user"].encode()
        password = self.cfg["password"].encode()
        data = bytes([len(user)]) + user + bytes([len(password)]) + password
        self.send(PROTO_PAP, cp_packet(PAP_REQ, self.pap_id, data),
                  "PAP Authenticate-Request id %d user %s" % (self.pap_id, self.cfg["user"]))
        self.timer.after(RESTART_SECONDS, "pap", self.pap_send_request)

    def on_pap(self, info):
        packet = cp_parse(info)
        if packet is None:
            self.log("rx PAP: malformed")
            return
        code, ident, data = packet
        if code == PAP_REQ and self.pac:
            user = data[1:1 + data[0]] if data else b""
            self.log("rx PAP Authenticate-Request id %d user %s" % (ident, user.decode(errors="replace")))
            message = b"welcome"
            self.send(PROTO_PAP, cp_packet(PAP_ACK, ident, bytes([len(message)]) + message),
                      "PAP Authenticate-Ack id %d" % ident)
            if not self.auth_done:
                self.auth_done = True
                self.ipcp_start()
        elif code == PAP_ACK and not self.pac:
            self.log("rx PAP Authenticate-Ack id %d" % ident)
            if ident == self.pap_id and not self.auth_done:
                self.auth_done = True
                self.timer.cancel("pap")
                self.ipcp_start()
        else:
            self.log("rx PAP code %d id %d, ignored" % (code, ident))

    # ---- IPCP -----------------------------------------------------------

    def ipcp_start(self):
        if self.ipcp_started:
            return
        self.ipcp_started = True
        self.ipcp_tries = 0
        self.ipcp_send_request()

    def ipcp_send_request(self):
        if self.ipcp_acked_us:
            return
        self.ipcp_tries += 1
        if self.ipcp_tries > MAX_CONFIGURE:
            self.log("IPCP: no answer, giving up")
            self.running = False
            return
        self.ipcp_req_id = self.new_id()
        opts = [(IPCP_OPT_ADDR, socket.inet_aton(self.my_ip))]
        self.send(PROTO_IPCP, cp_packet(CONF_REQ, self.ipcp_req_id, options_build(opts)),
                  "IPCP Configure-Request id %d address %s" % (self.ipcp_req_id, self.my_ip))
        self.timer.after(RESTART_SECONDS, "ipcp", self.ipcp_send_request)

    def on_ipcp(self, info):
        packet = cp_parse(info)
        if packet is None:
            self.log("rx IPCP: malformed")
            return
        code, ident, data = packet
        opts = options_parse(data)
        address = None
        for kind, value in opts:
            if kind == IPCP_OPT_ADDR and len(value) == 4:
                address = socket.inet_ntoa(value)
        names = {CONF_REQ: "Configure-Request", CONF_ACK: "Configure-Ack",
                 CONF_NAK: "Configure-Nak", CONF_REJ: "Configure-Reject"}
        self.log("rx IPCP %s id %d address %s" % (names.get(code, "code %d" % code), ident, address))
        if not self.lcp_open:
            self.log("IPCP packet while LCP is not open, dropped")
            return
        if code == CONF_REQ:
            if not self.ipcp_started and (self.auth_done or not self.pac):
                self.ipcp_start()
            if self.pac and self.peer_ip and address != self.peer_ip:
                # The PNS does not know its address yet: tell it which one pptpd gave it.
                nak = options_build([(IPCP_OPT_ADDR, socket.inet_aton(self.peer_ip))])
                self.send(PROTO_IPCP, cp_packet(CONF_NAK, ident, nak),
                          "IPCP Configure-Nak id %d address %s" % (ident, self.peer_ip))
                return
            if not self.pac:
                self.peer_ip = address
            self.send(PROTO_IPCP, cp_packet(CONF_ACK, ident, data), "IPCP Configure-Ack id %d" % ident)
            self.ipcp_acked_peer = True
            self.ipcp_maybe_up()
        elif code == CONF_ACK and ident == self.ipcp_req_id:
            self.ipcp_acked_us = True
            self.timer.cancel("ipcp")
            self.ipcp_maybe_up()
        elif code == CONF_NAK and ident == self.ipcp_req_id and address:
            self.my_ip = address
            self.timer.cancel("ipcp")
            self.ipcp_send_request()

    def ipcp_maybe_up(self):
        if self.ipcp_open or not (self.ipcp_acked_us and self.ipcp_acked_peer):
            return
        self.ipcp_open = True
        self.log("IPCP opened: local %s, peer %s" % (self.my_ip, self.peer_ip))
        if not self.pac:
            self.timer.after(0.2, "ping", self.send_ping)

    # ---- IPv4 traffic ---------------------------------------------------

    def send_ping(self):
        if self.terminated or not self.ipcp_open:
            return
        self.pings_sent += 1
        seq = self.pings_sent
        payload = bytes(range(0x20, 0x40))          # 32 bytes, like a small ping
        icmp = icmp_echo(8, 0x5050, seq, payload)
        packet = ipv4_packet(self.my_ip, self.peer_ip, 1, icmp, 0x1000 + seq)
        self.send(PROTO_IPV4, packet, "IPv4 ICMP echo request seq %d %s -> %s" % (
            seq, self.my_ip, self.peer_ip))
        if self.pings_sent < self.cfg["pings"]:
            self.timer.after(0.3, "ping", self.send_ping)
        else:
            # Even if a reply is lost, go on to the teardown in a bounded time.
            self.timer.after(2.0, "hold", self.start_hold)

    def start_hold(self):
        if self.term_id is None and not self.timer_pending("terminate"):
            self.log("traffic done; holding %.1f s so a PPTP keepalive can happen" % self.cfg["hold"])
            self.timer.after(self.cfg["hold"], "terminate", self.send_terminate)

    def timer_pending(self, name):
        return any(event[2] == name for event in self.timer.events)

    def on_ipv4(self, packet):
        if len(packet) < 28 or packet[0] >> 4 != 4:
            self.log("rx IPv4: too short or not IPv4")
            return
        header_len = (packet[0] & 0x0F) * 4
        src = socket.inet_ntoa(packet[12:16])
        dst = socket.inet_ntoa(packet[16:20])
        proto = packet[9]
        body = packet[header_len:]
        if proto != 1 or len(body) < 8:
            self.log("rx IPv4 proto %d %s -> %s, ignored" % (proto, src, dst))
            return
        kind, _, _, ident, seq = struct.unpack("!BBHHH", body[:8])
        if kind == 8 and self.pac:
            self.log("rx IPv4 ICMP echo request seq %d %s -> %s" % (seq, src, dst))
            reply = icmp_echo(0, ident, seq, body[8:])
            out = ipv4_packet(dst, src, 1, reply, 0x2000 + seq)
            self.send(PROTO_IPV4, out, "IPv4 ICMP echo reply seq %d %s -> %s" % (seq, dst, src))
        elif kind == 0 and not self.pac:
            self.replies_seen += 1
            self.log("rx IPv4 ICMP echo reply seq %d %s -> %s" % (seq, src, dst))
            if self.replies_seen >= self.cfg["pings"]:
                self.timer.cancel("hold")
                self.start_hold()
        else:
            self.log("rx IPv4 ICMP type %d, ignored" % kind)

    # ---- teardown -------------------------------------------------------

    def send_terminate(self):
        self.term_tries += 1
        if self.term_tries > MAX_TERMINATE:
            self.log("LCP Terminate-Request unanswered, finishing anyway")
            self.finish()
            return
        self.term_id = self.new_id()
        self.terminated = True
        self.send(PROTO_LCP, cp_packet(TERM_REQ, self.term_id, b"bye"),
                  "LCP Terminate-Request id %d" % self.term_id)
        self.timer.after(RESTART_SECONDS, "terminate", self.send_terminate)

    def finish(self):
        self.timer.cancel("terminate")
        self.log("PPP link terminated")
        self.running = False

    @staticmethod
    def describe(opts):
        names = {LCP_OPT_MRU: "mru", LCP_OPT_ACCM: "accm", LCP_OPT_AUTH: "auth", LCP_OPT_MAGIC: "magic"}
        return " ".join("%s=%s" % (names.get(kind, str(kind)), value.hex()) for kind, value in opts)


# --------------------------------------------------------------------------

def stop_child(child, log):
    """SIGTERM the pty command (pptp), then wait a bounded time for it."""
    if child is None or child.poll() is not None:
        return
    log("sending SIGTERM to pty command pid %d" % child.pid)
    child.send_signal(signal.SIGTERM)
    try:
        child.wait(timeout=8)
        log("pty command exited with status %s" % child.returncode)
    except subprocess.TimeoutExpired:
        log("pty command still running after 8 s, killing it")
        child.kill()
        child.wait()


def main():
    cfg = {"mru": 1400, "pings": 3, "hold": 4.0, "maxtime": 40.0,
           "user": "pns-user", "password": "pns-secret"}
    parse_words(sys.argv[1:], cfg)
    cfg.setdefault("role", "pns" if cfg.get("pty") else "pac")
    if cfg["role"] not in ("pac", "pns"):
        sys.exit("fake-pppd: role must be pac or pns")
    cfg.setdefault("auth", cfg["role"] == "pac")
    cfg.setdefault("magic", 0x50414331 if cfg["role"] == "pac" else 0x504E5331)  # "PAC1" / "PNS1"
    if cfg["role"] == "pac" and not (cfg.get("local_ip") and cfg.get("remote_ip")):
        # pptpd passes LOCAL:REMOTE unless `delegate` is set; fall back to fixed ones.
        cfg.setdefault("local_ip", "192.168.100.1")
        cfg.setdefault("remote_ip", "192.168.100.2")

    child = None
    if cfg.get("pty"):
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        child = subprocess.Popen(shlex.split(cfg["pty"]), stdin=theirs, stdout=theirs,
                                 close_fds=True)
        theirs.close()
        fd = ours.detach()
    else:
        fd = sys.stdin.fileno()
        if os.isatty(fd):
            # pptpd hands us a pty slave: no echo, no line editing, no CR/LF
            # translation, or the HDLC bytes would be mangled.
            tty.setraw(fd, termios.TCSANOW)

    peer = FakePpp(cfg, fd, child)
    if cfg.get("unknown"):
        peer.log("ignoring unknown options: %s" % " ".join(cfg["unknown"]))
    def on_signal(number, _frame):
        raise Stopped(signal.Signals(number).name)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    try:
        peer.run()
    except Stopped as why:
        peer.log("stopped by %s" % why)
    finally:
        stop_child(child, peer.log)
    return 0


if __name__ == "__main__":
    sys.exit(main())
