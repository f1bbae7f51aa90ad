/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-control-connection.h"

#include "pptp-gre-l4-protocol.h"
#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "pptp-gre-channel.h"
#include "pptp-node-state.h"
#include "pptp-ppp-session.h"
#include "pptp-tunnel.h"

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
    m_idleTimer.SetFunction(MakeCallback(&PptpControlConnection::SendEchoRequest, this));
    m_channelFactory.SetTypeId(PptpGreChannel::GetTypeId());
    m_pppFactory.SetTypeId(PptpPppSession::GetTypeId());
}

PptpControlConnection::~PptpControlConnection() = default;

void
PptpControlConnection::DoDispose()
{
    m_idleTimer.Cancel();
    m_echoTimer.Cancel();
    m_controlTimer.Cancel();
    m_wanErrorTimer.Cancel();
    for (auto& [id, call] : m_calls)
    {
        call->Dispose();
    }
    m_calls.clear();
    m_callsByPeerId.clear();
    m_pendingCalls.clear();
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        m_socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                    MakeNullCallback<void, Ptr<Socket>>());
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

std::ostream&
operator<<(std::ostream& os, PptpCall::State state)
{
    return os << PptpCall::StateName(state);
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
    m_framer = PptpStreamFramer(m_maxMessageSize, 4096);

    Address local;
    Address peer;
    socket->GetSockName(local);
    socket->GetPeerName(peer);
    m_localAddress = InetSocketAddress::ConvertFrom(local).GetIpv4();
    m_peerAddress = InetSocketAddress::ConvertFrom(peer).GetIpv4();

    socket->SetRecvCallback(MakeCallback(&PptpControlConnection::HandleRead, this));
    socket->SetSendCallback(MakeCallback(&PptpControlConnection::HandleSend, this));
    socket->SetCloseCallbacks(MakeCallback(&PptpControlConnection::HandlePeerClose, this),
                              MakeCallback(&PptpControlConnection::HandleError, this));
    PptpNodeState::Get(node)->AddConnection(m_peerAddress, this);
}

void
PptpControlConnection::Start()
{
    NS_LOG_FUNCTION(this);
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
    std::vector<uint8_t> bytes = message.Encode();
    m_txQueue.push_back(Create<Packet>(bytes.data(), bytes.size()));
    m_txQueueBytes += bytes.size();
    m_txTrace(this, message);
    HandleSend(m_socket, m_socket->GetTxAvailable());
    if (m_txQueueBytes > m_maxSendQueue && m_state != State::CLOSED)
    {
        // TCP's buffer is full and so is ours: the peer does not read what it asks for.
        std::ostringstream os;
        os << m_txQueueBytes << " bytes wait to be sent (MaxSendQueue " << m_maxSendQueue
           << "): the peer does not read";
        Drop("send-queue-full", os.str());
        m_txQueue.clear();
        m_txQueueBytes = 0;
        Close(PptpDownCause::PROTOCOL_ERROR);
    }
}

void
PptpControlConnection::HandleSend(Ptr<Socket> socket, uint32_t available)
{
    while (!m_txQueue.empty() && socket->GetTxAvailable() >= m_txQueue.front()->GetSize())
    {
        if (socket->Send(m_txQueue.front()) < 0)
        {
            break;
        }
        m_txQueueBytes -= m_txQueue.front()->GetSize();
        m_txQueue.pop_front();
    }
}

void
PptpControlConnection::HandleRead(Ptr<Socket> socket)
{
    Ptr<Packet> packet;
    while (m_state != State::CLOSED && (packet = socket->Recv()))
    {
        if (packet->GetSize() == 0)
        {
            break;
        }
        m_framer.Append(packet);
        std::vector<uint8_t> bytes;
        uint32_t discarded = 0;
        bool more = true;
        while (more && m_state != State::CLOSED)
        {
            switch (m_framer.Next(bytes, discarded))
            {
                case PptpStreamFramer::Event::NEED_MORE:
                    more = false;
                    break;
                case PptpStreamFramer::Event::MESSAGE:
                    HandleBytes(bytes);
                    break;
                case PptpStreamFramer::Event::DISCARDED:
                {
                    std::ostringstream os;
                    os << discarded << " bytes with no control message header skipped";
                    Drop("resync", os.str());
                    break;
                }
                case PptpStreamFramer::Event::UNRECOVERABLE:
                    Drop("unrecoverable-stream", "no control message header found in the stream");
                    Close(PptpDownCause::PROTOCOL_ERROR);
                    more = false;
                    break;
            }
        }
    }
}

