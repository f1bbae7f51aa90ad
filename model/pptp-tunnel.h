/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TUNNEL_H
#define PPTP_TUNNEL_H

#include "ns3/ipv4-address.h"
#include "ns3/object.h"

#include <utility>
#include <vector>

namespace ns3
{

class Address;
class Node;
class Packet;
class PppSession;
class VirtualNetDevice;

/**
 * \ingroup pptp
 * The IP side of a PPTP call once IPCP is up: a point-to-point interface on
 * the node (an ns-3 VirtualNetDevice) with the negotiated address and an MTU
 * of the peer's MRU, a host route to the peer's tunnel address, and routes to
 * the networks reached through the tunnel. Datagrams the node routes to the
 * interface go to the PPP session; datagrams from the session come up through
 * the interface, so any ns-3 socket or application can use the tunnel.
 *
 * Down() removes the routes and the address and sets the interface down (ns-3
 * cannot remove a device from a node; the interface stays, unused).
 */
class PptpTunnel : public Object
{
  public:
    /// A network reached through the tunnel.
    using Route = std::pair<Ipv4Address, Ipv4Mask>;

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpTunnel();
    ~PptpTunnel() override;

    /**
     * Bring the interface up.
     * \param node the node
     * \param session the PPP session carrying the datagrams
     * \param local this side's tunnel address
     * \param peer the peer's tunnel address
     * \param mtu the interface MTU
     * \param routes networks to route through the tunnel
     */
    void Up(Ptr<Node> node,
            Ptr<PppSession> session,
            Ipv4Address local,
            Ipv4Address peer,
            uint16_t mtu,
            const std::vector<Route>& routes);

    /// Remove the routes and the address, set the interface down.
    void Down();

    /// \return true between Up and Down
    bool IsUp() const;
    /// \return the device (null before Up)
    Ptr<VirtualNetDevice> GetDevice() const;
    /// \return the IPv4 interface index (meaningful after Up)
    uint32_t GetInterface() const;

    /**
     * Parse "a.b.c.d/len,a.b.c.d/len".
     * \param text the list
     * \param routes receives the networks
     * \return false if an entry is not a network in that form
     */
    static bool ParseRoutes(const std::string& text, std::vector<Route>& routes);

  private:
    void DoDispose() override;
    bool DeviceSend(Ptr<Packet> packet,
                    const Address& source,
                    const Address& dest,
                    uint16_t protocol);
    void SessionReceive(Ptr<Packet> packet);

    Ptr<Node> m_node;
    Ptr<PppSession> m_session;
    Ptr<VirtualNetDevice> m_device;
    uint32_t m_interface{0};
    Ipv4Address m_local;
    bool m_up{false};
};

} // namespace ns3

#endif /* PPTP_TUNNEL_H */
