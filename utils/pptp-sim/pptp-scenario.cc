/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-scenario.h"

#include "infra/defaults-guard.h"
#include "infra/interface-tcp-helper.h"
#include "infra/ipv4-prefix-routing-helper.h"
#include "ns3/boolean.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/error-model.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/on-off-helper.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/point-to-point-net-device.h"
#include "ns3/pointer.h"
#include "ns3/ppp-session.h"
#include "ns3/pptp-client.h"
#include "ns3/pptp-helper.h"
#include "ns3/pptp-server.h"
#include "ns3/pptp-trace-helper.h"
#include "ns3/pptp-tunnel-routes.h"
#include "ns3/queue-size.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/traffic-control-helper.h"
#include "ns3/uinteger.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ns3
{

namespace
{

/// First port of the sinks on the host: client i sends to FIRST_PORT + i.
const uint16_t FIRST_PORT = 20000;
/// The first random stream of the PPTP applications (two each: see AssignStreams).
const int64_t PPTP_STREAMS = 1000;

/// TCP segments that fill the tunnel's MTU (1400): 20 bytes of IPv4, 32 of TCP with options.
const uint32_t SEGMENT_SIZE = 1348;
/// pcap files written at most (one per device; file descriptors are finite).
const uint32_t MAX_PCAP = 32;

/// An output file, or an exception naming it.
std::unique_ptr<std::ofstream>
OpenFile(const std::string& path)
{
    auto file = std::make_unique<std::ofstream>(path);
    if (!*file)
    {
        throw std::runtime_error("cannot write " + path);
    }
    return file;
}

PppSession::Auth
AuthOf(PptpScenarioConfig::Auth auth)
{
    switch (auth)
    {
        case PptpScenarioConfig::Auth::NONE:
            return PppSession::AUTH_NONE;
        case PptpScenarioConfig::Auth::PAP:
            return PppSession::AUTH_PAP;
        case PptpScenarioConfig::Auth::CHAP_MD5:
            return PppSession::AUTH_CHAP_MD5;
        default:
            return PppSession::AUTH_MSCHAP_V2;
    }
}

} // namespace

PptpScenario::PptpScenario(const PptpScenarioConfig& config)
    : m_config(config)
{
}

PptpScenario::~PptpScenario() = default;

void
PptpScenario::BuildTopology()
{
    const PptpScenarioConfig& c = m_config;
    m_clients.Create(c.clients);
    m_server.Create(1);
    m_host.Create(1);
    if (c.bottleneck)
    {
        m_router.Create(1);
    }
    // Static routes only (no global routing); the server and the router hold one per client,
    // in Ipv4PrefixRouting's hash tables rather than Ipv4StaticRouting's list.
    InternetStackHelper internet;
    internet.SetRoutingHelper(Ipv4StaticRoutingHelper());
    internet.Install(m_clients);
    internet.Install(m_host);
    internet.SetRoutingHelper(Ipv4PrefixRoutingHelper());
    internet.Install(m_server);
    internet.Install(m_router);
    // The server's tunnels add their routes to that routing too.
    PptpTunnelRoutes::Install(m_server.Get(0),
                              Ipv4PrefixRoutingHelper::LinkRouteAdder(m_server.Get(0)),
                              Ipv4PrefixRoutingHelper::InterfaceRouteRemover(m_server.Get(0)));
    if (c.bottleneck)
    {
        // The router only forwards: with the strong end system model a passing packet is
        // not compared with the addresses of all its interfaces (one per client).
        m_router.Get(0)->GetObject<Ipv4>()->SetAttribute("WeakEsModel", BooleanValue(false));
    }

    // The device queues are the queues: no queue disc in front of them.
    TrafficControlHelper trafficControl;
    Ptr<Node> hub = c.bottleneck ? m_router.Get(0) : m_server.Get(0);
    PointToPointHelper access;
    access.SetDeviceAttribute("DataRate", DataRateValue(c.accessRate));
    access.SetChannelAttribute("Delay", TimeValue(c.accessDelay));
    access.SetQueue("ns3::DropTailQueue<Packet>",
                    "MaxSize",
                    QueueSizeValue(QueueSize(QueueSizeUnit::PACKETS, c.accessQueue)));
    Ipv4StaticRoutingHelper routing;
    m_access.resize(c.clients);
    for (uint32_t i = 0; i < c.clients; ++i)
    {
        Ptr<Node> client = m_clients.Get(i);
        NetDeviceContainer devices = access.Install(client, hub);
        std::ostringstream base;
        base << "10." << (1 + i / 256) << "." << (i % 256) << ".0";
        Ipv4InterfaceContainer interfaces
            = Ipv4AddressHelper(base.str().c_str(), "255.255.255.0").Assign(devices);
        trafficControl.Uninstall(devices);
        Link& link = m_access[i];
        link.a = client;
        link.b = hub;
        link.devices = devices;
        link.interfaceA = interfaces.Get(0).second;
        link.interfaceB = interfaces.Get(1).second;
        m_clientAddresses.push_back(interfaces.GetAddress(0));
        m_serverAddresses.push_back(interfaces.GetAddress(1)); // replaced with a bottleneck
    }

    if (!c.bottleneck)
    {
        // The access links end at the server: a TCP instance per link, so that a segment is
        // matched against its own client's connection only (InterfaceTcpHelper).
        InterfaceTcpHelper::Install(m_server.Get(0));
    }

    PointToPointHelper lan;
    lan.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    lan.SetChannelAttribute("Delay", TimeValue(MicroSeconds(100)));
    lan.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("10000p"));
    NetDeviceContainer lanDevices = lan.Install(m_server.Get(0), m_host.Get(0));
    Ipv4InterfaceContainer lanInterfaces
        = Ipv4AddressHelper("172.30.0.0", "255.255.255.0").Assign(lanDevices);
    trafficControl.Uninstall(lanDevices);
    m_hostAddress = lanInterfaces.GetAddress(1);
    // The host answers everything through the server, tunnel addresses included.
    routing.GetStaticRouting(m_host.Get(0)->GetObject<Ipv4>())
        ->SetDefaultRoute(lanInterfaces.GetAddress(0), lanInterfaces.Get(1).second);

    if (c.bottleneck)
    {
        PointToPointHelper shared;
        shared.SetDeviceAttribute("DataRate", DataRateValue(c.bottleneckRate));
        shared.SetChannelAttribute("Delay", TimeValue(c.bottleneckDelay));
        shared.SetQueue("ns3::DropTailQueue<Packet>",
                        "MaxSize",
                        QueueSizeValue(QueueSize(QueueSizeUnit::PACKETS, c.bottleneckQueue)));
        NetDeviceContainer devices = shared.Install(m_router.Get(0), m_server.Get(0));
        Ipv4InterfaceContainer interfaces
            = Ipv4AddressHelper("172.31.0.0", "255.255.255.0").Assign(devices);
        trafficControl.Uninstall(devices);
        Ipv4Address routerAddress = interfaces.GetAddress(0);
        Ipv4Address serverAddress = interfaces.GetAddress(1);
        m_bottleneck.a = m_router.Get(0);
        m_bottleneck.b = m_server.Get(0);
        m_bottleneck.devices = devices;
        m_bottleneck.interfaceA = interfaces.Get(0).second;
        m_bottleneck.interfaceB = interfaces.Get(1).second;
        // The server reaches every access network through the router.
        m_bottleneck.routes.emplace_back(m_server.Get(0),
                                         Ipv4Address("10.0.0.0"),
                                         Ipv4Mask("255.0.0.0"),
                                         routerAddress,
                                         m_bottleneck.interfaceB);
        // Each client reaches the server only (not the LAN behind it: that is what the
        // tunnel is for) through the router.
        for (uint32_t i = 0; i < c.clients; ++i)
        {
            m_serverAddresses[i] = serverAddress;
            Link& link = m_access[i];
            Ipv4Address gateway
                = link.b->GetObject<Ipv4>()->GetAddress(link.interfaceB, 0).GetLocal();
            link.routes.emplace_back(
                link.a, serverAddress, Ipv4Mask::GetOnes(), gateway, link.interfaceA);
        }
        for (const auto& [node, network, mask, gateway, interface] : m_bottleneck.routes)
        {
            Ipv4PrefixRoutingHelper::AddNetworkRoute(node, network, mask, gateway, interface);
        }
        for (const auto& link : m_access)
        {
            for (const auto& [node, network, mask, gateway, interface] : link.routes)
            {
                Ipv4PrefixRoutingHelper::AddNetworkRoute(node, network, mask, gateway, interface);
            }
        }
    }

    // Loss on the lossy access links, both ways.
    Ptr<UniformRandomVariable> burstSize = nullptr;
    for (uint32_t i = 0; i < c.clients; ++i)
    {
        double rate = c.ClientLossRate(i);
        if (rate <= 0)
        {
            continue;
        }
        for (uint32_t end = 0; end < 2; ++end)
        {
            Ptr<ErrorModel> model;
            if (c.lossModel == PptpScenarioConfig::LossModel::BURST)
            {
                // Bursts of 1..N packets (N+1)/2 long on average: start them that much less
                // often, so that about the loss rate of all packets is lost.
                Ptr<UniformRandomVariable> size = CreateObject<UniformRandomVariable>();
                size->SetAttribute("Min", DoubleValue(1));
                size->SetAttribute("Max", DoubleValue(c.lossBurst));
                Ptr<BurstErrorModel> burst = CreateObject<BurstErrorModel>();
                burst->SetAttribute("BurstSize", PointerValue(size));
                burst->SetAttribute("ErrorRate",
                                    DoubleValue(std::min(1.0, rate * 2.0 / (1 + c.lossBurst))));
                model = burst;
            }
            else
            {
                Ptr<RateErrorModel> uniform = CreateObject<RateErrorModel>();
                uniform->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
                uniform->SetRate(rate);
                model = uniform;
            }
            m_access[i].devices.Get(end)->SetAttribute("ReceiveErrorModel", PointerValue(model));
        }
    }
}