void
PptpControlConnection::HandleBytes(const std::vector<uint8_t>& bytes)
{
    PptpControlMessage message;
    PptpDecodeResult result = PptpControlMessage::Decode(bytes.data(), bytes.size(), message);
    if (!result.Ok())
    {
        // RFC 2637 section 3: a malformed message leaves the peers in an unknown state; the
        // control connection is closed (and may be set up again).
        Drop(PptpDecodeErrorName(result.error), result.detail);
        Close(PptpDownCause::PROTOCOL_ERROR);
        return;
    }
    m_rxTrace(this, message);
    // Anything received shows the peer is alive.
    m_echoMisses = 0;
    m_echoOutstanding = false;
    if (m_echoTimer.IsRunning())
    {
        // Out of the event list at once rather than cancelled and left to expire: one Echo
        // per interval on every connection makes that a large share of the idle events.
        Simulator::Remove(m_echoTimer);
    }
    if (m_state == State::ESTABLISHED)
    {
        RestartIdleTimer();
    }
    HandleMessage(message);
}

void
PptpControlConnection::HandleMessage(const PptpControlMessage& message)
{
    std::visit(
        [this](const auto& body)
        {
            using T = std::decay_t<decltype(body)>;
            if constexpr (std::is_same_v<T, PptpStartControlConnectionRequest>)
            {
                HandleStartRequest(body);
            }
            else if constexpr (std::is_same_v<T, PptpStartControlConnectionReply>)
            {
                HandleStartReply(body);
            }
            else if constexpr (std::is_same_v<T, PptpStopControlConnectionRequest>)
            {
                HandleStopRequest(body);
            }
            else if constexpr (std::is_same_v<T, PptpStopControlConnectionReply>)
            {
                HandleStopReply(body);
            }
            else if constexpr (std::is_same_v<T, PptpEchoRequest>)
            {
                HandleEchoRequest(body);
            }
            else if constexpr (std::is_same_v<T, PptpEchoReply>)
            {
                // Liveness was noted on receipt; a reply needs nothing more.
            }
            else if constexpr (std::is_same_v<T, PptpOutgoingCallRequest>)
            {
                HandleOutgoingCallRequest(body);
            }
            else if constexpr (std::is_same_v<T, PptpOutgoingCallReply>)
            {
                HandleOutgoingCallReply(body);
            }
            else if constexpr (std::is_same_v<T, PptpIncomingCallRequest>)
            {
                HandleIncomingCallRequest(body);
            }
            else if constexpr (std::is_same_v<T, PptpIncomingCallReply>)
            {
                HandleIncomingCallReply(body);
            }
            else if constexpr (std::is_same_v<T, PptpIncomingCallConnected>)
            {
                HandleIncomingCallConnected(body);
            }
            else if constexpr (std::is_same_v<T, PptpCallClearRequest>)
            {
                HandleCallClearRequest(body);
            }
            else if constexpr (std::is_same_v<T, PptpCallDisconnectNotify>)
            {
                HandleCallDisconnectNotify(body);
            }
            else if constexpr (std::is_same_v<T, PptpWanErrorNotify>)
            {
                HandleWanErrorNotify(body);
            }
            else if constexpr (std::is_same_v<T, PptpSetLinkInfo>)
            {
                HandleSetLinkInfo(body);
            }
        },
        message.GetBody());
}

void
PptpControlConnection::Drop(const std::string& reason, const std::string& detail)
{
    ++m_drops;
    NS_LOG_WARN(m_localAddress << " dropped from " << m_peerAddress << ": " << reason << " ("
                               << detail << ")");
    m_dropTrace(this, reason, detail);
}

void
PptpControlConnection::DropIllegal(const PptpControlMessage& message, const std::string& why)
{
    Drop("illegal-in-state",
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
PptpControlConnection::HandleStartRequest(const PptpStartControlConnectionRequest& m)
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
PptpControlConnection::HandleStartReply(const PptpStartControlConnectionReply& m)
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
    RestartIdleTimer();
    if (m_role == Role::PAC && !m_wanErrorInterval.IsZero())
    {
        m_wanErrorTimer = Simulator::Schedule(
            m_wanErrorInterval, &PptpControlConnection::SendWanErrorNotifies, this);
    }
    while (!m_pendingCalls.empty() && m_state == State::ESTABLISHED)
    {
        Ptr<PptpCall> call = m_pendingCalls.front();
        m_pendingCalls.pop_front();
        SendOutgoingCallRequest(call);
    }
}

void
PptpControlConnection::HandleStopRequest(const PptpStopControlConnectionRequest& m)
{
    PptpStopControlConnectionReply reply;
    reply.resultCode = PptpStopResult::OK;
    Send(reply);
    // The requester closes TCP once it has the reply; end everything here now.
    Close(PptpDownCause::PEER_STOP);
}

void
PptpControlConnection::HandleStopReply(const PptpStopControlConnectionReply& m)
{
    if (m_state != State::WAIT_STOP_REPLY)
    {
        DropIllegal(PptpControlMessage(m), "not expected");
        return;
    }
    Close(PptpDownCause::LOCAL_STOP);
}

void
PptpControlConnection::HandleEchoRequest(const PptpEchoRequest& m)
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
PptpControlConnection::Stop(PptpStopReason reason)
{
    NS_LOG_FUNCTION(this);
    if (m_state == State::CLOSED || m_state == State::WAIT_STOP_REPLY)
    {
        return;
    }
    if (m_state != State::ESTABLISHED)
    {
        Close(PptpDownCause::LOCAL_STOP);
        return;
    }
    m_stopping = true;
    m_stopReason = reason;
    m_pendingCalls.clear();
    std::vector<Ptr<PptpCall>> calls;
    for (const auto& [id, call] : m_calls)
    {
        calls.push_back(call);
    }
    for (const auto& call : calls)
    {
        ClearCall(call);
    }
    ContinueStop();
}

void
PptpControlConnection::ContinueStop()
{
    if (!m_stopping || m_state != State::ESTABLISHED || !m_calls.empty())
    {
        return;
    }
    PptpStopControlConnectionRequest request;
    request.reason = m_stopReason;
    Send(request);
    SetState(State::WAIT_STOP_REPLY);
    m_idleTimer.Cancel();
    m_controlTimer = Simulator::Schedule(
        ConfirmationTimeout(), &PptpControlConnection::ControlReplyTimedOut, this);
}

void
PptpControlConnection::Abort(PptpDownCause cause)
{
    Close(cause);
}

void
PptpControlConnection::ControlReplyTimedOut()
{
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
    m_idleTimer.Cancel();
    m_echoTimer.Cancel();
    m_controlTimer.Cancel();
    m_wanErrorTimer.Cancel();
    m_pendingCalls.clear();
    std::vector<Ptr<PptpCall>> calls;
    for (const auto& [id, call] : m_calls)
    {
        calls.push_back(call);
    }
    // Calls die with the connection; their own cause is the connection's.
    for (const auto& call : calls)
    {
        EndCall(call, cause);
    }
    // Flush what is queued (e.g. a Stop-Control-Connection-Reply) before closing.
    if (m_socket)
    {
        HandleSend(m_socket, m_socket->GetTxAvailable());
    }
    SetState(State::CLOSED);
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
    }
    PptpNodeState::Get(m_node)->RemoveConnection(m_peerAddress, this);
    m_closedTrace(this, cause);
}

