/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-control-connection.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ppp-session.h"
#include "pptp-gre-channel.h"
#include "pptp-node-state.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpControlConnection");

NS_OBJECT_ENSURE_REGISTERED(PptpControlConnection);

TypeId
PptpControlConnection::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpControlConnection")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpControlConnection>()
              .AddAttribute("EchoInterval",
                            "Idle time (nothing received) after which an Echo-Request is sent.",
                            TimeValue(Seconds(60)),
                            MakeTimeAccessor(&PptpControlConnection::m_echoInterval),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("EchoReplyTimeout",
                            "How long to wait for the Echo-Reply before counting a miss.",
                            TimeValue(Seconds(60)),
                            MakeTimeAccessor(&PptpControlConnection::m_echoReplyTimeout),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("EchoMaxMisses",
                            "Unanswered Echo-Requests in a row after which the peer is declared "
                            "dead. With interval I, timeout T and misses M, a silent peer is "
                            "declared dead I + M*T after the last message received from it. "
                            "0 disables the keepalive.",
                            UintegerValue(1),
                            MakeUintegerAccessor(&PptpControlConnection::m_echoMaxMisses),
                            MakeUintegerChecker<uint32_t>())
              .AddAttribute("ReplyTimeout",
                            "How long to wait for an expected reply (Start- and Stop-Control-"
                            "Connection-Reply, Outgoing- and Incoming-Call-Reply, Incoming-Call-"
                            "Connected, Call-Disconnect-Notify) before giving up; a PNS "
                            "confirming an ending it started waits PnsClearTimeout instead.",
                            TimeValue(Seconds(60)),
                            MakeTimeAccessor(&PptpControlConnection::m_replyTimeout),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("PnsClearTimeout",
                            "How long a PNS waits for the peer to confirm an ending it started "
                            "(Call-Disconnect-Notify after its Call-Clear-Request, Stop-Control-"
                            "Connection-Reply after its Request) before it goes on regardless. "
                            "pptp-linux gives each 2 s; 0: ReplyTimeout. The PAC always waits "
                            "ReplyTimeout.",
                            TimeValue(Seconds(2)),
                            MakeTimeAccessor(&PptpControlConnection::m_pnsClearTimeout),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("ReceiveWindow",
                            "Packet Receive Window Size advertised for each call.",
                            UintegerValue(64),
                            MakeUintegerAccessor(&PptpControlConnection::m_receiveWindow),
                            MakeUintegerChecker<uint16_t>(1))
              .AddAttribute("ProcessingDelay",
                            "Packet Processing (or Transmit) Delay advertised, in 1/10 s.",
                            UintegerValue(0),
                            MakeUintegerAccessor(&PptpControlConnection::m_processingDelay),
                            MakeUintegerChecker<uint16_t>())
              .AddAttribute("ConnectSpeed",
                            "Connect Speed a PAC reports for its calls (bits/s).",
                            UintegerValue(10000000),
                            MakeUintegerAccessor(&PptpControlConnection::m_connectSpeed),
                            MakeUintegerChecker<uint32_t>())
              .AddAttribute("MinimumBps",
                            "Minimum BPS a PNS asks for in Outgoing-Call-Request.",
                            UintegerValue(2400),
                            MakeUintegerAccessor(&PptpControlConnection::m_minimumBps),
                            MakeUintegerChecker<uint32_t>())
              .AddAttribute("MaximumBps",
                            "Maximum BPS a PNS asks for in Outgoing-Call-Request.",
                            UintegerValue(10000000),
                            MakeUintegerAccessor(&PptpControlConnection::m_maximumBps),
                            MakeUintegerChecker<uint32_t>())
              .AddAttribute("MaximumChannels",
                            "Maximum Channels advertised in Start-Control-Connection messages.",
                            UintegerValue(0),
                            MakeUintegerAccessor(&PptpControlConnection::m_maxChannels),
                            MakeUintegerChecker<uint16_t>())
              .AddAttribute("FirmwareRevision",
                            "Firmware Revision advertised.",
                            UintegerValue(0x0100),
                            MakeUintegerAccessor(&PptpControlConnection::m_firmwareRevision),
                            MakeUintegerChecker<uint16_t>())
              .AddAttribute("HostName",
                            "Host Name advertised (up to 64 bytes).",
                            StringValue("ns3-pptp"),
                            MakeStringAccessor(&PptpControlConnection::m_hostName),
                            MakeStringChecker())
              .AddAttribute("VendorString",
                            "Vendor String advertised (up to 64 bytes).",
                            StringValue("ns-3 PPTP model"),
                            MakeStringAccessor(&PptpControlConnection::m_vendorString),
                            MakeStringChecker())
              .AddAttribute("SendSetLinkInfo",
                            "Send Set-Link-Info when a call is established and before clearing "
                            "it, as the routers of the classic LAN-to-LAN capture do (in both "
                            "directions; RFC 2637 defines it PNS to PAC).",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PptpControlConnection::m_sendSetLinkInfo),
                            MakeBooleanChecker())
              .AddAttribute("AcceptIncomingCalls",
                            "PNS: accept Incoming-Call-Requests from the PAC.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PptpControlConnection::m_acceptIncomingCalls),
                            MakeBooleanChecker())
              .AddAttribute("WanErrorNotifyInterval",
                            "PAC: how often to report WAN error counters that changed "
                            "(WAN-Error-Notify; the RFC allows at most one per 60 s). "
                            "0 disables the reports.",
                            TimeValue(Seconds(0)),
                            MakeTimeAccessor(&PptpControlConnection::m_wanErrorInterval),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("MaxMessageSize",
                            "Largest Length taken as the start of a control message when "
                            "framing the TCP stream.",
                            UintegerValue(1024),
                            MakeUintegerAccessor(&PptpControlConnection::m_maxMessageSize),
                            MakeUintegerChecker<uint32_t>(220))
              .AddAttribute("MaxSendQueue",
                            "Bytes of control messages that may wait for room in TCP's send "
                            "buffer. A peer that sends requests but does not read the replies "
                            "(an Echo-Request flood, say) fills it; the connection is then "
                            "closed, with a drop counted (send-queue-full).",
                            UintegerValue(65536),
                            MakeUintegerAccessor(&PptpControlConnection::m_maxSendQueue),
                            MakeUintegerChecker<uint32_t>(1024))
              .AddAttribute("DataPlane",
                            "Carry PPP in Enhanced GRE for each call: LCP, authentication, "
                            "IPCP and a tunnel interface. Off, calls are control-plane only.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PptpControlConnection::m_dataPlane),
                            MakeBooleanChecker())
              .AddAttribute("TunnelNetworks",
                            "PNS: networks routed through each tunnel once it is up, as "
                            "\"a.b.c.d/len,...\" (the peer's tunnel address always is).",
                            StringValue(""),
                            MakeStringAccessor(&PptpControlConnection::m_tunnelNetworks),
                            MakeStringChecker())
              .AddTraceSource("TunnelUp",
                              "A call's tunnel interface came up (IPCP open), with the time "
                              "since the control connection (or the call) was started.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_tunnelUpTrace),
                              "ns3::PptpControlConnection::TunnelUpTracedCallback")
              .AddTraceSource("TunnelDown",
                              "A call's tunnel interface went down, with the cause.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_tunnelDownTrace),
                              "ns3::PptpControlConnection::CallDownTracedCallback")
              .AddTraceSource("Tx",
                              "A control message was sent.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_txTrace),
                              "ns3::PptpControlConnection::MessageTracedCallback")
              .AddTraceSource("Rx",
                              "A well-formed control message was received.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_rxTrace),
                              "ns3::PptpControlConnection::MessageTracedCallback")
              .AddTraceSource("State",
                              "The control connection changed state.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_stateTrace),
                              "ns3::PptpControlConnection::StateTracedCallback")
              .AddTraceSource("CallState",
                              "A call changed state.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_callStateTrace),
                              "ns3::PptpControlConnection::CallStateTracedCallback")
              .AddTraceSource("Drop",
                              "Received bytes or a message were dropped (malformed, or not "
                              "legal in the current state), with a reason.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_dropTrace),
                              "ns3::PptpControlConnection::DropTracedCallback")
              .AddTraceSource("CallUp",
                              "A call (tunnel) was established, with its set-up latency.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_callUpTrace),
                              "ns3::PptpControlConnection::CallUpTracedCallback")
              .AddTraceSource("CallDown",
                              "A call (tunnel) ended, with its cause.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_callDownTrace),
                              "ns3::PptpControlConnection::CallDownTracedCallback")
              .AddTraceSource("Established",
                              "The control connection was established.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_establishedTrace),
                              "ns3::PptpControlConnection::ConnectionTracedCallback")
              .AddTraceSource("Closed",
                              "The control connection ended, with its cause.",
                              MakeTraceSourceAccessor(&PptpControlConnection::m_closedTrace),
                              "ns3::PptpControlConnection::ConnectionTracedCallback");
    return tid;
}

PptpControlConnection::PptpControlConnection()
{
    m_channelFactory.SetTypeId(PptpGreChannel::GetTypeId());
    m_pppFactory.SetTypeId(PppSession::GetTypeId());
}

PptpControlConnection::~PptpControlConnection() = default;

void
PptpControlConnection::DoDispose()
{
    m_keepalive.Stop();
    m_controlTimer.Cancel();
    m_wanErrorTimer.Cancel();
    m_calls.Dispose();
    m_callSettings.reset();
    if (m_socket)
    {
        ReleaseSocketCallbacks();
    }
    m_socket = nullptr;
    m_node = nullptr;
    m_admitCall = Callback<bool>();
    Object::DoDispose();
}

std::string
PptpControlConnection::StateName(State state)
{
    switch (state)
    {
        case State::IDLE:
            return "idle";
        case State::WAIT_CTL_REPLY:
            return "wait-ctl-reply";
        case State::ESTABLISHED:
            return "established";
        case State::WAIT_STOP_REPLY:
            return "wait-stop-reply";
        case State::CLOSED:
            return "closed";
    }
    return "unknown";
}

std::string
PptpControlConnection::RoleName(Role role)
{
    return role == Role::PNS ? "PNS" : "PAC";
}

std::ostream&
operator<<(std::ostream& os, PptpControlConnection::State state)
{
    return os << PptpControlConnection::StateName(state);
}

void
PptpControlConnection::Setup(
    Ptr<Node> node, Ptr<Socket> socket, Role role, bool originator, Time startTime)
{
    NS_LOG_FUNCTION(this << node << socket << RoleName(role) << originator);
    m_node = node;
    m_socket = socket;
    m_role = role;
    m_originator = originator;
    m_startTime = startTime;

    Address local;
    Address peer;
    socket->GetSockName(local);
    socket->GetPeerName(peer);
    m_localAddress = InetSocketAddress::ConvertFrom(local).GetIpv4();
    m_peerAddress = InetSocketAddress::ConvertFrom(peer).GetIpv4();

    PptpKeepalive::Handler keepalive;
    keepalive.canSend = [this]()
    {
        return m_state == State::ESTABLISHED;
    };
    keepalive.send = [this](uint32_t id)
    {
        PptpEchoRequest request;
        request.identifier = id;
        Send(request);
    };
    keepalive.dead = [this]()
    {
        Close(PptpDownCause::KEEPALIVE_TIMEOUT);
    };
    keepalive.hold = [this]()
    {
        return Ptr<Object>(this);
    };
    m_keepalive.Configure(m_echoInterval, m_echoReplyTimeout, m_echoMaxMisses, keepalive);
    PptpControlStream::Handler stream;
    stream.message = [this](const PptpControlMessage& m)
    {
        Receive(m);
    };
    stream.drop
        = [this](PptpControlDropReason reason, PptpDecodeError error, const std::string& detail)
    {
        Drop(reason, error, detail);
    };
    stream.broken = [this]()
    {
        Close(PptpDownCause::PROTOCOL_ERROR);
    };
    m_stream.Attach(socket, m_maxMessageSize, m_maxSendQueue, stream);
    socket->SetRecvCallback(MakeCallback(&PptpControlConnection::HandleRead, this));
    socket->SetSendCallback(MakeCallback(&PptpControlConnection::HandleSend, this));
    socket->SetCloseCallbacks(MakeCallback(&PptpControlConnection::HandlePeerClose, this),
                              MakeCallback(&PptpControlConnection::HandleError, this));
    SetUpCalls();
    PptpNodeState::Get(node)->AddConnection(m_peerAddress, this);
}

void
PptpControlConnection::Start()
{
    NS_LOG_FUNCTION(this);
    Ptr<PptpControlConnection> self = this;
    if (!m_originator || m_state != State::IDLE)
    {
        // The receiver waits for the peer's request; the RFC gives it no timer for that,
        // but a peer that never speaks holds a socket forever, so bound the wait.
        m_controlTimer = Simulator::Schedule(
            m_replyTimeout, &PptpControlConnection::ControlReplyTimedOut, this);
        return;
    }
    PptpStartControlConnectionRequest request;
    FillStartFields(request);
    Send(request);
    SetState(State::WAIT_CTL_REPLY);
    m_controlTimer
        = Simulator::Schedule(m_replyTimeout, &PptpControlConnection::ControlReplyTimedOut, this);
}

template<class T>
void
PptpControlConnection::FillStartFields(T& message) const
{
    message.protocolVersion = PPTP_PROTOCOL_VERSION;
    message.framingCapabilities = PPTP_FRAMING_EITHER;
    message.bearerCapabilities = PPTP_BEARER_EITHER;
    message.maximumChannels = m_role == Role::PAC ? m_maxChannels : 0;
    message.firmwareRevision = m_firmwareRevision;
    message.hostName = m_hostName;
    message.vendorString = m_vendorString;
}

void
PptpControlConnection::SetCallAdmission(Callback<bool> admit)
{
    m_admitCall = admit;
}

void
PptpControlConnection::SetDataPlaneFactories(const ObjectFactory& channel, const ObjectFactory& ppp)
{
    m_channelFactory = channel;
    m_pppFactory = ppp;
}

void
PptpControlConnection::SetPppRandomVariable(Ptr<UniformRandomVariable> random)
{
    m_pppRandom = random;
}

void
PptpControlConnection::SetTunnelAddressing(Ipv4Address local,
                                           Callback<Ipv4Address> allocate,
                                           Callback<void, Ipv4Address> release)
{
    m_tunnelLocal = local;
    m_allocateAddress = allocate;
    m_releaseAddress = release;
}

// ---- sending and receiving ------------------------------------------------------------

void
PptpControlConnection::Send(const PptpControlMessage& message)
{
    if (!m_socket || m_state == State::CLOSED)
    {
        return;
    }
    NS_LOG_LOGIC(m_localAddress << " -> " << m_peerAddress << " " << message.GetInfo().rfcName);
    m_txTrace(this, message);
    m_stream.Send(message);
}

void
PptpControlConnection::HandleSend(Ptr<Socket> socket, uint32_t available)
{
    m_stream.Flush();
}

void
PptpControlConnection::HandleRead(Ptr<Socket> socket)
{
    // Every entry from outside (socket, timers, the application) holds this connection while
    // it runs: a trace it fires (Closed) may make its owner let it go.
    Ptr<PptpControlConnection> self = this;
    m_stream.Read();
}

void
PptpControlConnection::Receive(const PptpControlMessage& message)
{
    m_rxTrace(this, message);
    m_keepalive.Received(m_state == State::ESTABLISHED); // anything received shows it alive
    std::visit(
        [this](const auto& body)
        {
            Handle(body);
        },
        message.GetBody());
}

void
PptpControlConnection::Drop(PptpControlDropReason reason,
                            PptpDecodeError error,
                            const std::string& detail)
{
    ++m_drops;
    NS_LOG_WARN(m_localAddress << " dropped from " << m_peerAddress << ": "
                               << PptpControlDropName(reason, error) << " (" << detail << ")");
    m_dropTrace(this, reason, error, detail);
}

void
PptpControlConnection::DropIllegal(const PptpControlMessage& message, const std::string& why)
{
    Drop(PptpControlDropReason::ILLEGAL_IN_STATE,
         PptpDecodeError::NONE,
         std::string(message.GetInfo().rfcName) + " " + why + " (state " + StateName(m_state)
             + ", role " + RoleName(m_role) + ")");
}

// ---- control connection ---------------------------------------------------------------

void
PptpControlConnection::SetState(State state)
{
    if (state == m_state)
    {
        return;
    }
    State old = m_state;
    m_state = state;
    NS_LOG_INFO(m_localAddress << " control connection to " << m_peerAddress << ": " << old
                               << " -> " << state);
    m_stateTrace(this, old, state);
}

void
PptpControlConnection::SendStartReply(PptpStartResult result, PptpGeneralError error)
{
    PptpStartControlConnectionReply reply;
    FillStartFields(reply);
    reply.resultCode = result;
    reply.errorCode = error;
    Send(reply);
}

bool
PptpControlConnection::ResolveCollision()
{
    for (const auto& other : PptpNodeState::Get(m_node)->GetConnections(m_peerAddress))
    {
        if (other == this || !other->m_originator || other->m_state != State::WAIT_CTL_REPLY)
        {
            continue;
        }
        // Two requests crossed: the higher address keeps the connection it opened.
        if (m_localAddress.Get() > m_peerAddress.Get())
        {
            NS_LOG_INFO(m_localAddress << " wins the collision with " << m_peerAddress);
            m_collided = true;
            return true; // ignore the loser's request; it will close this connection
        }
        NS_LOG_INFO(m_localAddress << " loses the collision with " << m_peerAddress);
        other->Abort(PptpDownCause::COLLISION);
        return false;
    }
    return false;
}

void
PptpControlConnection::Handle(const PptpStartControlConnectionRequest& m)
{
    if (m_originator || m_state != State::IDLE)
    {
        DropIllegal(PptpControlMessage(m), "not expected");
        if (m_state == State::ESTABLISHED)
        {
            SendStartReply(PptpStartResult::CHANNEL_EXISTS, PptpGeneralError::NONE);
        }
        return;
    }
    m_peerInfo = m;
    if (ResolveCollision())
    {
        m_controlTimer.Cancel();
        return;
    }
    if (m.protocolVersion != PPTP_PROTOCOL_VERSION)
    {
        SendStartReply(PptpStartResult::VERSION_NOT_SUPPORTED, PptpGeneralError::NONE);
        Close(PptpDownCause::PROTOCOL_ERROR);
        return;
    }
    for (const auto& other : PptpNodeState::Get(m_node)->GetConnections(m_peerAddress))
    {
        if (other != this && other->m_state == State::ESTABLISHED)
        {
            // One control connection per pair of peers.
            SendStartReply(PptpStartResult::CHANNEL_EXISTS, PptpGeneralError::NONE);
            Close(PptpDownCause::PROTOCOL_ERROR);
            return;
        }
    }
    SendStartReply(PptpStartResult::SUCCESS, PptpGeneralError::NONE);
    EnterEstablished();
}

void
PptpControlConnection::Handle(const PptpStartControlConnectionReply& m)
{
    if (!m_originator || m_state != State::WAIT_CTL_REPLY)
    {
        DropIllegal(PptpControlMessage(m), "not expected");
        return;
    }
    m_controlTimer.Cancel();
    m_peerInfo.protocolVersion = m.protocolVersion;
    m_peerInfo.framingCapabilities = m.framingCapabilities;
    m_peerInfo.bearerCapabilities = m.bearerCapabilities;
    m_peerInfo.maximumChannels = m.maximumChannels;
    m_peerInfo.firmwareRevision = m.firmwareRevision;
    m_peerInfo.hostName = m.hostName;
    m_peerInfo.vendorString = m.vendorString;
    if (m.resultCode != PptpStartResult::SUCCESS)
    {
        NS_LOG_INFO("control connection refused: " << PptpCodeName(m.resultCode));
        Close(PptpDownCause::CALL_REFUSED);
        return;
    }
    EnterEstablished();
}

void
PptpControlConnection::EnterEstablished()
{
    m_controlTimer.Cancel();
    SetState(State::ESTABLISHED);
    m_establishedTrace(this, PptpDownCause::NONE);
    m_keepalive.RestartIdle();
    if (m_role == Role::PAC && !m_wanErrorInterval.IsZero())
    {
        m_wanErrorTimer = Simulator::Schedule(
            m_wanErrorInterval, &PptpControlConnection::SendWanErrorNotifies, this);
    }
    m_calls.SendPending();
}

void
PptpControlConnection::Handle(const PptpStopControlConnectionRequest& m)
{
    PptpStopControlConnectionReply reply;
    reply.resultCode = PptpStopResult::OK;
    Send(reply);
    // The requester closes TCP once it has the reply; end everything here now.
    Close(PptpDownCause::PEER_STOP);
}

void
PptpControlConnection::Handle(const PptpStopControlConnectionReply& m)
{
    if (m_state != State::WAIT_STOP_REPLY)
    {
        DropIllegal(PptpControlMessage(m), "not expected");
        return;
    }
    Close(PptpDownCause::LOCAL_STOP);
}

void
PptpControlConnection::Handle(const PptpEchoRequest& m)
{
    PptpEchoReply reply;
    reply.identifier = m.identifier;
    if (m_state == State::ESTABLISHED || m_state == State::WAIT_STOP_REPLY)
    {
        reply.resultCode = PptpEchoResult::OK;
    }
    else
    {
        reply.resultCode = PptpEchoResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::NOT_CONNECTED;
        DropIllegal(PptpControlMessage(m), "before the control connection is established");
    }
    Send(reply);
}

void
PptpControlConnection::Handle(const PptpEchoReply&)
{
    // Liveness was noted on receipt; a reply needs nothing more.
}

void
PptpControlConnection::Stop(PptpStopReason reason)
{
    NS_LOG_FUNCTION(this);
    Ptr<PptpControlConnection> self = this;
    if (m_state == State::CLOSED || m_state == State::WAIT_STOP_REPLY
        || m_downCause != PptpDownCause::NONE)
    {
        return; // over, stopping, or being closed (a call's end it reports may bring us here)
    }
    if (m_state != State::ESTABLISHED)
    {
        Close(PptpDownCause::LOCAL_STOP);
        return;
    }
    m_stopping = true;
    m_stopReason = reason;
    m_calls.ClearAll();
    ContinueStop();
}

void
PptpControlConnection::ContinueStop()
{
    if (!m_stopping || m_state != State::ESTABLISHED || !m_calls.IsEmpty())
    {
        return;
    }
    PptpStopControlConnectionRequest request;
    request.reason = m_stopReason;
    Send(request);
    SetState(State::WAIT_STOP_REPLY);
    m_keepalive.CancelIdle();
    m_controlTimer = Simulator::Schedule(
        ConfirmationTimeout(), &PptpControlConnection::ControlReplyTimedOut, this);
}

void
PptpControlConnection::Abort(PptpDownCause cause)
{
    Ptr<PptpControlConnection> self = this;
    Close(cause);
}

void
PptpControlConnection::ControlReplyTimedOut()
{
    Ptr<PptpControlConnection> self = this;
    NS_LOG_INFO(m_localAddress << " no reply from " << m_peerAddress << " in state " << m_state);
    if (m_state == State::WAIT_STOP_REPLY)
    {
        Close(PptpDownCause::LOCAL_STOP);
    }
    else
    {
        Close(PptpDownCause::PROTOCOL_ERROR);
    }
}

void
PptpControlConnection::Close(PptpDownCause cause)
{
    if (m_state == State::CLOSED)
    {
        return;
    }
    if (m_collided)
    {
        cause = PptpDownCause::COLLISION;
    }
    NS_LOG_FUNCTION(this << cause);
    m_downCause = cause;
    m_keepalive.Stop();
    m_controlTimer.Cancel();
    m_wanErrorTimer.Cancel();
    m_calls.EndAll(cause); // calls die with the connection; their cause is the connection's
    // Flush what is queued (e.g. a Stop-Control-Connection-Reply) before closing.
    if (m_socket)
    {
        m_stream.Flush();
    }
    m_stream.Detach();
    SetState(State::CLOSED);
    if (m_socket)
    {
        // Nothing more comes from the socket: the connection may be let go once it is closed.
        ReleaseSocketCallbacks();
        m_socket->Close();
    }
    PptpNodeState::Get(m_node)->RemoveConnection(m_peerAddress, this);
    m_closedTrace(this, cause);
}

void
PptpControlConnection::ReleaseSocketCallbacks()
{
    m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    m_socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    m_socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                MakeNullCallback<void, Ptr<Socket>>());
}

void
PptpControlConnection::HandlePeerClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this);
    Ptr<PptpControlConnection> self = this;
    Close(m_state == State::WAIT_STOP_REPLY ? PptpDownCause::LOCAL_STOP : PptpDownCause::PEER_STOP);
}

