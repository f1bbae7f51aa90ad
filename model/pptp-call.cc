/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-call.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "pptp-call-data-path.h"
#include "pptp-control-connection.h"
#include "pptp-gre-channel.h"
#include "pptp-tunnel.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpCall");

NS_OBJECT_ENSURE_REGISTERED(PptpCall);

namespace
{

/// The ACCM of a link before LCP has agreed one: every control character escaped.
constexpr uint32_t DEFAULT_ACCM = 0xFFFFFFFF;

} // namespace

TypeId
PptpCall::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PptpCall").SetParent<Object>().SetGroupName("Pptp");
    return tid;
}

PptpCall::PptpCall() = default;

PptpCall::~PptpCall() = default;

void
PptpCall::DoDispose()
{
    m_replyTimer.Cancel();
    m_replyTimer = EventId(); // a cancelled event is still held by its EventId
    if (m_dataPath)
    {
        m_dataPath->Dispose();
    }
    m_dataPath = nullptr;
    m_connection = nullptr;
    m_owner = Owner{};
    m_settings.reset();
    Object::DoDispose();
}

std::string
PptpCall::StateName(State state)
{
    switch (state)
    {
        case State::IDLE:
            return "idle";
        case State::WAIT_REPLY:
            return "wait-reply";
        case State::WAIT_CONNECT:
            return "wait-connect";
        case State::ESTABLISHED:
            return "established";
        case State::WAIT_DISCONNECT:
            return "wait-disconnect";
        case State::CLOSED:
            return "closed";
    }
    return "unknown";
}

std::ostream&
operator<<(std::ostream& os, PptpCall::State state)
{
    return os << PptpCall::StateName(state);
}

void
PptpCall::Setup(std::shared_ptr<const Settings> settings,
                Owner owner,
                uint16_t localCallId,
                uint16_t serialNumber,
                Direction direction,
                Time placedTime)
{
    m_settings = std::move(settings);
    m_owner = std::move(owner);
    m_localCallId = localCallId;
    m_serialNumber = serialNumber;
    m_direction = direction;
    m_placedTime = placedTime;
    if (m_settings->dataPlane)
    {
        PptpCallDataPath::Owner path;
        path.linkUp = [this](uint32_t send, uint32_t receive)
        {
            LinkUp(send, receive);
        };
        path.ipUp = [this]()
        {
            TunnelUp();
        };
        path.pppDown = [this](PppDownReason reason)
        {
            PppDown(reason);
        };
        m_dataPath = CreateObject<PptpCallDataPath>();
        m_dataPath->Setup(m_settings->channelFactory,
                          m_settings->node,
                          m_settings->localAddress,
                          m_settings->peerAddress,
                          localCallId,
                          path);
    }
}

void
PptpCall::SetState(State state)
{
    State old = m_state;
    if (old == state)
    {
        return;
    }
    m_state = state;
    NS_LOG_INFO(m_settings->localAddress << " call " << m_localCallId << ": " << old << " -> "
                                         << state);
    m_owner.stateChanged(this, old, state);
}

void
PptpCall::StartTimer(Time wait)
{
    m_replyTimer.Cancel();
    m_replyTimer = Simulator::Schedule(wait, &PptpCall::TimedOut, this);
}

// ---- placing and answering ------------------------------------------------------------

void
PptpCall::SendOutgoingCallRequest()
{
    PptpOutgoingCallRequest request;
    request.callId = m_localCallId;
    request.callSerialNumber = m_serialNumber;
    request.minimumBps = m_settings->minimumBps;
    request.maximumBps = m_settings->maximumBps;
    request.bearerType = PPTP_BEARER_EITHER;
    request.framingType = PPTP_FRAMING_EITHER;
    request.receiveWindowSize = m_settings->receiveWindow;
    request.processingDelay = m_settings->processingDelay;
    m_owner.send(request);
    SetState(State::WAIT_REPLY);
    StartTimer(m_settings->replyTimeout);
}

