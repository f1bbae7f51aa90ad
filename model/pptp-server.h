/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SERVER_H
#define PPTP_SERVER_H

#include "ns3/ipv4-address.h"
#include "pptp-application.h"

#include <map>
#include <vector>

namespace ns3
{

class Socket;

/**
 * \ingroup pptp
 * A PPTP Access Concentrator (PAC): listens on TCP port 1723, accepts any
 * number of control connections, answers Outgoing-Call-Requests while it has
 * channels left (Max Channels) and can offer incoming calls to each PNS.
 *
 * Each control connection is a PptpControlConnection created with the
 * attributes given by SetConnectionAttribute (keepalive, timers, window); the
 * server's trace sources report the events of all its connections.
 */
class PptpServer : public PptpApplication
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpServer();
    ~PptpServer() override;

    /// \return the control connections that are not closed
    std::vector<Ptr<PptpControlConnection>> GetConnections() const;
    /// \return calls established now, over all connections
    uint32_t GetEstablishedCallCount() const;
    /// \return control connections accepted since the start
    uint64_t GetAcceptedCount() const;
    /// \return Outgoing-Call-Requests refused for lack of a channel
    uint64_t GetRefusedCallCount() const;

  private:
    void DoDispose() override;
    void StartApplication() override;
    void StopApplication() override;

    bool HandleConnectionRequest(Ptr<Socket> socket, const Address& from);
    void HandleAccept(Ptr<Socket> socket, const Address& from);
    void ConnectionEstablished(Ptr<const PptpControlConnection> connection, PptpDownCause cause);
    void ConnectionClosed(Ptr<const PptpControlConnection> connection, PptpDownCause cause);
    bool AdmitCall();
    /// \return a free pool address for a call's peer, or 0.0.0.0 if none is left
    Ipv4Address AllocateAddress();
    /// \param address a pool address no longer in use
    void ReleaseAddress(Ipv4Address address);
    /// Keep the counts of calls in use and established from call state changes.
    void CountCalls(Ptr<const PptpCall> call, PptpCall::State from, PptpCall::State to);

    uint16_t m_port;                      //!< TCP port to listen on
    uint16_t m_maxChannels;               //!< calls allowed at once (0: no limit)
    uint32_t m_incomingCalls;             //!< incoming calls to offer each PNS
    Ipv4Address m_tunnelAddress;          //!< the server's own tunnel address
    Ipv4Address m_poolStart;              //!< first address given to peers
    uint32_t m_poolSize;                  //!< how many addresses the pool has
    std::vector<bool> m_poolUsed;         //!< by offset from m_poolStart
    uint32_t m_poolNext{0};               //!< where to look for a free address first
    std::vector<Ptr<Socket>> m_listeners; //!< one per TCP instance of the node
    std::map<const PptpControlConnection*, Ptr<PptpControlConnection>> m_connections; //!< open ones
    uint32_t m_callsInUse{0};  //!< calls holding a channel
    uint32_t m_established{0}; //!< calls established
    uint64_t m_accepted{0};
    uint64_t m_refused{0};
};

} // namespace ns3

#endif /* PPTP_SERVER_H */
