/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Traffic through a PPTP tunnel, and the same traffic without it.
//
//   client (PNS) ---- lossy, delayed access link ---- server (PAC) ---- LAN ---- host
//   10.1.0.1                                          10.1.0.2 / 10.2.0.1        10.2.0.2
//
// The client opens a tunnel to the server (MS-CHAPv2, IPCP gives it
// 192.168.100.2) and routes the host's network 10.2.0.0/24 through it. A TCP
// bulk transfer and a UDP constant-rate flow run from the client to the host.
// The program prints the tunnel set-up time (TCP connect to IPCP up), goodput
// and loss of both flows, then runs the same flows on the same links without
// the tunnel and prints those figures too. The tunnelled run's capture of the
// access link at the client (pptp-tunnel-traffic-0-1.pcap) decodes in Wireshark as PPTP, GRE
// and PPP (LCP, CHAP, IPCP, IP).
//
//   pptp-tunnel-traffic [--delay=20ms] [--loss=0.01] [--rate=10Mbps] [--duration=30s]
//                       [--udpRate=1Mbps] [--pcap=pptp-tunnel-traffic]

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/pptp-call.h"
#include "ns3/pptp-helper.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{

/// What one run measured.
struct Result
{
    double setupSeconds{-1}; //!< TCP connect to IPCP up (tunnel runs)
    double tcpGoodput{0};    //!< bit/s received by the host
    uint64_t udpSent{0};     //!< datagrams sent
    uint64_t udpReceived{0}; //!< datagrams received
};

void
TunnelUp(Result* result, Ptr<const PptpCall>, Time latency)
{
    result->setupSeconds = latency.GetSeconds();
}

Result
Run(bool tunnel,
    Time delay,
    double loss,
    const std::string& rate,
    Time duration,
    const std::string& udpRate,
    const std::string& pcap)
{
    NodeContainer nodes;
    nodes.Create(3); // client, server, host
    InternetStackHelper internet;
    internet.Install(nodes);
    PointToPointHelper access;
    access.SetDeviceAttribute("DataRate", StringValue(rate));
    access.SetChannelAttribute("Delay", TimeValue(delay));
    NetDeviceContainer accessDevices = access.Install(nodes.Get(0), nodes.Get(1));
    PointToPointHelper lan;
    lan.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    lan.SetChannelAttribute("Delay", TimeValue(MicroSeconds(100)));
    NetDeviceContainer lanDevices = lan.Install(nodes.Get(1), nodes.Get(2));
    for (uint32_t i = 0; i < 2 && loss > 0; ++i)
    {
        Ptr<RateErrorModel> errors = CreateObject<RateErrorModel>();
        errors->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
        errors->SetRate(loss);
        accessDevices.Get(i)->SetAttribute("ReceiveErrorModel", PointerValue(errors));
    }
    Ipv4AddressHelper("10.1.0.0", "255.255.255.0").Assign(accessDevices);
    Ipv4InterfaceContainer lanInterfaces
        = Ipv4AddressHelper("10.2.0.0", "255.255.255.0").Assign(lanDevices);
    Ipv4Address hostAddress = lanInterfaces.GetAddress(1);
    Ipv4StaticRoutingHelper routing;
    // The host sends everything back through the server (tunnel addresses included).
    routing.GetStaticRouting(nodes.Get(2)->GetObject<Ipv4>())
        ->SetDefaultRoute(lanInterfaces.GetAddress(0), 1);

    Result result;
    Time start = Seconds(1);
    Time trafficStart = Seconds(3);
    if (tunnel)
    {
        PptpServerHelper server;
        server.Install(nodes.Get(1));
        PptpClientHelper client(Ipv4Address("10.1.0.2"));
        client.SetConnectionAttribute("TunnelNetworks", StringValue("10.2.0.0/24"));
        ApplicationContainer pns = client.Install(nodes.Get(0));
        pns.Start(start);
        pns.Get(0)->TraceConnectWithoutContext("TunnelUp", MakeBoundCallback(&TunnelUp, &result));
        if (!pcap.empty())
        {
            access.EnablePcap(pcap, accessDevices.Get(0), false);
        }
    }
    else
    {
        routing.GetStaticRouting(nodes.Get(0)->GetObject<Ipv4>())
            ->AddNetworkRouteTo("10.2.0.0", "255.255.255.0", Ipv4Address("10.1.0.2"), 1);
    }

    uint16_t tcpPort = 9; // discard: no dissector mistakes the payload for a protocol
    uint16_t udpPort = 9;
    PacketSinkHelper sink("ns3::TcpSocketFactory",
                          InetSocketAddress(Ipv4Address::GetAny(), tcpPort));
    ApplicationContainer sinkApp = sink.Install(nodes.Get(2));
    BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(hostAddress, tcpPort));
    ApplicationContainer bulkApp = bulk.Install(nodes.Get(0));
    bulkApp.Start(trafficStart);
    bulkApp.Stop(trafficStart + duration);

    UdpServerHelper udpServer(udpPort);
    ApplicationContainer udpServerApp = udpServer.Install(nodes.Get(2));
    DataRate udp(udpRate);
    uint32_t size = 1000;
    Time interval = Seconds(size * 8.0 / udp.GetBitRate());
    UdpClientHelper udpClient(hostAddress, udpPort);
    udpClient.SetAttribute("PacketSize", UintegerValue(size));
    udpClient.SetAttribute("Interval", TimeValue(interval));
    uint64_t datagrams = static_cast<uint64_t>(duration.GetSeconds() / interval.GetSeconds());
    udpClient.SetAttribute("MaxPackets", UintegerValue(datagrams));
    ApplicationContainer udpClientApp = udpClient.Install(nodes.Get(0));
    udpClientApp.Start(trafficStart);
    udpClientApp.Stop(trafficStart + duration);

    Simulator::Stop(trafficStart + duration + Seconds(2));
    Simulator::Run();
    result.tcpGoodput
        = DynamicCast<PacketSink>(sinkApp.Get(0))->GetTotalRx() * 8.0 / duration.GetSeconds();
    result.udpReceived = DynamicCast<UdpServer>(udpServerApp.Get(0))->GetReceived();
    result.udpSent = datagrams;
    Simulator::Destroy();
    return result;
}

