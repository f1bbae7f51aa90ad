/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-call-data-path.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "pptp-gre-channel.h"
#include "pptp-gre-l4-protocol.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpCallDataPath");

NS_OBJECT_ENSURE_REGISTERED(PptpCallDataPath);

TypeId
PptpCallDataPath::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PptpCallDataPath").SetParent<Object>().SetGroupName("Pptp");
    return tid;
}

PptpCallDataPath::PptpCallDataPath() = default;

PptpCallDataPath::~PptpCallDataPath() = default;

void
PptpCallDataPath::DoDispose()
{
    // At the end of a simulation the node's stack may be gone already: let go, touch nothing.
    m_owner = Owner{};
    m_terminated = nullptr;
    m_releaseAddress = nullptr;
    m_channel = nullptr;
    m_session = nullptr;
    m_tunnel = nullptr;
    m_node = nullptr;
    Object::DoDispose();
}

void
PptpCallDataPath::Setup(const ObjectFactory& channelFactory,
                        Ptr<Node> node,
                        Ipv4Address localAddress,
                        Ipv4Address peerAddress,
                        uint16_t localCallId,
                        Owner owner)
{
    m_node = node;
    m_owner = std::move(owner);
    m_channel = channelFactory.Create<PptpGreChannel>();
    m_channel->Setup(PptpGreL4Protocol::Get(node), localAddress, peerAddress, localCallId);
}

bool
PptpCallDataPath::LeaseAddress(const std::function<Ipv4Address()>& allocate,
                               std::function<void(Ipv4Address)> release)
{
    Ipv4Address address = allocate();
    if (address == Ipv4Address::GetAny())
    {
        return false;
    }
    m_leased = address;
    m_releaseAddress = std::move(release);
    return true;
}

void
PptpCallDataPath::Start(const ObjectFactory& pppFactory,
                        Ptr<UniformRandomVariable> pppRandom,
                        bool authenticator,
                        Ipv4Address localTunnelAddress,
                        uint16_t peerCallId,
                        uint16_t peerWindow,
                        uint16_t peerProcessingDelay)
{
    m_channel->Connect(peerCallId, peerWindow, peerProcessingDelay);
    m_session = pppFactory.Create<PppSession>();
    if (pppRandom)
    {
        m_session->SetRandomVariable(pppRandom);
    }

    m_session->SetLinkUpCallback(MakeCallback(&PptpCallDataPath::LinkUp, this));
    m_session->SetIpUpCallback(MakeCallback(&PptpCallDataPath::IpUp, this));
    m_session->SetDownCallback(MakeCallback(&PptpCallDataPath::PppDown, this));
    // A PAC gives the peer the leased address (or the first of the default pool, for a
    // connection made without a server); a PNS lets the PAC choose both.
    Ipv4Address peer = !authenticator                      ? Ipv4Address::GetAny()
                       : m_leased != Ipv4Address::GetAny() ? m_leased
                                                           : Ipv4Address("192.168.100.2");
    m_session->Start(MakeCallback(&PptpGreChannel::Send, m_channel),
                     authenticator ? PppSession::Role::AUTHENTICATOR : PppSession::Role::PEER,
                     authenticator ? localTunnelAddress : Ipv4Address::GetAny(),
                     peer);
    // Last: frames the channel held for the session are handed over now.
    m_channel->SetReceiveCallback(MakeCallback(&PppSession::Receive, PeekPointer(m_session)));
}

void
PptpCallDataPath::LinkUp(uint32_t sendAccm, uint32_t receiveAccm)
{
    if (m_owner.linkUp)
    {
        m_owner.linkUp(sendAccm, receiveAccm);
    }
}

void
PptpCallDataPath::IpUp(Ipv4Address local, Ipv4Address peer, uint16_t mtu)
{
    m_tunnelLocal = local;
    m_tunnelPeer = peer;
    m_mtu = mtu;
    // ns-3's limitation, not ours: adding an IPv4 interface while the node is still
    // dispatching the packet that opened IPCP changes the protocol handler list that very
    // dispatch walks. The interface comes up once that packet has been handled.
    Simulator::ScheduleNow(&PptpCallDataPath::IpUpAfterPacket, Ptr<PptpCallDataPath>(this));
}

void
PptpCallDataPath::IpUpAfterPacket()
{
    if (m_session && m_session->IsIpUp() && m_owner.ipUp)
    {
        m_owner.ipUp();
    }
}

bool
PptpCallDataPath::OpenTunnel(const std::vector<PptpTunnel::Route>& routes)
{
    // IPCP can open again on a call whose tunnel is up (a Configure-Request after a lost Ack
    // renegotiates it): the same interface is set up anew with what was agreed this time. A
    // second interface would leave the first one routed to a tunnel that no longer exists.
    bool renegotiated = m_tunnel && m_tunnel->IsUp();
    if (m_tunnel)
    {
        m_tunnel->Down();
    }
    else
    {
        m_tunnel = CreateObject<PptpTunnel>();
    }
    m_tunnel->Up(m_node, m_session, m_tunnelLocal, m_tunnelPeer, m_mtu, routes);
    return renegotiated;
}

bool
PptpCallDataPath::CloseTunnel()
{
    if (m_tunnel && m_tunnel->IsUp())
    {
        m_tunnel->Down();
        return true;
    }
    return false;
}

void
PptpCallDataPath::PppDown(PppDownReason reason)
{
    if (m_owner.pppDown)
    {
        m_owner.pppDown(reason);
    }
}

bool
PptpCallDataPath::IsPppRunning() const
{
    return m_session && m_session->IsRunning();
}

bool
PptpCallDataPath::IsIpUp() const
{
    return m_session && m_session->IsIpUp();
}

void
PptpCallDataPath::TerminatePpp(std::function<void()> done)
{
    m_terminated = std::move(done);
    m_session->Terminate(MakeCallback(&PptpCallDataPath::PppTerminated, this));
}

void
PptpCallDataPath::PppTerminated()
{
    if (m_terminated)
    {
        std::function<void()> done = std::move(m_terminated);
        m_terminated = nullptr;
        done();
    }
}

void
PptpCallDataPath::Stop()
{
    CloseTunnel();
    if (m_session)
    {
        m_session->Abort();
    }
    if (m_channel)
    {
        m_channel->Close();
    }
    ReleaseAddress();
}

void
PptpCallDataPath::ReleaseAddress()
{
    if (m_leased != Ipv4Address::GetAny() && m_releaseAddress)
    {
        m_releaseAddress(m_leased);
    }
    m_leased = Ipv4Address::GetAny();
    m_releaseAddress = nullptr;
}

Ptr<PptpGreChannel>
PptpCallDataPath::GetChannel() const
{
    return m_channel;
}

Ptr<PppSession>
PptpCallDataPath::GetPppSession() const
{
    return m_session;
}

Ptr<PptpTunnel>
PptpCallDataPath::GetTunnel() const
{
    return m_tunnel;
}

Ipv4Address
PptpCallDataPath::GetLeasedAddress() const
{
    return m_leased;
}

} // namespace ns3
