/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_DEADLINE_TIMER_H
#define PPTP_DEADLINE_TIMER_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"

namespace ns3
{

/**
 * \ingroup pptp
 * A timer whose deadline moves often, mostly later: the keepalive idle
 * timer (on every message received), the GRE acknowledgement timers (on
 * every packet). Moving the deadline later only notes it; the event set for
 * the earlier one, when it expires, sets itself again for the rest. One event
 * per expiry, instead of one cancelled and one scheduled per move (cancelled
 * events stay in ns-3's event list until their time). Moving it earlier
 * reschedules at once.
 */
class PptpDeadlineTimer
{
  public:
    PptpDeadlineTimer() = default;
    PptpDeadlineTimer(const PptpDeadlineTimer&) = delete;
    PptpDeadlineTimer& operator=(const PptpDeadlineTimer&) = delete;
    ~PptpDeadlineTimer();

    /// \param expire called when the deadline is reached
    void SetFunction(Callback<void> expire);

    /**
     * Expire at a time (now at the earliest), whether or not the timer runs.
     * \param deadline the simulation time
     */
    void SetDeadline(Time deadline);

    /// Stop the timer: the function is not called.
    void Cancel();

    /// \return true if the function will be called
    bool IsRunning() const;

  private:
    void Expire();

    Callback<void> m_expire; //!< the function
    EventId m_event;         //!< the pending event, for m_eventTime
    Time m_eventTime;        //!< when m_event expires
    Time m_deadline;         //!< when the function is due
};

} // namespace ns3

#endif /* PPTP_DEADLINE_TIMER_H */
