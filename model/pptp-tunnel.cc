/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-tunnel.h"

#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/mac48-address.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/virtual-net-device.h"
#include "ppp-session.h"
#include "pptp-tunnel-routes.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpTunnel");

NS_OBJECT_ENSURE_REGISTERED(PptpTunnel);

namespace
{
constexpr uint16_t ETHERTYPE_IPV4 = 0x0800;
} // namespace

TypeId
PptpTunnel::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PptpTunnel").SetParent<Object>().SetGroupName("Pptp");
    return tid;
}

PptpTunnel::PptpTunnel() = default;

PptpTunnel::~PptpTunnel() = default;

void
PptpTunnel::DoDispose()
{
    // Disposed with the simulation: the node's routing may be gone already, leave it be.
    m_up = false;
    m_node = nullptr;
    m_session = nullptr;
    m_device = nullptr;
    Object::DoDispose();
}

bool
PptpTunnel::ParseRoutes(const std::string& text, std::vector<Route>& routes)
{
    routes.clear();
    std::istringstream is(text);
    std::string item;
    while (std::getline(is, item, ','))
    {
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (item.empty())
        {
            continue;
        }
        size_t slash = item.find('/');
        if (slash == std::string::npos)
        {
            return false;
        }
        std::string address = item.substr(0, slash);
        std::string length = item.substr(slash + 1);
        if (length.empty() || length.size() > 2
            || length.find_first_not_of("0123456789") != std::string::npos
            || std::stoul(length) > 32)
        {
            return false;
        }
        unsigned a;
        unsigned b;
        unsigned c;
        unsigned d;
        char extra;
        if (std::sscanf(address.c_str(), "%u.%u.%u.%u%c", &a, &b, &c, &d, &extra) != 4 || a > 255
            || b > 255 || c > 255 || d > 255)
        {
            return false;
        }
        Ipv4Mask mask(("/" + length).c_str());
        routes.emplace_back(Ipv4Address(address.c_str()).CombineMask(mask), mask);
    }
    return true;
}

void
PptpTunnel::Up(Ptr<Node> node,
               Ptr<PppSession> session,
               Ipv4Address local,
               Ipv4Address peer,
               uint16_t mtu,
               const std::vector<Route>& routes)
{
    NS_LOG_FUNCTION(this << local << peer << mtu);
    m_node = node;
    m_session = session;
    m_local = local;
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    if (!m_device)
    {
        m_device = CreateObject<VirtualNetDevice>();
        m_device->SetAddress(Mac48Address::Allocate());
        m_device->SetNeedsArp(false);
        m_device->SetIsPointToPoint(true);
        m_device->SetSendCallback(MakeCallback(&PptpTunnel::DeviceSend, this));
        node->AddDevice(m_device);
        m_interface = ipv4->AddInterface(m_device);
    }
    m_device->SetMtu(mtu);
    session->SetIpReceiveCallback(MakeCallback(&PptpTunnel::SessionReceive, this));
    ipv4->AddAddress(m_interface, Ipv4InterfaceAddress(local, Ipv4Mask::GetOnes()));
    ipv4->SetUp(m_interface);
    // The peer's host route and the networks behind it, in whichever routing the node has.
    PptpTunnelRoutes::Add(node, peer, Ipv4Mask::GetOnes(), m_interface);
    for (const auto& [network, mask] : routes)
    {
        PptpTunnelRoutes::Add(node, network, mask, m_interface);
    }
    m_up = true;
}

void
PptpTunnel::Down()
{
    if (!m_up)
    {
        return;
    }
    NS_LOG_FUNCTION(this);
    m_up = false;
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    if (!ipv4)
    {
        return;
    }
    PptpTunnelRoutes::Remove(m_node, m_interface);
    for (uint32_t i = ipv4->GetNAddresses(m_interface); i-- > 0;)
    {
        ipv4->RemoveAddress(m_interface, i);
    }
    ipv4->SetDown(m_interface);
    if (m_session)
    {
        m_session->SetIpReceiveCallback(Callback<void, Ptr<Packet>>());
    }
}

bool
PptpTunnel::DeviceSend(Ptr<Packet> packet, const Address&, const Address&, uint16_t protocol)
{
    if (protocol != ETHERTYPE_IPV4 || !m_up)
    {
        return false;
    }
    return m_session->SendIp(packet);
}

void
PptpTunnel::SessionReceive(Ptr<Packet> packet)
{
    if (m_up)
    {
        m_device->Receive(packet,
                          ETHERTYPE_IPV4,
                          m_device->GetAddress(),
                          m_device->GetAddress(),
                          NetDevice::PACKET_HOST);
    }
}

bool
PptpTunnel::IsUp() const
{
    return m_up;
}

Ptr<VirtualNetDevice>
PptpTunnel::GetDevice() const
{
    return m_device;
}

uint32_t
PptpTunnel::GetInterface() const
{
    return m_interface;
}

} // namespace ns3
