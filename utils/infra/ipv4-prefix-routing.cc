/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ipv4-prefix-routing.h"

#include "ns3/abort.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <iomanip>
#include <map>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("Ipv4PrefixRouting");

NS_OBJECT_ENSURE_REGISTERED(Ipv4PrefixRouting);

namespace
{

/// The mask of a prefix length, as a host-order word.
uint32_t
MaskBits(uint32_t length)
{
    return length == 0 ? 0 : ~uint32_t{0} << (32 - length);
}

} // namespace

TypeId
Ipv4PrefixRouting::GetTypeId()
{
    static TypeId tid = TypeId("ns3::Ipv4PrefixRouting")
                            .SetParent<Ipv4RoutingProtocol>()
                            .SetGroupName("Pptp")
                            .AddConstructor<Ipv4PrefixRouting>();
    return tid;
}

Ipv4PrefixRouting::Ipv4PrefixRouting() = default;

Ipv4PrefixRouting::~Ipv4PrefixRouting() = default;

void
Ipv4PrefixRouting::DoDispose()
{
    for (auto& table : m_tables)
    {
        table.clear();
    }
    m_byInterface.clear();
    m_lengthsInUse = 0;
    m_ipv4 = nullptr;
    Ipv4RoutingProtocol::DoDispose();
}

Ptr<Ipv4PrefixRouting>
Ipv4PrefixRouting::Find(Ptr<Ipv4> ipv4)
{
    Ptr<Ipv4RoutingProtocol> protocol = ipv4 ? ipv4->GetRoutingProtocol() : nullptr;
    if (Ptr<Ipv4PrefixRouting> prefix = DynamicCast<Ipv4PrefixRouting>(protocol))
    {
        return prefix;
    }
    if (Ptr<Ipv4ListRouting> list = DynamicCast<Ipv4ListRouting>(protocol))
    {
        for (uint32_t i = 0; i < list->GetNRoutingProtocols(); ++i)
        {
            int16_t priority;
            Ptr<Ipv4RoutingProtocol> member = list->GetRoutingProtocol(i, priority);
            if (Ptr<Ipv4PrefixRouting> prefix = DynamicCast<Ipv4PrefixRouting>(member))
            {
                return prefix;
            }
        }
    }
    return nullptr;
}

Ptr<Ipv4StaticRouting>
Ipv4PrefixRouting::StaticRoutingOf(Ptr<Ipv4> ipv4)
{
    Ptr<Ipv4StaticRouting> routing = Ipv4StaticRoutingHelper().GetStaticRouting(ipv4);
    NS_ABORT_MSG_UNLESS(routing,
                        "node " << ipv4->GetObject<Node>()->GetId()
                                << " has neither Ipv4PrefixRouting nor Ipv4StaticRouting");
    return routing;
}

Ipv4PrefixRouting::Prefix
Ipv4PrefixRouting::PrefixOf(Ipv4Address network, Ipv4Mask mask)
{
    uint32_t length = mask.GetPrefixLength();
    NS_ABORT_MSG_UNLESS(mask.Get() == MaskBits(length),
                        "Ipv4PrefixRouting: mask " << mask << " is not a prefix");
    return {length, network.Get() & MaskBits(length)};
}

void
Ipv4PrefixRouting::Add(Ipv4Address network, Ipv4Mask mask, const NextHop& next)
{
    Prefix prefix = PrefixOf(network, mask);
    m_tables[prefix.first][prefix.second].push_back(next);
    m_lengthsInUse |= uint64_t{1} << prefix.first;
    m_byInterface[next.interface].push_back(prefix);
}

void
Ipv4PrefixRouting::AddNetworkRouteTo(
    Ipv4Address network, Ipv4Mask mask, Ipv4Address gateway, uint32_t interface, uint32_t metric)
{
    NS_LOG_FUNCTION(this << network << mask << gateway << interface << metric);
    Add(network, mask, NextHop{gateway, interface, metric});
}

void
Ipv4PrefixRouting::AddNetworkRouteTo(Ipv4Address network,
                                     Ipv4Mask mask,
                                     uint32_t interface,
                                     uint32_t metric)
{
    AddNetworkRouteTo(network, mask, Ipv4Address::GetZero(), interface, metric);
}