void
Print(const std::string& name, const Result& r)
{
    std::cout << std::fixed << std::setprecision(3) << std::left << std::setw(16) << name
              << std::right << std::setw(12)
              << (r.setupSeconds < 0 ? std::string("-")
                                     : std::to_string(r.setupSeconds).substr(0, 5))
              << std::setw(14) << r.tcpGoodput / 1e6 << std::setw(12) << r.udpSent << std::setw(12)
              << r.udpReceived << std::setw(10)
              << (r.udpSent ? 100.0 * (r.udpSent - std::min(r.udpSent, r.udpReceived)) / r.udpSent
                            : 0.0)
              << "\n";
}

} // namespace

int
main(int argc, char* argv[])
{
    Time delay = MilliSeconds(20);
    double loss = 0.01;
    std::string rate = "10Mbps";
    Time duration = Seconds(30);
    std::string udpRate = "1Mbps";
    std::string pcap = "pptp-tunnel-traffic";

    CommandLine cmd(__FILE__);
    cmd.AddValue("delay", "One-way delay of the access link", delay);
    cmd.AddValue("loss", "Packet loss rate of the access link, both ways (0..1)", loss);
    cmd.AddValue("rate", "Data rate of the access link", rate);
    cmd.AddValue("duration", "How long the flows run", duration);
    cmd.AddValue("udpRate", "Rate of the UDP flow", udpRate);
    cmd.AddValue("pcap", "Prefix of the pcap file of the tunnelled run (empty: none)", pcap);
    cmd.Parse(argc, argv);
    if (loss < 0 || loss >= 1)
    {
        std::cerr << "--loss must be in [0, 1)\n";
        return 2;
    }
    if (!duration.IsStrictlyPositive())
    {
        std::cerr << "--duration must be positive\n";
        return 2;
    }

    // Segments that fill the tunnel's MTU (the negotiated MRU, 1400): 20 bytes of IPv4 and
    // 32 of TCP header with timestamps leave 1348. The run without tunnel uses the same size.
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1348));
    Result tunnelled = Run(true, delay, loss, rate, duration, udpRate, pcap);
    Result plain = Run(false, delay, loss, rate, duration, udpRate, "");
    std::cout << "access link " << rate << ", one-way delay " << delay.As(Time::MS) << ", loss "
              << loss * 100 << "%, flows for " << duration.As(Time::S) << "\n";
    std::cout << std::left << std::setw(16) << "run" << std::right << std::setw(12) << "setup (s)"
              << std::setw(14) << "TCP (Mbit/s)" << std::setw(12) << "UDP sent" << std::setw(12)
              << "UDP recv" << std::setw(10) << "loss %"
              << "\n";
    Print("PPTP tunnel", tunnelled);
    Print("no tunnel", plain);
    if (tunnelled.setupSeconds < 0)
    {
        std::cerr << "the tunnel never came up\n";
        return 1;
    }
    return 0;
}
