/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The tunnel as a device: UDP and TCP through it to a host behind the server, the routes
// the tunnel hook adds and takes away, and what a cleared call leaves behind.

#include "ns3/pptp-tunnel-routes.h"
#include "pptp-tunnel-fixtures.h"

#include <tuple>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

// ---- 2. traffic -----------------------------------------------------------------------

/** UDP and TCP from the client to a host behind the server, through the tunnel. */
class TunnelTrafficTestCase : public TestCase
{
  public:
    TunnelTrafficTestCase()
        : TestCase("traffic: UDP in order without loss and 2 MB of TCP through the tunnel")
    {
    }

  private:
    void DoRun() override
    {
        TunnelTopology net;
        Ptr<Node> client = net.star.clients.Get(0);
        OneTunnel tunnel(net);
        HostLog hostLog;
        hostLog.Watch(net.host.Get(0));

        // 100 datagrams in one second: what a send window starting at 32 of the PAC's 64, a
        // 0.5 s ack delay and the 64-frame queue carry without loss.
        const uint32_t datagrams = 100;
        const uint32_t size = 512;
        Ptr<UdpServer> udp = net.Udp(client, Seconds(3), datagrams, MilliSeconds(10), size);
        const uint32_t bytes = 2000000;
        uint16_t tcpPort = 5000;
        ApplicationContainer sinkApp
            = PacketSinkHelper("ns3::TcpSocketFactory",
                               InetSocketAddress(Ipv4Address::GetAny(), tcpPort))
                  .Install(net.host);
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(net.hostAddress, tcpPort));
        bulk.SetAttribute("MaxBytes", UintegerValue(bytes));
        ApplicationContainer bulkApp = bulk.Install(client);
        bulkApp.Start(Seconds(6));

        PptpGreChannel::Statistics before;
        ScheduleCall(Seconds(2.9),
                     [&]()
                     {
                         if (tunnel.clientEvents.Channel())
                         {
                             before = tunnel.clientEvents.Channel()->GetStatistics();
                         }
                     });
        Simulator::Stop(Seconds(40));
        Simulator::Run();

        PPTP_REQUIRE_EQ(tunnel.clientEvents.tunnelUp.size(), 1u, "client tunnel up");
        PPTP_REQUIRE_EQ(tunnel.serverEvents.tunnelUp.size(), 1u, "server tunnel up");
        NS_TEST_EXPECT_MSG_LT(
            tunnel.clientEvents.tunnelUp[0], Seconds(2.9), "up before the traffic");
        NS_TEST_EXPECT_MSG_EQ(tunnel.clientEvents.tunnelDown.size(), 0u, "stays up");
        // UDP: everything, in order, from the tunnel address.
        NS_TEST_EXPECT_MSG_EQ(udp->GetReceived(), datagrams, "UDP datagrams received");
        NS_TEST_EXPECT_MSG_EQ(udp->GetLost(), 0u, "none lost");
        NS_TEST_EXPECT_MSG_EQ(hostLog.udpSequence.size(), datagrams, "UDP at the host");
        for (uint32_t i = 0; i < hostLog.udpSequence.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(hostLog.udpSequence[i], i, "in order");
            NS_TEST_EXPECT_MSG_EQ(hostLog.udpSizes[i], size, "intact size");
        }
        // TCP: exactly the bytes sent.
        Ptr<PacketSink> sink = DynamicCast<PacketSink>(sinkApp.Get(0));
        NS_TEST_EXPECT_MSG_EQ(sink->GetTotalRx(), bytes, "TCP bytes received");
        // Through the tunnel: the host saw only the tunnel address, and the PNS's channel
        // carried at least every datagram and every full segment.
        NS_TEST_EXPECT_MSG_EQ(hostLog.from.size(), 1u, "one source address at the host");
        NS_TEST_EXPECT_MSG_GT(hostLog.from[POOL_FIRST], datagrams, "from 192.168.100.2");
        Ptr<PptpGreChannel> channel = tunnel.clientEvents.Channel();
        const auto& after = channel->GetStatistics();
        uint32_t segments = (bytes + 535) / 536;
        NS_TEST_EXPECT_MSG_GT_OR_EQ(
            after.txPackets - before.txPackets, datagrams + segments, "PNS channel packets");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(after.txBytes - before.txBytes,
                                    uint64_t(bytes) + datagrams * (size + 28),
                                    "PNS channel bytes");
        const auto& pac = tunnel.serverEvents.Channel()->GetStatistics();
        NS_TEST_EXPECT_MSG_EQ(pac.gaps, 0u, "PAC: no sequence gap");
        NS_TEST_EXPECT_MSG_EQ(pac.late + pac.duplicates, 0u, "PAC: nothing late or repeated");
        NS_TEST_EXPECT_MSG_EQ(pac.rxPackets, after.txPackets, "PAC received what the PNS sent");
        Simulator::Destroy();
    }
};

