/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-call-set.h"

#include "ns3/simulator.h"
#include "pptp-control-connection.h"
#include "pptp-node-state.h"

#include <algorithm>

namespace ns3
{

void
PptpCallSet::Setup(Ptr<Node> node, PptpControlConnection* connection, Host host)
{
    m_node = node;
    m_connection = connection;
    m_host = std::move(host);
}

Ptr<PptpCall>
PptpCallSet::Create(PptpCall::Direction direction, Time placedTime)
{
    uint16_t id = PptpNodeState::Get(m_node)->AllocateCallId();
    if (id == 0)
    {
        return nullptr;
    }
    if (!m_settings)
    {
        m_settings = m_host.settings();
    }
    // What a call reports goes on to the connection; a call's own events (its timer, its
    // data path) hold the connection while they run, for the connection may be let go.
    PptpCall::Owner owner;
    owner.send = [this](const PptpControlMessage& m)
    {
        Ptr<Object> held = m_host.hold();
        m_host.send(m);
    };
    owner.stateChanged = [this](Ptr<PptpCall> call, PptpCall::State from, PptpCall::State to)
    {
        m_host.stateChanged(call, from, to);
    };
    owner.peerCallIdKnown = [this](Ptr<PptpCall> call)
    {
        m_callsByPeerId[call->GetPeerCallId()] = call;
    };
    owner.established = [this](Ptr<PptpCall> call, Time latency)
    {
        m_host.established(call, latency);
    };
    owner.tunnelUp = [this](Ptr<PptpCall> call, Time latency)
    {
        m_host.tunnelUp(call, latency);
    };
    owner.tunnelDown = [this](Ptr<PptpCall> call, PptpDownCause cause)
    {
        m_host.tunnelDown(call, cause);
    };
    owner.ended = [this](Ptr<PptpCall> call, PptpDownCause cause)
    {
        Ptr<Object> held = m_host.hold();
        Ended(call, cause);
    };
    Ptr<PptpCall> call = CreateObject<PptpCall>();
    call->Setup(m_settings, owner, id, m_nextSerial++, direction, placedTime);
    call->SetControlConnection(m_connection);
    m_calls[id] = call;
    return call;
}

void
PptpCallSet::Ended(Ptr<PptpCall> call, PptpDownCause cause)
{
    m_calls.erase(call->GetLocalCallId());
    if (call->GetPeerCallId() != 0)
    {
        auto it = m_callsByPeerId.find(call->GetPeerCallId());
        if (it != m_callsByPeerId.end() && it->second == call)
        {
            m_callsByPeerId.erase(it);
        }
    }
    m_pending.erase(std::remove(m_pending.begin(), m_pending.end(), call), m_pending.end());
    PptpNodeState::Get(m_node)->ReleaseCallId(call->GetLocalCallId());
    m_host.ended(call, cause);
}

Ptr<PptpCall>
PptpCallSet::PlaceOutgoing(Situation situation)
{
    if (situation.ending || situation.stopping)
    {
        return nullptr;
    }
    bool now = situation.established;
    Ptr<PptpCall> call
        = Create(PptpCall::Direction::OUTGOING, now ? Simulator::Now() : situation.startTime);
    if (call && now)
    {
        call->SendOutgoingCallRequest();
    }
    else if (call)
    {
        m_pending.push_back(call);
    }
    return call;
}

Ptr<PptpCall>
PptpCallSet::PlaceIncoming(Situation situation)
{
    if (!situation.established || situation.stopping)
    {
        return nullptr;
    }
    Ptr<PptpCall> call = Create(PptpCall::Direction::INCOMING, Simulator::Now());
    if (call)
    {
        call->SendIncomingCallRequest();
    }
    return call;
}

void
PptpCallSet::SendPending()
{
    while (!m_pending.empty())
    {
        Ptr<PptpCall> call = m_pending.front();
        m_pending.pop_front();
        call->SendOutgoingCallRequest();
    }
}

Ptr<PptpCall>
PptpCallSet::FindByLocalId(uint16_t callId) const
{
    auto it = m_calls.find(callId);
    return it == m_calls.end() ? nullptr : it->second;
}

Ptr<PptpCall>
PptpCallSet::FindByPeerId(uint16_t peerCallId) const
{
    auto it = m_callsByPeerId.find(peerCallId);
    return it == m_callsByPeerId.end() ? nullptr : it->second;
}

// ---- the peer's messages for calls ----------------------------------------------------

void
PptpCallSet::Receive(const PptpOutgoingCallRequest& m, Situation situation, Callback<bool> admit)
{
    std::shared_ptr<const PptpCall::Settings> s = m_settings ? m_settings : m_host.settings();
    PptpOutgoingCallReply reply;
    reply.peerCallId = m.callId;
    reply.receiveWindowSize = s->receiveWindow;
    reply.processingDelay = s->processingDelay;
    if (!situation.established)
    {
        m_host.illegal(PptpControlMessage(m), "before the control connection is established");
        reply.resultCode = PptpOutgoingCallResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::NOT_CONNECTED;
        m_host.send(reply);
        return;
    }
    if (s->pns || situation.stopping)
    {
        m_host.illegal(PptpControlMessage(m),
                       situation.stopping ? "while stopping" : "sent to a PNS");
        reply.resultCode = PptpOutgoingCallResult::DO_NOT_ACCEPT;
        m_host.send(reply);
        return;
    }
    if (FindByPeerId(m.callId))
    {
        m_host.illegal(PptpControlMessage(m), "for a Call ID already in use");
        reply.resultCode = PptpOutgoingCallResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::BAD_CALL_ID;
        m_host.send(reply);
        return;
    }
    Ptr<PptpCall> call;
    if (admit.IsNull() || admit())
    {
        call = Create(PptpCall::Direction::OUTGOING, Simulator::Now());
    }
    if (!call)
    {
        reply.resultCode = PptpOutgoingCallResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::NO_RESOURCE;
        m_host.send(reply);
        return;
    }
    call->AnswerOutgoingCallRequest(m);
}

void
PptpCallSet::Receive(const PptpOutgoingCallReply& m)
{
    Ptr<PptpCall> call = FindByLocalId(m.peerCallId);
    if (!call || !call->ReceiveOutgoingCallReply(m))
    {
        m_host.illegal(PptpControlMessage(m), "for no call waiting for it");
    }
}

void
PptpCallSet::Receive(const PptpIncomingCallRequest& m, Situation situation, bool accept)
{
    std::shared_ptr<const PptpCall::Settings> s = m_settings ? m_settings : m_host.settings();
    PptpIncomingCallReply reply;
    reply.peerCallId = m.callId;
    reply.receiveWindowSize = s->receiveWindow;
    reply.transmitDelay = s->processingDelay;
    if (!situation.established)
    {
        m_host.illegal(PptpControlMessage(m), "before the control connection is established");
        reply.resultCode = PptpIncomingCallResult::GENERAL_ERROR;
        reply.errorCode = PptpGeneralError::NOT_CONNECTED;
        m_host.send(reply);
        return;
    }
    Ptr<PptpCall> call;
    if (s->pns && accept && !situation.stopping && !FindByPeerId(m.callId))
    {
        call = Create(PptpCall::Direction::INCOMING, Simulator::Now());
    }
    if (!call)
    {
        if (!s->pns)
        {
            m_host.illegal(PptpControlMessage(m), "sent to a PAC");
        }
        reply.resultCode = PptpIncomingCallResult::DO_NOT_ACCEPT;
        m_host.send(reply);
        return;
    }
    call->AnswerIncomingCallRequest(m);
}

void
PptpCallSet::Receive(const PptpIncomingCallReply& m)
{
    Ptr<PptpCall> call = FindByLocalId(m.peerCallId);
    if (!call || !call->ReceiveIncomingCallReply(m))
    {
        m_host.illegal(PptpControlMessage(m), "for no call waiting for it");
    }
}

void
PptpCallSet::Receive(const PptpIncomingCallConnected& m)
{
    Ptr<PptpCall> call = FindByLocalId(m.peerCallId);
    if (!call || !call->ReceiveIncomingCallConnected(m))
    {
        m_host.illegal(PptpControlMessage(m), "for no call waiting for it");
    }
}

void
PptpCallSet::Receive(const PptpCallClearRequest& m)
{
    Ptr<PptpCall> call = FindByPeerId(m.callId);
    bool pac = m_settings && !m_settings->pns;
    if (!pac || !call)
    {
        m_host.illegal(PptpControlMessage(m), call ? "sent to a PNS" : "for an unknown call");
        return;
    }
    call->ReceiveCallClearRequest();
}

void
PptpCallSet::Receive(const PptpCallDisconnectNotify& m)
{
    Ptr<PptpCall> call = FindByPeerId(m.callId);
    if (!call)
    {
        m_host.illegal(PptpControlMessage(m), "for an unknown call");
        return;
    }
    call->ReceiveCallDisconnectNotify(m);
}

void
PptpCallSet::Receive(const PptpWanErrorNotify& m)
{
    Ptr<PptpCall> call = FindByLocalId(m.peerCallId);
    bool pns = m_settings && m_settings->pns;
    if (!pns || !call)
    {
        m_host.illegal(PptpControlMessage(m), call ? "sent to a PAC" : "for an unknown call");
        return;
    }
    call->ReceiveWanErrorNotify(m);
}

void
PptpCallSet::Receive(const PptpSetLinkInfo& m)
{
    if (!FindByLocalId(m.peerCallId))
    {
        m_host.illegal(PptpControlMessage(m), "for an unknown call");
    }
}

// ---- all the calls --------------------------------------------------------------------

std::vector<Ptr<PptpCall>>
PptpCallSet::Snapshot() const
{
    std::vector<Ptr<PptpCall>> calls;
    for (const auto& [id, call] : m_calls)
    {
        calls.push_back(call);
    }
    return calls;
}

void
PptpCallSet::ClearAll()
{
    m_pending.clear();
    for (const auto& call : Snapshot())
    {
        call->Clear(PptpDownCause::CALL_CLEAR);
    }
}

void
PptpCallSet::EndAll(PptpDownCause cause)
{
    m_pending.clear();
    for (const auto& call : Snapshot())
    {
        call->End(cause);
    }
}

void
PptpCallSet::ReportWanErrors()
{
    for (const auto& call : Snapshot())
    {
        call->ReportWanErrors();
    }
}

void
PptpCallSet::Dispose()
{
    for (auto& [id, call] : m_calls)
    {
        call->Dispose();
    }
    m_calls.clear();
    m_callsByPeerId.clear();
    m_pending.clear();
    m_settings.reset();
    m_host = Host{};
    m_node = nullptr;
}

const std::map<uint16_t, Ptr<PptpCall>>&
PptpCallSet::GetCalls() const
{
    return m_calls;
}

bool
PptpCallSet::IsEmpty() const
{
    return m_calls.empty();
}

uint32_t
PptpCallSet::CountEstablished() const
{
    uint32_t n = 0;
    for (const auto& [id, call] : m_calls)
    {
        n += call->GetState() == PptpCall::State::ESTABLISHED ? 1 : 0;
    }
    return n;
}

} // namespace ns3