void
PptpControlConnection::HandlePeerClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this);
    Close(m_state == State::WAIT_STOP_REPLY ? PptpDownCause::LOCAL_STOP : PptpDownCause::PEER_STOP);
}

void
PptpControlConnection::HandleError(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this);
    Close(PptpDownCause::TCP_FAILURE);
}

// ---- keepalive ------------------------------------------------------------------------

void
PptpControlConnection::RestartIdleTimer()
{
    if (m_echoMaxMisses == 0 || m_echoOutstanding)
    {
        return;
    }
    m_idleTimer.SetDeadline(Simulator::Now() + m_echoInterval);
}

void
PptpControlConnection::SendEchoRequest()
{
    if (m_state != State::ESTABLISHED)
    {
        return;
    }
    PptpEchoRequest request;
    request.identifier = m_nextEchoId++;
    m_echoOutstanding = true;
    Send(request);
    m_echoTimer
        = Simulator::Schedule(m_echoReplyTimeout, &PptpControlConnection::EchoTimedOut, this);
}

void
PptpControlConnection::EchoTimedOut()
{
    ++m_echoMisses;
    NS_LOG_INFO(m_localAddress << " Echo-Request to " << m_peerAddress << " unanswered ("
                               << m_echoMisses << " of " << m_echoMaxMisses << ")");
    if (m_echoMisses >= m_echoMaxMisses)
    {
        Close(PptpDownCause::KEEPALIVE_TIMEOUT);
        return;
    }
    SendEchoRequest();
}

// ---- calls ----------------------------------------------------------------------------

Ptr<PptpCall>
PptpControlConnection::NewCall(PptpCall::Direction direction)
{
    uint16_t id = PptpNodeState::Get(m_node)->AllocateCallId();
    if (id == 0)
    {
        return nullptr;
    }
    Ptr<PptpCall> call = CreateObject<PptpCall>();
    call->m_localCallId = id;
    call->m_serialNumber = m_nextSerial++;
    call->m_direction = direction;
    call->m_peerAddress = m_peerAddress;
    call->m_connection = this;
    call->m_placedTime = m_state == State::ESTABLISHED ? Simulator::Now() : m_startTime;
    m_calls[id] = call;
    if (m_dataPlane)
    {
        call->m_channel = m_channelFactory.Create<PptpGreChannel>();
        call->m_channel->Setup(PptpGreL4Protocol::Get(m_node), m_localAddress, m_peerAddress, id);
    }
    return call;
}

Ptr<PptpCall>
PptpControlConnection::FindByLocalId(uint16_t callId) const
{
    auto it = m_calls.find(callId);
    return it == m_calls.end() ? nullptr : it->second;
}

Ptr<PptpCall>
PptpControlConnection::FindByPeerId(uint16_t peerCallId) const
{
    auto it = m_callsByPeerId.find(peerCallId);
    return it == m_callsByPeerId.end() ? nullptr : it->second;
}

void
PptpControlConnection::SetCallState(Ptr<PptpCall> call, PptpCall::State state)
{
    PptpCall::State old = call->m_state;
    if (old == state)
    {
        return;
    }
    call->m_state = state;
    NS_LOG_INFO(m_localAddress << " call " << call->m_localCallId << ": " << old << " -> "
                               << state);
    m_callStateTrace(call, old, state);
}

