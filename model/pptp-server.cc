/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-server.h"

#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpServer");

NS_OBJECT_ENSURE_REGISTERED(PptpServer);

TypeId
PptpServer::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpServer")
              .SetParent<PptpApplication>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpServer>()
              .AddAttribute("Port",
                            "TCP port to listen on.",
                            UintegerValue(PPTP_TCP_PORT),
                            MakeUintegerAccessor(&PptpServer::m_port),
                            MakeUintegerChecker<uint16_t>())
              .AddAttribute("MaxChannels",
                            "Calls the server carries at once, over all control connections; "
                            "further Outgoing-Call-Requests get a General Error / No-Resource "
                            "reply. 0 means no limit. Also advertised as Maximum Channels.",
                            UintegerValue(0),
                            MakeUintegerAccessor(&PptpServer::m_maxChannels),
                            MakeUintegerChecker<uint16_t>())
              .AddAttribute("TunnelAddress",
                            "The server's own address on every tunnel (IPCP).",
                            Ipv4AddressValue("192.168.100.1"),
                            MakeIpv4AddressAccessor(&PptpServer::m_tunnelAddress),
                            MakeIpv4AddressChecker())
              .AddAttribute("AddressPoolStart",
                            "First address IPCP gives the peers; the next ones follow.",
                            Ipv4AddressValue("192.168.100.2"),
                            MakeIpv4AddressAccessor(&PptpServer::m_poolStart),
                            MakeIpv4AddressChecker())
              .AddAttribute("AddressPoolSize",
                            "How many peer addresses the pool holds; a call beyond that is "
                            "refused (Call-Disconnect-Notify).",
                            UintegerValue(253),
                            MakeUintegerAccessor(&PptpServer::m_poolSize),
                            MakeUintegerChecker<uint32_t>(1))
              .AddAttribute("IncomingCalls",
                            "Incoming calls (Incoming-Call-Request) to offer each PNS once its "
                            "control connection is established.",
                            UintegerValue(0),
                            MakeUintegerAccessor(&PptpServer::m_incomingCalls),
                            MakeUintegerChecker<uint32_t>());
    return tid;
}

PptpServer::PptpServer() = default;

PptpServer::~PptpServer() = default;

void
PptpServer::DoDispose()
{
    for (auto& [raw, connection] : m_connections)
    {
        connection->Dispose();
    }
    m_connections.clear();
    m_listeners.clear();
    PptpApplication::DoDispose();
}

void
PptpServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    // One listener per TCP instance that receives segments on this node: the node's own, and
    // any an interface has of its own (InterfaceTcpHelper), which sees only that
    // interface's connections.
    Ptr<Node> node = GetNode();
    std::vector<Ptr<TcpL4Protocol>> instances;
    std::set<Ptr<TcpL4Protocol>> seen{node->GetObject<TcpL4Protocol>()};
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    for (uint32_t i = 0; ipv4 && i < ipv4->GetNInterfaces(); ++i)
    {
        Ptr<TcpL4Protocol> tcp
            = DynamicCast<TcpL4Protocol>(ipv4->GetProtocol(TcpL4Protocol::PROT_NUMBER, i));
        if (tcp && seen.insert(tcp).second)
        {
            instances.push_back(tcp);
        }
    }
    m_listeners.push_back(Socket::CreateSocket(node, TcpSocketFactory::GetTypeId()));
    for (const auto& tcp : instances)
    {
        m_listeners.push_back(tcp->CreateSocket());
    }
    for (const auto& listener : m_listeners)
    {
        if (listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) < 0
            || listener->Listen() < 0)
        {
            NS_FATAL_ERROR("PptpServer cannot listen on TCP port " << m_port);
        }
        listener->SetAcceptCallback(MakeCallback(&PptpServer::HandleConnectionRequest, this),
                                    MakeCallback(&PptpServer::HandleAccept, this));
    }
}

void
PptpServer::StopApplication()
{
    NS_LOG_FUNCTION(this);
    for (const auto& listener : m_listeners)
    {
        listener->Close();
        listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                    MakeNullCallback<void, Ptr<Socket>, const Address&>());
    }
    m_listeners.clear();
    for (auto& connection : GetConnections())
    {
        connection->Stop(PptpStopReason::STOP_LOCAL_SHUTDOWN);
    }
}

