/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-deadline-timer.h"

#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

PptpDeadlineTimer::~PptpDeadlineTimer()
{
    m_event.Cancel();
}

void
PptpDeadlineTimer::SetFunction(Callback<void> expire)
{
    m_expire = expire;
}

void
PptpDeadlineTimer::SetDeadline(Time deadline)
{
    m_deadline = std::max(deadline, Simulator::Now());
    if (m_event.IsRunning() && m_eventTime <= m_deadline)
    {
        return; // it expires first and looks again then
    }
    m_event.Cancel();
    m_eventTime = m_deadline;
    m_event = Simulator::Schedule(m_deadline - Simulator::Now(), &PptpDeadlineTimer::Expire, this);
}

void
PptpDeadlineTimer::Cancel()
{
    m_event.Cancel();
}

bool
PptpDeadlineTimer::IsRunning() const
{
    return m_event.IsRunning();
}

void
PptpDeadlineTimer::Expire()
{
    if (m_deadline > Simulator::Now())
    {
        m_eventTime = m_deadline;
        m_event
            = Simulator::Schedule(m_deadline - Simulator::Now(), &PptpDeadlineTimer::Expire, this);
        return;
    }
    m_expire();
}

} // namespace ns3