void
PptpControlConnection::StartCallTimer(Ptr<PptpCall> call)
{
    StartCallTimer(call, m_replyTimeout);
}

void
PptpControlConnection::StartCallTimer(Ptr<PptpCall> call, Time wait)
{
    call->m_replyTimer.Cancel();
    // By Call ID, not Ptr: the call keeps the EventId, and an event holding the call would
    // keep the call (and its data path) alive for ever.
    call->m_replyTimer = Simulator::Schedule(
        wait, &PptpControlConnection::CallTimedOut, this, call->m_localCallId);
}

Time
PptpControlConnection::ConfirmationTimeout() const
{
    // pptp-linux's call manager, ending a call, sends Call-Clear-Request and then
    // Stop-Control-Connection-Request, allowing each 2 s, and closes whatever came back.
    return m_role == Role::PNS && !m_pnsClearTimeout.IsZero() ? m_pnsClearTimeout : m_replyTimeout;
}

void
PptpControlConnection::CallTimedOut(uint16_t callId)
{
    Ptr<PptpCall> call = FindByLocalId(callId);
    if (!call)
    {
        return;
    }
    NS_LOG_INFO(m_localAddress << " call " << call->m_localCallId << " got no reply in state "
                               << call->m_state);
    if (call->m_state == PptpCall::State::ESTABLISHED)
    {
        // PPP went down and the peer did not clear the call in time: clear it from here.
        ClearCallWithCause(call, PptpDownCause::PPP_DOWN);
        return;
    }
    EndCall(call,
            call->m_state == PptpCall::State::WAIT_DISCONNECT ? PptpDownCause::CALL_CLEAR
                                                              : PptpDownCause::PROTOCOL_ERROR);
}

Ptr<PptpCall>
PptpControlConnection::PlaceOutgoingCall()
{
    NS_LOG_FUNCTION(this);
    if (m_state == State::CLOSED || m_state == State::WAIT_STOP_REPLY || m_stopping)
    {
        return nullptr;
    }
    Ptr<PptpCall> call = NewCall(PptpCall::Direction::OUTGOING);
    if (!call)
    {
        return nullptr;
    }
    if (m_state == State::ESTABLISHED)
    {
        SendOutgoingCallRequest(call);
    }
    else
    {
        m_pendingCalls.push_back(call);
    }
    return call;
}

void
PptpControlConnection::SendOutgoingCallRequest(Ptr<PptpCall> call)
{
    PptpOutgoingCallRequest request;
    request.callId = call->m_localCallId;
    request.callSerialNumber = call->m_serialNumber;
    request.minimumBps = m_minimumBps;
    request.maximumBps = m_maximumBps;
    request.bearerType = PPTP_BEARER_EITHER;
    request.framingType = PPTP_FRAMING_EITHER;
    request.receiveWindowSize = m_receiveWindow;
    request.processingDelay = m_processingDelay;
    Send(request);
    SetCallState(call, PptpCall::State::WAIT_REPLY);
    StartCallTimer(call);
}

Ptr<PptpCall>
PptpControlConnection::PlaceIncomingCall()
{
    NS_LOG_FUNCTION(this);
    if (m_state != State::ESTABLISHED || m_stopping)
    {
        return nullptr;
    }
    Ptr<PptpCall> call = NewCall(PptpCall::Direction::INCOMING);
    if (!call)
    {
        return nullptr;
    }
    PptpIncomingCallRequest request;
    request.callId = call->m_localCallId;
    request.callSerialNumber = call->m_serialNumber;
    request.bearerType = PPTP_BEARER_DIGITAL;
    Send(request);
    SetCallState(call, PptpCall::State::WAIT_REPLY);
    StartCallTimer(call);
    return call;
}

void
PptpControlConnection::CallEstablished(Ptr<PptpCall> call)
{
    call->m_replyTimer.Cancel();
    call->m_establishedTime = Simulator::Now();
    call->m_wanErrors = PptpWanErrorNotify{};
    call->m_wanErrorsSent = PptpWanErrorNotify{};
    SetCallState(call, PptpCall::State::ESTABLISHED);
    if (m_dataPlane)
    {
        StartDataPlane(call); // Set-Link-Info follows LCP, with the negotiated ACCM
    }
    else if (m_sendSetLinkInfo)
    {
        // Before LCP the ACCM is PPP's default.
        SendSetLinkInfo(call, 0xFFFFFFFF, 0xFFFFFFFF);
    }
    m_callUpTrace(call, Simulator::Now() - call->m_placedTime);
}

void
PptpControlConnection::SendSetLinkInfo(Ptr<PptpCall> call, uint32_t sendAccm, uint32_t receiveAccm)
{
    PptpSetLinkInfo info;
    info.peerCallId = call->m_peerCallId;
    info.sendAccm = sendAccm;
    info.receiveAccm = receiveAccm;
    Send(info);
}