void
PptpControlConnection::HandleError(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this);
    Ptr<PptpControlConnection> self = this;
    Close(PptpDownCause::TCP_FAILURE);
}

// ---- calls ----------------------------------------------------------------------------

std::shared_ptr<const PptpCall::Settings>
PptpControlConnection::CallSettings() const
{
    auto s = std::make_shared<PptpCall::Settings>();
    s->pns = m_role == Role::PNS;
    s->node = m_node;
    s->localAddress = m_localAddress;
    s->peerAddress = m_peerAddress;
    s->replyTimeout = m_replyTimeout;
    s->confirmationTimeout = ConfirmationTimeout();
    s->receiveWindow = m_receiveWindow;
    s->processingDelay = m_processingDelay;
    s->connectSpeed = m_connectSpeed;
    s->minimumBps = m_minimumBps;
    s->maximumBps = m_maximumBps;
    s->sendSetLinkInfo = m_sendSetLinkInfo;
    s->dataPlane = m_dataPlane;
    s->tunnelNetworks = m_tunnelNetworks;
    s->channelFactory = m_channelFactory;
    s->pppFactory = m_pppFactory;
    s->pppRandom = m_pppRandom;
    s->tunnelLocal = m_tunnelLocal;
    if (!m_allocateAddress.IsNull())
    {
        s->allocateAddress = m_allocateAddress; // ns-3 Callbacks are callables
    }
    if (!m_releaseAddress.IsNull())
    {
        s->releaseAddress = m_releaseAddress;
    }
    return s;
}