void
PptpScenario::InstallApplications(const std::string& folder)
{
    const PptpScenarioConfig& c = m_config;
    PptpServerHelper server;
    PptpClientHelper client(m_serverAddresses[0]);
    server.SetAttribute("MaxChannels", UintegerValue(c.serverMaxChannels));
    server.SetAttribute("TunnelAddress", Ipv4AddressValue("100.64.0.1"));
    server.SetAttribute("AddressPoolStart", Ipv4AddressValue("100.64.0.2"));
    // Room for every tunnel twice: a client may reconnect before the server has given up
    // its previous tunnel.
    server.SetAttribute("AddressPoolSize", UintegerValue(2 * c.clients * c.calls + 16));
    for (PptpApplicationHelper* h : std::initializer_list<PptpApplicationHelper*>{&server, &client})
    {
        h->SetConnectionAttribute("EchoInterval", TimeValue(c.echoInterval));
        h->SetConnectionAttribute("EchoReplyTimeout", TimeValue(c.echoTimeout));
        h->SetConnectionAttribute("EchoMaxMisses", UintegerValue(c.echoMisses));
        h->SetConnectionAttribute("ReplyTimeout", TimeValue(c.replyTimeout));
        h->SetConnectionAttribute("PnsClearTimeout", TimeValue(c.pnsClearTimeout));
        h->SetConnectionAttribute("ReceiveWindow", UintegerValue(c.greWindow));
        h->SetConnectionAttribute("DataPlane", BooleanValue(c.dataPlane));
        h->SetPppAttribute("Authentication", EnumValue(AuthOf(c.auth)));
        h->SetPppAttribute("LcpEchoInterval", TimeValue(c.lcpEchoInterval));
        h->SetPppAttribute("LcpEchoFailure", UintegerValue(c.lcpEchoFailure));
    }
    client.SetConnectionAttribute("TunnelNetworks", StringValue("172.30.0.0/24"));
    client.SetAttribute("Calls", UintegerValue(c.calls));
    client.SetAttribute("CallDuration", TimeValue(c.callDuration));
    client.SetAttribute("ReconnectDelay", TimeValue(c.reconnectDelay));
    client.SetAttribute("ReconnectAttempts", UintegerValue(c.reconnectAttempts));

    ApplicationContainer all = server.Install(m_server.Get(0));
    m_metrics->WatchServer(DynamicCast<PptpServer>(all.Get(0)));
    Ptr<UniformRandomVariable> spread = CreateObject<UniformRandomVariable>();
    for (uint32_t i = 0; i < c.clients; ++i)
    {
        client.SetAttribute("RemoteAddress", Ipv4AddressValue(m_serverAddresses[i]));
        ApplicationContainer app = client.Install(m_clients.Get(i));
        Time start = c.startTime;
        if (c.startSpread.IsStrictlyPositive())
        {
            start += NanoSeconds(static_cast<int64_t>(
                spread->GetValue(0, static_cast<double>(c.startSpread.GetNanoSeconds()))));
        }
        app.Start(start);
        m_metrics->SetClientStart(i, start);
        m_metrics->WatchClient(i, DynamicCast<PptpClient>(app.Get(0)));
        all.Add(app);
    }
    // Fixed streams for PPTP's own random draws (Call IDs, magic numbers, challenges), as
    // ns-3 has them: the same seed and run give the same numbers whatever else is built.
    PptpApplicationHelper::AssignStreams(all, PPTP_STREAMS);

    // The traffic's sinks, one per client so that each client's goodput is its own.
    if (c.traffic != PptpScenarioConfig::Traffic::NONE)
    {
        std::string factory = c.traffic == PptpScenarioConfig::Traffic::BULK
                                  ? "ns3::TcpSocketFactory"
                                  : "ns3::UdpSocketFactory";
        m_onoff.resize(c.clients);
        for (uint32_t i = 0; i < c.clients; ++i)
        {
            PacketSinkHelper sink(factory,
                                  InetSocketAddress(Ipv4Address::GetAny(), FIRST_PORT + i));
            ApplicationContainer app = sink.Install(m_host.Get(0));
            m_metrics->SetSink(i, DynamicCast<PacketSink>(app.Get(0)));
        }
        m_metrics->SetClientCallbacks(MakeBoundCallback(&PptpScenario::ClientUp, this),
                                      Callback<void, uint32_t>());
    }

    PptpTraceHelper::EnableSummary(
        Create<OutputStreamWrapper>(folder + "/summary.txt", std::ios::out), all);
    if (c.eventsCsv)
    {
        PptpTraceHelper::EnableEventCsv(
            Create<OutputStreamWrapper>(folder + "/events.csv", std::ios::out), all);
    }
}