void
PptpControlConnection::ClearCall(Ptr<PptpCall> call)
{
    ClearCallWithCause(call, PptpDownCause::CALL_CLEAR);
}

void
PptpControlConnection::ClearCallWithCause(Ptr<PptpCall> call, PptpDownCause cause)
{
    NS_LOG_FUNCTION(this << call << cause);
    if (!call || call->m_connection != this || call->m_state == PptpCall::State::CLOSED
        || call->m_state == PptpCall::State::WAIT_DISCONNECT || call->m_clearing)
    {
        return;
    }
    call->m_clearCause = cause;
    if (call->m_state == PptpCall::State::IDLE)
    {
        // Never sent: nothing to tell the peer.
        m_pendingCalls.erase(std::remove(m_pendingCalls.begin(), m_pendingCalls.end(), call),
                             m_pendingCalls.end());
        EndCall(call, PptpDownCause::LOCAL_STOP);
        return;
    }
    if (call->m_session && call->m_session->IsRunning())
    {
        // PPP ends first (LCP Terminate-Request/Ack), as pppd does before pptp clears the call.
        call->m_clearing = true;
        call->m_session->Terminate(MakeCallback(&PptpControlConnection::PppTerminated, this));
        return;
    }
    FinishClear(call);
}

void
PptpControlConnection::FinishClear(Ptr<PptpCall> call)
{
    if (call->m_state == PptpCall::State::CLOSED || m_state == State::CLOSED)
    {
        return;
    }
    if (m_role == Role::PNS)
    {
        if (m_sendSetLinkInfo && call->m_state == PptpCall::State::ESTABLISHED)
        {
            SendSetLinkInfo(call, 0xFFFFFFFF, 0xFFFFFFFF);
        }
        PptpCallClearRequest request;
        request.callId = call->m_localCallId;
        Send(request);
        SetCallState(call, PptpCall::State::WAIT_DISCONNECT);
        StartCallTimer(call, ConfirmationTimeout());
        return;
    }
    // A PAC ends calls on its own with Call-Disconnect-Notify.
    PptpCallDisconnectNotify notify;
    notify.callId = call->m_localCallId;
    notify.resultCode = call->m_clearCause == PptpDownCause::CALL_CLEAR
                            ? PptpDisconnectResult::ADMIN_SHUTDOWN
                            : PptpDisconnectResult::LOST_CARRIER;
    Send(notify);
    EndCall(call, call->m_clearCause);
}

// ---- data plane -----------------------------------------------------------------------

void
PptpControlConnection::StartDataPlane(Ptr<PptpCall> call)
{
    Ipv4Address local = Ipv4Address::GetAny(); // a PNS lets the PAC choose its address
    Ipv4Address peer = Ipv4Address::GetAny();
    if (m_role == Role::PAC)
    {
        local = m_tunnelLocal;
        peer = m_allocateAddress.IsNull() ? Ipv4Address("192.168.100.2") : m_allocateAddress();
        if (peer == Ipv4Address::GetAny())
        {
            NS_LOG_INFO("no tunnel address left for call " << call->m_localCallId);
            ClearCallWithCause(call, PptpDownCause::SERVER_FULL);
            return;
        }
        call->m_assignedAddress = peer;
    }
    call->m_channel->Connect(
        call->m_peerCallId, call->m_peerReceiveWindow, call->m_peerProcessingDelay);
    call->m_session = m_pppFactory.Create<PptpPppSession>();
    call->m_session->SetCallId(call->m_localCallId);
    call->m_session->SetLinkUpCallback(MakeCallback(&PptpControlConnection::PppLinkUp, this));
    call->m_session->SetIpUpCallback(MakeCallback(&PptpControlConnection::PppIpUp, this));
    call->m_session->SetDownCallback(MakeCallback(&PptpControlConnection::PppDown, this));
    call->m_session->Start(call->m_channel,
                           m_role == Role::PNS ? PptpPppSession::Role::PEER
                                               : PptpPppSession::Role::AUTHENTICATOR,
                           local,
                           peer);
}

void
PptpControlConnection::PppTerminated(uint16_t callId)
{
    // Finish once the session has finished the event that ended it.
    Ptr<PptpCall> call = FindByLocalId(callId);
    if (call)
    {
        Simulator::ScheduleNow(&PptpControlConnection::FinishClear, this, call);
    }
}

void
PptpControlConnection::PppLinkUp(uint16_t callId, uint32_t sendAccm, uint32_t receiveAccm)
{
    Ptr<PptpCall> call = FindByLocalId(callId);
    if (!call)
    {
        return;
    }
    if (m_sendSetLinkInfo && call->m_state == PptpCall::State::ESTABLISHED)
    {
        SendSetLinkInfo(call, sendAccm, receiveAccm);
    }
}

void
PptpControlConnection::PppIpUp(uint16_t callId, Ipv4Address local, Ipv4Address peer, uint16_t mtu)
{
    // The interface is added after the packet that opened IPCP has been handled: adding one
    // while the node is still dispatching that packet would change the handler list in use.
    Ptr<PptpCall> call = FindByLocalId(callId);
    if (call)
    {
        Simulator::ScheduleNow(&PptpControlConnection::TunnelUp, this, call, local, peer, mtu);
    }
}