void
PptpCall::AnswerOutgoingCallRequest(const PptpOutgoingCallRequest& m)
{
    m_peerCallId = m.callId;
    m_peerReceiveWindow = m.receiveWindowSize;
    m_peerProcessingDelay = m.processingDelay;
    m_connectSpeed = m_settings->connectSpeed;
    m_owner.peerCallIdKnown(this);
    PptpOutgoingCallReply reply;
    reply.callId = m_localCallId;
    reply.peerCallId = m.callId;
    reply.resultCode = PptpOutgoingCallResult::CONNECTED;
    reply.connectSpeed = m_settings->connectSpeed;
    reply.receiveWindowSize = m_settings->receiveWindow;
    reply.processingDelay = m_settings->processingDelay;
    reply.physicalChannelId = m_serialNumber;
    m_owner.send(reply);
    Establish();
}

void
PptpCall::SendIncomingCallRequest()
{
    PptpIncomingCallRequest request;
    request.callId = m_localCallId;
    request.callSerialNumber = m_serialNumber;
    request.bearerType = PPTP_BEARER_DIGITAL;
    m_owner.send(request);
    SetState(State::WAIT_REPLY);
    StartTimer(m_settings->replyTimeout);
}

void
PptpCall::AnswerIncomingCallRequest(const PptpIncomingCallRequest& m)
{
    m_peerCallId = m.callId;
    m_owner.peerCallIdKnown(this);
    PptpIncomingCallReply reply;
    reply.callId = m_localCallId;
    reply.peerCallId = m.callId;
    reply.resultCode = PptpIncomingCallResult::CONNECT;
    reply.receiveWindowSize = m_settings->receiveWindow;
    reply.transmitDelay = m_settings->processingDelay;
    m_owner.send(reply);
    SetState(State::WAIT_CONNECT);
    StartTimer(m_settings->replyTimeout);
}

// ---- messages for the call ------------------------------------------------------------

bool
PptpCall::ReceiveOutgoingCallReply(const PptpOutgoingCallReply& m)
{
    if (m_state != State::WAIT_REPLY || m_direction != Direction::OUTGOING)
    {
        return false;
    }
    if (m.resultCode != PptpOutgoingCallResult::CONNECTED)
    {
        NS_LOG_INFO("call " << m_localCallId << " refused: " << PptpCodeName(m.resultCode) << ", "
                            << PptpCodeName(m.errorCode));
        bool full = m.resultCode == PptpOutgoingCallResult::GENERAL_ERROR
                    && m.errorCode == PptpGeneralError::NO_RESOURCE;
        End(full ? PptpDownCause::SERVER_FULL : PptpDownCause::CALL_REFUSED);
        return true;
    }
    m_peerCallId = m.callId;
    m_peerReceiveWindow = m.receiveWindowSize;
    m_peerProcessingDelay = m.processingDelay;
    m_connectSpeed = m.connectSpeed;
    m_owner.peerCallIdKnown(this);
    Establish();
    return true;
}

bool
PptpCall::ReceiveIncomingCallReply(const PptpIncomingCallReply& m)
{
    if (m_state != State::WAIT_REPLY || m_direction != Direction::INCOMING)
    {
        return false;
    }
    if (m.resultCode != PptpIncomingCallResult::CONNECT)
    {
        End(PptpDownCause::CALL_REFUSED);
        return true;
    }
    m_peerCallId = m.callId;
    m_peerReceiveWindow = m.receiveWindowSize;
    m_peerProcessingDelay = m.transmitDelay;
    m_connectSpeed = m_settings->connectSpeed;
    m_owner.peerCallIdKnown(this);
    PptpIncomingCallConnected connected;
    connected.peerCallId = m.callId;
    connected.connectSpeed = m_settings->connectSpeed;
    connected.receiveWindowSize = m_settings->receiveWindow;
    connected.transmitDelay = m_settings->processingDelay;
    connected.framingType = PPTP_FRAMING_ASYNC;
    m_owner.send(connected);
    Establish();
    return true;
}