// ---- 8. teardown ----------------------------------------------------------------------

/** What a cleared call leaves: no Call ID, no route, interface down, address free. */
class TeardownTestCase : public TestCase
{
  public:
    TeardownTestCase()
        : TestCase("teardown: Call IDs, routes, interface and pool address released")
    {
    }

  private:
    /// The state of a node's tunnel interface.
    struct Snapshot
    {
        uint32_t callIds{0};
        uint32_t routes{0}; //!< static routes via the tunnel interface
        bool up{false};
        uint32_t addresses{0};
    };

    static Snapshot Take(Ptr<Node> node, Ptr<PptpTunnel> tunnel)
    {
        Snapshot s;
        s.callIds = PptpNodeState::Get(node)->GetCallIdsInUse();
        if (!tunnel)
        {
            return s;
        }
        Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
        uint32_t interface = tunnel->GetInterface();
        Ptr<Ipv4StaticRouting> routing = Ipv4StaticRoutingHelper().GetStaticRouting(ipv4);
        for (uint32_t i = 0; i < routing->GetNRoutes(); ++i)
        {
            s.routes += routing->GetRoute(i).GetInterface() == interface ? 1 : 0;
        }
        s.up = ipv4->IsUp(interface);
        s.addresses = ipv4->GetNAddresses(interface);
        return s;
    }

    void DoRun() override
    {
        StarTopology net(2);
        PptpServerHelper serverHelper;
        serverHelper.SetAttribute("AddressPoolSize", UintegerValue(1)); // one address only
        ApplicationContainer server = serverHelper.Install(net.server);
        std::vector<TunnelEvents> clientEvents(2);
        TunnelEvents serverEvents;
        serverEvents.Watch(server.Get(0));
        for (uint32_t i = 0; i < 2; ++i)
        {
            PptpClientHelper helper(net.serverAddresses[i]);
            helper.SetAttribute("CallDuration", TimeValue(Seconds(5)));
            helper.SetConnectionAttribute("TunnelNetworks", StringValue("10.9.0.0/24"));
            ApplicationContainer app = helper.Install(net.clients.Get(i));
            app.Start(Seconds(1 + 11 * i)); // the second after the first is done
            clientEvents[i].Watch(app.Get(0));
        }
        Ptr<Node> pns = net.clients.Get(0);
        Ptr<Node> pac = net.server.Get(0);
        Snapshot pnsUp;
        Snapshot pacUp;
        Snapshot pnsDown;
        Snapshot pacDown;
        ScheduleCall(Seconds(4),
                     [&]()
                     {
                         if (!clientEvents[0].tunnels.empty() && !serverEvents.tunnels.empty())
                         {
                             pnsUp = Take(pns, clientEvents[0].tunnels[0]);
                             pacUp = Take(pac, serverEvents.tunnels[0]);
                         }
                     });
        ScheduleCall(Seconds(10),
                     [&]()
                     {
                         if (!clientEvents[0].tunnels.empty() && !serverEvents.tunnels.empty())
                         {
                             pnsDown = Take(pns, clientEvents[0].tunnels[0]);
                             pacDown = Take(pac, serverEvents.tunnels[0]);
                         }
                     });
        Simulator::Stop(Seconds(30));
        Simulator::Run();

        PPTP_REQUIRE_EQ(clientEvents[0].tunnelUp.size(), 1u, "first client tunnel up");
        PPTP_REQUIRE_EQ(serverEvents.tunnelUp.size(), 2u, "server: both tunnels up");
        // While up: one Call ID each side, the routes via the tunnel (the peer and the
        // TunnelNetworks on the PNS, the peer on the PAC), the interface up and addressed.
        NS_TEST_EXPECT_MSG_EQ(pnsUp.callIds, 1u, "PNS Call ID in use");
        NS_TEST_EXPECT_MSG_EQ(pacUp.callIds, 1u, "PAC Call ID in use");
        NS_TEST_EXPECT_MSG_EQ(pnsUp.routes, 2u, "PNS routes via the tunnel");
        NS_TEST_EXPECT_MSG_EQ(pacUp.routes, 1u, "PAC route via the tunnel");
        NS_TEST_EXPECT_MSG_EQ(pnsUp.up, true, "PNS interface up");
        NS_TEST_EXPECT_MSG_EQ(pacUp.up, true, "PAC interface up");
        NS_TEST_EXPECT_MSG_EQ(pnsUp.addresses, 1u, "PNS tunnel address");
        // After the clear: nothing left.
        PPTP_REQUIRE_EQ(clientEvents[0].callDown.size(), 1u, "first call ended");
        NS_TEST_EXPECT_MSG_EQ(clientEvents[0].callDown[0].second, PptpDownCause::CALL_CLEAR, "");
        NS_TEST_EXPECT_MSG_LT(clientEvents[0].callDown[0].first, Seconds(10), "before the check");
        NS_TEST_EXPECT_MSG_EQ(pnsDown.callIds, 0u, "PNS Call ID released");
        NS_TEST_EXPECT_MSG_EQ(pacDown.callIds, 0u, "PAC Call ID released");
        NS_TEST_EXPECT_MSG_EQ(pnsDown.routes, 0u, "PNS routes removed");
        NS_TEST_EXPECT_MSG_EQ(pacDown.routes, 0u, "PAC route removed");
        NS_TEST_EXPECT_MSG_EQ(pnsDown.up, false, "PNS interface down");
        NS_TEST_EXPECT_MSG_EQ(pacDown.up, false, "PAC interface down");
        NS_TEST_EXPECT_MSG_EQ(pnsDown.addresses, 0u, "PNS tunnel address removed");
        NS_TEST_EXPECT_MSG_EQ(pacDown.addresses, 0u, "PAC tunnel address removed");
        // The pool's only address went back: the second client gets it.
        PPTP_REQUIRE_EQ(clientEvents[1].tunnelUp.size(), 1u, "second client tunnel up");
        NS_TEST_EXPECT_MSG_EQ(clientEvents[1].localAddresses[0], POOL_FIRST, "the same address");
        NS_TEST_EXPECT_MSG_EQ(clientEvents[0].localAddresses[0], POOL_FIRST, "first had it");
        PPTP_REQUIRE_EQ(clientEvents[1].callDown.size(), 1u, "second call ended");
        NS_TEST_EXPECT_MSG_EQ(clientEvents[1].callDown[0].second, PptpDownCause::CALL_CLEAR, "");
        NS_TEST_EXPECT_MSG_EQ(PptpNodeState::Get(net.clients.Get(1))->GetCallIdsInUse(),
                              0u,
                              "second PNS Call ID released");
        NS_TEST_EXPECT_MSG_EQ(PptpNodeState::Get(pac)->GetCallIdsInUse(), 0u, "PAC: none");
        Simulator::Destroy();
    }
};