void
PptpScenario::ClientUp(PptpScenario* self, uint32_t client)
{
    Simulator::Schedule(self->m_config.trafficStart, &PptpScenario::StartTraffic, self, client);
}

void
PptpScenario::StartTraffic(uint32_t client)
{
    if (m_metrics->GetTunnelsUp(client) == 0)
    {
        return; // down again before its traffic started; it starts when the tunnel is back
    }
    const PptpScenarioConfig& c = m_config;
    InetSocketAddress sink(m_hostAddress, FIRST_PORT + client);
    if (c.traffic == PptpScenarioConfig::Traffic::ONOFF)
    {
        // One source for the whole run: UDP has no connection, and datagrams take whatever
        // tunnel is up (none: they are dropped, no route).
        if (m_onoff[client])
        {
            return;
        }
        OnOffHelper onoff("ns3::UdpSocketFactory", sink);
        onoff.SetAttribute("DataRate", DataRateValue(c.trafficRate));
        onoff.SetAttribute("PacketSize", UintegerValue(c.packetSize));
        if (c.offTime.IsStrictlyPositive())
        {
            Ptr<ExponentialRandomVariable> on = CreateObject<ExponentialRandomVariable>();
            on->SetAttribute("Mean", DoubleValue(c.onTime.GetSeconds()));
            Ptr<ExponentialRandomVariable> off = CreateObject<ExponentialRandomVariable>();
            off->SetAttribute("Mean", DoubleValue(c.offTime.GetSeconds()));
            onoff.SetAttribute("OnTime", PointerValue(on));
            onoff.SetAttribute("OffTime", PointerValue(off));
        }
        else
        {
            onoff.SetAttribute("OnTime", StringValue("ns3::ConstantRandomVariable[Constant=1e9]"));
            onoff.SetAttribute("OffTime", StringValue("ns3::ConstantRandomVariable[Constant=0]"));
        }
        m_onoff[client] = onoff.Install(m_clients.Get(client)).Get(0);
    }
    else
    {
        // A TCP connection is bound to the tunnel address it started with, and a new tunnel
        // gets a new address: each tunnel gets its own transfer (the previous one gives up
        // after its retries).
        BulkSendHelper bulk("ns3::TcpSocketFactory", sink);
        bulk.SetAttribute("SendSize", UintegerValue(c.packetSize));
        bulk.Install(m_clients.Get(client));
    }
}

