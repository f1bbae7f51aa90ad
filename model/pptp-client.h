/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CLIENT_H
#define PPTP_CLIENT_H

#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "pptp-application.h"

#include <vector>

namespace ns3
{

class Socket;

/**
 * \ingroup pptp
 * A PPTP Network Server (PNS), the calling side: opens a control connection
 * to a PAC, asks for a number of outgoing calls, keeps them for a while,
 * clears them and stops the control connection, and optionally tries again
 * after a failure.
 *
 * Lifecycle: TCP connect to RemoteAddress:RemotePort, Start-Control-
 * Connection-Request/Reply, one Outgoing-Call-Request per call (Calls), each
 * call cleared CallDuration after it is established (never, if zero), then
 * Stop-Control-Connection-Request/Reply once no call is left (StopWhenDone).
 * When the connection fails (TCP failure, keepalive timeout, peer stop, ...)
 * the client reconnects after ReconnectDelay, at most ReconnectAttempts times.
 */
class PptpClient : public PptpApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpClient();
    ~PptpClient() override;

    /// \return the current control connection (null when there is none)
    Ptr<PptpControlConnection> GetConnection() const;
    /// \return connection attempts made so far
    uint32_t GetConnectAttempts() const;
    /// \return calls established so far, over all connections
    uint32_t GetCallsEstablished() const;
    /**
     * TracedCallback signature for a failed TCP connection attempt.
     * \param server the server's address
     */
    typedef void (*ConnectFailedTracedCallback)(Ipv4Address server);

  private:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

    void Connect();
    void ConnectionSucceeded(Ptr<Socket> socket);
    void ConnectionFailed(Ptr<Socket> socket);
    void CallUp(Ptr<const PptpCall> call, Time latency);
    void CallDown(Ptr<const PptpCall> call, PptpDownCause cause);
    void ConnectionClosed(Ptr<const PptpControlConnection> connection, PptpDownCause cause);
    void ClearCall(Ptr<PptpCall> call);
    /// Try again later, if attempts remain.
    void ScheduleReconnect();

    Ipv4Address m_remoteAddress;
    uint16_t m_remotePort;
    uint32_t m_calls;
    Time m_callDuration;
    bool m_stopWhenDone;
    Time m_reconnectDelay;
    uint32_t m_reconnectAttempts;

    Ptr<Socket> m_socket;
    Ptr<PptpControlConnection> m_connection;
    Time m_connectStart;
    uint32_t m_attempts{0};
    uint32_t m_established{0};
    uint32_t m_callsUp{0};    //!< calls of the current connection still up or being placed
    bool m_callFailed{false}; //!< a call of the current connection ended by no choice of ours
    bool m_running{false};
    EventId m_reconnectEvent;
    std::vector<EventId> m_clearEvents;
    TracedCallback<Ipv4Address> m_connectFailedTrace;
};

} // namespace ns3

#endif /* PPTP_CLIENT_H */