Time
PptpControlConnection::ConfirmationTimeout() const
{
    // pptp-linux's call manager, ending a call, sends Call-Clear-Request and then
    // Stop-Control-Connection-Request, allowing each 2 s, and closes whatever came back.
    return m_role == Role::PNS && !m_pnsClearTimeout.IsZero() ? m_pnsClearTimeout : m_replyTimeout;
}

namespace
{

/// \return a function firing a trace source with its arguments (the source outlives it)
template<class... Args>
std::function<void(Args...)>
Forward(TracedCallback<Args...>& trace)
{
    return [&trace](Args... args)
    {
        trace(args...);
    };
}

} // namespace

void
PptpControlConnection::SetUpCalls()
{
    PptpCallSet::Host host;
    host.settings = [this]()
    {
        if (!m_callSettings)
        {
            m_callSettings = CallSettings();
        }
        return m_callSettings;
    };
    host.send = [this](const PptpControlMessage& m)
    {
        Send(m);
    };
    host.illegal = [this](const PptpControlMessage& m, const std::string& why)
    {
        DropIllegal(m, why);
    };
    host.stateChanged = Forward(m_callStateTrace);
    host.established = Forward(m_callUpTrace);
    host.tunnelUp = Forward(m_tunnelUpTrace);
    host.tunnelDown = Forward(m_tunnelDownTrace);
    host.ended = [this](Ptr<PptpCall> call, PptpDownCause cause)
    {
        m_callDownTrace(call, cause);
        call->SetControlConnection(nullptr);
        ContinueStop();
    };
    host.hold = [this]()
    {
        return Ptr<Object>(this);
    };
    m_calls.Setup(m_node, this, host);
}