bool
PptpCall::ReceiveIncomingCallConnected(const PptpIncomingCallConnected& m)
{
    if (m_state != State::WAIT_CONNECT)
    {
        return false;
    }
    m_peerReceiveWindow = m.receiveWindowSize;
    m_peerProcessingDelay = m.transmitDelay;
    m_connectSpeed = m.connectSpeed;
    Establish();
    return true;
}

void
PptpCall::ReceiveCallClearRequest()
{
    PptpCallDisconnectNotify notify;
    notify.callId = m_localCallId;
    notify.resultCode = PptpDisconnectResult::REQUEST;
    std::ostringstream stats;
    stats << "call " << m_localCallId << " up "
          << (Simulator::Now() - m_establishedTime).GetSeconds() << " s";
    notify.callStatistics = stats.str();
    m_owner.send(notify);
    End(PptpDownCause::CALL_CLEAR);
}

void
PptpCall::ReceiveCallDisconnectNotify(const PptpCallDisconnectNotify& m)
{
    // Unasked, Lost Carrier means the PAC lost the call's line or PPP: for this side the link
    // failed (a PNS redials), where Admin Shutdown or Request is an orderly clear.
    bool unasked = m_state != State::WAIT_DISCONNECT && !m_clearing;
    End(unasked && m.resultCode == PptpDisconnectResult::LOST_CARRIER ? PptpDownCause::PPP_DOWN
                                                                      : PptpDownCause::CALL_CLEAR);
}

void
PptpCall::ReceiveWanErrorNotify(const PptpWanErrorNotify& m)
{
    // The PAC's counters are cumulative: keep the latest.
    m_wanErrors = m;
}

// ---- the call's life ------------------------------------------------------------------

void
PptpCall::Establish()
{
    m_replyTimer.Cancel();
    m_establishedTime = Simulator::Now();
    m_wanErrors = PptpWanErrorNotify{};
    m_wanErrorsSent = PptpWanErrorNotify{};
    SetState(State::ESTABLISHED);
    if (m_dataPath)
    {
        // A PAC leases the peer its tunnel address first: without one the call cannot go on.
        bool pac = !m_settings->pns;
        if (pac && m_settings->allocateAddress
            && !m_dataPath->LeaseAddress(m_settings->allocateAddress, m_settings->releaseAddress))
        {
            NS_LOG_INFO("no tunnel address left for call " << m_localCallId);
            Clear(PptpDownCause::SERVER_FULL);
        }
        else
        {
            // Set-Link-Info follows LCP, with the negotiated ACCM.
            m_dataPath->Start(m_settings->pppFactory,
                              m_settings->pppRandom,
                              pac,
                              m_settings->tunnelLocal,
                              m_peerCallId,
                              m_peerReceiveWindow,
                              m_peerProcessingDelay);
        }
    }
    else if (m_settings->sendSetLinkInfo)
    {
        SendSetLinkInfo(DEFAULT_ACCM, DEFAULT_ACCM);
    }
    m_owner.established(this, Simulator::Now() - m_placedTime);
}

void
PptpCall::SendSetLinkInfo(uint32_t sendAccm, uint32_t receiveAccm)
{
    PptpSetLinkInfo info;
    info.peerCallId = m_peerCallId;
    info.sendAccm = sendAccm;
    info.receiveAccm = receiveAccm;
    m_owner.send(info);
}

void
PptpCall::LinkUp(uint32_t sendAccm, uint32_t receiveAccm)
{
    if (m_settings->sendSetLinkInfo && m_state == State::ESTABLISHED)
    {
        SendSetLinkInfo(sendAccm, receiveAccm);
    }
}

void
PptpCall::TunnelUp()
{
    if (m_state != State::ESTABLISHED)
    {
        return; // the call went down in the meantime
    }
    std::vector<PptpTunnel::Route> routes;
    if (m_settings->pns && !PptpTunnel::ParseRoutes(m_settings->tunnelNetworks, routes))
    {
        NS_LOG_WARN("TunnelNetworks \"" << m_settings->tunnelNetworks
                                        << "\" is not a list of a.b.c.d/len");
        routes.clear();
    }
    if (m_dataPath->OpenTunnel(routes))
    {
        return; // the same tunnel, still up
    }
    m_tunnelUpTime = Simulator::Now();
    m_owner.tunnelUp(this, Simulator::Now() - m_placedTime);
}

