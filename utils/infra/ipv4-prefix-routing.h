/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef IPV4_PREFIX_ROUTING_H
#define IPV4_PREFIX_ROUTING_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"

#include <array>
#include <optional>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * Static unicast routes, found in a time that does not grow with their number.
 *
 * A PPTP server or an access router holds a route per client (a connected
 * network per access link, a host route per tunnel). ns-3's Ipv4StaticRouting
 * looks through all its routes for every packet; here the routes of each
 * prefix length sit in their own hash table, and a lookup probes the lengths
 * in use from the longest down: a handful of probes, with ten routes or a
 * hundred thousand.
 *
 * The decisions are those of Ipv4StaticRouting for unicast: the longest
 * matching prefix, then the lowest metric, then the route added last; a route
 * for a requested output device only; connected routes for the addresses of
 * the interfaces that are up; an interface going down takes every route
 * through it. Multicast routes are not kept (a multicast packet is left to
 * another protocol, as Ipv4StaticRouting does when it has no route for it).
 */
class Ipv4PrefixRouting : public Ipv4RoutingProtocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    Ipv4PrefixRouting();
    ~Ipv4PrefixRouting() override;

    /**
     * The Ipv4PrefixRouting a node's IPv4 uses, alone or in an Ipv4ListRouting.
     * \param ipv4 the node's IPv4
     * \return the instance, or null
     */
    static Ptr<Ipv4PrefixRouting> Find(Ptr<Ipv4> ipv4);

    /**
     * Hand `add` the routing that keeps a node's static routes: its Ipv4PrefixRouting when
     * it has one, else its Ipv4StaticRouting. Aborts when it has neither.
     * \param ipv4 the node's IPv4
     * \param add called once, with a Ptr<Ipv4PrefixRouting> or a Ptr<Ipv4StaticRouting>
     */
    template<class F>
    static void AddStaticRoutes(Ptr<Ipv4> ipv4, F add)
    {
        if (Ptr<Ipv4PrefixRouting> prefix = Find(ipv4))
        {
            add(prefix);
            return;
        }
        add(StaticRoutingOf(ipv4));
    }

    /**
     * \param ipv4 a node's IPv4
     * \return its Ipv4StaticRouting (aborts when it has none)
     */
    static Ptr<Ipv4StaticRouting> StaticRoutingOf(Ptr<Ipv4> ipv4);

    /**
     * Add a route to a network through a gateway.
     * \param network the network address (host bits are ignored)
     * \param mask its mask
     * \param gateway the next hop (0.0.0.0: the destination is on the link)
     * \param interface the output interface
     * \param metric lower is preferred among routes of the same prefix
     */
    void AddNetworkRouteTo(Ipv4Address network,
                           Ipv4Mask mask,
                           Ipv4Address gateway,
                           uint32_t interface,
                           uint32_t metric = 0);
    /// Add a route to a network on a link (no gateway).
    void AddNetworkRouteTo(Ipv4Address network,
                           Ipv4Mask mask,
                           uint32_t interface,
                           uint32_t metric = 0);
    /// Add a route to one host on a link.
    void AddHostRouteTo(Ipv4Address host, uint32_t interface, uint32_t metric = 0);
    /// Add a default route (0.0.0.0/0) through a gateway.
    void SetDefaultRoute(Ipv4Address gateway, uint32_t interface, uint32_t metric = 0);

    /**
     * Remove every route through an interface.
     * \param interface the interface
     * \return how many routes were removed
     */
    uint32_t RemoveRoutesVia(uint32_t interface);

    /// \return the number of unicast routes held
    uint32_t GetNRoutes() const;

    /**
     * The route a packet to a destination takes.
     * \param destination the destination address
     * \param oif if not null, only routes through this device are considered
     * \return the route, or null when none matches
     */
    Ptr<Ipv4Route> Lookup(Ipv4Address destination, Ptr<NetDevice> oif = nullptr) const;

    // Ipv4RoutingProtocol
    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv4Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void SetIpv4(Ptr<Ipv4> ipv4) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /// Where a route leads.
    struct NextHop
    {
        Ipv4Address gateway;
        uint32_t interface;
        uint32_t metric;
    };

    /// Network address (masked) -> its routes, in the order they were added.
    using Table = std::unordered_map<uint32_t, std::vector<NextHop>>;

    /// (prefix length, network address masked to it), as a host-order word.
    using Prefix = std::pair<uint32_t, uint32_t>;

    /// The prefix of a network; aborts on a mask that is not a prefix (255.0.255.0).
    static Prefix PrefixOf(Ipv4Address network, Ipv4Mask mask);
    void Add(Ipv4Address network, Ipv4Mask mask, const NextHop& next);
    /// Remove the routes through an interface: all, or those to one prefix only.
    uint32_t RemoveRoutes(uint32_t interface, std::optional<Prefix> only);

    std::array<Table, 33> m_tables; //!< indexed by prefix length
    uint64_t m_lengthsInUse{0};     //!< bit L set when m_tables[L] holds routes
    /// Interface -> (prefix length, network) of the routes through it, so that taking an
    /// interface down does not look through every route.
    std::unordered_map<uint32_t, std::vector<Prefix>> m_byInterface;
    Ptr<Ipv4> m_ipv4;
};

} // namespace ns3

#endif /* IPV4_PREFIX_ROUTING_H */