std::vector<PptpScenario::Link*>
PptpScenario::FaultedLinks()
{
    std::vector<Link*> links;
    if (m_config.faultLink == PptpScenarioConfig::FaultLink::BOTTLENECK)
    {
        links.push_back(&m_bottleneck);
        return links;
    }
    for (uint32_t i = 0; i < m_config.clients; ++i)
    {
        if (m_config.ClientFaulted(i))
        {
            links.push_back(&m_access[i]);
        }
    }
    return links;
}

void
PptpScenario::SetLinkDown(bool down)
{
    for (Link* link : FaultedLinks())
    {
        Ptr<Ipv4> a = link->a->GetObject<Ipv4>();
        Ptr<Ipv4> b = link->b->GetObject<Ipv4>();
        if (down)
        {
            a->SetDown(link->interfaceA);
            b->SetDown(link->interfaceB);
            continue;
        }
        a->SetUp(link->interfaceA);
        b->SetUp(link->interfaceB);
        // Routing dropped the routes through the interfaces; the connected ones came back
        // with them, the others are put back here.
        for (const auto& [node, network, mask, gateway, interface] : link->routes)
        {
            Ipv4PrefixRoutingHelper::AddNetworkRoute(node, network, mask, gateway, interface);
        }
    }
}

void
PptpScenario::SetTotalLoss(bool lossy)
{
    for (Link* link : FaultedLinks())
    {
        if (lossy)
        {
            link->saved.clear();
            for (uint32_t end = 0; end < 2; ++end)
            {
                PointerValue current;
                link->devices.Get(end)->GetAttribute("ReceiveErrorModel", current);
                link->saved.push_back(current.Get<ErrorModel>());
                Ptr<RateErrorModel> all = CreateObject<RateErrorModel>();
                all->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
                all->SetRate(1.0);
                link->devices.Get(end)->SetAttribute("ReceiveErrorModel", PointerValue(all));
            }
            continue;
        }
        for (uint32_t end = 0; end < 2 && end < link->saved.size(); ++end)
        {
            // Possibly none: the attribute refuses a null model, the setter does not.
            DynamicCast<PointToPointNetDevice>(link->devices.Get(end))
                ->SetReceiveErrorModel(link->saved[end]);
        }
        link->saved.clear();
    }
}

