/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-scenario-metrics.h"

#include "ns3/ipv4-header.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/packet-sink.h"
#include "ns3/packet.h"
#include "ns3/pptp-client.h"
#include "ns3/pptp-control-connection.h"
#include "ns3/pptp-gre-channel.h"
#include "ns3/pptp-gre-l4-protocol.h"
#include "ns3/pptp-server.h"
#include "ns3/simulator.h"
#include "ns3/tcp-header.h"
#include "pptp-json.h"
#include "pptp-sim-units.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <numeric>

namespace ns3
{

namespace
{

/// Causes that mean a side declared its peer dead.
bool
IsDetection(PptpDownCause cause)
{
    return cause == PptpDownCause::KEEPALIVE_TIMEOUT || cause == PptpDownCause::TCP_FAILURE
           || cause == PptpDownCause::PPP_DOWN;
}

/// Causes of a tunnel ended on purpose.
bool
IsNormalEnd(const std::string& cause)
{
    return cause == PptpDownCauseName(PptpDownCause::LOCAL_STOP)
           || cause == PptpDownCauseName(PptpDownCause::CALL_CLEAR);
}

/// Every cause name, so that summaries always have the same keys.
std::map<std::string, uint64_t>
AllCauses()
{
    std::map<std::string, uint64_t> causes;
    for (int c = static_cast<int>(PptpDownCause::LOCAL_STOP);
         c <= static_cast<int>(PptpDownCause::PPP_DOWN);
         ++c)
    {
        causes[PptpDownCauseName(static_cast<PptpDownCause>(c))] = 0;
    }
    return causes;
}

/// Seconds rounded to the microsecond, as written in the summary.
double
Micro(double seconds)
{
    return std::round(seconds * 1e6) / 1e6;
}

std::string
Seconds6(Time t)
{
    return PptpUnits::FormatFixed(t.GetSeconds(), 6);
}

double
Mean(const std::vector<double>& v)
{
    if (v.empty())
    {
        return std::numeric_limits<double>::quiet_NaN();
    }
    return std::accumulate(v.begin(), v.end(), 0.0) / v.size();
}

PptpJson
DistributionJson(const PptpDistribution& d, bool seconds)
{
    auto value = [&d, seconds](double v)
    {
        return d.count == 0 ? PptpJson()
                            : PptpJsonNumber(seconds ? Micro(v) : std::round(v * 1000) / 1000);
    };
    PptpJson json;
    json["count"] = d.count;
    json["mean"] = value(d.mean);
    json["min"] = value(d.min);
    json["p50"] = value(d.p50);
    json["p90"] = value(d.p90);
    json["p99"] = value(d.p99);
    json["max"] = value(d.max);
    return json;
}

PptpJson
CountsJson(const std::map<std::string, uint64_t>& counts)
{
    PptpJson json = PptpJson::object();
    for (const auto& [name, n] : counts)
    {
        json[name] = n;
    }
    return json;
}

std::string
IpDropName(Ipv4L3Protocol::DropReason reason)
{
    switch (reason)
    {
        case Ipv4L3Protocol::DROP_TTL_EXPIRED:
            return "ttl-expired";
        case Ipv4L3Protocol::DROP_NO_ROUTE:
            return "no-route";
        case Ipv4L3Protocol::DROP_BAD_CHECKSUM:
            return "bad-checksum";
        case Ipv4L3Protocol::DROP_INTERFACE_DOWN:
            return "interface-down";
        case Ipv4L3Protocol::DROP_ROUTE_ERROR:
            return "route-error";
        case Ipv4L3Protocol::DROP_FRAGMENT_TIMEOUT:
            return "fragment-timeout";
        default:
            return "reason-" + std::to_string(static_cast<int>(reason));
    }
}

} // namespace

PptpDistribution
PptpDistribution::Of(std::vector<double> samples)
{
    PptpDistribution d;
    d.count = samples.size();
    if (samples.empty())
    {
        d.mean = d.min = d.p50 = d.p90 = d.p99 = d.max = std::numeric_limits<double>::quiet_NaN();
        return d;
    }
    std::sort(samples.begin(), samples.end());
    auto rank = [&samples](double q)
    {
        size_t i = static_cast<size_t>(std::ceil(q * samples.size()));
        return samples[std::min(samples.size() - 1, i == 0 ? 0 : i - 1)];
    };
    d.mean = Mean(samples);
    d.min = samples.front();
    d.max = samples.back();
    d.p50 = rank(0.5);
    d.p90 = rank(0.9);
    d.p99 = rank(0.99);
    return d;
}

PptpScenarioMetrics::PptpScenarioMetrics(const PptpScenarioConfig& config,
                                         const std::vector<Ipv4Address>& clientAddresses)
    : m_config(config)
{
    m_clients.resize(clientAddresses.size());
    m_clientApps.resize(clientAddresses.size());
    for (uint32_t i = 0; i < clientAddresses.size(); ++i)
    {
        m_clients[i].address = clientAddresses[i];
        m_clients[i].lossRate = config.ClientLossRate(i);
        m_clients[i].faulted
            = (!config.linkDown.empty() || !config.lossWindows.empty()) && config.ClientFaulted(i);
        m_clients[i].start = config.startTime;
        m_clientByAddress[clientAddresses[i].Get()] = i;
    }
}

void
PptpScenarioMetrics::SetStreams(std::ostream* tunnels,
                                std::ostream* timeline,
                                std::ostream* throughput)
{
    m_tunnelsCsv = tunnels;
    m_timelineCsv = timeline;
    m_throughputCsv = throughput;
    if (m_tunnelsCsv)
    {
        *m_tunnelsCsv << "time,client,call_id,event,setup_s,cause\n";
    }
    if (m_timelineCsv)
    {
        *m_timelineCsv << "time,tunnels_up,connections_up,goodput_bps\n";
    }
    if (m_throughputCsv)
    {
        *m_throughputCsv << "time,client,goodput_bps\n";
    }
}

void
PptpScenarioMetrics::SetClientCallbacks(Callback<void, uint32_t> up, Callback<void, uint32_t> down)
{
    m_clientUp = up;
    m_clientDown = down;
}

void
PptpScenarioMetrics::SetSink(uint32_t client, Ptr<PacketSink> sink)
{
    m_clients[client].sink = sink;
}

void
PptpScenarioMetrics::SetClientStart(uint32_t client, Time start)
{
    m_clients[client].start = start;
}

void
PptpScenarioMetrics::WatchClient(uint32_t client, Ptr<PptpClient> app)
{
    m_clientApps[client] = app;
    app->TraceConnectWithoutContext(
        "CallState", MakeBoundCallback(&PptpScenarioMetrics::CallState, this, client));
    app->TraceConnectWithoutContext(
        "TunnelUp", MakeBoundCallback(&PptpScenarioMetrics::TunnelUp, this, client));
    app->TraceConnectWithoutContext("CallUp",
                                    MakeBoundCallback(&PptpScenarioMetrics::CallUp, this, client));
    app->TraceConnectWithoutContext(
        "TunnelDown", MakeBoundCallback(&PptpScenarioMetrics::TunnelDown, this, client));
    app->TraceConnectWithoutContext(
        "CallDown", MakeBoundCallback(&PptpScenarioMetrics::CallDown, this, client));
    app->TraceConnectWithoutContext(
        "ConnectFailed", MakeBoundCallback(&PptpScenarioMetrics::ConnectFailed, this, client));
    app->TraceConnectWithoutContext("Established",
                                    MakeBoundCallback(&PptpScenarioMetrics::Established, this));
    app->TraceConnectWithoutContext("Closed",
                                    MakeBoundCallback(&PptpScenarioMetrics::Closed, this));
    app->TraceConnectWithoutContext("Tx", MakeBoundCallback(&PptpScenarioMetrics::ControlTx, this));
    app->TraceConnectWithoutContext("Drop",
                                    MakeBoundCallback(&PptpScenarioMetrics::ControlDrop, this));
}

void
PptpScenarioMetrics::WatchServer(Ptr<PptpServer> app)
{
    app->TraceConnectWithoutContext("CallDown",
                                    MakeBoundCallback(&PptpScenarioMetrics::ServerCallDown, this));
    app->TraceConnectWithoutContext("CallState",
                                    MakeBoundCallback(&PptpScenarioMetrics::ServerCallState, this));
    app->TraceConnectWithoutContext("Tx", MakeBoundCallback(&PptpScenarioMetrics::ControlTx, this));
    app->TraceConnectWithoutContext("Drop",
                                    MakeBoundCallback(&PptpScenarioMetrics::ControlDrop, this));
}

void
PptpScenarioMetrics::WatchNode(Ptr<Node> node, bool pptp)
{
    Ptr<Ipv4L3Protocol> ip = node->GetObject<Ipv4L3Protocol>();
    ip->TraceConnectWithoutContext("Drop", MakeBoundCallback(&PptpScenarioMetrics::IpDrop, this));
    if (pptp)
    {
        ip->TraceConnectWithoutContext("Tx", MakeBoundCallback(&PptpScenarioMetrics::IpTx, this));
        PptpGreL4Protocol::Get(node)->TraceConnectWithoutContext(
            "Drop", MakeBoundCallback(&PptpScenarioMetrics::GreDrop, this));
    }
}

void
PptpScenarioMetrics::WatchDevice(Ptr<NetDevice> device)
{
    device->TraceConnectWithoutContext(
        "PhyRxDrop",
        MakeBoundCallback(&PptpScenarioMetrics::DeviceDrop, this, std::string("link:loss")));
    device->TraceConnectWithoutContext(
        "MacTxDrop",
        MakeBoundCallback(&PptpScenarioMetrics::DeviceDrop, this, std::string("link:queue-full")));
}

void
PptpScenarioMetrics::TunnelRow(
    uint32_t client, int callId, const std::string& event, double setup, const std::string& cause)
{
    if (!m_tunnelsCsv)
    {
        return;
    }
    *m_tunnelsCsv << Seconds6(Simulator::Now()) << "," << client << ",";
    if (callId >= 0)
    {
        *m_tunnelsCsv << callId;
    }
    *m_tunnelsCsv << "," << event << ",";
    if (setup >= 0)
    {
        *m_tunnelsCsv << PptpUnits::FormatFixed(setup, 6);
    }
    *m_tunnelsCsv << "," << cause << "\n";
}

void
PptpScenarioMetrics::WatchChannel(Ptr<const PptpCall> call)
{
    Ptr<PptpGreChannel> channel = call->GetChannel();
    if (channel && m_watchedChannels.insert(PeekPointer(channel)).second)
    {
        channel->TraceConnectWithoutContext(
            "Drop", MakeBoundCallback(&PptpScenarioMetrics::ChannelDrop, this));
    }
}

PptpScenarioMetrics::Tunnel&
PptpScenarioMetrics::Track(uint32_t client, Ptr<const PptpCall> call)
{
    auto it = m_active.find(PeekPointer(call));
    if (it != m_active.end())
    {
        return m_tunnels[it->second.second];
    }
    Tunnel t;
    t.client = client;
    t.callId = call->GetLocalCallId();
    t.placed = Simulator::Now();
    m_tunnels.push_back(t);
    m_active[PeekPointer(call)] = {call, m_tunnels.size() - 1};
    ++m_clients[client].attempted;
    TunnelRow(client, t.callId, "placed", -1, "");
    WatchChannel(call);
    return m_tunnels.back();
}

void
PptpScenarioMetrics::MarkUp(uint32_t client, Ptr<const PptpCall> call, Time latency)
{
    Tunnel& t = Track(client, call);
    if (t.isUp || t.ended)
    {
        return;
    }
    Client& c = m_clients[client];
    t.isUp = true;
    t.up = Simulator::Now();
    ++c.tunnelsUp;
    ++m_tunnelsUp;
    ++c.established;
    c.setup.push_back(latency.GetSeconds());
    if (c.firstUp.IsNegative())
    {
        c.firstUp = t.up;
    }
    TunnelRow(client, t.callId, "up", latency.GetSeconds(), "");
    if (c.tunnelsUp == 1 && !m_clientUp.IsNull())
    {
        m_clientUp(client);
    }
}

int
PptpScenarioMetrics::Attribute(uint32_t client, Time upSince) const
{
    if (!m_config.ClientFaulted(client))
    {
        return -1;
    }
    int found = -1;
    for (size_t i = 0; i < m_faults.size(); ++i)
    {
        if (m_faults[i].window.start >= upSince && m_faults[i].window.start <= Simulator::Now())
        {
            found = static_cast<int>(i); // the latest that hit the tunnel
        }
    }
    return found;
}

void
PptpScenarioMetrics::MarkDown(uint32_t client, Ptr<const PptpCall> call, PptpDownCause cause)
{
    Tunnel& t = Track(client, call);
    Client& c = m_clients[client];
    std::string name = PptpDownCauseName(cause);
    if (t.isUp)
    {
        t.isUp = false;
        t.ended = true;
        t.cause = name;
        c.upTime += Simulator::Now() - t.up;
        --c.tunnelsUp;
        --m_tunnelsUp;
        if (!IsNormalEnd(name))
        {
            ++c.lost;
        }
        if (IsDetection(cause))
        {
            int f = Attribute(client, t.up);
            if (f >= 0)
            {
                double d = (Simulator::Now() - m_faults[f].window.start).GetSeconds();
                m_detectPns.push_back(d);
                c.detectPns.push_back(d);
                ++m_faults[f].lost;
            }
            else
            {
                ++m_detectionsWithoutFault;
            }
        }
        TunnelRow(client, t.callId, "down", -1, name);
        if (c.tunnelsUp == 0 && !m_clientDown.IsNull())
        {
            m_clientDown(client);
        }
    }
    else if (!t.ended)
    {
        t.ended = true;
        t.cause = name;
        ++c.failed;
        TunnelRow(client, t.callId, "failed", -1, name);
    }
}

void
PptpScenarioMetrics::CallState(PptpScenarioMetrics* self,
                               uint32_t client,
                               Ptr<const PptpCall> call,
                               PptpCall::State,
                               PptpCall::State)
{
    self->Track(client, call);
}

void
PptpScenarioMetrics::TunnelUp(PptpScenarioMetrics* self,
                              uint32_t client,
                              Ptr<const PptpCall> call,
                              Time latency)
{
    if (self->m_config.dataPlane)
    {
        self->MarkUp(client, call, latency);
    }
}

void
PptpScenarioMetrics::CallUp(PptpScenarioMetrics* self,
                            uint32_t client,
                            Ptr<const PptpCall> call,
                            Time latency)
{
    if (!self->m_config.dataPlane)
    {
        self->MarkUp(client, call, latency);
    }
}

void
PptpScenarioMetrics::TunnelDown(PptpScenarioMetrics* self,
                                uint32_t client,
                                Ptr<const PptpCall> call,
                                PptpDownCause cause)
{
    self->MarkDown(client, call, cause);
}

void
PptpScenarioMetrics::CallDown(PptpScenarioMetrics* self,
                              uint32_t client,
                              Ptr<const PptpCall> call,
                              PptpDownCause cause)
{
    self->MarkDown(client, call, cause);
    auto it = self->m_active.find(PeekPointer(call));
    if (it != self->m_active.end())
    {
        self->m_active.erase(it);
    }
    Ptr<PptpGreChannel> channel = call->GetChannel();
    if (channel)
    {
        self->m_watchedChannels.erase(PeekPointer(channel));
    }
}

void
PptpScenarioMetrics::ServerCallState(PptpScenarioMetrics* self,
                                     Ptr<const PptpCall> call,
                                     PptpCall::State,
                                     PptpCall::State)
{
    self->WatchChannel(call);
}

void
PptpScenarioMetrics::ServerCallDown(PptpScenarioMetrics* self,
                                    Ptr<const PptpCall> call,
                                    PptpDownCause cause)
{
    Ptr<PptpGreChannel> channel = call->GetChannel();
    if (channel)
    {
        self->m_watchedChannels.erase(PeekPointer(channel));
    }
    Time upSince = self->m_config.dataPlane ? call->GetTunnelUpTime() : call->GetEstablishedTime();
    auto client = self->m_clientByAddress.find(call->GetPeerAddress().Get());
    if (!IsDetection(cause) || !upSince.IsStrictlyPositive()
        || client == self->m_clientByAddress.end())
    {
        return;
    }
    int f = self->Attribute(client->second, upSince);
    if (f >= 0)
    {
        double d = (Simulator::Now() - self->m_faults[f].window.start).GetSeconds();
        self->m_detectPac.push_back(d);
        self->m_clients[client->second].detectPac.push_back(d);
    }
    else
    {
        ++self->m_detectionsWithoutFault;
    }
}

void
PptpScenarioMetrics::ConnectFailed(PptpScenarioMetrics* self, uint32_t client, Ipv4Address)
{
    ++self->m_connectFailed;
    Client& c = self->m_clients[client];
    for (uint32_t i = 0; i < self->m_config.calls; ++i)
    {
        Tunnel t;
        t.client = client;
        t.placed = Simulator::Now();
        t.ended = true;
        t.cause = PptpDownCauseName(PptpDownCause::TCP_FAILURE);
        self->m_tunnels.push_back(t);
        ++c.attempted;
        ++c.failed;
        self->TunnelRow(client, -1, "failed", -1, t.cause);
    }
}

void
PptpScenarioMetrics::Established(PptpScenarioMetrics* self,
                                 Ptr<const PptpControlConnection> connection,
                                 PptpDownCause)
{
    ++self->m_connectionsEstablished;
    self->m_connectionsUp.insert(PeekPointer(connection));
}

void
PptpScenarioMetrics::Closed(PptpScenarioMetrics* self,
                            Ptr<const PptpControlConnection> connection,
                            PptpDownCause cause)
{
    self->m_connectionsUp.erase(PeekPointer(connection));
    ++self->m_connectionsClosedBy[PptpDownCauseName(cause)];
}

void
PptpScenarioMetrics::ControlTx(PptpScenarioMetrics* self,
                               Ptr<const PptpControlConnection>,
                               const PptpControlMessage& message)
{
    ++self->m_controlMessages;
    self->m_controlBytes += message.GetSerializedSize();
}

void
PptpScenarioMetrics::Drop(const std::string& reason)
{
    ++m_drops[reason];
}

void
PptpScenarioMetrics::ControlDrop(PptpScenarioMetrics* self,
                                 Ptr<const PptpControlConnection>,
                                 PptpControlDropReason reason,
                                 PptpDecodeError error,
                                 const std::string&)
{
    self->Drop("control:" + PptpControlDropName(reason, error));
}

void
PptpScenarioMetrics::ChannelDrop(PptpScenarioMetrics* self,
                                 Ptr<const Packet>,
                                 PptpGreDropReason reason)
{
    self->Drop("gre-channel:" + PptpGreDropName(reason));
}

void
PptpScenarioMetrics::GreDrop(PptpScenarioMetrics* self,
                             Ptr<const Packet>,
                             Ipv4Address,
                             PptpGreDropReason reason,
                             PptpDecodeError error)
{
    self->Drop("gre:" + PptpGreDropName(reason, error));
}

void
PptpScenarioMetrics::IpTx(PptpScenarioMetrics* self, Ptr<const Packet> packet, Ptr<Ipv4>, uint32_t)
{
    // The trace gives the datagram with its IPv4 header.
    Ipv4Header ip;
    if (packet->PeekHeader(ip) == 0)
    {
        return;
    }
    if (ip.GetProtocol() == PptpGreHeader::IP_PROTOCOL_NUMBER)
    {
        ++self->m_greIpPackets;
        self->m_greIpBytes += packet->GetSize();
    }
    else if (ip.GetProtocol() == 6 && ip.GetFragmentOffset() == 0)
    {
        Ptr<Packet> copy = packet->Copy();
        copy->RemoveHeader(ip);
        TcpHeader tcp;
        if (copy->GetSize() >= 20 && copy->PeekHeader(tcp) > 0
            && (tcp.GetSourcePort() == PPTP_TCP_PORT || tcp.GetDestinationPort() == PPTP_TCP_PORT))
        {
            ++self->m_controlIpPackets;
            self->m_controlIpBytes += packet->GetSize();
        }
    }
}

void
PptpScenarioMetrics::IpDrop(PptpScenarioMetrics* self,
                            const Ipv4Header&,
                            Ptr<const Packet>,
                            Ipv4L3Protocol::DropReason reason,
                            Ptr<Ipv4>,
                            uint32_t)
{
    self->Drop("ip:" + IpDropName(reason));
}

void
PptpScenarioMetrics::DeviceDrop(PptpScenarioMetrics* self, std::string reason, Ptr<const Packet>)
{
    self->Drop(reason);
}

void
PptpScenarioMetrics::FaultBegins(const std::string& kind, PptpFaultWindow window)
{
    Fault f;
    f.kind = kind;
    f.window = window;
    for (uint32_t i = 0; i < m_clients.size(); ++i)
    {
        if (m_config.ClientFaulted(i))
        {
            f.hit += m_clients[i].tunnelsUp;
        }
    }
    m_faults.push_back(f);
}

void
PptpScenarioMetrics::Sample()
{
    Time now = Simulator::Now();
    if (now <= m_lastSample)
    {
        return; // sampled already
    }
    double interval = (now - m_lastSample).GetSeconds();
    m_lastSample = now;
    double total = 0;
    for (uint32_t i = 0; i < m_clients.size(); ++i)
    {
        Client& c = m_clients[i];
        if (!c.sink)
        {
            continue;
        }
        uint64_t rx = c.sink->GetTotalRx();
        double bps = interval > 0 ? (rx - c.lastRx) * 8.0 / interval : 0;
        c.lastRx = rx;
        total += bps;
        if (m_throughputCsv)
        {
            *m_throughputCsv << Seconds6(now) << "," << i << "," << PptpUnits::FormatFixed(bps, 3)
                             << "\n";
        }
    }
    if (m_timelineCsv)
    {
        *m_timelineCsv << Seconds6(now) << "," << m_tunnelsUp << "," << m_connectionsUp.size()
                       << "," << PptpUnits::FormatFixed(total, 3) << "\n";
    }
}

void
PptpScenarioMetrics::Finish()
{
    if (m_finished)
    {
        return;
    }
    m_finished = true;
    m_end = Simulator::Now();
    for (const auto& [raw, entry] : m_active)
    {
        const Tunnel& t = m_tunnels[entry.second];
        if (t.isUp)
        {
            m_clients[t.client].upTime += m_end - t.up;
        }
    }
}

uint32_t
PptpScenarioMetrics::GetTunnelsUp() const
{
    return m_tunnelsUp;
}

uint32_t
PptpScenarioMetrics::GetTunnelsUp(uint32_t client) const
{
    return m_clients[client].tunnelsUp;
}

uint32_t
PptpScenarioMetrics::GetTunnelsWanted() const
{
    return static_cast<uint32_t>(m_clients.size()) * m_config.calls;
}

PptpScenarioMetrics::Totals
PptpScenarioMetrics::GetTotals() const
{
    Totals t;
    t.failedBy = AllCauses();
    t.lostBy = AllCauses();
    for (const auto& tunnel : m_tunnels)
    {
        ++t.attempted;
        bool wasUp = !tunnel.up.IsNegative();
        t.established += wasUp ? 1 : 0;
        if (tunnel.isUp)
        {
            ++t.upAtEnd;
        }
        else if (!tunnel.ended)
        {
            ++t.pending;
        }
        else if (!wasUp)
        {
            ++t.failed;
            ++t.failedBy[tunnel.cause];
        }
        else if (IsNormalEnd(tunnel.cause))
        {
            ++t.closed;
        }
        else
        {
            ++t.lost;
            ++t.lostBy[tunnel.cause];
        }
    }
    std::vector<double> setup;
    std::vector<double> goodput;
    double upTime = 0;
    double wanted = 0;
    for (const auto& c : m_clients)
    {
        setup.insert(setup.end(), c.setup.begin(), c.setup.end());
        upTime += c.upTime.GetSeconds();
        double observed = std::max(0.0, (m_end - c.start).GetSeconds());
        wanted += observed * m_config.calls;
        if (c.sink)
        {
            uint64_t bytes = c.sink->GetTotalRx();
            t.goodputBytes += bytes;
            goodput.push_back(observed > 0 ? bytes * 8.0 / observed : 0);
        }
    }
    t.availability = wanted > 0 ? upTime / wanted : 0;
    t.setup = PptpDistribution::Of(setup);
    t.detectionPns = PptpDistribution::Of(m_detectPns);
    t.detectionPac = PptpDistribution::Of(m_detectPac);
    t.detectionsWithoutFault = m_detectionsWithoutFault;
    t.clientGoodput = PptpDistribution::Of(goodput);
    t.goodputBps = std::accumulate(goodput.begin(), goodput.end(), 0.0);
    return t;
}

void
PptpScenarioMetrics::WriteSummary(
    std::ostream& os, const std::vector<std::pair<std::string, std::string>>& parameters) const
{
    Totals t = GetTotals();
    PptpJson json;
    json["format"] = "pptp-sim-summary/1";
    PptpJson given = PptpJson::object();
    for (const auto& [name, value] : parameters)
    {
        given[name] = value;
    }
    json["parameters"] = std::move(given);
    json["simulated_s"] = PptpJsonNumber(Micro(m_end.GetSeconds()));
    json["clients"] = m_clients.size();

    PptpJson tunnels;
    tunnels["wanted"] = GetTunnelsWanted();
    tunnels["attempted"] = t.attempted;
    tunnels["established"] = t.established;
    tunnels["failed"] = t.failed;
    tunnels["pending_at_end"] = t.pending;
    tunnels["lost"] = t.lost;
    tunnels["closed"] = t.closed;
    tunnels["up_at_end"] = t.upAtEnd;
    tunnels["availability"] = PptpJsonNumber(std::round(t.availability * 1e6) / 1e6);
    tunnels["failed_by_cause"] = CountsJson(t.failedBy);
    tunnels["lost_by_cause"] = CountsJson(t.lostBy);
    json["tunnels"] = std::move(tunnels);

    json["setup_latency_s"] = DistributionJson(t.setup, true);

    PptpJson detection;
    detection["pns"] = DistributionJson(t.detectionPns, true);
    detection["pac"] = DistributionJson(t.detectionPac, true);
    detection["without_fault"] = t.detectionsWithoutFault;
    json["dead_peer_detection_s"] = std::move(detection);

    uint64_t hitClients = 0;
    for (uint32_t i = 0; i < m_clients.size(); ++i)
    {
        hitClients += m_config.ClientFaulted(i) ? 1 : 0;
    }
    PptpJson faults = PptpJson::array();
    for (const auto& f : m_faults)
    {
        PptpJson fault;
        fault["kind"] = f.kind;
        fault["start_s"] = PptpJsonNumber(Micro(f.window.start.GetSeconds()));
        fault["duration_s"] = PptpJsonNumber(Micro(f.window.duration.GetSeconds()));
        fault["link"] = m_config.faultLink == PptpScenarioConfig::FaultLink::BOTTLENECK
                            ? "bottleneck"
                            : "access";
        fault["clients"] = hitClients;
        fault["tunnels_hit"] = f.hit;
        fault["tunnels_lost"] = f.lost;
        faults.push_back(std::move(fault));
    }
    json["faults"] = std::move(faults);

    uint64_t connectAttempts = 0;
    for (const auto& app : m_clientApps)
    {
        connectAttempts += app ? app->GetConnectAttempts() : 0;
    }
    std::map<std::string, uint64_t> closed = AllCauses();
    for (const auto& [cause, n] : m_connectionsClosedBy)
    {
        closed[cause] += n;
    }
    PptpJson connections;
    connections["attempted"] = connectAttempts;
    connections["connect_failed"] = m_connectFailed;
    connections["established"] = m_connectionsEstablished;
    connections["up_at_end"] = m_connectionsUp.size();
    connections["closed_by_cause"] = CountsJson(closed);
    json["connections"] = std::move(connections);

    PptpJson control;
    control["messages"] = m_controlMessages;
    control["bytes"] = m_controlBytes;
    control["ip_packets"] = m_controlIpPackets;
    control["ip_bytes"] = m_controlIpBytes;
    json["control"] = std::move(control);

    PptpJson gre;
    gre["ip_packets"] = m_greIpPackets;
    gre["ip_bytes"] = m_greIpBytes;
    json["gre"] = std::move(gre);

    PptpJson goodput;
    goodput["bytes"] = t.goodputBytes;
    goodput["total_bps"] = PptpJsonNumber(std::round(t.goodputBps * 1000) / 1000);
    goodput["per_client_bps"] = DistributionJson(t.clientGoodput, false);
    json["goodput"] = std::move(goodput);

    json["drops"] = CountsJson(m_drops);
    PptpWriteJson(os, json);
}

void
PptpScenarioMetrics::WriteClients(std::ostream& os) const
{
    os << "client,address,loss_rate,faulted,attempted,established,failed,lost,up_at_end,"
          "availability,setup_mean_s,detection_pns_mean_s,detection_pac_mean_s,goodput_bps\n";
    for (uint32_t i = 0; i < m_clients.size(); ++i)
    {
        const Client& c = m_clients[i];
        double observed = std::max(0.0, (m_end - c.start).GetSeconds());
        double availability
            = observed > 0 ? c.upTime.GetSeconds() / (observed * m_config.calls) : 0;
        auto mean = [](const std::vector<double>& v)
        {
            return v.empty() ? std::string() : PptpUnits::FormatFixed(Mean(v), 6);
        };
        double goodput = c.sink && observed > 0 ? c.sink->GetTotalRx() * 8.0 / observed : 0;
        os << i << "," << c.address << "," << PptpUnits::FormatNumber(c.lossRate) << ","
           << (c.faulted ? 1 : 0) << "," << c.attempted << "," << c.established << "," << c.failed
           << "," << c.lost << "," << c.tunnelsUp << "," << PptpUnits::FormatFixed(availability, 6)
           << "," << mean(c.setup) << "," << mean(c.detectPns) << "," << mean(c.detectPac) << ","
           << PptpUnits::FormatFixed(goodput, 3) << "\n";
    }
}

void
PptpScenarioMetrics::WriteText(std::ostream& os) const
{
    Totals t = GetTotals();
    auto causes = [](const std::map<std::string, uint64_t>& by)
    {
        std::string text;
        for (const auto& [name, n] : by)
        {
            if (n > 0)
            {
                text += (text.empty() ? "" : ", ") + name + " " + std::to_string(n);
            }
        }
        return text.empty() ? std::string() : " (" + text + ")";
    };
    auto seconds = [](double v)
    {
        return PptpUnits::FormatFixed(v, 3) + " s";
    };
    os << "tunnels    " << t.attempted << " attempted, " << t.established << " established, "
       << t.failed << " failed" << causes(t.failedBy) << "\n";
    os << "           " << t.lost << " lost" << causes(t.lostBy) << ", " << t.closed << " closed, "
       << t.upAtEnd << " of " << GetTunnelsWanted() << " up at the end, "
       << "availability " << PptpUnits::FormatFixed(100 * t.availability, 2) << " %\n";
    if (t.setup.count > 0)
    {
        os << "setup      mean " << seconds(t.setup.mean) << ", median " << seconds(t.setup.p50)
           << ", p90 " << seconds(t.setup.p90) << ", max " << seconds(t.setup.max) << "\n";
    }
    if (!m_faults.empty())
    {
        uint64_t hit = 0;
        uint64_t lost = 0;
        for (const auto& f : m_faults)
        {
            hit += f.hit;
            lost += f.lost;
        }
        os << "faults     " << m_faults.size() << " injected: " << hit << " tunnels hit, " << lost
           << " lost\n";
    }
    if (t.detectionPns.count + t.detectionPac.count > 0)
    {
        os << "detection  client side: ";
        os << (t.detectionPns.count ? "mean " + seconds(t.detectionPns.mean) + " ("
                                          + std::to_string(t.detectionPns.count) + ")"
                                    : std::string("none"));
        os << "; server side: ";
        os << (t.detectionPac.count ? "mean " + seconds(t.detectionPac.mean) + " ("
                                          + std::to_string(t.detectionPac.count) + ")"
                                    : std::string("none"));
        os << "; after the fault began\n";
    }
    if (t.detectionsWithoutFault > 0)
    {
        os << "           " << t.detectionsWithoutFault
           << " tunnels declared dead with no fault injected (loss)\n";
    }
    os << "bytes      control " << m_controlIpBytes << " (IP, " << m_controlMessages
       << " messages), GRE " << m_greIpBytes << " (IP)\n";
    if (m_config.traffic != PptpScenarioConfig::Traffic::NONE)
    {
        os << "goodput    " << PptpUnits::FormatFixed(t.goodputBps / 1e6, 3) << " Mbit/s in total, "
           << PptpUnits::FormatFixed(t.clientGoodput.mean / 1e6, 3) << " Mbit/s per client\n";
    }
    std::string drops;
    for (const auto& [name, n] : m_drops)
    {
        drops += (drops.empty() ? "" : ", ") + name + " " + std::to_string(n);
    }
    os << "drops      " << (drops.empty() ? std::string("none") : drops) << "\n";
}

} // namespace ns3
