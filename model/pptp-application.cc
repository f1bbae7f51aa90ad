/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-application.h"

#include "ns3/integer.h"
#include "ns3/log.h"
#include "ppp-session.h"
#include "pptp-gre-channel.h"
#include "pptp-node-state.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpApplication");

NS_OBJECT_ENSURE_REGISTERED(PptpApplication);

TypeId
PptpApplication::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpApplication")
              .SetParent<Application>()
              .SetGroupName("Pptp")
              .AddTraceSource("Tx",
                              "A control message was sent.",
                              MakeTraceSourceAccessor(&PptpApplication::m_txTrace),
                              "ns3::PptpControlConnection::MessageTracedCallback")
              .AddTraceSource("Rx",
                              "A well-formed control message was received.",
                              MakeTraceSourceAccessor(&PptpApplication::m_rxTrace),
                              "ns3::PptpControlConnection::MessageTracedCallback")
              .AddTraceSource("State",
                              "A control connection changed state.",
                              MakeTraceSourceAccessor(&PptpApplication::m_stateTrace),
                              "ns3::PptpControlConnection::StateTracedCallback")
              .AddTraceSource("CallState",
                              "A call changed state.",
                              MakeTraceSourceAccessor(&PptpApplication::m_callStateTrace),
                              "ns3::PptpControlConnection::CallStateTracedCallback")
              .AddTraceSource("Drop",
                              "Received bytes or a message were dropped, with a reason.",
                              MakeTraceSourceAccessor(&PptpApplication::m_dropTrace),
                              "ns3::PptpControlConnection::DropTracedCallback")
              .AddTraceSource("CallUp",
                              "A call (tunnel) was established, with its set-up latency.",
                              MakeTraceSourceAccessor(&PptpApplication::m_callUpTrace),
                              "ns3::PptpControlConnection::CallUpTracedCallback")
              .AddTraceSource("CallDown",
                              "A call (tunnel) ended, with its cause.",
                              MakeTraceSourceAccessor(&PptpApplication::m_callDownTrace),
                              "ns3::PptpControlConnection::CallDownTracedCallback")
              .AddTraceSource("TunnelUp",
                              "A call's tunnel interface came up (IPCP open), with the time "
                              "since the control connection (or the call) was started.",
                              MakeTraceSourceAccessor(&PptpApplication::m_tunnelUpTrace),
                              "ns3::PptpControlConnection::TunnelUpTracedCallback")
              .AddTraceSource("TunnelDown",
                              "A call's tunnel interface went down, with the cause.",
                              MakeTraceSourceAccessor(&PptpApplication::m_tunnelDownTrace),
                              "ns3::PptpControlConnection::CallDownTracedCallback")
              .AddTraceSource("Established",
                              "A control connection was established.",
                              MakeTraceSourceAccessor(&PptpApplication::m_establishedTrace),
                              "ns3::PptpControlConnection::ConnectionTracedCallback")
              .AddTraceSource("Closed",
                              "A control connection ended, with its cause.",
                              MakeTraceSourceAccessor(&PptpApplication::m_closedTrace),
                              "ns3::PptpControlConnection::ConnectionTracedCallback");
    return tid;
}

PptpApplication::PptpApplication()
{
    m_connectionFactory.SetTypeId(PptpControlConnection::GetTypeId());
    m_pppFactory.SetTypeId(PppSession::GetTypeId());
    m_channelFactory.SetTypeId(PptpGreChannel::GetTypeId());
}

PptpApplication::~PptpApplication() = default;

void
PptpApplication::SetConnectionAttribute(const std::string& name, const AttributeValue& value)
{
    m_connectionFactory.Set(name, value);
}

void
PptpApplication::SetPppAttribute(const std::string& name, const AttributeValue& value)
{
    m_pppFactory.Set(name, value);
}

void
PptpApplication::SetChannelAttribute(const std::string& name, const AttributeValue& value)
{
    m_channelFactory.Set(name, value);
}

int64_t
PptpApplication::AssignStreams(int64_t stream)
{
    // Made with its stream, so that it takes none of the streams ns-3 numbers automatically:
    // assigning streams here does not move the random variables made after.
    m_pppRandom = CreateObjectWithAttributes<UniformRandomVariable>("Stream", IntegerValue(stream));
    m_nodeStream = stream + 1;
    return 2;
}

void
PptpApplication::DoDispose()
{
    m_pppRandom = nullptr;
    Application::DoDispose();
}

Ptr<PptpControlConnection>
PptpApplication::CreateConnection()
{
    using Conn = Ptr<const PptpControlConnection>;
    using State = PptpControlConnection::State;
    if (m_nodeStream >= 0)
    {
        // The node's Call ID draw is made with the node's first connection.
        PptpNodeState::Get(GetNode())->AssignStreams(m_nodeStream);
        m_nodeStream = -1;
    }

    Ptr<PptpControlConnection> c = m_connectionFactory.Create<PptpControlConnection>();
    c->SetDataPlaneFactories(m_channelFactory, m_pppFactory);
    if (m_pppRandom)
    {
        c->SetPppRandomVariable(m_pppRandom);
    }
    // Each of the connection's sources feeds the application's source of the same name.
    c->TraceConnectWithoutContext(
        "Tx",
        MakeCallback(&TracedCallback<Conn, const PptpControlMessage&>::operator(), &m_txTrace));
    c->TraceConnectWithoutContext(
        "Rx",
        MakeCallback(&TracedCallback<Conn, const PptpControlMessage&>::operator(), &m_rxTrace));
    c->TraceConnectWithoutContext(
        "State", MakeCallback(&TracedCallback<Conn, State, State>::operator(), &m_stateTrace));
    c->TraceConnectWithoutContext(
        "CallState",
        MakeCallback(
            &TracedCallback<Ptr<const PptpCall>, PptpCall::State, PptpCall::State>::operator(),
            &m_callStateTrace));
    c->TraceConnectWithoutContext(
        "Drop",
        MakeCallback(
            &TracedCallback<Conn, PptpControlDropReason, PptpDecodeError, const std::string&>::
            operator(),
            &m_dropTrace));
    c->TraceConnectWithoutContext(
        "CallUp",
        MakeCallback(&TracedCallback<Ptr<const PptpCall>, Time>::operator(), &m_callUpTrace));
    c->TraceConnectWithoutContext(
        "CallDown",
        MakeCallback(&TracedCallback<Ptr<const PptpCall>, PptpDownCause>::operator(),
                     &m_callDownTrace));
    c->TraceConnectWithoutContext(
        "TunnelUp",
        MakeCallback(&TracedCallback<Ptr<const PptpCall>, Time>::operator(), &m_tunnelUpTrace));
    c->TraceConnectWithoutContext(
        "TunnelDown",
        MakeCallback(&TracedCallback<Ptr<const PptpCall>, PptpDownCause>::operator(),
                     &m_tunnelDownTrace));
    c->TraceConnectWithoutContext(
        "Established",
        MakeCallback(&TracedCallback<Conn, PptpDownCause>::operator(), &m_establishedTrace));
    c->TraceConnectWithoutContext(
        "Closed", MakeCallback(&TracedCallback<Conn, PptpDownCause>::operator(), &m_closedTrace));
    return c;
}

} // namespace ns3
