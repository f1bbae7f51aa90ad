/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef IPV4_PREFIX_ROUTING_HELPER_H
#define IPV4_PREFIX_ROUTING_HELPER_H

#include "ipv4-prefix-routing.h"
#include "ns3/ipv4-routing-helper.h"

#include <functional>

namespace ns3
{

/**
 * \ingroup pptp
 * Gives nodes Ipv4PrefixRouting, through InternetStackHelper::SetRoutingHelper;
 * for nodes that hold a route per client (a PPTP server, an access router).
 */
class Ipv4PrefixRoutingHelper : public Ipv4RoutingHelper
{
  public:
    Ipv4PrefixRoutingHelper* Copy() const override;
    Ptr<Ipv4RoutingProtocol> Create(Ptr<Node> node) const override;

    /**
     * Add a route on a node, to whichever of Ipv4PrefixRouting and Ipv4StaticRouting it
     * uses (the first, if both).
     * \param node the node
     * \param network the network address
     * \param mask its mask
     * \param gateway the next hop (0.0.0.0: on the link)
     * \param interface the output interface
     */
    static void AddNetworkRoute(Ptr<Node> node,
                                Ipv4Address network,
                                Ipv4Mask mask,
                                Ipv4Address gateway,
                                uint32_t interface);

    /**
     * For code that adds routes through an interface without knowing this routing (a
     * tunnel, say): a function adding a route on a link to the node's Ipv4PrefixRouting.
     * \param node a node with Ipv4PrefixRouting
     * eturn the function (network, mask, interface)
     */
    static std::function<void(Ipv4Address, Ipv4Mask, uint32_t)> LinkRouteAdder(Ptr<Node> node);

    /**
     * \param node a node with Ipv4PrefixRouting
     * eturn a function removing every route out of an interface from it
     */
    static std::function<void(uint32_t)> InterfaceRouteRemover(Ptr<Node> node);
};

} // namespace ns3

#endif /* IPV4_PREFIX_ROUTING_HELPER_H */
