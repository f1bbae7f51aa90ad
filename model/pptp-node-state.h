/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_NODE_STATE_H
#define PPTP_NODE_STATE_H

#include "ns3/ipv4-address.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"

#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ns3
{

class Node;
class PptpControlConnection;

/**
 * \ingroup pptp
 * PPTP state shared by every PPTP application of one node, aggregated to the
 * node on first use:
 *  - Call IDs, unique per node so that GRE packets (which carry only the
 *    receiver's Call ID) find their call whichever application owns it. Like
 *    pptp-linux, the first id is unpredictable (drawn at random), the next ones
 *    follow it, and an id is never handed out while it is in use;
 *  - the control connections to each peer, so that two Start-Control-
 *    Connection-Requests crossing each other can be detected (RFC 2637
 *    section 3.1.3).
 */
class PptpNodeState : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpNodeState();

    /**
     * \param node a node
     * \return its PPTP state, created and aggregated if it has none
     */
    static Ptr<PptpNodeState> Get(Ptr<Node> node);

    /**
     * \return a Call ID not in use on this node (never 0), or 0 if all 65535 are in use
     */
    uint16_t AllocateCallId();
    /// \param callId an id that is no longer in use
    void ReleaseCallId(uint16_t callId);
    /// \return how many Call IDs are in use
    uint32_t GetCallIdsInUse() const;

    /**
     * \param peer the peer's address
     * \param connection a control connection to that peer
     */
    void AddConnection(Ipv4Address peer, Ptr<PptpControlConnection> connection);
    /**
     * \param peer the peer's address
     * \param connection a control connection that is closed
     */
    void RemoveConnection(Ipv4Address peer, Ptr<PptpControlConnection> connection);
    /**
     * \param peer the peer's address
     * \return the control connections to that peer
     */
    std::vector<Ptr<PptpControlConnection>> GetConnections(Ipv4Address peer) const;

    /**
     * Assign a fixed random variable stream number to the random variables used by this model.
     * \param stream first stream index to use
     * \return the number of stream indices assigned
     */
    int64_t AssignStreams(int64_t stream);

  private:
    void DoDispose() override;

    Ptr<UniformRandomVariable> m_random;    //!< draws the first Call ID
    bool m_started{false};                  //!< the first id was drawn
    uint16_t m_nextCallId{1};               //!< next id to try
    std::unordered_set<uint16_t> m_callIds; //!< ids in use
    std::unordered_map<uint32_t, std::vector<Ptr<PptpControlConnection>>>
        m_connections; //!< by peer
};

} // namespace ns3

#endif /* PPTP_NODE_STATE_H */