void
PptpCall::PppDown(PppDownReason reason)
{
    Ptr<PptpCall> self = this; // its owner may let it go when it ends
    bool peerEnded = reason == PppDownReason::PEER_TERMINATED;
    if (m_dataPath->CloseTunnel())
    {
        // No IP without PPP: the interface goes down now, whatever the control plane does.
        m_owner.tunnelDown(this,
                           m_clearing  ? m_clearCause
                           : peerEnded ? PptpDownCause::CALL_CLEAR
                                       : PptpDownCause::PPP_DOWN);
    }
    if (m_clearing || m_state != State::ESTABLISHED)
    {
        return;
    }
    NS_LOG_INFO(m_settings->localAddress << " call " << m_localCallId << ": PPP down, "
                                         << PppDownReasonName(reason));
    if (peerEnded)
    {
        // The peer ends the call and will clear it; give it the usual time to do so.
        StartTimer(m_settings->replyTimeout);
        return;
    }
    Clear(PptpDownCause::PPP_DOWN);
}

void
PptpCall::TimedOut()
{
    Ptr<PptpCall> self = this; // its owner may let it go when it ends
    NS_LOG_INFO(m_settings->localAddress << " call " << m_localCallId << " got no reply in state "
                                         << m_state);
    if (m_state == State::ESTABLISHED)
    {
        // PPP went down and the peer did not clear the call in time: clear it from here.
        Clear(PptpDownCause::PPP_DOWN);
        return;
    }
    End(m_state == State::WAIT_DISCONNECT ? PptpDownCause::CALL_CLEAR
                                          : PptpDownCause::PROTOCOL_ERROR);
}

void
PptpCall::Clear(PptpDownCause cause)
{
    NS_LOG_FUNCTION(this << cause);
    if (m_state == State::CLOSED || m_state == State::WAIT_DISCONNECT || m_clearing)
    {
        return;
    }
    m_clearCause = cause;
    if (m_state == State::IDLE)
    {
        End(PptpDownCause::LOCAL_STOP); // never sent: nothing to tell the peer
        return;
    }
    if (m_dataPath && m_dataPath->IsPppRunning())
    {
        // PPP ends first (LCP Terminate-Request/Ack), as pppd does before pptp clears the call.
        m_clearing = true;
        m_dataPath->TerminatePpp(
            [this]()
            {
                PppTerminated();
            });
        return;
    }
    FinishClear();
}

void
PptpCall::PppTerminated()
{
    Ptr<PptpCall> self = this; // its owner may let it go when it ends
    FinishClear();
}

void
PptpCall::FinishClear()
{
    if (m_state == State::CLOSED)
    {
        return;
    }
    if (m_settings->pns)
    {
        if (m_settings->sendSetLinkInfo && m_state == State::ESTABLISHED)
        {
            SendSetLinkInfo(DEFAULT_ACCM, DEFAULT_ACCM);
        }
        PptpCallClearRequest request;
        request.callId = m_localCallId;
        m_owner.send(request);
        SetState(State::WAIT_DISCONNECT);
        StartTimer(m_settings->confirmationTimeout);
        return;
    }
    // A PAC ends calls on its own with Call-Disconnect-Notify.
    PptpCallDisconnectNotify notify;
    notify.callId = m_localCallId;
    notify.resultCode = m_clearCause == PptpDownCause::CALL_CLEAR
                            ? PptpDisconnectResult::ADMIN_SHUTDOWN
                            : PptpDisconnectResult::LOST_CARRIER;
    m_owner.send(notify);
    End(m_clearCause);
}

