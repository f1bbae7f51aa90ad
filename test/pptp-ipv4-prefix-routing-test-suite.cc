/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Ipv4PrefixRouting: the same route as Ipv4StaticRouting for random tables
// and destinations (with and without a requested output device); connected
// routes follow interfaces and addresses; RouteInput delivers, forwards or
// refuses; a PPTP tunnel's routes go to it and leave with the tunnel.

#include "infra/ipv4-prefix-routing-helper.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simple-channel.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <random>
#include <sstream>

using namespace ns3;

namespace
{

/// A node with `interfaces` SimpleNetDevices, interface i (from 1) on 192.168.i.1/24, up.
Ptr<Node>
NodeWithInterfaces(uint32_t interfaces, const Ipv4RoutingHelper& routing)
{
    Ptr<Node> node = CreateObject<Node>();
    InternetStackHelper internet;
    internet.SetIpv6StackInstall(false);
    internet.SetRoutingHelper(routing);
    internet.Install(node);
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    for (uint32_t i = 1; i <= interfaces; ++i)
    {
        Ptr<SimpleNetDevice> device = CreateObject<SimpleNetDevice>();
        device->SetAddress(Mac48Address::Allocate());
        device->SetChannel(CreateObject<SimpleChannel>());
        node->AddDevice(device);
        uint32_t interface = ipv4->AddInterface(device);
        std::ostringstream address;
        address << "192.168." << i << ".1";
        ipv4->AddAddress(interface,
                         Ipv4InterfaceAddress(Ipv4Address(address.str().c_str()), "/24"));
        ipv4->SetUp(interface);
    }
    return node;
}

Ipv4Header
HeaderTo(Ipv4Address destination)
{
    Ipv4Header header;
    header.SetDestination(destination);
    return header;
}

/// "gateway via device" of a route, or "none".
std::string
Describe(Ptr<Ipv4Route> route)
{
    if (!route)
    {
        return "none";
    }
    std::ostringstream os;
    os << route->GetGateway() << " via " << route->GetOutputDevice()->GetIfIndex() << " from "
       << route->GetSource();
    return os.str();
}

class SameAsStaticTestCase : public TestCase
{
  public:
    SameAsStaticTestCase()
        : TestCase("same routes as Ipv4StaticRouting on random tables")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t interfaces = 4;
        std::mt19937 random(7);
        for (int table = 0; table < 20; ++table)
        {
            Ptr<Node> staticNode = NodeWithInterfaces(interfaces, Ipv4StaticRoutingHelper());
            Ptr<Node> prefixNode = NodeWithInterfaces(interfaces, Ipv4PrefixRoutingHelper());
            Ptr<Ipv4StaticRouting> reference
                = Ipv4StaticRoutingHelper().GetStaticRouting(staticNode->GetObject<Ipv4>());
            Ptr<Ipv4PrefixRouting> prefix = Ipv4PrefixRouting::Find(prefixNode->GetObject<Ipv4>());
            NS_TEST_ASSERT_MSG_NE(prefix, nullptr, "installed by the helper");

            // Routes in 10.0.0.0/8 with lengths that nest, so that many overlap; a few
            // share a prefix with different metrics; sometimes a default route.
            std::vector<uint32_t> networks;
            uint32_t routes = 1 + random() % 60;
            for (uint32_t r = 0; r < routes; ++r)
            {
                uint32_t length
                    = std::vector<uint32_t>{8, 12, 16, 20, 24, 28, 30, 32}[random() % 8];
                uint32_t network = (10u << 24) | (random() & 0x00ffffff);
                if (!networks.empty() && random() % 4 == 0)
                {
                    network = networks[random() % networks.size()]; // same prefix again
                }
                networks.push_back(network);
                Ipv4Mask mask(length == 0 ? 0 : ~uint32_t{0} << (32 - length));
                uint32_t interface = 1 + random() % interfaces;
                Ipv4Address gateway((192u << 24) | (168u << 16) | (interface << 8)
                                    | (2 + random() % 200));
                uint32_t metric = random() % 3;
                reference->AddNetworkRouteTo(
                    Ipv4Address(network), mask, gateway, interface, metric);
                prefix->AddNetworkRouteTo(Ipv4Address(network), mask, gateway, interface, metric);
            }
            if (table % 2 == 0)
            {
                reference->SetDefaultRoute(Ipv4Address("192.168.1.254"), 1);
                prefix->SetDefaultRoute(Ipv4Address("192.168.1.254"), 1);
            }
            NS_TEST_ASSERT_MSG_EQ(prefix->GetNRoutes(),
                                  reference->GetNRoutes(),
                                  "table " << table << ": route count");

            for (int d = 0; d < 400; ++d)
            {
                // Near a route's network most of the time, anywhere otherwise.
                uint32_t destination = random();
                if (d % 4 != 0)
                {
                    destination = networks[random() % networks.size()] ^ (random() & 0xff);
                }
                Ptr<NetDevice> oif;
                if (d % 3 == 0)
                {
                    oif = prefixNode->GetDevice(1 + random() % interfaces);
                }
                Ptr<NetDevice> staticOif = oif ? staticNode->GetDevice(oif->GetIfIndex()) : nullptr;
                Socket::SocketErrno staticError;
                Socket::SocketErrno prefixError;
                Ptr<Ipv4Route> expected = reference->RouteOutput(
                    nullptr, HeaderTo(Ipv4Address(destination)), staticOif, staticError);
                Ptr<Ipv4Route> got = prefix->RouteOutput(
                    nullptr, HeaderTo(Ipv4Address(destination)), oif, prefixError);
                NS_TEST_ASSERT_MSG_EQ(Describe(got),
                                      Describe(expected),
                                      "table " << table << ", destination "
                                               << Ipv4Address(destination));
                NS_TEST_ASSERT_MSG_EQ(prefixError, staticError, "socket error");
            }
            Simulator::Destroy();
        }
    }
};

