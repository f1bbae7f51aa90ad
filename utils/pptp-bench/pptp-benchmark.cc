/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-benchmark.h"

#include "infra/ipv4-prefix-routing-helper.h"
#include "ns3/boolean.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/on-off-helper.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pptp-client.h"
#include "ns3/pptp-control-connection.h"
#include "ns3/pptp-server.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "infra/defaults-guard.h"
#include "ns3/pptp-helper.h"
#include "infra/interface-tcp-helper.h"

#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ns3
{

namespace
{

using Clock = std::chrono::steady_clock;

/// TCP segments that fill the tunnel's MTU (1400): 20 bytes of IPv4, 32 of TCP with options.
const uint32_t SEGMENT_SIZE = 1348;

double
SecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// A line "Name:   123 kB" of /proc/self/status, in bytes (0 if absent).
uint64_t
ProcStatusBytes(const std::string& name)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
    {
        if (line.compare(0, name.size() + 1, name + ":") == 0)
        {
            std::istringstream fields(line.substr(name.size() + 1));
            uint64_t kb = 0;
            fields >> kb;
            return kb * 1024;
        }
    }
    return 0;
}

/// Give a device an IPv4 interface with one address, up; no queue disc in front of it.
uint32_t
AddInterface(Ptr<NetDevice> device, Ipv4Address address, Ipv4Mask mask)
{
    Ptr<Ipv4> ipv4 = device->GetNode()->GetObject<Ipv4>();
    uint32_t interface = ipv4->AddInterface(device);
    ipv4->AddAddress(interface, Ipv4InterfaceAddress(address, mask));
    ipv4->SetUp(interface);
    return interface;
}

/// Counts what the applications of a control-plane case report.
struct ControlCounters
{
    PptpBenchmarkControlResult* result;

    static void ClientUp(ControlCounters* c, Ptr<const PptpControlConnection>, PptpDownCause)
    {
        ++c->result->connectionsUp;
    }

    static void ClientClosed(ControlCounters* c,
                             Ptr<const PptpControlConnection>,
                             PptpDownCause cause)
    {
        ++c->result->connectionsDown;
        if (cause == PptpDownCause::LOCAL_STOP)
        {
            ++c->result->connectionsStopped;
        }
    }

    static void ClientCallUp(ControlCounters* c, Ptr<const PptpCall>, Time)
    {
        ++c->result->callsUp;
    }

    static void ClientCallDown(ControlCounters* c, Ptr<const PptpCall>, PptpDownCause cause)
    {
        ++c->result->callsDown;
        ++c->result->downCauses[PptpDownCauseName(cause)];
    }

    static void ServerCallUp(ControlCounters* c, Ptr<const PptpCall>, Time)
    {
        ++c->result->serverCallsUp;
    }

    static void ServerCallDown(ControlCounters* c, Ptr<const PptpCall>, PptpDownCause)
    {
        ++c->result->serverCallsDown;
    }

    static void ServerClosed(ControlCounters* c, Ptr<const PptpControlConnection>, PptpDownCause)
    {
        ++c->result->serverConnectionsDown;
    }

    static void Sent(ControlCounters* c,
                     Ptr<const PptpControlConnection>,
                     const PptpControlMessage& message)
    {
        ++c->result->messages;
        if (message.GetMessageType() == PptpMessageType::ECHO_REQUEST)
        {
            ++c->result->echoRequests;
        }
    }

    static void Dropped(ControlCounters* c,
                        Ptr<const PptpControlConnection>,
                        PptpControlDropReason,
                        PptpDecodeError,
                        const std::string&)
    {
        ++c->result->drops;
    }

    /// Watch an application's traces, client or server.
    void Watch(Ptr<Application> app, bool client)
    {
        app->TraceConnectWithoutContext("Tx", MakeBoundCallback(&Sent, this));
        app->TraceConnectWithoutContext("Drop", MakeBoundCallback(&Dropped, this));
        if (client)
        {
            app->TraceConnectWithoutContext("Established", MakeBoundCallback(&ClientUp, this));
            app->TraceConnectWithoutContext("Closed", MakeBoundCallback(&ClientClosed, this));
            app->TraceConnectWithoutContext("CallUp", MakeBoundCallback(&ClientCallUp, this));
            app->TraceConnectWithoutContext("CallDown", MakeBoundCallback(&ClientCallDown, this));
            return;
        }
        app->TraceConnectWithoutContext("Closed", MakeBoundCallback(&ServerClosed, this));
        app->TraceConnectWithoutContext("CallUp", MakeBoundCallback(&ServerCallUp, this));
        app->TraceConnectWithoutContext("CallDown", MakeBoundCallback(&ServerCallDown, this));
    }
};

/// Marks the boundaries of the data-plane windows: events, wall time and delivered bytes.
struct WindowMarks
{
    std::vector<uint64_t> events;
    std::vector<Clock::time_point> wall;
    std::vector<uint64_t> received;
    std::vector<Ptr<PacketSink>> sinks; //!< one per window, in order

    bool* tunnelUp{nullptr}; //!< set by the tunnel's trace
    bool tunnelUpAtFirstMark{false};

    static void Mark(WindowMarks* marks)
    {
        if (marks->events.empty())
        {
            marks->tunnelUpAtFirstMark = marks->tunnelUp && *marks->tunnelUp;
        }
        marks->events.push_back(Simulator::GetEventCount());
        marks->wall.push_back(Clock::now());
        uint64_t bytes = 0;
        for (const auto& sink : marks->sinks)
        {
            bytes += sink->GetTotalRx();
        }
        marks->received.push_back(bytes);
    }

    /// The cost of window i, whose packets are `packetSize` bytes of payload.
    PptpBenchmarkFlowCost Cost(size_t i, uint32_t packetSize) const
    {
        PptpBenchmarkFlowCost cost;
        cost.events = events.at(i + 1) - events.at(i);
        cost.wallSeconds = std::chrono::duration<double>(wall.at(i + 1) - wall.at(i)).count();
        cost.packets = (received.at(i + 1) - received.at(i)) / packetSize;
        return cost;
    }
};

void
NoteTunnelUp(bool* up, Ptr<const PptpCall>, Time)
{
    *up = true;
}

} // namespace