void
Ipv4PrefixRouting::AddHostRouteTo(Ipv4Address host, uint32_t interface, uint32_t metric)
{
    AddNetworkRouteTo(host, Ipv4Mask::GetOnes(), Ipv4Address::GetZero(), interface, metric);
}

void
Ipv4PrefixRouting::SetDefaultRoute(Ipv4Address gateway, uint32_t interface, uint32_t metric)
{
    AddNetworkRouteTo(Ipv4Address::GetZero(), Ipv4Mask::GetZero(), gateway, interface, metric);
}

uint32_t
Ipv4PrefixRouting::RemoveRoutes(uint32_t interface, std::optional<Prefix> only)
{
    auto via = m_byInterface.find(interface);
    if (via == m_byInterface.end())
    {
        return 0;
    }
    uint32_t removed = 0;
    std::vector<Prefix> kept;
    for (const Prefix& prefix : via->second)
    {
        if (only && prefix != *only)
        {
            kept.push_back(prefix);
            continue;
        }
        const auto& [length, key] = prefix;
        Table& table = m_tables[length];
        auto entry = table.find(key);
        if (entry == table.end())
        {
            continue; // listed twice: already removed
        }
        std::vector<NextHop>& hops = entry->second;
        size_t before = hops.size();
        hops.erase(std::remove_if(hops.begin(),
                                  hops.end(),
                                  [interface](const NextHop& h)
                                  {
                                      return h.interface == interface;
                                  }),
                   hops.end());
        removed += before - hops.size();
        if (hops.empty())
        {
            table.erase(entry);
            if (table.empty())
            {
                m_lengthsInUse &= ~(uint64_t{1} << length);
            }
        }
    }
    if (kept.empty())
    {
        m_byInterface.erase(via);
    }
    else
    {
        via->second = std::move(kept);
    }
    return removed;
}

uint32_t
Ipv4PrefixRouting::RemoveRoutesVia(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    return RemoveRoutes(interface, std::nullopt);
}

uint32_t
Ipv4PrefixRouting::GetNRoutes() const
{
    uint32_t n = 0;
    for (const auto& table : m_tables)
    {
        for (const auto& entry : table)
        {
            n += entry.second.size();
        }
    }
    return n;
}

Ptr<Ipv4Route>
Ipv4PrefixRouting::Lookup(Ipv4Address destination, Ptr<NetDevice> oif) const
{
    uint32_t address = destination.Get();
    for (uint64_t lengths = m_lengthsInUse; lengths != 0;)
    {
        uint32_t length = 63 - __builtin_clzll(lengths); // the longest prefix left
        lengths &= ~(uint64_t{1} << length);
        const Table& table = m_tables[length];
        auto entry = table.find(address & MaskBits(length));
        if (entry == table.end())
        {
            continue;
        }
        const NextHop* best = nullptr;
        for (const NextHop& hop : entry->second)
        {
            if (oif && m_ipv4->GetNetDevice(hop.interface) != oif)
            {
                continue;
            }
            if (!best || hop.metric <= best->metric) // equal metrics: the one added last
            {
                best = &hop;
            }
        }
        if (!best)
        {
            continue;
        }
        Ipv4Address network(entry->first);
        Ptr<Ipv4Route> route = Create<Ipv4Route>();
        route->SetDestination(network);
        route->SetSource(m_ipv4->SourceAddressSelection(best->interface, network));
        route->SetGateway(best->gateway);
        route->SetOutputDevice(m_ipv4->GetNetDevice(best->interface));
        return route;
    }
    return nullptr;
}

Ptr<Ipv4Route>
Ipv4PrefixRouting::RouteOutput(Ptr<Packet>,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr)
{
    Ipv4Address destination = header.GetDestination();
    Ptr<Ipv4Route> route;
    if (destination.IsLocalMulticast() && oif)
    {
        // Link-local multicast leaves through the device asked for.
        route = Create<Ipv4Route>();
        route->SetDestination(destination);
        route->SetGateway(Ipv4Address::GetZero());
        route->SetOutputDevice(oif);
        route->SetSource(m_ipv4->GetAddress(m_ipv4->GetInterfaceForDevice(oif), 0).GetLocal());
    }
    else if (!destination.IsLocalMulticast())
    {
        route = Lookup(destination, oif);
    }
    sockerr = route ? Socket::ERROR_NOTERROR : Socket::ERROR_NOROUTETOHOST;
    return route;
}