/** PptpTunnelRoutes: a node with a hook gets its tunnel routes through it, none in its static
 * routing. */
class TunnelRoutesHookTestCase : public TestCase
{
  public:
    TunnelRoutesHookTestCase()
        : TestCase("routes hook: tunnel routes added and removed through PptpTunnelRoutes only")
    {
    }

  private:
    /// What a node's hook was asked to do.
    struct HookLog
    {
        std::vector<std::tuple<Ipv4Address, Ipv4Mask, uint32_t>> added; //!< in order
        std::vector<uint32_t> removed;                                  //!< interfaces
    };

    static void Hook(Ptr<Node> node, HookLog& log)
    {
        PptpTunnelRoutes::Install(
            node,
            [&log](Ipv4Address network, Ipv4Mask mask, uint32_t interface)
            {
                log.added.emplace_back(network, mask, interface);
            },
            [&log](uint32_t interface)
            {
                log.removed.push_back(interface);
            });
    }

    /// \return the static routes of a node out of an interface
    static uint32_t StaticRoutesVia(Ptr<Node> node, uint32_t interface)
    {
        Ptr<Ipv4StaticRouting> routing
            = Ipv4StaticRoutingHelper().GetStaticRouting(node->GetObject<Ipv4>());
        uint32_t n = 0;
        for (uint32_t i = 0; i < routing->GetNRoutes(); ++i)
        {
            n += routing->GetRoute(i).GetInterface() == interface ? 1 : 0;
        }
        return n;
    }