bool
PptpBenchmarkControlResult::AllTornDown() const
{
    return clients > 0 && connectionsUp == clients && connectionsDown == clients
           && connectionsStopped == clients && serverConnectionsDown == clients
           && callsUp == tunnelsWanted && callsDown == tunnelsWanted
           && serverCallsUp == tunnelsWanted && serverCallsDown == tunnelsWanted && drops == 0
           && downCauses.size() == 1 && downCauses.count("call-clear") == 1;
}

double
PptpBenchmarkFlowCost::EventsPerPacket() const
{
    return packets ? static_cast<double>(events) / packets : 0;
}

double
PptpBenchmarkFlowCost::MicrosPerPacket() const
{
    return packets ? wallSeconds * 1e6 / packets : 0;
}

uint64_t
PptpBenchmark::CurrentRss()
{
    return ProcStatusBytes("VmRSS");
}

uint64_t
PptpBenchmark::PeakRss()
{
    return ProcStatusBytes("VmHWM");
}

PptpBenchmarkControlResult
PptpBenchmark::RunControl(const PptpBenchmarkControlCase& c)
{
    if (c.clients == 0 || c.callsPerClient == 0)
    {
        throw std::invalid_argument("a benchmark case needs clients and calls");
    }
    PptpBenchmarkControlResult result;
    result.clients = c.clients;
    result.tunnelsWanted = c.clients * c.callsPerClient;
    result.rssBeforeBytes = CurrentRss();
    Clock::time_point buildStart = Clock::now();

    uint32_t perRouter = c.clientsPerRouter;
    if (c.star)
    {
        perRouter = c.clients; // the server takes the routers' place
    }
    else if (perRouter == 0)
    {
        // A keepalive exchange looks through the server's routes (one per router) 1.5 times
        // on average and through a router's (one per client) 3 times: the cost is lowest
        // with twice as many routers as clients per router.
        perRouter = static_cast<uint32_t>(std::ceil(std::sqrt(static_cast<double>(c.clients) / 2)));
        perRouter = std::max(perRouter, (c.clients + 253) / 254);
    }
    uint32_t routers = c.star ? 0 : (c.clients + perRouter - 1) / perRouter;
    if (routers > 254 || (perRouter > 16000 && !c.star) || c.clients > 4000000)
    {
        throw std::invalid_argument("too many clients for the benchmark's address plan");
    }
    result.routers = routers;

    NodeContainer server;
    server.Create(1);
    NodeContainer edges;
    edges.Create(routers);
    NodeContainer clients;
    clients.Create(c.clients);
    result.nodes = 1 + routers + c.clients;
    InternetStackHelper internet;
    internet.SetIpv6StackInstall(false);
    if (c.prefixRouting)
    {
        internet.SetRoutingHelper(Ipv4PrefixRoutingHelper());
    }
    else
    {
        internet.SetRoutingHelper(Ipv4StaticRoutingHelper());
    }
    internet.Install(server);
    internet.Install(edges);
    internet.SetRoutingHelper(Ipv4StaticRoutingHelper());
    for (uint32_t e = 0; e < routers; ++e)
    {
        // Routers only forward: strong end system model, so that a packet passing through
        // is not compared with the addresses of all their interfaces.
        edges.Get(e)->GetObject<Ipv4>()->SetAttribute("WeakEsModel", BooleanValue(false));
    }
    internet.Install(clients);

    // Tree: router e's link to the server is 10.(e+1).0.0/16, which holds the /30 links of
    // its clients, so that one connected route on the server covers all of them. Star: the
    // /30 links of the clients, one after the other from 10.1.0.0, end at the server.
    PointToPointHelper backbone;
    backbone.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    backbone.SetChannelAttribute("Delay", StringValue("1ms"));
    PointToPointHelper access;
    access.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    access.SetChannelAttribute("Delay", StringValue("10ms"));
    Ipv4StaticRoutingHelper routing;
    std::vector<Ipv4Address> serverAddress(c.clients); // the one each client calls
    std::vector<Ipv4Address> routerServerAddress(routers);
    for (uint32_t e = 0; e < routers; ++e)
    {
        NetDeviceContainer link = backbone.Install(server.Get(0), edges.Get(e));
        uint32_t net = (10u << 24) | ((e + 1) << 16);
        routerServerAddress[e] = Ipv4Address(net | 0xfffd);
        AddInterface(link.Get(0), routerServerAddress[e], Ipv4Mask("255.255.0.0"));
        AddInterface(link.Get(1), Ipv4Address(net | 0xfffe), Ipv4Mask("255.255.0.0"));
    }
    for (uint32_t i = 0; i < c.clients; ++i)
    {
        uint32_t e = i / perRouter;
        uint32_t base = c.star ? (10u << 24) + (1u << 16) + 4 * i
                               : (10u << 24) | ((e + 1) << 16) | (i % perRouter * 4);
        Ptr<Node> hub = c.star ? server.Get(0) : edges.Get(e);
        NetDeviceContainer link = access.Install(clients.Get(i), hub);
        Ipv4Address gateway(base + 1);
        uint32_t interface = AddInterface(link.Get(0), Ipv4Address(base + 2), Ipv4Mask("/30"));
        AddInterface(link.Get(1), gateway, Ipv4Mask("/30"));
        routing.GetStaticRouting(clients.Get(i)->GetObject<Ipv4>())
            ->SetDefaultRoute(gateway, interface);
        serverAddress[i] = c.star ? gateway : routerServerAddress[e];
    }
    if (c.interfaceTcp)
    {
        InterfaceTcpHelper::Install(server.Get(0));
    }

    ControlCounters counters{&result};
    PptpServerHelper serverHelper;
    PptpClientHelper clientHelper(serverAddress[0]);
    for (PptpApplicationHelper* h :
         std::initializer_list<PptpApplicationHelper*>{&serverHelper, &clientHelper})
    {
        h->SetConnectionAttribute("DataPlane", BooleanValue(false));
        h->SetConnectionAttribute("EchoInterval", TimeValue(c.echoInterval));
        h->SetConnectionAttribute("EchoReplyTimeout", TimeValue(c.echoInterval));
    }
    clientHelper.SetAttribute("Calls", UintegerValue(c.callsPerClient));
    ApplicationContainer serverApp = serverHelper.Install(server.Get(0));
    counters.Watch(serverApp.Get(0), false);
    Time start = Seconds(1);
    for (uint32_t i = 0; i < c.clients; ++i)
    {
        clientHelper.SetAttribute("RemoteAddress", Ipv4AddressValue(serverAddress[i]));
        ApplicationContainer app = clientHelper.Install(clients.Get(i));
        Time at = start + NanoSeconds(c.startSpread.GetNanoSeconds() / c.clients * i);
        app.Start(at);
        app.Stop(at + c.duration);
        counters.Watch(app.Get(0), true);
    }
    Time end = start + c.startSpread + c.duration + c.teardown;
    result.buildSeconds = SecondsSince(buildStart);

    uint64_t eventsBefore = Simulator::GetEventCount();
    Clock::time_point runStart = Clock::now();
    Simulator::Stop(end);
    Simulator::Run();
    result.runSeconds = SecondsSince(runStart);
    result.events = Simulator::GetEventCount() - eventsBefore;
    result.simulatedSeconds = Simulator::Now().GetSeconds();
    result.rssPeakBytes = PeakRss();
    Simulator::Destroy();
    return result;
}

