/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-keepalive.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpKeepalive");

PptpKeepalive::PptpKeepalive()
{
    m_idleTimer.SetFunction(MakeCallback(&PptpKeepalive::SendRequest, this));
}

void
PptpKeepalive::Configure(Time interval, Time replyTimeout, uint32_t maxMisses, Handler handler)
{
    m_interval = interval;
    m_replyTimeout = replyTimeout;
    m_maxMisses = maxMisses;
    m_handler = std::move(handler);
}

void
PptpKeepalive::Received(bool restartIdle)
{
    m_misses = 0;
    m_outstanding = false;
    if (m_replyTimer.IsRunning())
    {
        // Out of the event list at once rather than cancelled and left to expire: one Echo
        // per interval on every connection makes that a large share of the idle events.
        Simulator::Remove(m_replyTimer);
    }
    if (restartIdle)
    {
        RestartIdle();
    }
}

void
PptpKeepalive::RestartIdle()
{
    if (m_maxMisses == 0 || m_outstanding)
    {
        return;
    }
    m_idleTimer.SetDeadline(Simulator::Now() + m_interval);
}

void
PptpKeepalive::CancelIdle()
{
    m_idleTimer.Cancel();
}

void
PptpKeepalive::Stop()
{
    m_idleTimer.Cancel();
    m_replyTimer.Cancel();
}

void
PptpKeepalive::SendRequest()
{
    Ptr<Object> owner = m_handler.hold();
    if (!m_handler.canSend())
    {
        return;
    }
    m_outstanding = true;
    m_handler.send(m_nextId++);
    m_replyTimer = Simulator::Schedule(m_replyTimeout, &PptpKeepalive::ReplyTimedOut, this);
}

void
PptpKeepalive::ReplyTimedOut()
{
    Ptr<Object> owner = m_handler.hold();
    ++m_misses;
    NS_LOG_INFO("Echo-Request unanswered (" << m_misses << " of " << m_maxMisses << ")");
    if (m_misses >= m_maxMisses)
    {
        m_handler.dead();
        return;
    }
    SendRequest();
}

uint32_t
PptpKeepalive::GetMisses() const
{
    return m_misses;
}

} // namespace ns3
