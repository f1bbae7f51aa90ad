/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_KEEPALIVE_H
#define PPTP_KEEPALIVE_H

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "pptp-deadline-timer.h"

#include <functional>

namespace ns3
{

/**
 * \ingroup pptp
 * The keepalive of a control connection (RFC 2637 section 2.4 and 3.1):
 * an Echo-Request after an idle interval with nothing received, and the peer
 * declared dead after a number of requests in a row got no answer in time.
 *
 * With interval I, reply time-out T and M misses, a silent peer is declared
 * dead I + M x T after the last message received from it. Any message received
 * shows the peer alive: the misses are forgotten and the idle interval starts
 * again (while the connection is established).
 */
class PptpKeepalive
{
  public:
    /// What the keepalive asks of its connection.
    struct Handler
    {
        /// May an Echo-Request be sent now (the connection is established)?
        std::function<bool()> canSend;
        /// Send an Echo-Request with this identifier.
        std::function<void(uint32_t)> send;
        /// The peer is dead.
        std::function<void()> dead;
        /// Keeps the connection alive while the keepalive acts for it (it may be let go).
        std::function<Ptr<Object>()> hold;
    };

    PptpKeepalive();

    /**
     * \param interval idle time before an Echo-Request
     * \param replyTimeout wait for its reply before counting a miss
     * \param maxMisses misses in a row that make the peer dead (0: no keepalive)
     * \param handler what to ask of the connection
     */
    void Configure(Time interval, Time replyTimeout, uint32_t maxMisses, Handler handler);

    /**
     * A message came from the peer: it is alive.
     * \param restartIdle start the idle interval again (the connection is established)
     */
    void Received(bool restartIdle);

    /// Start the idle interval (again), unless a request is outstanding.
    void RestartIdle();
    /// Stop waiting for idleness (a connection stopping sends no more requests).
    void CancelIdle();
    /// Stop everything.
    void Stop();

    /// \return unanswered Echo-Requests in a row at the moment
    uint32_t GetMisses() const;

  private:
    void SendRequest();
    void ReplyTimedOut();

    Time m_interval;
    Time m_replyTimeout;
    uint32_t m_maxMisses{1};
    Handler m_handler;
    uint32_t m_nextId{1};
    uint32_t m_misses{0};
    bool m_outstanding{false};
    PptpDeadlineTimer m_idleTimer; //!< Echo-Request after the interval without a message
    EventId m_replyTimer;
};

} // namespace ns3

#endif /* PPTP_KEEPALIVE_H */
