/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-negotiation.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppNegotiation");

PppNegotiation::PppNegotiation(Handler handler,
                               Time restart,
                               uint32_t maxConfigure,
                               uint32_t maxTerminate,
                               uint32_t maxFailure)
    : m_handler(std::move(handler))
    , m_restart(restart)
    , m_maxConfigure(maxConfigure)
    , m_maxTerminate(maxTerminate)
    , m_maxFailure(maxFailure)
{
}

PppNegotiation::~PppNegotiation()
{
    m_timer.Cancel();
}

std::string
PppNegotiation::StateName(State state)
{
    switch (state)
    {
        case State::INITIAL:
            return "initial";
        case State::REQ_SENT:
            return "req-sent";
        case State::ACK_RCVD:
            return "ack-rcvd";
        case State::ACK_SENT:
            return "ack-sent";
        case State::OPENED:
            return "opened";
        case State::CLOSING:
            return "closing";
        case State::STOPPED:
            return "stopped";
    }
    return "unknown";
}

PppNegotiation::State
PppNegotiation::GetState() const
{
    return m_state;
}

bool
PppNegotiation::IsOpened() const
{
    return m_state == State::OPENED;
}

void
PppNegotiation::SetState(State state)
{
    if (state == m_state)
    {
        return;
    }
    State old = m_state;
    m_state = state;
    if (m_handler.stateChanged)
    {
        m_handler.stateChanged(old, state);
    }
    if (old == State::OPENED && m_handler.down)
    {
        m_handler.down();
    }
    if (state == State::OPENED)
    {
        m_timer.Cancel();
        if (m_handler.up)
        {
            m_handler.up();
        }
    }
}

void
PppNegotiation::Open()
{
    m_counter = m_maxConfigure;
    m_failures = 0;
    SetState(State::REQ_SENT);
    SendConfigureRequest();
}

void
PppNegotiation::Close()
{
    if (m_state == State::INITIAL || m_state == State::STOPPED || m_state == State::CLOSING)
    {
        return;
    }
    m_counter = m_maxTerminate;
    SetState(State::CLOSING);
    SendTerminateRequest();
}

void
PppNegotiation::Abort()
{
    m_timer.Cancel();
    if (m_state != State::STOPPED && m_state != State::INITIAL)
    {
        SetState(State::STOPPED);
    }
}

void
PppNegotiation::StartTimer()
{
    m_timer.Cancel();
    m_timer = Simulator::Schedule(m_restart, &PppNegotiation::TimedOut, this);
}

void
PppNegotiation::SendConfigureRequest()
{
    PppControlPacket request;
    request.code = PPP_CONFIGURE_REQUEST;
    request.identifier = ++m_requestId;
    request.SetOptions(m_handler.buildRequest());
    m_handler.send(request);
    StartTimer();
}

void
PppNegotiation::SendTerminateRequest()
{
    PppControlPacket request;
    request.code = PPP_TERMINATE_REQUEST;
    request.identifier = ++m_requestId;
    m_handler.send(request);
    StartTimer();
}

void
PppNegotiation::TimedOut()
{
    if (m_counter == 0)
    {
        Finish(m_state == State::CLOSING ? "terminated (no Terminate-Ack)"
                                         : "no answer to Configure-Request");
        return;
    }
    --m_counter;
    if (m_state == State::CLOSING)
    {
        SendTerminateRequest();
        return;
    }
    if (m_state == State::ACK_RCVD)
    {
        SetState(State::REQ_SENT);
    }
    SendConfigureRequest();
}

void
PppNegotiation::Finish(const std::string& reason)
{
    m_timer.Cancel();
    SetState(State::STOPPED);
    if (m_handler.finished)
    {
        m_handler.finished(reason);
    }
}

