/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TUNNEL_ROUTES_H
#define PPTP_TUNNEL_ROUTES_H

#include "ns3/ipv4-address.h"
#include "ns3/object.h"

#include <functional>

namespace ns3
{

class Node;

/**
 * \ingroup pptp
 * Where a node's tunnels put their routes: a hook between PptpTunnel and the
 * node's routing.
 *
 * By default a tunnel adds its routes to the node's Ipv4StaticRouting and
 * removes them from it. A node whose static routes are kept by another
 * routing protocol (a table indexed by prefix, say, for a server with
 * thousands of clients) has an object of this kind aggregated, holding the two
 * functions that reach that protocol; the tunnel knows nothing more of it.
 */
class PptpTunnelRoutes : public Object
{
  public:
    /// Add a route to a network (a host: mask /32) out of an interface.
    using AddRoute = std::function<void(Ipv4Address network, Ipv4Mask mask, uint32_t interface)>;
    /// Remove every route out of an interface.
    using RemoveRoutes = std::function<void(uint32_t interface)>;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * Route a node's tunnels through other functions than Ipv4StaticRouting's.
     * \param node the node
     * \param add adds a route
     * \param remove removes the routes out of an interface
     */
    static void Install(Ptr<Node> node, AddRoute add, RemoveRoutes remove);

    /**
     * Add a route for a tunnel, through the node's hook or its Ipv4StaticRouting.
     * \param node the node
     * \param network the network (a host with a /32 mask)
     * \param mask its mask
     * \param interface the tunnel's interface
     */
    static void Add(Ptr<Node> node, Ipv4Address network, Ipv4Mask mask, uint32_t interface);

    /**
     * Remove every route out of a tunnel's interface.
     * \param node the node
     * \param interface the interface
     */
    static void Remove(Ptr<Node> node, uint32_t interface);

  private:
    /// The functions may hold the routing protocol, which holds the node: let them go.
    void DoDispose() override;

    AddRoute m_add;
    RemoveRoutes m_remove;
};

} // namespace ns3

#endif /* PPTP_TUNNEL_ROUTES_H */
