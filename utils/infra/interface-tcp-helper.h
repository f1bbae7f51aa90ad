/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef INTERFACE_TCP_HELPER_H
#define INTERFACE_TCP_HELPER_H

#include "ns3/node.h"
#include "ns3/object.h"
#include "ns3/tcp-l4-protocol.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * Gives each IPv4 interface of a node its own TCP instance (an
 * ns3::TcpL4Protocol registered for that interface with
 * Ipv4::Insert (protocol, interface)).
 *
 * Why: ns-3 finds the socket of an arriving TCP segment by walking every
 * connection of the node's TCP instance (Ipv4EndPointDemux), so a PAC with
 * N control connections spends O(N) on each segment, and a scenario with N
 * clients O(N^2) in all. With one instance per interface a segment is
 * matched against the connections of its own interface only. Nothing on the
 * wire changes: each instance is the same ns-3 TCP with the same attributes.
 *
 * A PptpServer listens through every TCP instance of its node, so it
 * accepts control connections on all interfaces. Other listening
 * applications created through the node's TcpSocketFactory only see
 * connections arriving on interfaces that kept the node's own instance.
 */
class InterfaceTcpHelper
{
  public:
    /**
     * Give every IPv4 interface of the node (the loopback excepted) that has
     * none yet its own TCP instance. Interfaces added later keep the node's
     * instance.
     * \param node a node with an internet stack
     * \return how many instances were added
     */
    static uint32_t Install(Ptr<Node> node);
};

/**
 * \ingroup pptp
 * Keeps the per-interface TCP instances of a node (aggregated to the node)
 * and disposes of them with it: the IPv4 layer only holds references.
 */
class InterfaceTcpInstances : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /// \param tcp an instance to keep
    void Add(Ptr<TcpL4Protocol> tcp);

    /// \return the instances kept, in the order they were added
    const std::vector<Ptr<TcpL4Protocol>>& Get() const;

  protected:
    void DoDispose() override;

  private:
    std::vector<Ptr<TcpL4Protocol>> m_instances;
};

} // namespace ns3

#endif /* INTERFACE_TCP_HELPER_H */