void
PptpScenario::ScheduleFaults()
{
    for (const auto& w : m_config.linkDown)
    {
        Simulator::Schedule(w.start,
                            &PptpScenarioMetrics::FaultBegins,
                            m_metrics.get(),
                            std::string("link-down"),
                            w);
        Simulator::Schedule(w.start, &PptpScenario::SetLinkDown, this, true);
        Simulator::Schedule(w.start + w.duration, &PptpScenario::SetLinkDown, this, false);
    }
    for (const auto& w : m_config.lossWindows)
    {
        Simulator::Schedule(w.start,
                            &PptpScenarioMetrics::FaultBegins,
                            m_metrics.get(),
                            std::string("loss-window"),
                            w);
        Simulator::Schedule(w.start, &PptpScenario::SetTotalLoss, this, true);
        Simulator::Schedule(w.start + w.duration, &PptpScenario::SetTotalLoss, this, false);
    }
}

void
PptpScenario::Sample()
{
    m_metrics->Sample();
    Simulator::Schedule(m_config.sampleInterval, &PptpScenario::Sample, this);
}

void
PptpScenario::ReportProgress()
{
    if (m_progress)
    {
        m_progress(Simulator::Now(), m_metrics->GetTunnelsUp(), m_metrics->GetTunnelsWanted());
    }
    Simulator::Schedule(m_progressStep, &PptpScenario::ReportProgress, this);
}

