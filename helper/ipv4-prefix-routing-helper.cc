/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv4-prefix-routing-helper.h"

#include "ns3/abort.h"
#include "ns3/ipv4-static-routing-helper.h"
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
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    if (Ptr<Ipv4PrefixRouting> prefix = Ipv4PrefixRouting::Find(ipv4))
    {
        prefix->AddNetworkRouteTo(network, mask, gateway, interface);
        return;
    }
    Ptr<Ipv4StaticRouting> routing = Ipv4StaticRoutingHelper().GetStaticRouting(ipv4);
    NS_ABORT_MSG_UNLESS(routing, "node " << node->GetId() << " has no static routing to add to");
    routing->AddNetworkRouteTo(network, mask, gateway, interface);
}

} // namespace ns3