bool
PptpServer::HandleConnectionRequest(Ptr<Socket> socket, const Address& from)
{
    return true;
}

void
PptpServer::HandleAccept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << InetSocketAddress::ConvertFrom(from).GetIpv4());
    ++m_accepted;
    Ptr<PptpControlConnection> connection = CreateConnection();
    if (m_maxChannels > 0)
    {
        connection->SetAttribute("MaximumChannels", UintegerValue(m_maxChannels));
    }
    connection->Setup(GetNode(), socket, PptpControlConnection::Role::PAC, false, Simulator::Now());
    connection->SetCallAdmission(MakeCallback(&PptpServer::AdmitCall, this));
    connection->SetTunnelAddressing(m_tunnelAddress,
                                    MakeCallback(&PptpServer::AllocateAddress, this),
                                    MakeCallback(&PptpServer::ReleaseAddress, this));
    connection->TraceConnectWithoutContext("Established",
                                           MakeCallback(&PptpServer::ConnectionEstablished, this));
    connection->TraceConnectWithoutContext("Closed",
                                           MakeCallback(&PptpServer::ConnectionClosed, this));
    connection->TraceConnectWithoutContext("CallState",
                                           MakeCallback(&PptpServer::CountCalls, this));
    m_connections[PeekPointer(connection)] = connection;
    connection->Start();
}

void
PptpServer::ConnectionEstablished(Ptr<const PptpControlConnection> connection, PptpDownCause)
{
    auto it = m_connections.find(PeekPointer(connection));
    for (uint32_t i = 0; it != m_connections.end() && i < m_incomingCalls; ++i)
    {
        it->second->PlaceIncomingCall();
    }
}

void
PptpServer::ConnectionClosed(Ptr<const PptpControlConnection> connection, PptpDownCause)
{
    auto it = m_connections.find(PeekPointer(connection));
    if (it != m_connections.end())
    {
        m_connections.erase(it); // it holds itself until the event that closed it is over
    }
}

void
PptpServer::CountCalls(Ptr<const PptpCall> call, PptpCall::State from, PptpCall::State to)
{
    // A call holds a channel from the moment it leaves IDLE until it is closed.
    if (from == PptpCall::State::IDLE && to != PptpCall::State::CLOSED)
    {
        ++m_callsInUse;
    }
    else if (from != PptpCall::State::IDLE && to == PptpCall::State::CLOSED)
    {
        --m_callsInUse;
    }
    if (to == PptpCall::State::ESTABLISHED)
    {
        ++m_established;
    }
    else if (from == PptpCall::State::ESTABLISHED)
    {
        --m_established;
    }
}

Ipv4Address
PptpServer::AllocateAddress()
{
    if (m_poolUsed.size() != m_poolSize)
    {
        m_poolUsed.assign(m_poolSize, false);
    }
    for (uint32_t tried = 0; tried < m_poolSize; ++tried)
    {
        uint32_t i = (m_poolNext + tried) % m_poolSize;
        if (!m_poolUsed[i])
        {
            m_poolUsed[i] = true;
            m_poolNext = (i + 1) % m_poolSize;
            return Ipv4Address(m_poolStart.Get() + i);
        }
    }
    return Ipv4Address::GetAny();
}

void
PptpServer::ReleaseAddress(Ipv4Address address)
{
    uint32_t i = address.Get() - m_poolStart.Get();
    if (i < m_poolUsed.size())
    {
        m_poolUsed[i] = false;
    }
}

bool
PptpServer::AdmitCall()
{
    if (m_maxChannels > 0 && m_callsInUse >= m_maxChannels)
    {
        ++m_refused;
        return false;
    }
    return true;
}

std::vector<Ptr<PptpControlConnection>>
PptpServer::GetConnections() const
{
    std::vector<Ptr<PptpControlConnection>> connections;
    for (const auto& [raw, connection] : m_connections)
    {
        connections.push_back(connection);
    }
    return connections;
}

uint32_t
PptpServer::GetEstablishedCallCount() const
{
    return m_established;
}

uint64_t
PptpServer::GetAcceptedCount() const
{
    return m_accepted;
}

uint64_t
PptpServer::GetRefusedCallCount() const
{
    return m_refused;
}

} // namespace ns3