class InterfacesTestCase : public TestCase
{
  public:
    InterfacesTestCase()
        : TestCase("connected routes follow interfaces and addresses")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = NodeWithInterfaces(2, Ipv4PrefixRoutingHelper());
        Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
        Ptr<Ipv4PrefixRouting> routing = Ipv4PrefixRouting::Find(ipv4);
        // Loopback 127.0.0.0/8 and the two /24.
        NS_TEST_ASSERT_MSG_EQ(routing->GetNRoutes(), 3u, "connected routes");
        NS_TEST_ASSERT_MSG_EQ(Describe(routing->Lookup("192.168.2.77")),
                              "0.0.0.0 via 2 from 192.168.2.1",
                              "on the link of interface 2");

        routing->AddNetworkRouteTo("10.0.0.0", "/8", "192.168.2.2", 2);
        routing->AddHostRouteTo("10.1.2.3", 1);
        NS_TEST_ASSERT_MSG_EQ(Describe(routing->Lookup("10.9.9.9")),
                              "192.168.2.2 via 2 from 192.168.2.1",
                              "network route");
        NS_TEST_ASSERT_MSG_EQ(Describe(routing->Lookup("10.1.2.3")),
                              "0.0.0.0 via 1 from 192.168.1.1",
                              "host route, longer than the /8");

        // Down: every route through the interface goes, connected and added alike.
        ipv4->SetDown(2);
        NS_TEST_ASSERT_MSG_EQ(routing->GetNRoutes(), 3u, "loopback, 192.168.1/24, host route");
        NS_TEST_ASSERT_MSG_EQ(Describe(routing->Lookup("10.9.9.9")), "none", "gone with it");
        // Up: the connected route is back, the added one is not.
        ipv4->SetUp(2);
        NS_TEST_ASSERT_MSG_EQ(Describe(routing->Lookup("192.168.2.77")),
                              "0.0.0.0 via 2 from 192.168.2.1",
                              "connected again");
        NS_TEST_ASSERT_MSG_EQ(Describe(routing->Lookup("10.9.9.9")), "none", "not re-added");

