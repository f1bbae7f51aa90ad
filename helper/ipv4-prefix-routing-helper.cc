/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv4-prefix-routing-helper.h"

#include "ns3/node.h"

namespace ns3
{

Ipv4PrefixRoutingHelper*
Ipv4PrefixRoutingHelper::Copy() const
{
    return new Ipv4PrefixRoutingHelper(*this);
}

Ptr<Ipv4RoutingProtocol>
Ipv4PrefixRoutingHelper::Create(Ptr<Node>) const
{
    return CreateObject<Ipv4PrefixRouting>();
}

void
Ipv4PrefixRoutingHelper::AddNetworkRoute(
    Ptr<Node> node, Ipv4Address network, Ipv4Mask mask, Ipv4Address gateway, uint32_t interface)
{
    Ipv4PrefixRouting::AddStaticRoutes(node->GetObject<Ipv4>(),
                                       [&](auto routing)
                                       {
                                           routing->AddNetworkRouteTo(
                                               network, mask, gateway, interface);
                                       });
}

} // namespace ns3
