/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-call.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "pptp-control-connection.h"
#include "pptp-gre-channel.h"
#include "pptp-ppp-session.h"
#include "pptp-tunnel.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpCall");

NS_OBJECT_ENSURE_REGISTERED(PptpCall);

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
    m_connection = nullptr;
    m_channel = nullptr;
    m_session = nullptr;
    m_tunnel = nullptr;
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
    return m_peerAddress;
}

Ptr<PptpControlConnection>
PptpCall::GetControlConnection() const
{
    return m_connection;
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

Ptr<PptpGreChannel>
PptpCall::GetChannel() const
{
    return m_channel;
}

Ptr<PptpPppSession>
PptpCall::GetPppSession() const
{
    return m_session;
}

Ptr<PptpTunnel>
PptpCall::GetTunnel() const
{
    return m_tunnel;
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