void
PppNegotiation::Receive(const PppControlPacket& packet)
{
    if (m_state == State::INITIAL || m_state == State::STOPPED)
    {
        return; // not negotiating: a real implementation would answer Terminate-Ack
    }
    switch (packet.code)
    {
        case PPP_CONFIGURE_REQUEST:
            if (m_state != State::CLOSING)
            {
                ReceiveConfigureRequest(packet);
            }
            break;
        case PPP_CONFIGURE_ACK:
        case PPP_CONFIGURE_NAK:
        case PPP_CONFIGURE_REJECT:
            if (m_state != State::CLOSING)
            {
                ReceiveConfigureReply(packet);
            }
            break;
        case PPP_TERMINATE_REQUEST:
        {
            PppControlPacket ack;
            ack.code = PPP_TERMINATE_ACK;
            ack.identifier = packet.identifier;
            m_handler.send(ack);
            Finish("peer terminated the link");
            break;
        }
        case PPP_TERMINATE_ACK:
            if (m_state == State::CLOSING)
            {
                Finish("terminated");
            }
            else if (m_state == State::ACK_RCVD)
            {
                SetState(State::REQ_SENT);
            }
            break;
        case PPP_CODE_REJECT:
            break; // we only send codes every implementation knows
        default:
            if (!m_handler.otherCode || !m_handler.otherCode(packet))
            {
                PppControlPacket reject;
                reject.code = PPP_CODE_REJECT;
                reject.identifier = ++m_requestId;
                reject.data = packet.Encode();
                m_handler.send(reject);
            }
            break;
    }
}

void
PppNegotiation::ReceiveConfigureRequest(const PppControlPacket& packet)
{
    std::vector<PppOption> options;
    PppControlPacket reply;
    reply.identifier = packet.identifier;
    if (!packet.GetOptions(options))
    {
        return; // malformed options: silently discarded (RFC 1661 section 5)
    }
    std::vector<PppOption> replyOptions;
    uint8_t verdict = m_handler.checkRequest(options, replyOptions);
    if (verdict == PPP_CONFIGURE_NAK && ++m_failures > m_maxFailure)
    {
        verdict = PPP_CONFIGURE_REJECT; // stop Nak'ing what the peer insists on
    }
    reply.code = verdict;
    if (verdict == PPP_CONFIGURE_ACK)
    {
        m_failures = 0;
        reply.data = packet.data;
    }
    else
    {
        reply.SetOptions(replyOptions);
    }
    if (m_state == State::OPENED)
    {
        // The peer renegotiates: the link goes down and we ask again too.
        SetState(State::REQ_SENT);
        m_counter = m_maxConfigure;
        SendConfigureRequest();
    }
    m_handler.send(reply);
    if (verdict == PPP_CONFIGURE_ACK)
    {
        SetState(m_state == State::ACK_RCVD ? State::OPENED : State::ACK_SENT);
    }
    else if (m_state == State::ACK_SENT)
    {
        SetState(State::REQ_SENT);
    }
}

void
PppNegotiation::ReceiveConfigureReply(const PppControlPacket& packet)
{
    if (packet.identifier != m_requestId)
    {
        return; // a reply to an older request
    }
    std::vector<PppOption> options;
    if (!packet.GetOptions(options))
    {
        return;
    }
    if (packet.code == PPP_CONFIGURE_ACK)
    {
        if (m_handler.acked)
        {
            m_handler.acked(options);
        }
        m_counter = m_maxConfigure;
        if (m_state == State::REQ_SENT)
        {
            SetState(State::ACK_RCVD);
            m_timer.Cancel();
        }
        else if (m_state == State::ACK_SENT)
        {
            SetState(State::OPENED);
        }
        else if (m_state == State::OPENED || m_state == State::ACK_RCVD)
        {
            SetState(State::REQ_SENT); // an unexpected Ack: negotiate again
            SendConfigureRequest();
        }
        return;
    }
    if (packet.code == PPP_CONFIGURE_NAK)
    {
        m_handler.naked(options);
    }
    else
    {
        m_handler.rejected(options);
    }
    if (m_state == State::ACK_RCVD || m_state == State::OPENED)
    {
        SetState(State::REQ_SENT);
    }
    SendConfigureRequest();
}

} // namespace ns3
