/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-trace-helper.h"

#include "ns3/node.h"
#include "ns3/pptp-summary.h"
#include "ns3/simulator.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

namespace
{

std::string
Now()
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(6) << Simulator::Now().GetSeconds();
    return os.str();
}

void
WriteSummary(Ptr<OutputStreamWrapper> stream,
             Ptr<const PptpControlConnection> connection,
             const PptpControlMessage& message)
{
    *stream->GetStream() << Now() << "  "
                         << PptpSummary::Control(message,
                                                 connection->GetLocalAddress(),
                                                 connection->GetPeerAddress())
                         << "\n";
}

/// One CSV row; the detail is quoted when it holds a comma or a quote.
void
Row(Ptr<OutputStreamWrapper> stream,
    Ptr<Node> node,
    Ipv4Address peer,
    int callId,
    const std::string& event,
    const std::string& detail)
{
    std::ostream& os = *stream->GetStream();
    os << Now() << "," << (node ? node->GetId() : 0) << "," << peer << ",";
    if (callId >= 0)
    {
        os << callId;
    }
    os << "," << event << ",";
    if (detail.find_first_of(",\"") != std::string::npos)
    {
        os << '"';
        for (char c : detail)
        {
            os << (c == '"' ? "\"\"" : std::string(1, c));
        }
        os << '"';
    }
    else
    {
        os << detail;
    }
    os << "\n";
}

/// The Call ID a message names on its sender's or receiver's side, for the CSV.
int
MessageCallId(const PptpControlMessage& message)
{
    return std::visit(
        [](const auto& b) -> int
        {
            using T = std::decay_t<decltype(b)>;
            if constexpr (
                std::is_same_v<
                    T,
                    PptpOutgoingCallRequest> || std::is_same_v<T, PptpOutgoingCallReply> || std::is_same_v<T, PptpIncomingCallRequest> || std::is_same_v<T, PptpIncomingCallReply> || std::is_same_v<T, PptpCallClearRequest> || std::is_same_v<T, PptpCallDisconnectNotify>)
            {
                return b.callId;
            }
            else if constexpr (
                std::is_same_v<
                    T,
                    PptpIncomingCallConnected> || std::is_same_v<T, PptpWanErrorNotify> || std::is_same_v<T, PptpSetLinkInfo>)
            {
                return b.peerCallId;
            }
            else
            {
                return -1;
            }
        },
        message.GetBody());
}

void
CsvMessage(Ptr<OutputStreamWrapper> stream,
           std::string event,
           Ptr<const PptpControlConnection> c,
           const PptpControlMessage& message)
{
    Row(stream,
        c->GetNode(),
        c->GetPeerAddress(),
        MessageCallId(message),
        event,
        message.GetInfo().rfcName);
}

void
CsvState(Ptr<OutputStreamWrapper> stream,
         Ptr<const PptpControlConnection> c,
         PptpControlConnection::State from,
         PptpControlConnection::State to)
{
    Row(stream,
        c->GetNode(),
        c->GetPeerAddress(),
        -1,
        "state",
        PptpControlConnection::StateName(from) + "->" + PptpControlConnection::StateName(to));
}

void
CsvCallState(Ptr<OutputStreamWrapper> stream,
             Ptr<const PptpCall> call,
             PptpCall::State from,
             PptpCall::State to)
{
    Ptr<PptpControlConnection> c = call->GetControlConnection();
    Row(stream,
        c ? c->GetNode() : nullptr,
        call->GetPeerAddress(),
        call->GetLocalCallId(),
        "call-state",
        PptpCall::StateName(from) + "->" + PptpCall::StateName(to));
}

void
CsvDrop(Ptr<OutputStreamWrapper> stream,
        Ptr<const PptpControlConnection> c,
        PptpControlDropReason reason,
        PptpDecodeError error,
        const std::string& detail)
{
    Row(stream,
        c->GetNode(),
        c->GetPeerAddress(),
        -1,
        "drop",
        PptpControlDropName(reason, error) + ": " + detail);
}