bool
Ipv4PrefixRouting::RouteInput(Ptr<const Packet> p,
                              const Ipv4Header& header,
                              Ptr<const NetDevice> idev,
                              UnicastForwardCallback ucb,
                              MulticastForwardCallback,
                              LocalDeliverCallback lcb,
                              ErrorCallback ecb)
{
    NS_ASSERT(m_ipv4);
    Ipv4Address destination = header.GetDestination();
    if (destination.IsMulticast())
    {
        return false; // no multicast routes here
    }
    uint32_t iif = m_ipv4->GetInterfaceForDevice(idev);
    if (m_ipv4->IsDestinationAddress(destination, iif))
    {
        if (lcb.IsNull())
        {
            return false;
        }
        lcb(p, header, iif);
        return true;
    }
    if (!m_ipv4->IsForwarding(iif))
    {
        ecb(p, header, Socket::ERROR_NOROUTETOHOST);
        return true;
    }
    Ptr<Ipv4Route> route = Lookup(destination);
    if (!route)
    {
        return false;
    }
    ucb(route, p, header);
    return true;
}

void
Ipv4PrefixRouting::NotifyInterfaceUp(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    for (uint32_t i = 0; i < m_ipv4->GetNAddresses(interface); ++i)
    {
        Ipv4InterfaceAddress address = m_ipv4->GetAddress(interface, i);
        // A /32 address has no network of its own to reach on the link.
        if (address.GetLocal() != Ipv4Address() && address.GetMask() != Ipv4Mask()
            && address.GetMask() != Ipv4Mask::GetOnes())
        {
            AddNetworkRouteTo(address.GetLocal(), address.GetMask(), interface);
        }
    }
}

void
Ipv4PrefixRouting::NotifyInterfaceDown(uint32_t interface)
{
    RemoveRoutesVia(interface);
}

void
Ipv4PrefixRouting::NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address);
    if (m_ipv4->IsUp(interface) && address.GetLocal() != Ipv4Address()
        && address.GetMask() != Ipv4Mask())
    {
        AddNetworkRouteTo(address.GetLocal(), address.GetMask(), interface);
    }
}

void
Ipv4PrefixRouting::NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address);
    if (m_ipv4->IsUp(interface))
    {
        RemoveRoutes(interface, PrefixOf(address.GetLocal(), address.GetMask()));
    }
}

void
Ipv4PrefixRouting::SetIpv4(Ptr<Ipv4> ipv4)
{
    NS_ASSERT(!m_ipv4 && ipv4);
    m_ipv4 = ipv4;
    for (uint32_t i = 0; i < m_ipv4->GetNInterfaces(); ++i)
    {
        if (m_ipv4->IsUp(i))
        {
            NotifyInterfaceUp(i);
        }
    }
}

void
Ipv4PrefixRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    std::ostream& os = *stream->GetStream();
    os << "Node: " << m_ipv4->GetObject<Node>()->GetId() << ", Time: " << Now().As(unit)
       << ", Ipv4PrefixRouting table\n";
    // Longest prefixes first, then by address, as a lookup sees them.
    std::map<std::pair<uint32_t, uint32_t>, const std::vector<NextHop>*> ordered;
    for (uint32_t length = 0; length <= 32; ++length)
    {
        for (const auto& [key, hops] : m_tables[length])
        {
            ordered[{32 - length, key}] = &hops;
        }
    }
    os << std::left << std::setw(16) << "Destination" << std::setw(16) << "Gateway" << std::setw(16)
       << "Genmask" << std::setw(7) << "Metric"
       << "Iface\n";
    for (const auto& [place, hops] : ordered)
    {
        for (const NextHop& hop : *hops)
        {
            std::ostringstream destination;
            std::ostringstream gateway;
            std::ostringstream mask;
            destination << Ipv4Address(place.second);
            gateway << hop.gateway;
            mask << Ipv4Mask(MaskBits(32 - place.first));
            os << std::setw(16) << destination.str() << std::setw(16) << gateway.str()
               << std::setw(16) << mask.str() << std::setw(7) << hop.metric
               << hop.interface << "\n";
        }
    }
    os << std::right << "\n";
}

} // namespace ns3