    void DoRun() override
    {
        StarTopology net(1);
        Ptr<Node> pns = net.clients.Get(0);
        Ptr<Node> pac = net.server.Get(0);
        HookLog pnsLog;
        HookLog pacLog;
        Hook(pns, pnsLog);
        Hook(pac, pacLog);
        ApplicationContainer server = PptpServerHelper().Install(net.server);
        PptpClientHelper helper(net.serverAddresses[0]);
        helper.SetAttribute("CallDuration", TimeValue(Seconds(5)));
        helper.SetConnectionAttribute("TunnelNetworks", StringValue("10.9.0.0/24"));
        ApplicationContainer app = helper.Install(pns);
        app.Start(Seconds(1));
        TunnelEvents pnsEvents;
        TunnelEvents pacEvents;
        pnsEvents.Watch(app.Get(0));
        pacEvents.Watch(server.Get(0));
        uint32_t pnsStatic = 0;
        uint32_t pacStatic = 0;
        ScheduleCall(Seconds(4),
                     [&]()
                     {
                         if (!pnsEvents.tunnels.empty() && !pacEvents.tunnels.empty())
                         {
                             pnsStatic = StaticRoutesVia(pns, pnsEvents.tunnels[0]->GetInterface());
                             pacStatic = StaticRoutesVia(pac, pacEvents.tunnels[0]->GetInterface());
                         }
                     });
        Simulator::Stop(Seconds(15));
        Simulator::Run();

        PPTP_REQUIRE_EQ(pnsEvents.tunnels.size(), 1u, "PNS tunnel up");
        PPTP_REQUIRE_EQ(pacEvents.tunnels.size(), 1u, "PAC tunnel up");
        uint32_t pnsInterface = pnsEvents.tunnels[0]->GetInterface();
        uint32_t pacInterface = pacEvents.tunnels[0]->GetInterface();
        NS_TEST_EXPECT_MSG_EQ(pnsStatic, 0u, "PNS: no static route via the tunnel");
        NS_TEST_EXPECT_MSG_EQ(pacStatic, 0u, "PAC: no static route via the tunnel");

        // The PNS: the PAC's host route, then the network behind it.
        PPTP_REQUIRE_EQ(pnsLog.added.size(), 2u, "PNS hook: two routes");
        NS_TEST_EXPECT_MSG_EQ(std::get<0>(pnsLog.added[0]), PAC_TUNNEL, "PNS: peer route");
        NS_TEST_EXPECT_MSG_EQ(std::get<1>(pnsLog.added[0]), Ipv4Mask::GetOnes(), "PNS: /32");
        NS_TEST_EXPECT_MSG_EQ(
            std::get<0>(pnsLog.added[1]), Ipv4Address("10.9.0.0"), "PNS: tunnel network");
        NS_TEST_EXPECT_MSG_EQ(std::get<1>(pnsLog.added[1]), Ipv4Mask("255.255.255.0"), "PNS: /24");
        for (const auto& added : pnsLog.added)
        {
            NS_TEST_EXPECT_MSG_EQ(std::get<2>(added), pnsInterface, "PNS: tunnel interface");
        }
        // The PAC: the client's pool address only.
        PPTP_REQUIRE_EQ(pacLog.added.size(), 1u, "PAC hook: one route");
        NS_TEST_EXPECT_MSG_EQ(std::get<0>(pacLog.added[0]), POOL_FIRST, "PAC: client route");
        NS_TEST_EXPECT_MSG_EQ(std::get<2>(pacLog.added[0]), pacInterface, "PAC: interface");

        // The call ends at 6 s: each hook is asked once to remove its interface's routes.
        NS_TEST_EXPECT_MSG_EQ(pnsEvents.tunnelDown.size(), 1u, "PNS tunnel down");
        PPTP_REQUIRE_EQ(pnsLog.removed.size(), 1u, "PNS hook: one removal");
        NS_TEST_EXPECT_MSG_EQ(pnsLog.removed[0], pnsInterface, "PNS: its interface");
        PPTP_REQUIRE_EQ(pacLog.removed.size(), 1u, "PAC hook: one removal");
        NS_TEST_EXPECT_MSG_EQ(pacLog.removed[0], pacInterface, "PAC: its interface");
        Simulator::Destroy();
    }
};

class PptpTunnelTestSuite : public TestSuite
{
  public:
    PptpTunnelTestSuite()
        : TestSuite("pptp-tunnel", SYSTEM)
    {
        AddTestCase(new TunnelTrafficTestCase, TestCase::QUICK);
        AddTestCase(new TeardownTestCase, TestCase::QUICK);
        AddTestCase(new TunnelRoutesHookTestCase, TestCase::QUICK);
    }
};

PptpTunnelTestSuite g_pptpTunnelTestSuite;

} // namespace
