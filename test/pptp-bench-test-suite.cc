/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The benchmark's cases, small, for correctness only (no timing): every
// tunnel of the control-plane cases comes up, keeps its keepalives going and
// is torn down by its client, with or without per-interface TCP on the
// server (which changes nothing on the wire); many calls on few connections
// likewise; the data-plane case's tunnel is up before its windows and each
// window delivers its flow; InterfaceTcpHelper gives each interface its
// own TCP instance once.

#include "infra/interface-tcp-helper.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/test.h"
#include "pptp-bench/pptp-benchmark.h"
#include "pptp-test-utils.h"

#include <set>
#include <stdexcept>

using namespace ns3;

namespace
{

/// A small control-plane case: 5 simulated minutes, 60 s keepalives.
PptpBenchmarkControlCase
SmallControlCase(uint32_t clients, uint32_t calls)
{
    PptpBenchmarkControlCase c;
    c.name = "test";
    c.clients = clients;
    c.callsPerClient = calls;
    c.duration = Minutes(5);
    return c;
}

class ControlCaseTestCase : public TestCase
{
  public:
    ControlCaseTestCase()
        : TestCase("20 clients: every tunnel up, kept alive, torn down; the same wire with or "
                   "without per-interface TCP and prefix routing; in a star too")
    {
    }

  private:
    void Check(const PptpBenchmarkControlResult& r, const std::string& label, uint32_t routers = 5)
    {
        NS_TEST_ASSERT_MSG_EQ(r.tunnelsWanted, 20u, label);
        NS_TEST_ASSERT_MSG_EQ(r.connectionsUp, 20u, label << ": connections established");
        NS_TEST_ASSERT_MSG_EQ(r.connectionsStopped, 20u, label << ": stopped by the client");
        NS_TEST_ASSERT_MSG_EQ(r.connectionsDown, 20u, label << ": connections closed");
        NS_TEST_ASSERT_MSG_EQ(r.serverConnectionsDown, 20u, label << ": server side closed");
        NS_TEST_ASSERT_MSG_EQ(r.callsUp, 20u, label << ": calls up");
        NS_TEST_ASSERT_MSG_EQ(r.callsDown, 20u, label << ": calls down");
        NS_TEST_ASSERT_MSG_EQ(r.serverCallsUp, 20u, label << ": server calls up");
        NS_TEST_ASSERT_MSG_EQ(r.serverCallsDown, 20u, label << ": server calls down");
        std::string causes;
        for (const auto& [cause, count] : r.downCauses)
        {
            causes += cause + " x" + std::to_string(count) + " ";
        }
        // Cleared by the client's stop: Call-Clear-Request, Call-Disconnect-Notify.
        NS_TEST_ASSERT_MSG_EQ(causes, "call-clear x20 ", label << ": calls ended by the client");
        NS_TEST_ASSERT_MSG_EQ(r.drops, 0u, label << ": nothing dropped");
        NS_TEST_ASSERT_MSG_EQ(r.AllTornDown(), true, label);
        // Whoever's idle timer expires first sends the Echo-Request, and the answer resets
        // the other side's: one exchange per interval on each connection, so 4 to 6 in
        // 5 minutes.
        NS_TEST_ASSERT_MSG_GT_OR_EQ(r.echoRequests, 20u * 4, label << ": keepalives");
        NS_TEST_ASSERT_MSG_LT_OR_EQ(r.echoRequests, 20u * 6, label << ": keepalives");
        // 20 clients: 4 per router (ceil(sqrt(20/2))), 5 routers; none in a star.
        NS_TEST_ASSERT_MSG_EQ(r.routers, routers, label << ": routers");
        NS_TEST_ASSERT_MSG_EQ(r.nodes, 21u + routers, label << ": nodes");
        NS_TEST_ASSERT_MSG_GT(r.events, 0u, label << ": events counted");
        NS_TEST_ASSERT_MSG_EQ_TOL(r.simulatedSeconds, 1 + 60 + 300 + 30, 1e-9, label);
    }

