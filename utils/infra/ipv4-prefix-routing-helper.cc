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

std::function<void(Ipv4Address, Ipv4Mask, uint32_t)>
Ipv4PrefixRoutingHelper::LinkRouteAdder(Ptr<Node> node)
{
    Ptr<Ipv4PrefixRouting> routing = Ipv4PrefixRouting::Find(node->GetObject<Ipv4>());
    NS_ABORT_MSG_UNLESS(routing, "node " << node->GetId() << " has no Ipv4PrefixRouting");
    return [routing](Ipv4Address network, Ipv4Mask mask, uint32_t interface)
    { routing->AddNetworkRouteTo(network, mask, interface); };
}

std::function<void(uint32_t)>
Ipv4PrefixRoutingHelper::InterfaceRouteRemover(Ptr<Node> node)
{
    Ptr<Ipv4PrefixRouting> routing = Ipv4PrefixRouting::Find(node->GetObject<Ipv4>());
    NS_ABORT_MSG_UNLESS(routing, "node " << node->GetId() << " has no Ipv4PrefixRouting");
    return [routing](uint32_t interface) { routing->RemoveRoutesVia(interface); };
}

} // namespace ns3