void
PptpControlConnection::TunnelUp(Ptr<PptpCall> call,
                                Ipv4Address local,
                                Ipv4Address peer,
                                uint16_t mtu)
{
    if (call->m_state != PptpCall::State::ESTABLISHED || !call->m_session->IsIpUp())
    {
        return; // the call or the link went down in the meantime
    }
    std::vector<PptpTunnel::Route> routes;
    if (m_role == Role::PNS && !PptpTunnel::ParseRoutes(m_tunnelNetworks, routes))
    {
        NS_LOG_WARN("TunnelNetworks \"" << m_tunnelNetworks << "\" is not a list of a.b.c.d/len");
        routes.clear();
    }
    // IPCP can open again on a call whose tunnel is up (a Configure-Request after a lost Ack
    // renegotiates it): the same interface is set up anew with what was agreed this time. A
    // second interface would leave the first one routed to a tunnel that no longer exists.
    bool renegotiated = call->m_tunnel && call->m_tunnel->IsUp();
    if (call->m_tunnel)
    {
        call->m_tunnel->Down();
    }
    else
    {
        call->m_tunnel = CreateObject<PptpTunnel>();
    }
    call->m_tunnel->Up(m_node, call->m_session, local, peer, mtu, routes);
    if (renegotiated)
    {
        return; // the same tunnel, still up
    }
    call->m_tunnelUpTime = Simulator::Now();
    m_tunnelUpTrace(call, Simulator::Now() - call->m_placedTime);
}

void
PptpControlConnection::PppDown(uint16_t callId, PppDownReason reason)
{
    Ptr<PptpCall> call = FindByLocalId(callId);
    if (!call)
    {
        return;
    }
    bool peerEnded = reason == PppDownReason::PEER_TERMINATED;
    if (call->m_tunnel && call->m_tunnel->IsUp())
    {
        // No IP without PPP: the interface goes down now, whatever the control plane does.
        call->m_tunnel->Down();
        m_tunnelDownTrace(call,
                          call->m_clearing ? call->m_clearCause
                          : peerEnded      ? PptpDownCause::CALL_CLEAR
                                           : PptpDownCause::PPP_DOWN);
    }
    if (call->m_clearing || call->m_state != PptpCall::State::ESTABLISHED)
    {
        return;
    }
    NS_LOG_INFO(m_localAddress << " call " << call->m_localCallId << ": PPP down, "
                               << PppDownReasonName(reason));
    if (peerEnded)
    {
        // The peer ends the call and will clear it; give it the usual time to do so.
        StartCallTimer(call);
        return;
    }
    ClearCallWithCause(call, PptpDownCause::PPP_DOWN);
}

void
PptpControlConnection::StopDataPlane(Ptr<PptpCall> call, PptpDownCause cause)
{
    if (call->m_tunnel && call->m_tunnel->IsUp())
    {
        call->m_tunnel->Down();
        m_tunnelDownTrace(call, cause);
    }
    if (call->m_session)
    {
        call->m_session->Abort();
    }
    if (call->m_channel)
    {
        call->m_channel->Close();
    }
    if (call->m_assignedAddress != Ipv4Address::GetAny() && !m_releaseAddress.IsNull())
    {
        m_releaseAddress(call->m_assignedAddress);
        call->m_assignedAddress = Ipv4Address::GetAny();
    }
}

void
PptpControlConnection::EndCall(Ptr<PptpCall> call, PptpDownCause cause)
{
    if (call->m_state == PptpCall::State::CLOSED)
    {
        return;
    }
    call->m_replyTimer.Cancel();
    if (cause == PptpDownCause::CALL_CLEAR)
    {
        cause = call->m_clearCause; // why the clear was started, when this side started it
    }
    StopDataPlane(call, cause);
    bool wasEstablished = call->m_state == PptpCall::State::ESTABLISHED
                          || call->m_state == PptpCall::State::WAIT_DISCONNECT;
    call->m_downCause = cause;
    SetCallState(call, PptpCall::State::CLOSED);
    m_calls.erase(call->m_localCallId);
    if (call->m_peerCallId != 0)
    {
        auto it = m_callsByPeerId.find(call->m_peerCallId);
        if (it != m_callsByPeerId.end() && it->second == call)
        {
            m_callsByPeerId.erase(it);
        }
    }
    PptpNodeState::Get(m_node)->ReleaseCallId(call->m_localCallId);
    NS_LOG_INFO(m_localAddress << " call " << call->m_localCallId << " ended ("
                               << (wasEstablished ? "was up" : "never up") << "): " << cause);
    m_callDownTrace(call, cause);
    call->m_connection = nullptr;
    ContinueStop();
}

uint32_t
PptpControlConnection::GetEstablishedCallCount() const
{
    uint32_t n = 0;
    for (const auto& [id, call] : m_calls)
    {
        n += call->m_state == PptpCall::State::ESTABLISHED ? 1 : 0;
    }
    return n;
}