void
PptpCall::End(PptpDownCause cause)
{
    if (m_state == State::CLOSED)
    {
        return;
    }
    m_replyTimer.Cancel();
    if (cause == PptpDownCause::CALL_CLEAR)
    {
        cause = m_clearCause; // why the clear was started, when this side started it
    }
    if (m_dataPath)
    {
        if (m_dataPath->CloseTunnel())
        {
            m_owner.tunnelDown(this, cause);
        }
        m_dataPath->Stop();
    }
    bool wasEstablished = m_state == State::ESTABLISHED || m_state == State::WAIT_DISCONNECT;
    m_downCause = cause;
    SetState(State::CLOSED);
    NS_LOG_INFO(m_settings->localAddress << " call " << m_localCallId << " ended ("
                                         << (wasEstablished ? "was up" : "never up")
                                         << "): " << cause);
    m_owner.ended(this, cause);
}

void
PptpCall::ReportWanErrors()
{
    const PptpWanErrorNotify& now = m_wanErrors;
    const PptpWanErrorNotify& sent = m_wanErrorsSent;
    bool changed = now.crcErrors != sent.crcErrors || now.framingErrors != sent.framingErrors
                   || now.hardwareOverruns != sent.hardwareOverruns
                   || now.bufferOverruns != sent.bufferOverruns
                   || now.timeoutErrors != sent.timeoutErrors
                   || now.alignmentErrors != sent.alignmentErrors;
    if (m_state == State::ESTABLISHED && changed)
    {
        PptpWanErrorNotify notify = now;
        notify.peerCallId = m_peerCallId;
        m_owner.send(notify);
        m_wanErrorsSent = now;
    }
}

// ---- accessors ------------------------------------------------------------------------

uint16_t
PptpCall::GetLocalCallId() const
{
    return m_localCallId;
}

uint16_t
PptpCall::GetPeerCallId() const
{
    return m_peerCallId;
}

uint16_t
PptpCall::GetSerialNumber() const
{
    return m_serialNumber;
}

PptpCall::State
PptpCall::GetState() const
{
    return m_state;
}

PptpCall::Direction
PptpCall::GetDirection() const
{
    return m_direction;
}

Ipv4Address
PptpCall::GetPeerAddress() const
{
    return m_settings ? m_settings->peerAddress : Ipv4Address();
}

Ptr<PptpControlConnection>
PptpCall::GetControlConnection() const
{
    return m_connection;
}

void
PptpCall::SetControlConnection(Ptr<PptpControlConnection> connection)
{
    m_connection = connection;
}

uint16_t
PptpCall::GetPeerReceiveWindow() const
{
    return m_peerReceiveWindow;
}

uint16_t
PptpCall::GetPeerProcessingDelay() const
{
    return m_peerProcessingDelay;
}

uint32_t
PptpCall::GetConnectSpeed() const
{
    return m_connectSpeed;
}

Time
PptpCall::GetPlacedTime() const
{
    return m_placedTime;
}

Time
PptpCall::GetEstablishedTime() const
{
    return m_establishedTime;
}

PptpDownCause
PptpCall::GetDownCause() const
{
    return m_downCause;
}

Ptr<PptpCallDataPath>
PptpCall::GetDataPath() const
{
    return m_dataPath;
}

Ptr<PptpGreChannel>
PptpCall::GetChannel() const
{
    return m_dataPath ? m_dataPath->GetChannel() : nullptr;
}

Ptr<PppSession>
PptpCall::GetPppSession() const
{
    return m_dataPath ? m_dataPath->GetPppSession() : nullptr;
}

Ptr<PptpTunnel>
PptpCall::GetTunnel() const
{
    return m_dataPath ? m_dataPath->GetTunnel() : nullptr;
}

Time
PptpCall::GetTunnelUpTime() const
{
    return m_tunnelUpTime;
}

void
PptpCall::RecordWanErrors(const PptpWanErrorNotify& errors)
{
    m_wanErrors.crcErrors += errors.crcErrors;
    m_wanErrors.framingErrors += errors.framingErrors;
    m_wanErrors.hardwareOverruns += errors.hardwareOverruns;
    m_wanErrors.bufferOverruns += errors.bufferOverruns;
    m_wanErrors.timeoutErrors += errors.timeoutErrors;
    m_wanErrors.alignmentErrors += errors.alignmentErrors;
}

const PptpWanErrorNotify&
PptpCall::GetWanErrors() const
{
    return m_wanErrors;
}

} // namespace ns3