PptpCallSet::Situation
PptpControlConnection::GetSituation() const
{
    PptpCallSet::Situation situation;
    situation.established = m_state == State::ESTABLISHED;
    situation.stopping = m_stopping;
    situation.ending = m_state == State::CLOSED || m_state == State::WAIT_STOP_REPLY;
    situation.startTime = m_startTime;
    return situation;
}

Ptr<PptpCall>
PptpControlConnection::PlaceOutgoingCall()
{
    NS_LOG_FUNCTION(this);
    Ptr<PptpControlConnection> self = this;
    return m_calls.PlaceOutgoing(GetSituation());
}

Ptr<PptpCall>
PptpControlConnection::PlaceIncomingCall()
{
    NS_LOG_FUNCTION(this);
    Ptr<PptpControlConnection> self = this;
    return m_calls.PlaceIncoming(GetSituation());
}

void
PptpControlConnection::ClearCall(Ptr<PptpCall> call)
{
    NS_LOG_FUNCTION(this << call);
    Ptr<PptpControlConnection> self = this;
    if (call && call->GetControlConnection() == this)
    {
        call->Clear(PptpDownCause::CALL_CLEAR);
    }
}

void
PptpControlConnection::Handle(const PptpOutgoingCallRequest& m)
{
    m_calls.Receive(m, GetSituation(), m_admitCall);
}