void
PptpControlConnection::HandleOutgoingCallRequest(const PptpOutgoingCallRequest& m)
{
    PptpOutgoingCallReply reply;
    reply.peerCallId = m.callId;
    reply.receiveWindowSize = m_receiveWindow;
    reply.processingDelay = m_processingDelay;
    if (m_state != State::ESTABLISHED)
    {
        DropIllegal(PptpControlMessage(m), "before the control connection is established");
        reply.resultCode = PptpOutgoingCallResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::NOT_CONNECTED;
        Send(reply);
        return;
    }
    if (m_role != Role::PAC || m_stopping)
    {
        DropIllegal(PptpControlMessage(m), m_stopping ? "while stopping" : "sent to a PNS");
        reply.resultCode = PptpOutgoingCallResult::DO_NOT_ACCEPT;
        Send(reply);
        return;
    }
    if (FindByPeerId(m.callId))
    {
        DropIllegal(PptpControlMessage(m), "for a Call ID already in use");
        reply.resultCode = PptpOutgoingCallResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::BAD_CALL_ID;
        Send(reply);
        return;
    }
    Ptr<PptpCall> call;
    if (m_admitCall.IsNull() || m_admitCall())
    {
        call = NewCall(PptpCall::Direction::OUTGOING);
    }
    if (!call)
    {
        reply.resultCode = PptpOutgoingCallResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::NO_RESOURCE;
        Send(reply);
        return;
    }
    call->m_placedTime = Simulator::Now();
    call->m_peerCallId = m.callId;
    call->m_peerReceiveWindow = m.receiveWindowSize;
    call->m_peerProcessingDelay = m.processingDelay;
    call->m_connectSpeed = m_connectSpeed;
    m_callsByPeerId[m.callId] = call;
    reply.callId = call->m_localCallId;
    reply.resultCode = PptpOutgoingCallResult::CONNECTED;
    reply.connectSpeed = m_connectSpeed;
    reply.physicalChannelId = call->m_serialNumber;
    Send(reply);
    CallEstablished(call);
}

void
PptpControlConnection::HandleOutgoingCallReply(const PptpOutgoingCallReply& m)
{
    Ptr<PptpCall> call = FindByLocalId(m.peerCallId);
    if (!call || call->m_state != PptpCall::State::WAIT_REPLY
        || call->m_direction != PptpCall::Direction::OUTGOING)
    {
        DropIllegal(PptpControlMessage(m), "for no call waiting for it");
        return;
    }
    if (m.resultCode != PptpOutgoingCallResult::CONNECTED)
    {
        NS_LOG_INFO("call " << call->m_localCallId << " refused: " << PptpCodeName(m.resultCode)
                            << ", " << PptpCodeName(m.errorCode));
        bool full = m.resultCode == PptpOutgoingCallResult::GENERAL_ERROR
                    && m.errorCode == PptpGeneralError::NO_RESOURCE;
        EndCall(call, full ? PptpDownCause::SERVER_FULL : PptpDownCause::CALL_REFUSED);
        return;
    }
    call->m_peerCallId = m.callId;
    call->m_peerReceiveWindow = m.receiveWindowSize;
    call->m_peerProcessingDelay = m.processingDelay;
    call->m_connectSpeed = m.connectSpeed;
    m_callsByPeerId[m.callId] = call;
    CallEstablished(call);
}

void
PptpControlConnection::HandleIncomingCallRequest(const PptpIncomingCallRequest& m)
{
    PptpIncomingCallReply reply;
    reply.peerCallId = m.callId;
    reply.receiveWindowSize = m_receiveWindow;
    reply.transmitDelay = m_processingDelay;
    if (m_state != State::ESTABLISHED)
    {
        DropIllegal(PptpControlMessage(m), "before the control connection is established");
        reply.resultCode = PptpIncomingCallResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::NOT_CONNECTED;
        Send(reply);
        return;
    }
    Ptr<PptpCall> call;
    if (m_role == Role::PNS && m_acceptIncomingCalls && !m_stopping && !FindByPeerId(m.callId))
    {
        call = NewCall(PptpCall::Direction::INCOMING);
    }
    if (!call)
    {
        if (m_role != Role::PNS)
        {
            DropIllegal(PptpControlMessage(m), "sent to a PAC");
        }
        reply.resultCode = PptpIncomingCallResult::DO_NOT_ACCEPT;
        Send(reply);
        return;
    }
    call->m_placedTime = Simulator::Now();
    call->m_peerCallId = m.callId;
    m_callsByPeerId[m.callId] = call;
    reply.callId = call->m_localCallId;
    reply.resultCode = PptpIncomingCallResult::CONNECT;
    Send(reply);
    SetCallState(call, PptpCall::State::WAIT_CONNECT);
    StartCallTimer(call);
}