    void DoRun() override
    {
        PptpBenchmarkControlCase c = SmallControlCase(20, 1);
        PptpBenchmarkControlResult shared = PptpBenchmark::RunControl(c);
        Check(shared, "per-interface TCP");
        c.interfaceTcp = false;
        PptpBenchmarkControlResult single = PptpBenchmark::RunControl(c);
        Check(single, "one TCP instance");
        NS_TEST_ASSERT_MSG_EQ(single.messages, shared.messages, "same messages either way");
        NS_TEST_ASSERT_MSG_EQ(single.echoRequests, shared.echoRequests, "same keepalives");
        NS_TEST_ASSERT_MSG_EQ(single.events, shared.events, "same events either way");
        // The routing structure changes what a lookup costs, not where packets go.
        c.interfaceTcp = true;
        c.prefixRouting = false;
        PptpBenchmarkControlResult listed = PptpBenchmark::RunControl(c);
        Check(listed, "Ipv4StaticRouting");
        NS_TEST_ASSERT_MSG_EQ(listed.messages, shared.messages, "same messages either way");
        NS_TEST_ASSERT_MSG_EQ(listed.events, shared.events, "same events either way");
        c.prefixRouting = true;
        c.star = true;
        Check(PptpBenchmark::RunControl(c), "star", 0);
    }
};

class ManyCallsTestCase : public TestCase
{
  public:
    ManyCallsTestCase()
        : TestCase("3 clients x 40 calls: every call up and torn down")
    {
    }

  private:
    void DoRun() override
    {
        PptpBenchmarkControlResult r = PptpBenchmark::RunControl(SmallControlCase(3, 40));
        NS_TEST_ASSERT_MSG_EQ(r.tunnelsWanted, 120u, "wanted");
        NS_TEST_ASSERT_MSG_EQ(r.callsUp, 120u, "calls up");
        NS_TEST_ASSERT_MSG_EQ(r.serverCallsUp, 120u, "server calls up");
        NS_TEST_ASSERT_MSG_EQ(r.callsDown, 120u, "calls down");
        NS_TEST_ASSERT_MSG_EQ(r.serverCallsDown, 120u, "server calls down");
        NS_TEST_ASSERT_MSG_EQ(r.connectionsStopped, 3u, "connections stopped");
        NS_TEST_ASSERT_MSG_EQ(r.AllTornDown(), true, "all torn down");
    }
};

class BadCaseTestCase : public TestCase
{
  public:
    BadCaseTestCase()
        : TestCase("a case without clients or calls, or beyond the address plan, is refused")
    {
    }

  private:
    static bool Refused(uint32_t clients, uint32_t calls, uint32_t perRouter)
    {
        PptpBenchmarkControlCase c = SmallControlCase(clients, calls);
        c.clientsPerRouter = perRouter;
        try
        {
            PptpBenchmark::RunControl(c);
        }
        catch (const std::invalid_argument&)
        {
            return true;
        }
        return false;
    }

    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(Refused(0, 1, 0), true, "no clients");
        NS_TEST_ASSERT_MSG_EQ(Refused(1, 0, 0), true, "no calls");
        NS_TEST_ASSERT_MSG_EQ(Refused(300, 1, 1), true, "300 routers");
    }
};

class DataCaseTestCase : public TestCase
{
  public:
    DataCaseTestCase()
        : TestCase("data plane: the tunnel is up first, every window delivers its flow, UDP "
                   "the same datagrams with and without the tunnel")
    {
    }