        // A second address brings its network; removing it takes that network only.
        ipv4->AddAddress(1, Ipv4InterfaceAddress("172.16.0.1", "/16"));
        NS_TEST_ASSERT_MSG_EQ(Describe(routing->Lookup("172.16.5.5")),
                              "0.0.0.0 via 1 from 172.16.0.1",
                              "second address");
        ipv4->RemoveAddress(1, Ipv4Address("172.16.0.1"));
        NS_TEST_ASSERT_MSG_EQ(Describe(routing->Lookup("172.16.5.5")), "none", "removed");
        NS_TEST_ASSERT_MSG_EQ(Describe(routing->Lookup("10.1.2.3")),
                              "0.0.0.0 via 1 from 192.168.1.1",
                              "other routes of the interface stay");
        NS_TEST_ASSERT_MSG_EQ(routing->RemoveRoutesVia(1), 2u, "192.168.1/24 and the host route");
        Simulator::Destroy();
    }
};

class RouteInputTestCase : public TestCase
{
  public:
    RouteInputTestCase()
        : TestCase("RouteInput delivers, forwards or refuses")
    {
    }

  private:
    std::string m_outcome;

    void Forward(Ptr<Ipv4Route> route, Ptr<const Packet>, const Ipv4Header&)
    {
        m_outcome = "forward " + Describe(route);
    }

    void Deliver(Ptr<const Packet>, const Ipv4Header&, uint32_t interface)
    {
        m_outcome = "local " + std::to_string(interface);
    }

    void Error(Ptr<const Packet>, const Ipv4Header&, Socket::SocketErrno)
    {
        m_outcome = "error";
    }

    std::string Input(Ptr<Ipv4PrefixRouting> routing, Ptr<NetDevice> idev, const char* to)
    {
        m_outcome = "none";
        bool taken = routing->RouteInput(Create<Packet>(10),
                                         HeaderTo(Ipv4Address(to)),
                                         idev,
                                         MakeCallback(&RouteInputTestCase::Forward, this),
                                         Ipv4RoutingProtocol::MulticastForwardCallback(),
                                         MakeCallback(&RouteInputTestCase::Deliver, this),
                                         MakeCallback(&RouteInputTestCase::Error, this));
        return (taken ? "taken: " : "declined: ") + m_outcome;
    }

    void DoRun() override
    {
        Ptr<Node> node = NodeWithInterfaces(2, Ipv4PrefixRoutingHelper());
        Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
        Ptr<Ipv4PrefixRouting> routing = Ipv4PrefixRouting::Find(ipv4);
        routing->AddNetworkRouteTo("10.0.0.0", "/8", "192.168.2.2", 2);
        Ptr<NetDevice> in = node->GetDevice(1);
        NS_TEST_ASSERT_MSG_EQ(Input(routing, in, "192.168.1.1"), "taken: local 1", "own address");
        NS_TEST_ASSERT_MSG_EQ(Input(routing, in, "10.2.3.4"),
                              "taken: forward 192.168.2.2 via 2 from 192.168.2.1",
                              "forwarded");
        NS_TEST_ASSERT_MSG_EQ(Input(routing, in, "11.0.0.1"), "declined: none", "no route");
        NS_TEST_ASSERT_MSG_EQ(Input(routing, in, "224.0.0.9"), "declined: none", "multicast");
        ipv4->SetForwarding(1, false);
        NS_TEST_ASSERT_MSG_EQ(Input(routing, in, "10.2.3.4"), "taken: error", "not forwarding");
        Simulator::Destroy();
    }
};

class PrefixRoutingTestSuite : public TestSuite
{
  public:
    PrefixRoutingTestSuite()
        : TestSuite("pptp-ipv4-prefix-routing", UNIT)
    {
        AddTestCase(new SameAsStaticTestCase(), TestCase::QUICK);
        AddTestCase(new InterfacesTestCase(), TestCase::QUICK);
        AddTestCase(new RouteInputTestCase(), TestCase::QUICK);
    }
};

PrefixRoutingTestSuite g_prefixRoutingTestSuite;

} // namespace