void
PptpControlConnection::HandleIncomingCallReply(const PptpIncomingCallReply& m)
{
    Ptr<PptpCall> call = FindByLocalId(m.peerCallId);
    if (!call || call->m_state != PptpCall::State::WAIT_REPLY
        || call->m_direction != PptpCall::Direction::INCOMING)
    {
        DropIllegal(PptpControlMessage(m), "for no call waiting for it");
        return;
    }
    if (m.resultCode != PptpIncomingCallResult::CONNECT)
    {
        EndCall(call, PptpDownCause::CALL_REFUSED);
        return;
    }
    call->m_peerCallId = m.callId;
    call->m_peerReceiveWindow = m.receiveWindowSize;
    call->m_peerProcessingDelay = m.transmitDelay;
    call->m_connectSpeed = m_connectSpeed;
    m_callsByPeerId[m.callId] = call;
    PptpIncomingCallConnected connected;
    connected.peerCallId = m.callId;
    connected.connectSpeed = m_connectSpeed;
    connected.receiveWindowSize = m_receiveWindow;
    connected.transmitDelay = m_processingDelay;
    connected.framingType = PPTP_FRAMING_ASYNC;
    Send(connected);
    CallEstablished(call);
}

void
PptpControlConnection::HandleIncomingCallConnected(const PptpIncomingCallConnected& m)
{
    Ptr<PptpCall> call = FindByLocalId(m.peerCallId);
    if (!call || call->m_state != PptpCall::State::WAIT_CONNECT)
    {
        DropIllegal(PptpControlMessage(m), "for no call waiting for it");
        return;
    }
    call->m_peerReceiveWindow = m.receiveWindowSize;
    call->m_peerProcessingDelay = m.transmitDelay;
    call->m_connectSpeed = m.connectSpeed;
    CallEstablished(call);
}

void
PptpControlConnection::HandleCallClearRequest(const PptpCallClearRequest& m)
{
    Ptr<PptpCall> call = FindByPeerId(m.callId);
    if (m_role != Role::PAC || !call)
    {
        DropIllegal(PptpControlMessage(m), call ? "sent to a PNS" : "for an unknown call");
        return;
    }
    PptpCallDisconnectNotify notify;
    notify.callId = call->m_localCallId;
    notify.resultCode = PptpDisconnectResult::REQUEST;
    std::ostringstream stats;
    stats << "call " << call->m_localCallId << " up "
          << (Simulator::Now() - call->m_establishedTime).GetSeconds() << " s";
    notify.callStatistics = stats.str();
    Send(notify);
    EndCall(call, PptpDownCause::CALL_CLEAR);
}

void
PptpControlConnection::HandleCallDisconnectNotify(const PptpCallDisconnectNotify& m)
{
    Ptr<PptpCall> call = FindByPeerId(m.callId);
    if (!call)
    {
        DropIllegal(PptpControlMessage(m), "for an unknown call");
        return;
    }
    // Unasked, Lost Carrier means the PAC lost the call's line or PPP: for this side the link
    // failed (a PNS redials), where Admin Shutdown or Request is an orderly clear.
    bool unasked = call->m_state != PptpCall::State::WAIT_DISCONNECT && !call->m_clearing;
    EndCall(call,
            unasked && m.resultCode == PptpDisconnectResult::LOST_CARRIER
                ? PptpDownCause::PPP_DOWN
                : PptpDownCause::CALL_CLEAR);
}

void
PptpControlConnection::HandleWanErrorNotify(const PptpWanErrorNotify& m)
{
    Ptr<PptpCall> call = FindByLocalId(m.peerCallId);
    if (m_role != Role::PNS || !call)
    {
        DropIllegal(PptpControlMessage(m), call ? "sent to a PAC" : "for an unknown call");
        return;
    }
    // The PAC's counters are cumulative: keep the latest.
    call->m_wanErrors = m;
}

void
PptpControlConnection::HandleSetLinkInfo(const PptpSetLinkInfo& m)
{
    if (!FindByLocalId(m.peerCallId))
    {
        DropIllegal(PptpControlMessage(m), "for an unknown call");
    }
}

void
PptpControlConnection::SendWanErrorNotifies()
{
    for (const auto& [id, call] : m_calls)
    {
        const PptpWanErrorNotify& now = call->m_wanErrors;
        const PptpWanErrorNotify& sent = call->m_wanErrorsSent;
        bool changed = now.crcErrors != sent.crcErrors || now.framingErrors != sent.framingErrors
                       || now.hardwareOverruns != sent.hardwareOverruns
                       || now.bufferOverruns != sent.bufferOverruns
                       || now.timeoutErrors != sent.timeoutErrors
                       || now.alignmentErrors != sent.alignmentErrors;
        if (call->m_state == PptpCall::State::ESTABLISHED && changed)
        {
            PptpWanErrorNotify notify = now;
            notify.peerCallId = call->m_peerCallId;
            Send(notify);
            call->m_wanErrorsSent = now;
        }
    }
    m_wanErrorTimer = Simulator::Schedule(
        m_wanErrorInterval, &PptpControlConnection::SendWanErrorNotifies, this);
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
    return m_calls;
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
    return m_txQueueBytes;
}

uint32_t
PptpControlConnection::GetEchoMisses() const
{
    return m_echoMisses;
}

} // namespace ns3
