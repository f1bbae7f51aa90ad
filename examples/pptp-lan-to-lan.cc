/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The classic LAN-to-LAN PPTP session between two routers, as troubleshooters
// know it from Network Monitor captures: 10.10.10.1 calls (PNS role) and
// 10.10.10.10 answers (PAC role) over one point-to-point link.
//
//   10.10.10.1 (PNS) ------------------------------- 10.10.10.10 (PAC)
//                       point-to-point, delay, loss
//
// The program prints every control message in the summary-line form with its
// time, in three phases: creation (Start Session Request/Reply, Outgoing Call
// Request/Reply, Set Link Info both ways), maintenance (Echo Request/Reply
// while the tunnel is idle) and deletion (Set Link Info, Clear Call Request,
// Call Disconnected Notify, Stop Session Request/Reply). Between them the call
// carries PPP in GRE (LCP, MS-CHAPv2, IPCP), which the pcap files show; the
// line "tunnel up" marks IPCP coming up. It saves pcap files of
// both ends (pptp-lan-to-lan-0-0.pcap, pptp-lan-to-lan-1-0.pcap) that
// Wireshark and pptp-trace-summary decode.
//
//   pptp-lan-to-lan [--delay=5ms] [--loss=0] [--echoInterval=60s] [--runTime=300s]

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/pptp-call.h"
#include "ns3/pptp-helper.h"
#include "ns3/ppp-session.h"
#include "ns3/pptp-trace-helper.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PptpLanToLan");

namespace
{

void
Phase(const std::string& name)
{
    std::cout << "--- " << name << " ---\n";
}

void
TunnelUp(Ptr<const PptpCall> call, Time latency)
{
    std::cout << std::fixed << std::setprecision(6) << Simulator::Now().GetSeconds()
              << "  tunnel up: " << call->GetPppSession()->GetLocalAddress() << " <-> "
              << call->GetPppSession()->GetPeerAddress() << " (TCP connect to IPCP up "
              << latency.GetSeconds() << " s)\n";
    Phase("maintenance");
}

} // namespace

int
main(int argc, char* argv[])
{
    Time delay = MilliSeconds(5);
    double loss = 0;
    Time echoInterval = Seconds(60);
    Time runTime = Seconds(300);
    std::string pcapPrefix = "pptp-lan-to-lan";

    CommandLine cmd(__FILE__);
    cmd.AddValue("delay", "One-way delay of the link between the routers", delay);
    cmd.AddValue("loss", "Packet loss rate on the link, both directions (0..1)", loss);
    cmd.AddValue("echoInterval", "Idle time before a PPTP Echo-Request", echoInterval);
    cmd.AddValue("runTime", "Simulated time; the call is cleared 20 s before the end", runTime);
    cmd.AddValue("pcap", "Prefix of the pcap files (empty: none)", pcapPrefix);
    cmd.Parse(argc, argv);
    if (loss < 0 || loss > 1)
    {
        std::cerr << "--loss must be between 0 and 1\n";
        return 2;
    }
    if (runTime <= Seconds(30))
    {
        std::cerr << "--runTime must be longer than 30 s\n";
        return 2;
    }

    NodeContainer routers;
    routers.Create(2);
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    link.SetChannelAttribute("Delay", TimeValue(delay));
    NetDeviceContainer devices = link.Install(routers);
    if (loss > 0)
    {
        for (uint32_t i = 0; i < 2; ++i)
        {
            Ptr<RateErrorModel> errors = CreateObject<RateErrorModel>();
            errors->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
            errors->SetRate(loss);
            devices.Get(i)->SetAttribute("ReceiveErrorModel", PointerValue(errors));
        }
    }
    InternetStackHelper internet;
    internet.Install(routers);
    Ipv4AddressHelper pnsAddress("10.10.10.0", "255.255.255.0", "0.0.0.1");
    pnsAddress.Assign(NetDeviceContainer(devices.Get(0)));
    Ipv4AddressHelper pacAddress("10.10.10.0", "255.255.255.0", "0.0.0.10");
    pacAddress.Assign(NetDeviceContainer(devices.Get(1)));

    Time start = Seconds(1);
    Time clearAt = runTime - Seconds(20);

    PptpServerHelper server;
    server.SetConnectionAttribute("EchoInterval", TimeValue(echoInterval));
    server.SetConnectionAttribute("HostName", StringValue("router-10"));
    ApplicationContainer serverApps = server.Install(routers.Get(1));
    serverApps.Start(Seconds(0));

    PptpClientHelper client(Ipv4Address("10.10.10.10"));
    client.SetAttribute("Calls", UintegerValue(1));
    client.SetAttribute("CallDuration", TimeValue(clearAt - start));
    client.SetConnectionAttribute("EchoInterval", TimeValue(echoInterval));
    client.SetConnectionAttribute("HostName", StringValue("router-1"));
    ApplicationContainer clientApps = client.Install(routers.Get(0));
    clientApps.Start(start);

    ApplicationContainer all(clientApps);
    all.Add(serverApps);
    Ptr<OutputStreamWrapper> out = Create<OutputStreamWrapper>(&std::cout);
    PptpTraceHelper::EnableSummary(out, all);
    if (!pcapPrefix.empty())
    {
        link.EnablePcapAll(pcapPrefix);
    }

    Phase("creation");
    // Maintenance starts when the tunnel is up (IPCP open), deletion when the client clears.
    clientApps.Get(0)->TraceConnectWithoutContext("TunnelUp", MakeCallback(&TunnelUp));
    Simulator::Schedule(clearAt, &Phase, "deletion");
    Simulator::Stop(runTime);
    Simulator::Run();
    Simulator::Destroy();
    return 0;
}