void
CsvCallUp(Ptr<OutputStreamWrapper> stream, Ptr<const PptpCall> call, Time latency)
{
    Ptr<PptpControlConnection> c = call->GetControlConnection();
    std::ostringstream os;
    os << "latency " << std::fixed << std::setprecision(6) << latency.GetSeconds() << " s";
    Row(stream,
        c ? c->GetNode() : nullptr,
        call->GetPeerAddress(),
        call->GetLocalCallId(),
        "call-up",
        os.str());
}

void
CsvCallDown(Ptr<OutputStreamWrapper> stream,
            Ptr<Node> node,
            Ptr<const PptpCall> call,
            PptpDownCause cause)
{
    Row(stream,
        node,
        call->GetPeerAddress(),
        call->GetLocalCallId(),
        "call-down",
        PptpDownCauseName(cause));
}

void
CsvTunnelUp(Ptr<OutputStreamWrapper> stream, Ptr<Node> node, Ptr<const PptpCall> call, Time latency)
{
    std::ostringstream os;
    os << "setup " << std::fixed << std::setprecision(6) << latency.GetSeconds() << " s";
    Row(stream, node, call->GetPeerAddress(), call->GetLocalCallId(), "tunnel-up", os.str());
}

void
CsvTunnelDown(Ptr<OutputStreamWrapper> stream,
              Ptr<Node> node,
              Ptr<const PptpCall> call,
              PptpDownCause cause)
{
    Row(stream,
        node,
        call->GetPeerAddress(),
        call->GetLocalCallId(),
        "tunnel-down",
        PptpDownCauseName(cause));
}

void
CsvConnection(Ptr<OutputStreamWrapper> stream,
              std::string event,
              Ptr<const PptpControlConnection> c,
              PptpDownCause cause)
{
    Row(stream,
        c->GetNode(),
        c->GetPeerAddress(),
        -1,
        event,
        cause == PptpDownCause::NONE ? "" : PptpDownCauseName(cause));
}

} // namespace

void
PptpTraceHelper::EnableSummary(Ptr<OutputStreamWrapper> stream, const ApplicationContainer& apps)
{
    for (auto it = apps.Begin(); it != apps.End(); ++it)
    {
        (*it)->TraceConnectWithoutContext("Tx", MakeBoundCallback(&WriteSummary, stream));
    }
}

std::string
PptpTraceHelper::EventCsvHeader()
{
    return "time,node,peer,call_id,event,detail";
}

void
PptpTraceHelper::EnableEventCsv(Ptr<OutputStreamWrapper> stream, const ApplicationContainer& apps)
{
    *stream->GetStream() << EventCsvHeader() << "\n";
    for (auto it = apps.Begin(); it != apps.End(); ++it)
    {
        Ptr<Application> app = *it;
        app->TraceConnectWithoutContext("Tx",
                                        MakeBoundCallback(&CsvMessage, stream, std::string("tx")));
        app->TraceConnectWithoutContext("Rx",
                                        MakeBoundCallback(&CsvMessage, stream, std::string("rx")));
        app->TraceConnectWithoutContext("State", MakeBoundCallback(&CsvState, stream));
        app->TraceConnectWithoutContext("CallState", MakeBoundCallback(&CsvCallState, stream));
        app->TraceConnectWithoutContext("Drop", MakeBoundCallback(&CsvDrop, stream));
        app->TraceConnectWithoutContext("CallUp", MakeBoundCallback(&CsvCallUp, stream));
        // A call that is down has left its connection: name the node from the application.
        app->TraceConnectWithoutContext("CallDown",
                                        MakeBoundCallback(&CsvCallDown, stream, app->GetNode()));
        app->TraceConnectWithoutContext("TunnelUp",
                                        MakeBoundCallback(&CsvTunnelUp, stream, app->GetNode()));
        app->TraceConnectWithoutContext("TunnelDown",
                                        MakeBoundCallback(&CsvTunnelDown, stream, app->GetNode()));
        app->TraceConnectWithoutContext(
            "Established", MakeBoundCallback(&CsvConnection, stream, std::string("established")));
        app->TraceConnectWithoutContext(
            "Closed", MakeBoundCallback(&CsvConnection, stream, std::string("closed")));
    }
}

} // namespace ns3