PptpBenchmarkDataResult
PptpBenchmark::RunData(const PptpBenchmarkDataCase& c)
{
    PptpBenchmarkDataResult result;
    DefaultsGuard defaults;
    defaults.Set("ns3::TcpSocket", "SegmentSize", UintegerValue(SEGMENT_SIZE));

    NodeContainer nodes;
    nodes.Create(3);
    Ptr<Node> client = nodes.Get(0);
    Ptr<Node> server = nodes.Get(1);
    Ptr<Node> host = nodes.Get(2);
    InternetStackHelper internet;
    internet.SetIpv6StackInstall(false);
    internet.SetRoutingHelper(Ipv4StaticRoutingHelper());
    internet.Install(nodes);

    PointToPointHelper access;
    access.SetDeviceAttribute("DataRate", DataRateValue(c.accessRate));
    access.SetChannelAttribute("Delay", TimeValue(c.accessDelay));
    access.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("1000p"));
    NetDeviceContainer accessLink = access.Install(client, server);
    uint32_t clientInterface
        = AddInterface(accessLink.Get(0), Ipv4Address("10.1.1.2"), Ipv4Mask("/24"));
    AddInterface(accessLink.Get(1), Ipv4Address("10.1.1.1"), Ipv4Mask("/24"));

    // The LAN behind the server carries two networks: 172.30.0.0/24, which the client reaches
    // through its tunnel, and 172.29.0.0/24, which it reaches directly over the same links.
    PointToPointHelper lan;
    lan.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    lan.SetChannelAttribute("Delay", StringValue("100us"));
    lan.SetQueue("ns3::DropTailQueue<Packet>", "MaxSize", StringValue("10000p"));
    NetDeviceContainer lanLink = lan.Install(server, host);
    uint32_t serverLan = AddInterface(lanLink.Get(0), Ipv4Address("172.30.0.1"), Ipv4Mask("/24"));
    uint32_t hostLan = AddInterface(lanLink.Get(1), Ipv4Address("172.30.0.2"), Ipv4Mask("/24"));
    server->GetObject<Ipv4>()->AddAddress(
        serverLan, Ipv4InterfaceAddress(Ipv4Address("172.29.0.1"), Ipv4Mask("/24")));
    host->GetObject<Ipv4>()->AddAddress(
        hostLan, Ipv4InterfaceAddress(Ipv4Address("172.29.0.2"), Ipv4Mask("/24")));
    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(client->GetObject<Ipv4>())
        ->AddNetworkRouteTo(
            Ipv4Address("172.29.0.0"), Ipv4Mask("/24"), Ipv4Address("10.1.1.1"), clientInterface);
    routing.GetStaticRouting(host->GetObject<Ipv4>())
        ->SetDefaultRoute(Ipv4Address("172.30.0.1"), hostLan);

    PptpServerHelper serverHelper;
    serverHelper.SetAttribute("TunnelAddress", Ipv4AddressValue("100.64.0.1"));
    serverHelper.SetAttribute("AddressPoolStart", Ipv4AddressValue("100.64.0.2"));
    PptpClientHelper clientHelper(Ipv4Address("10.1.1.1"));
    clientHelper.SetConnectionAttribute("TunnelNetworks", StringValue("172.30.0.0/24"));
    serverHelper.SetConnectionAttribute("ReceiveWindow", UintegerValue(c.greWindow));
    clientHelper.SetConnectionAttribute("ReceiveWindow", UintegerValue(c.greWindow));
    serverHelper.Install(server);
    ApplicationContainer pptpClient = clientHelper.Install(client);
    pptpClient.Start(Seconds(0.5));
    pptpClient.Get(0)->TraceConnectWithoutContext(
        "TunnelUp", MakeBoundCallback(&NoteTunnelUp, &result.tunnelUp));

    // Four windows, one flow each: TCP plain, TCP tunneled, UDP plain, UDP tunneled.
    WindowMarks marks;
    const Time first = Seconds(3);
    const Time slot = c.window + c.drain;
    struct Flow
    {
        bool tcp;
        const char* destination;
        uint16_t port;
    };
    const Flow flows[] = {{true, "172.29.0.2", 5001},
                          {true, "172.30.0.2", 5002},
                          {false, "172.29.0.2", 5003},
                          {false, "172.30.0.2", 5004}};
    for (size_t i = 0; i < 4; ++i)
    {
        const Flow& f = flows[i];
        std::string factory = f.tcp ? "ns3::TcpSocketFactory" : "ns3::UdpSocketFactory";
        PacketSinkHelper sinkHelper(factory, InetSocketAddress(Ipv4Address::GetAny(), f.port));
        ApplicationContainer sink = sinkHelper.Install(host);
        marks.sinks.push_back(DynamicCast<PacketSink>(sink.Get(0)));
        InetSocketAddress to(Ipv4Address(f.destination), f.port);
        ApplicationContainer source;
        if (f.tcp)
        {
            BulkSendHelper bulk(factory, to);
            bulk.SetAttribute("SendSize", UintegerValue(SEGMENT_SIZE));
            source = bulk.Install(client);
        }
        else
        {
            OnOffHelper onoff(factory, to);
            onoff.SetConstantRate(c.udpRate, c.udpSize);
            source = onoff.Install(client);
        }
        Time at = first + slot * static_cast<int64_t>(i);
        source.Start(at);
        source.Stop(at + c.window);
        Simulator::Schedule(at, &WindowMarks::Mark, &marks);
    }
    Time end = first + slot * 4;
    // Whether the tunnel was up when the first window began: its set-up is not measured.
    marks.tunnelUp = &result.tunnelUp;
    Simulator::Schedule(end, &WindowMarks::Mark, &marks);

    Clock::time_point runStart = Clock::now();
    Simulator::Stop(end + NanoSeconds(1));
    Simulator::Run();
    result.runSeconds = SecondsSince(runStart);
    result.events = Simulator::GetEventCount();
    result.tunnelUp = marks.tunnelUpAtFirstMark;
    result.tcpPlain = marks.Cost(0, SEGMENT_SIZE);
    result.tcpTunnel = marks.Cost(1, SEGMENT_SIZE);
    result.udpPlain = marks.Cost(2, c.udpSize);
    result.udpTunnel = marks.Cost(3, c.udpSize);
    result.rssPeakBytes = PeakRss();
    Simulator::Destroy();
    return result;
}

} // namespace ns3
