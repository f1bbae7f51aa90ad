/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-tunnel-routes.h"

#include "ns3/abort.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/node.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(PptpTunnelRoutes);

TypeId
PptpTunnelRoutes::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PptpTunnelRoutes").SetParent<Object>().SetGroupName("Pptp");
    return tid;
}

void
PptpTunnelRoutes::DoDispose()
{
    m_add = nullptr;
    m_remove = nullptr;
    Object::DoDispose();
}

void
PptpTunnelRoutes::Install(Ptr<Node> node, AddRoute add, RemoveRoutes remove)
{
    Ptr<PptpTunnelRoutes> routes = node->GetObject<PptpTunnelRoutes>();
    if (!routes)
    {
        routes = CreateObject<PptpTunnelRoutes>();
        node->AggregateObject(routes);
    }
    routes->m_add = std::move(add);
    routes->m_remove = std::move(remove);
}

void
PptpTunnelRoutes::Add(Ptr<Node> node, Ipv4Address network, Ipv4Mask mask, uint32_t interface)
{
    if (Ptr<PptpTunnelRoutes> hook = node->GetObject<PptpTunnelRoutes>())
    {
        hook->m_add(network, mask, interface);
        return;
    }
    Ptr<Ipv4StaticRouting> routing
        = Ipv4StaticRoutingHelper().GetStaticRouting(node->GetObject<Ipv4>());
    NS_ABORT_MSG_UNLESS(routing, "a PPTP tunnel needs Ipv4StaticRouting on node " << node->GetId());
    if (mask == Ipv4Mask::GetOnes())
    {
        routing->AddHostRouteTo(network, interface);
    }
    else
    {
        routing->AddNetworkRouteTo(network, mask, interface);
    }
}

void
PptpTunnelRoutes::Remove(Ptr<Node> node, uint32_t interface)
{
    if (Ptr<PptpTunnelRoutes> hook = node->GetObject<PptpTunnelRoutes>())
    {
        hook->m_remove(interface);
        return;
    }
    Ptr<Ipv4StaticRouting> routing
        = Ipv4StaticRoutingHelper().GetStaticRouting(node->GetObject<Ipv4>());
    for (uint32_t i = routing ? routing->GetNRoutes() : 0; i-- > 0;)
    {
        if (routing->GetRoute(i).GetInterface() == interface)
        {
            routing->RemoveRoute(i);
        }
    }
}

} // namespace ns3