void
PptpControlConnection::Handle(const PptpIncomingCallRequest& m)
{
    m_calls.Receive(m, GetSituation(), m_acceptIncomingCalls);
}

void
PptpControlConnection::SendWanErrorNotifies()
{
    Ptr<PptpControlConnection> self = this;
    m_calls.ReportWanErrors();
    m_wanErrorTimer = Simulator::Schedule(
        m_wanErrorInterval, &PptpControlConnection::SendWanErrorNotifies, this);
}

uint32_t
PptpControlConnection::GetEstablishedCallCount() const
{
    return m_calls.CountEstablished();
}

// ---- accessors ------------------------------------------------------------------------

PptpControlConnection::State
PptpControlConnection::GetState() const
{
    return m_state;
}

PptpControlConnection::Role
PptpControlConnection::GetRole() const
{
    return m_role;
}

bool
PptpControlConnection::IsOriginator() const
{
    return m_originator;
}

Ipv4Address
PptpControlConnection::GetLocalAddress() const
{
    return m_localAddress;
}

Ipv4Address
PptpControlConnection::GetPeerAddress() const
{
    return m_peerAddress;
}

Ptr<Node>
PptpControlConnection::GetNode() const
{
    return m_node;
}

PptpDownCause
PptpControlConnection::GetDownCause() const
{
    return m_downCause;
}

const std::map<uint16_t, Ptr<PptpCall>>&
PptpControlConnection::GetCalls() const
{
    return m_calls.GetCalls();
}

const PptpStartControlConnectionRequest&
PptpControlConnection::GetPeerInfo() const
{
    return m_peerInfo;
}

uint64_t
PptpControlConnection::GetDropCount() const
{
    return m_drops;
}

uint32_t
PptpControlConnection::GetSendQueueSize() const
{
    return m_stream.GetQueuedBytes();
}

uint32_t
PptpControlConnection::GetEchoMisses() const
{
    return m_keepalive.GetMisses();
}

} // namespace ns3
