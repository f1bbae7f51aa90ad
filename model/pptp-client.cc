/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-client.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpClient");

NS_OBJECT_ENSURE_REGISTERED(PptpClient);

TypeId
PptpClient::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpClient")
              .SetParent<PptpApplication>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpClient>()
              .AddAttribute("RemoteAddress",
                            "Address of the PAC (server).",
                            Ipv4AddressValue(),
                            MakeIpv4AddressAccessor(&PptpClient::m_remoteAddress),
                            MakeIpv4AddressChecker())
              .AddAttribute("RemotePort",
                            "TCP port of the PAC.",
                            UintegerValue(PPTP_TCP_PORT),
                            MakeUintegerAccessor(&PptpClient::m_remotePort),
                            MakeUintegerChecker<uint16_t>())
              .AddAttribute("Calls",
                            "Outgoing calls to place on each control connection.",
                            UintegerValue(1),
                            MakeUintegerAccessor(&PptpClient::m_calls),
                            MakeUintegerChecker<uint32_t>())
              .AddAttribute("CallDuration",
                            "How long each call is kept once established before it is cleared "
                            "(0: until the application stops).",
                            TimeValue(Seconds(0)),
                            MakeTimeAccessor(&PptpClient::m_callDuration),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("StopWhenDone",
                            "Stop the control connection once every call has been cleared.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PptpClient::m_stopWhenDone),
                            MakeBooleanChecker())
              .AddAttribute("ReconnectDelay",
                            "Wait before opening a new control connection after a failure.",
                            TimeValue(Seconds(10)),
                            MakeTimeAccessor(&PptpClient::m_reconnectDelay),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("ReconnectAttempts",
                            "New control connections to try after failures (0: never retry).",
                            UintegerValue(0),
                            MakeUintegerAccessor(&PptpClient::m_reconnectAttempts),
                            MakeUintegerChecker<uint32_t>())
              .AddTraceSource("ConnectFailed",
                              "The TCP connection to the PAC could not be opened.",
                              MakeTraceSourceAccessor(&PptpClient::m_connectFailedTrace),
                              "ns3::PptpClient::ConnectFailedTracedCallback");
    return tid;
}

PptpClient::PptpClient() = default;

PptpClient::~PptpClient() = default;

void
PptpClient::DoDispose()
{
    m_reconnectEvent.Cancel();
    for (auto& event : m_clearEvents)
    {
        event.Cancel();
    }
    if (m_connection)
    {
        m_connection->Dispose();
    }
    m_connection = nullptr;
    m_socket = nullptr;
    PptpApplication::DoDispose();
}

void
PptpClient::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_running = true;
    Connect();
}

void
PptpClient::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_running = false;
    m_reconnectEvent.Cancel();
    for (auto& event : m_clearEvents)
    {
        event.Cancel();
    }
    m_clearEvents.clear();
    if (m_connection)
    {
        m_connection->Stop(PptpStopReason::NONE);
    }
    else if (m_socket)
    {
        m_socket->Close();
    }
}

void
PptpClient::Connect()
{
    NS_LOG_FUNCTION(this << m_remoteAddress);
    ++m_attempts;
    m_connectStart = Simulator::Now();
    m_socket = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    m_socket->Bind();
    m_socket->SetConnectCallback(MakeCallback(&PptpClient::ConnectionSucceeded, this),
                                 MakeCallback(&PptpClient::ConnectionFailed, this));
    if (m_socket->Connect(InetSocketAddress(m_remoteAddress, m_remotePort)) != 0)
    {
        // Refused at once (no route to the server: its link is down). No callback will come:
        // this attempt failed.
        ConnectionFailed(m_socket);
    }
}

void
PptpClient::ConnectionSucceeded(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this);
    if (!m_running)
    {
        socket->Close();
        return;
    }
    m_connection = CreateConnection();
    m_connection->Setup(GetNode(), socket, PptpControlConnection::Role::PNS, true, m_connectStart);
    m_connection->TraceConnectWithoutContext("CallUp", MakeCallback(&PptpClient::CallUp, this));
    m_connection->TraceConnectWithoutContext("CallDown", MakeCallback(&PptpClient::CallDown, this));
    m_connection->TraceConnectWithoutContext("Closed",
                                             MakeCallback(&PptpClient::ConnectionClosed, this));
    m_callsUp = 0;
    m_callFailed = false;
    for (uint32_t i = 0; i < m_calls; ++i)
    {
        if (m_connection->PlaceOutgoingCall())
        {
            ++m_callsUp;
        }
    }
    m_connection->Start();
}

void
PptpClient::ConnectionFailed(Ptr<Socket> socket)
{
    NS_LOG_INFO("TCP connection to " << m_remoteAddress << " failed");
    m_connectFailedTrace(m_remoteAddress);
    m_socket = nullptr;
    ScheduleReconnect();
}

void
PptpClient::CallUp(Ptr<const PptpCall> call, Time latency)
{
    ++m_established;
    if (m_callDuration.IsStrictlyPositive())
    {
        Ptr<PptpCall> c = const_cast<PptpCall*>(PeekPointer(call));
        m_clearEvents.push_back(
            Simulator::Schedule(m_callDuration, &PptpClient::ClearCall, this, c));
    }
}

void
PptpClient::ClearCall(Ptr<PptpCall> call)
{
    if (m_connection && call->GetControlConnection() == m_connection)
    {
        m_connection->ClearCall(call);
    }
}

void
PptpClient::CallDown(Ptr<const PptpCall> call, PptpDownCause cause)
{
    if (m_callsUp > 0)
    {
        --m_callsUp;
    }
    // Cleared by either side on purpose, or stopped by us: nothing to try again. Anything
    // else (PPP failed, the call was refused, no reply came) is a failure worth redialling,
    // as pppd's persist option does.
    if (cause != PptpDownCause::CALL_CLEAR && cause != PptpDownCause::LOCAL_STOP)
    {
        m_callFailed = true;
    }
    if (m_callsUp == 0 && m_stopWhenDone && m_connection
        && m_connection->GetState() == PptpControlConnection::State::ESTABLISHED)
    {
        m_connection->Stop(PptpStopReason::NONE); // every call is over: end the connection too
    }
}

void
PptpClient::ConnectionClosed(Ptr<const PptpControlConnection> connection, PptpDownCause cause)
{
    NS_LOG_INFO("control connection to " << m_remoteAddress << " closed: " << cause);
    if (connection != m_connection)
    {
        return;
    }
    m_connection = nullptr; // it lets nothing hold it once closed
    m_socket = nullptr;
    if (cause != PptpDownCause::LOCAL_STOP || m_callFailed)
    {
        ScheduleReconnect();
    }
}

void
PptpClient::ScheduleReconnect()
{
    if (m_running && m_attempts <= m_reconnectAttempts)
    {
        m_reconnectEvent = Simulator::Schedule(m_reconnectDelay, &PptpClient::Connect, this);
    }
}

Ptr<PptpControlConnection>
PptpClient::GetConnection() const
{
    return m_connection;
}

uint32_t
PptpClient::GetConnectAttempts() const
{
    return m_attempts;
}

uint32_t
PptpClient::GetCallsEstablished() const
{
    return m_established;
}

} // namespace ns3
