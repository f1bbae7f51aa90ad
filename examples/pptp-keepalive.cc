/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A PPTP tunnel dying: the link between the PNS (10.10.10.1) and the PAC
// (10.10.10.10) starts dropping everything at a chosen time, and the program
// prints when the loss began, each Echo-Request sent into it, and when each
// side declared the tunnel dead, against the bound the keepalive settings give:
//
//   dead at most  EchoInterval + EchoMaxMisses x EchoReplyTimeout
//   after the last message received from the peer.
//
//   pptp-keepalive [--lossStart=100s] [--echoInterval=60s] [--echoTimeout=60s]
//                  [--echoMisses=1] [--tcpRetries=15]
//
// TCP's own retransmission limit can end the connection before the keepalive
// does (ns-3's default is 6 retries, about a minute of backed-off attempts);
// --tcpRetries sets it (15 is Linux's default).

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/pptp-control-connection.h"
#include "ns3/pptp-helper.h"
#include "ns3/pptp-summary.h"

#include <iomanip>
#include <iostream>

using namespace ns3;

namespace
{

Time g_lossStart;
std::map<uint32_t, Time> g_lastHeard; //!< by local address: last message from the peer

std::ostream&
At()
{
    return std::cout << std::fixed << std::setprecision(6) << std::setw(12)
                     << Simulator::Now().GetSeconds() << "  ";
}

void
StartLoss(NetDeviceContainer devices)
{
    for (uint32_t i = 0; i < devices.GetN(); ++i)
    {
        Ptr<RateErrorModel> errors = CreateObject<RateErrorModel>();
        errors->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
        errors->SetRate(1.0);
        devices.Get(i)->SetAttribute("ReceiveErrorModel", PointerValue(errors));
    }
    At() << "the link starts dropping every packet, both ways\n";
}

void
Sent(Ptr<const PptpControlConnection> c, const PptpControlMessage& m)
{
    if (Simulator::Now() < g_lossStart)
    {
        At() << PptpSummary::Control(m, c->GetLocalAddress(), c->GetPeerAddress()) << "\n";
    }
    else if (const auto* echo = m.Find<PptpEchoRequest>())
    {
        At() << c->GetLocalAddress() << " sends Echo-Request " << echo->identifier
             << " into the loss: it will not be answered\n";
    }
}

void
Received(Ptr<const PptpControlConnection> c, const PptpControlMessage&)
{
    g_lastHeard[c->GetLocalAddress().Get()] = Simulator::Now();
}

void
Closed(Time bound, Ptr<const PptpControlConnection> c, PptpDownCause cause)
{
    Time last = g_lastHeard[c->GetLocalAddress().Get()];
    At() << c->GetLocalAddress() << " (" << PptpControlConnection::RoleName(c->GetRole())
         << ") declares the tunnel dead: " << cause << "; last heard from the peer at "
         << last.GetSeconds() << " s, " << (Simulator::Now() - last).GetSeconds()
         << " s ago (bound " << bound.GetSeconds() << " s); "
         << (Simulator::Now() - g_lossStart).GetSeconds() << " s after the loss began\n";
}

} // namespace

int
main(int argc, char* argv[])
{
    Time lossStart = Seconds(100);
    Time echoInterval = Seconds(60);
    Time echoTimeout = Seconds(60);
    uint32_t echoMisses = 1;
    uint32_t tcpRetries = 15;
    Time delay = MilliSeconds(5);

    CommandLine cmd(__FILE__);
    cmd.AddValue("lossStart", "When the link starts dropping everything", lossStart);
    cmd.AddValue("echoInterval", "Idle time before an Echo-Request", echoInterval);
    cmd.AddValue("echoTimeout", "Wait for an Echo-Reply before counting a miss", echoTimeout);
    cmd.AddValue("echoMisses", "Unanswered Echo-Requests before the peer is dead", echoMisses);
    cmd.AddValue("tcpRetries", "TCP retransmissions before TCP gives up", tcpRetries);
    cmd.AddValue("delay", "One-way delay of the link", delay);
    cmd.Parse(argc, argv);
    if (echoMisses == 0)
    {
        std::cerr << "--echoMisses must be at least 1 (0 disables the keepalive)\n";
        return 2;
    }
    if (lossStart <= Seconds(2))
    {
        std::cerr << "--lossStart must be after the tunnel is up (more than 2 s)\n";
        return 2;
    }
    Config::SetDefault("ns3::TcpSocket::DataRetries", UintegerValue(tcpRetries));
    g_lossStart = lossStart;
    Time bound = echoInterval + echoTimeout * echoMisses;

    NodeContainer routers;
    routers.Create(2);
    PointToPointHelper link;
    link.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    link.SetChannelAttribute("Delay", TimeValue(delay));
    NetDeviceContainer devices = link.Install(routers);
    InternetStackHelper internet;
    internet.Install(routers);
    Ipv4AddressHelper("10.10.10.0", "255.255.255.0", "0.0.0.1")
        .Assign(NetDeviceContainer(devices.Get(0)));
    Ipv4AddressHelper("10.10.10.0", "255.255.255.0", "0.0.0.10")
        .Assign(NetDeviceContainer(devices.Get(1)));

    PptpServerHelper server;
    PptpClientHelper client(Ipv4Address("10.10.10.10"));
    for (PptpApplicationHelper* h : std::initializer_list<PptpApplicationHelper*>{&server, &client})
    {
        h->SetConnectionAttribute("EchoInterval", TimeValue(echoInterval));
        h->SetConnectionAttribute("EchoReplyTimeout", TimeValue(echoTimeout));
        h->SetConnectionAttribute("EchoMaxMisses", UintegerValue(echoMisses));
    }
    ApplicationContainer apps = client.Install(routers.Get(0));
    apps.Start(Seconds(1));
    apps.Add(server.Install(routers.Get(1)));
    for (uint32_t i = 0; i < apps.GetN(); ++i)
    {
        apps.Get(i)->TraceConnectWithoutContext("Tx", MakeCallback(&Sent));
        apps.Get(i)->TraceConnectWithoutContext("Rx", MakeCallback(&Received));
        apps.Get(i)->TraceConnectWithoutContext("Closed", MakeBoundCallback(&Closed, bound));
    }

    std::cout << "Keepalive: Echo-Request after " << echoInterval.GetSeconds()
              << " s idle, reply timeout " << echoTimeout.GetSeconds() << " s, " << echoMisses
              << " miss(es) allowed: a silent peer is declared dead " << bound.GetSeconds()
              << " s after its last message.\n";
    Simulator::Schedule(lossStart, &StartLoss, devices);
    Simulator::Stop(lossStart + bound + echoInterval + Seconds(10));
    Simulator::Run();
    Simulator::Destroy();
    return 0;
}