void
PptpScenario::Run(const std::string& folder,
                  const std::vector<std::pair<std::string, std::string>>& parameters,
                  Progress progress)
{
    const PptpScenarioConfig& c = m_config;
    DefaultsGuard defaults;
    defaults.Set("ns3::TcpSocket", "DataRetries", UintegerValue(c.tcpRetries));
    defaults.Set("ns3::TcpSocketBase", "Timestamp", BooleanValue(c.tcpTimestamps));
    defaults.Set("ns3::TcpSocket", "SegmentSize", UintegerValue(SEGMENT_SIZE));
    RngSeedManager::SetSeed(c.seed);
    RngSeedManager::SetRun(c.run);

    auto tunnels = OpenFile(folder + "/tunnels.csv");
    auto timeline = OpenFile(folder + "/timeline.csv");
    auto throughput = OpenFile(folder + "/throughput.csv");

    BuildTopology();
    m_metrics = std::make_unique<PptpScenarioMetrics>(c, m_clientAddresses);
    m_metrics->SetStreams(tunnels.get(), timeline.get(), throughput.get());
    for (uint32_t i = 0; i < m_clients.GetN(); ++i)
    {
        m_metrics->WatchNode(m_clients.Get(i), true);
    }
    m_metrics->WatchNode(m_server.Get(0), true);
    m_metrics->WatchNode(m_host.Get(0), false);
    std::vector<Link*> links;
    for (auto& link : m_access)
    {
        links.push_back(&link);
    }
    if (c.bottleneck)
    {
        m_metrics->WatchNode(m_router.Get(0), false);
        links.push_back(&m_bottleneck);
    }
    for (Link* link : links)
    {
        m_metrics->WatchDevice(link->devices.Get(0));
        m_metrics->WatchDevice(link->devices.Get(1));
    }
    InstallApplications(folder);
    ScheduleFaults();

    if (c.pcap)
    {
        std::filesystem::create_directories(folder + "/pcap");
        PointToPointHelper p2p;
        Ptr<Node> server = m_server.Get(0);
        for (uint32_t i = 0, n = 0; i < server->GetNDevices() && n < MAX_PCAP; ++i)
        {
            Ptr<NetDevice> device = server->GetDevice(i);
            if (DynamicCast<PointToPointNetDevice>(device))
            {
                p2p.EnablePcap(folder + "/pcap/server", device, false);
                ++n;
            }
        }
    }

    m_progress = progress;
    m_progressStep = std::max(MilliSeconds(100), NanoSeconds(c.runTime.GetNanoSeconds() / 500));
    Simulator::Schedule(c.sampleInterval, &PptpScenario::Sample, this);
    Simulator::Schedule(m_progressStep, &PptpScenario::ReportProgress, this);
    Simulator::Stop(c.runTime);
    Simulator::Run();
    if (m_progress)
    {
        m_progress(Simulator::Now(), m_metrics->GetTunnelsUp(), m_metrics->GetTunnelsWanted());
    }
    m_metrics->Sample(); // the end of the run (sampling events at the stop time do not run)
    m_metrics->Finish();

    auto summary = OpenFile(folder + "/summary.json");
    m_metrics->WriteSummary(*summary, parameters);
    auto clients = OpenFile(folder + "/clients.csv");
    m_metrics->WriteClients(*clients);
    std::ostringstream text;
    m_metrics->WriteText(text);
    m_text = text.str();
    for (std::ofstream* file :
         {tunnels.get(), timeline.get(), throughput.get(), summary.get(), clients.get()})
    {
        file->flush();
        if (!*file)
        {
            throw std::runtime_error("cannot write the results in " + folder);
        }
    }
    Simulator::Destroy();
}

PptpScenarioMetrics::Totals
PptpScenario::GetTotals() const
{
    return m_metrics->GetTotals();
}

std::string
PptpScenario::GetText() const
{
    return m_text;
}

} // namespace ns3