  private:
    void DoRun() override
    {
        PptpBenchmarkDataCase c;
        c.window = Seconds(1);
        c.drain = Seconds(1);
        c.udpRate = DataRate("4Mbps");
        c.udpSize = 1000;
        PptpBenchmarkDataResult r = PptpBenchmark::RunData(c);
        PPTP_REQUIRE_EQ(r.tunnelUp, true, "tunnel up before the windows");
        // 4 Mbit/s of 1000-byte datagrams for one second: 500, all delivered either way (the
        // GRE window of 1024 carries up to 2048 packets/s one way).
        NS_TEST_ASSERT_MSG_EQ_TOL(r.udpPlain.packets, 500u, 1u, "UDP plain");
        NS_TEST_ASSERT_MSG_EQ(r.udpTunnel.packets, r.udpPlain.packets, "UDP tunneled");
        NS_TEST_ASSERT_MSG_GT(r.tcpPlain.packets, 1000u, "TCP plain");
        NS_TEST_ASSERT_MSG_GT(r.tcpTunnel.packets, r.tcpPlain.packets / 2, "TCP tunneled");
        NS_TEST_ASSERT_MSG_GT(r.tcpTunnel.events, 0u, "events counted");
        NS_TEST_ASSERT_MSG_GT(r.udpTunnel.EventsPerPacket(), 0.0, "events per packet");
    }
};

class InterfaceTcpTestCase : public TestCase
{
  public:
    InterfaceTcpTestCase()
        : TestCase("InterfaceTcpHelper: one TCP instance per interface, once")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer nodes;
        nodes.Create(4);
        InternetStackHelper internet;
        internet.Install(nodes);
        PointToPointHelper p2p;
        for (uint32_t i = 1; i < 4; ++i)
        {
            NetDeviceContainer devices = p2p.Install(nodes.Get(0), nodes.Get(i));
            Ptr<Ipv4> ipv4 = nodes.Get(0)->GetObject<Ipv4>();
            uint32_t interface = ipv4->AddInterface(devices.Get(0));
            ipv4->AddAddress(
                interface,
                Ipv4InterfaceAddress(Ipv4Address(0x0a000001 + (i << 8)), Ipv4Mask("/24")));
        }
        Ptr<Node> node = nodes.Get(0);
        NS_TEST_ASSERT_MSG_EQ(InterfaceTcpHelper::Install(node), 3u, "three interfaces");
        NS_TEST_ASSERT_MSG_EQ(InterfaceTcpHelper::Install(node), 0u, "only once");
        Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
        Ptr<TcpL4Protocol> shared = node->GetObject<TcpL4Protocol>();
        std::set<Ptr<IpL4Protocol>> distinct;
        for (uint32_t i = 1; i < ipv4->GetNInterfaces(); ++i)
        {
            Ptr<IpL4Protocol> tcp = ipv4->GetProtocol(TcpL4Protocol::PROT_NUMBER, i);
            NS_TEST_ASSERT_MSG_NE(tcp, Ptr<IpL4Protocol>(shared), "its own instance");
            distinct.insert(tcp);
        }
        NS_TEST_ASSERT_MSG_EQ(distinct.size(), 3u, "one each");
        NS_TEST_ASSERT_MSG_EQ(ipv4->GetProtocol(TcpL4Protocol::PROT_NUMBER, 0),
                              Ptr<IpL4Protocol>(shared),
                              "the loopback keeps the node's");
        NS_TEST_ASSERT_MSG_EQ(
            node->GetObject<InterfaceTcpInstances>()->Get().size(), 3u, "kept with the node");
        Simulator::Destroy();
    }
};

class PptpBenchTestSuite : public TestSuite
{
  public:
    PptpBenchTestSuite()
        : TestSuite("pptp-bench", SYSTEM)
    {
        AddTestCase(new InterfaceTcpTestCase, TestCase::QUICK);
        AddTestCase(new ControlCaseTestCase, TestCase::QUICK);
        AddTestCase(new ManyCallsTestCase, TestCase::QUICK);
        AddTestCase(new BadCaseTestCase, TestCase::QUICK);
        AddTestCase(new DataCaseTestCase, TestCase::QUICK);
    }
};

PptpBenchTestSuite g_pptpBenchTestSuite;

} // namespace
