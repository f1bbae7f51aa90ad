/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The Enhanced GRE channel end to end: the peer's receive window, ack-only packets,
// reordering and duplicates, and GRE packets spoofed from elsewhere.

#include "pptp-tunnel-fixtures.h"

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

// ---- 3. window ------------------------------------------------------------------------

/** The PAC's Packet Receive Window Size limits the PNS's packets in flight. */
class WindowTestCase : public TestCase
{
  public:
    WindowTestCase()
        : TestCase("window: a PAC receive window of 4 caps the PNS's unacknowledged packets")
    {
    }

  private:
    /// \param window the PAC's ReceiveWindow (0: default) \return the PNS channel's counters
    PptpGreChannel::Statistics Measure(uint16_t window, uint16_t& advertised)
    {
        TunnelTopology net;
        Ptr<Node> client = net.star.clients.Get(0);
        PptpServerHelper serverHelper;
        if (window > 0)
        {
            serverHelper.SetConnectionAttribute("ReceiveWindow", UintegerValue(window));
        }
        ApplicationContainer server = serverHelper.Install(net.star.server);
        ApplicationContainer pns = net.ClientHelper().Install(client);
        pns.Start(Seconds(1));
        MessageLog log;
        log.Watch(server.Get(0));
        TunnelEvents clientEvents;
        clientEvents.Watch(pns.Get(0));
        net.Udp(client, Seconds(3), 300, MilliSeconds(5), 1000);
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        advertised = 0;
        for (const auto& s : log.Get())
        {
            if (const auto* ocrp = s.message.Find<PptpOutgoingCallReply>())
            {
                advertised = ocrp->receiveWindowSize;
            }
        }
        PptpGreChannel::Statistics stats;
        NS_TEST_EXPECT_MSG_EQ(clientEvents.tunnelUp.size(), 1u, "tunnel up");
        if (Ptr<PptpGreChannel> channel = clientEvents.Channel())
        {
            stats = channel->GetStatistics();
            NS_TEST_EXPECT_MSG_LT_OR_EQ(channel->GetSendWindow(), advertised, "send window");
        }
        Simulator::Destroy();
        return stats;
    }

    void DoRun() override
    {
        uint16_t advertised = 0;
        PptpGreChannel::Statistics limited = Measure(4, advertised);
        NS_TEST_EXPECT_MSG_EQ(advertised, 4, "Outgoing-Call-Reply advertises the window");
        NS_TEST_EXPECT_MSG_GT(limited.txPackets, 20u, "traffic flowed");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(limited.maxUnacknowledged, 4u, "never more than 4 in flight");
        NS_TEST_EXPECT_MSG_EQ(limited.maxUnacknowledged, 4u, "the window is used");
        NS_TEST_EXPECT_MSG_GT(limited.windowStalls, 0u, "frames waited for the window");

        PptpGreChannel::Statistics open = Measure(0, advertised);
        NS_TEST_EXPECT_MSG_EQ(advertised, 64, "default window");
        NS_TEST_EXPECT_MSG_GT(open.maxUnacknowledged, 4u, "more than 4 in flight without it");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(open.maxUnacknowledged, 64u, "within the default window");
    }
};

// ---- 4. ack-only ----------------------------------------------------------------------

/** One-way traffic: the receiver acknowledges with ack-only packets after AckDelay. */
class AckOnlyTestCase : public TestCase
{
  public:
    AckOnlyTestCase()
        : TestCase("ack-only: one-way UDP is acknowledged alone, the sender's backlog bounded")
    {
    }

  private:
    void DoRun() override
    {
        TunnelTopology net;
        Ptr<Node> client = net.star.clients.Get(0);
        OneTunnel tunnel(net);
        WireLog wire;
        wire.Watch(net.star.links[0].Get(1)); // what the PAC sends
        const uint32_t datagrams = 500;
        const Time interval = MilliSeconds(20);
        const Time start = Seconds(3);
        Ptr<UdpServer> udp = net.Udp(client, start, datagrams, interval, 200);
        PptpGreChannel::Statistics pacBefore;
        PptpGreChannel::Statistics pnsBefore;
        ScheduleCall(start - MilliSeconds(100),
                     [&]()
                     {
                         if (tunnel.serverEvents.Channel() && tunnel.clientEvents.Channel())
                         {
                             pacBefore = tunnel.serverEvents.Channel()->GetStatistics();
                             pnsBefore = tunnel.clientEvents.Channel()->GetStatistics();
                         }
                     });
        Time end = start + interval * datagrams;
        Simulator::Stop(end + Seconds(3));
        Simulator::Run();

        PPTP_REQUIRE_EQ(tunnel.clientEvents.tunnelUp.size(), 1u, "client tunnel up");
        PPTP_REQUIRE_EQ(tunnel.serverEvents.tunnelUp.size(), 1u, "server tunnel up");
        NS_TEST_EXPECT_MSG_EQ(udp->GetReceived(), datagrams, "every datagram arrived");
        const auto& pac = tunnel.serverEvents.Channel()->GetStatistics();
        Ptr<PptpGreChannel> pnsChannel = tunnel.clientEvents.Channel();
        const auto& pnsStats = pnsChannel->GetStatistics();
        // The PAC had nothing to send: every acknowledgement went alone, one per AckDelay.
        NS_TEST_EXPECT_MSG_EQ(pac.txPackets, pacBefore.txPackets, "PAC sent no data");
        uint64_t ackOnly = pac.ackOnlySent - pacBefore.ackOnlySent;
        double periods = (end - start).GetSeconds() / 0.5;
        NS_TEST_EXPECT_MSG_GT_OR_EQ(ackOnly, uint64_t(periods) - 1, "one ack-only per 500 ms");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(ackOnly, uint64_t(periods) + 2, "not more");
        uint32_t onWire = 0;
        for (const auto& f : wire.frames)
        {
            if (f.time > start && f.source == net.star.serverAddresses[0])
            {
                NS_TEST_EXPECT_MSG_EQ(f.gre.IsAckOnly(), true, "PAC's GRE packets are ack-only");
                onWire += f.gre.IsAckOnly() ? 1 : 0;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(onWire, ackOnly, "the ack-only packets on the wire");
        // The PNS's backlog: what it sends in one AckDelay plus a round trip, never the window.
        uint32_t bound = static_cast<uint32_t>(0.5 / interval.GetSeconds()) + 2;
        NS_TEST_EXPECT_MSG_LT_OR_EQ(pnsStats.maxUnacknowledged, bound, "PNS backlog bounded");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(pnsStats.maxUnacknowledged, bound - 3, "and it builds up");
        NS_TEST_EXPECT_MSG_EQ(pnsStats.ackTimeouts, 0u, "no acknowledgement time-out");
        NS_TEST_EXPECT_MSG_EQ(pnsStats.windowStalls, 0u, "no window stall");
        NS_TEST_EXPECT_MSG_EQ(pnsChannel->GetUnacknowledged(), 0u, "all acknowledged at the end");
        NS_TEST_EXPECT_MSG_EQ(pnsStats.txPackets - pnsBefore.txPackets, datagrams, "PNS data");
        Simulator::Destroy();
    }
};

// ---- 5. reordering --------------------------------------------------------------------

/** The sending window's rules of RFC 2637 section 4.4, driven by hand. */
class WindowRulesTestCase : public TestCase
{
  public:
    WindowRulesTestCase()
        : TestCase("window rules: start at half the peer's window, grow by one per window "
                   "acknowledged, halve (rounding up) on an ack time-out")
    {
    }

  private:
    /// A channel on a node of its own: what it sends goes nowhere, acks are fed by hand.
    static Ptr<PptpGreChannel> MakeChannel(uint16_t peerWindow)
    {
        Ptr<Node> node = CreateObject<Node>();
        InternetStackHelper().Install(node);
        Ptr<PptpGreChannel> channel = CreateObject<PptpGreChannel>();
        channel->Setup(PptpGreL4Protocol::Get(node), "10.0.0.1", "10.0.0.2", 100);
        channel->Connect(200, peerWindow, 0);
        return channel;
    }

    static void Ack(Ptr<PptpGreChannel> channel, uint32_t ack)
    {
        PptpGreHeader header;
        header.SetCallId(100);
        header.SetAcknowledgment(ack);
        channel->Receive(Create<Packet>(), header);
    }

    void DoRun() override
    {
        for (auto [peer, start] : std::vector<std::pair<uint16_t, uint32_t>>{
                 {0, 1}, {1, 1}, {2, 1}, {3, 2}, {4, 2}, {5, 3}, {64, 32}})
        {
            NS_TEST_EXPECT_MSG_EQ(
                MakeChannel(peer)->GetSendWindow(), start, "peer window " << peer);
            Simulator::Destroy();
        }

        Ptr<PptpGreChannel> channel = MakeChannel(10);
        for (int i = 0; i < 60; ++i)
        {
            channel->Send(Create<Packet>(1));
        }
        NS_TEST_EXPECT_MSG_EQ(channel->GetUnacknowledged(), 5u, "half of 10 in flight");
        // Acknowledging a whole window opens it by one: 0..4 acked, 5 more sent (5..9).
        Ack(channel, 4);
        NS_TEST_EXPECT_MSG_EQ(channel->GetSendWindow(), 6u, "one more after a window");
        NS_TEST_EXPECT_MSG_EQ(channel->GetUnacknowledged(), 6u, "the window filled again");
        // Less than a window acknowledged: no growth yet.
        Ack(channel, 8);
        NS_TEST_EXPECT_MSG_EQ(channel->GetSendWindow(), 6u, "4 of 6 acknowledged");
        Ack(channel, 10);
        NS_TEST_EXPECT_MSG_EQ(channel->GetSendWindow(), 7u, "6 of 6 acknowledged");

        // Time-outs, nothing acknowledged: 7 -> 4 -> 2 -> 1 -> 1 (fractions rounded up).
        std::vector<uint32_t> windows;
        for (int i = 0; i < 4; ++i)
        {
            Simulator::Stop(channel->GetAckTimeout() + MilliSeconds(1));
            Simulator::Run();
            windows.push_back(channel->GetSendWindow());
        }
        NS_TEST_EXPECT_MSG_EQ(channel->GetStatistics().ackTimeouts, 4u, "four time-outs");
        NS_TEST_EXPECT_MSG_EQ(windows.size(), 4u, "windows recorded");
        const std::vector<uint32_t> expected{4, 2, 1, 1};
        NS_TEST_EXPECT_MSG_EQ((windows == expected), true, "halved, rounding up, down to one");
        Simulator::Destroy();
    }
};

/** The channel's receive side fed directly: duplicates, late packets, holding for gaps. */
class ReorderTestCase : public TestCase
{
  public:
    ReorderTestCase()
        : TestCase("reorder: late and duplicate packets, with and without ReorderTimeout")
    {
    }

  private:
    struct Delivered
    {
        uint32_t sequence;
        Time time;
    };

    void Deliver(Ptr<Packet> frame)
    {
        uint8_t b = 0;
        frame->CopyData(&b, 1);
        m_delivered.push_back({b, Simulator::Now()});
    }

    Ptr<PptpGreChannel> MakeChannel(Ptr<Node> node, Time reorderTimeout)
    {
        InternetStackHelper().Install(node);
        Ptr<PptpGreChannel> channel = CreateObject<PptpGreChannel>();
        channel->SetAttribute("ReorderTimeout", TimeValue(reorderTimeout));
        channel->Setup(PptpGreL4Protocol::Get(node), "10.0.0.1", "10.0.0.2", 100);
        channel->Connect(200, 64, 0);
        channel->SetReceiveCallback(MakeCallback(&ReorderTestCase::Deliver, this));
        return channel;
    }

    static void Receive(Ptr<PptpGreChannel> channel, uint32_t sequence)
    {
        uint8_t b = static_cast<uint8_t>(sequence);
        PptpGreHeader header;
        header.SetCallId(100);
        header.SetPayloadLength(1);
        header.SetSequenceNumber(sequence);
        channel->Receive(Create<Packet>(&b, 1), header);
    }

    std::string DeliveredText() const
    {
        std::string s;
        for (const auto& d : m_delivered)
        {
            s += (s.empty() ? "" : " ") + std::to_string(d.sequence);
        }
        return s;
    }

    void DoRun() override
    {
        // Linux: deliver at once, drop what comes after a later packet.
        {
            m_delivered.clear();
            Ptr<Node> node = CreateObject<Node>();
            Ptr<PptpGreChannel> channel = MakeChannel(node, Seconds(0));
            for (uint32_t s : {0, 1, 3, 2, 3, 5, 4})
            {
                Receive(channel, s);
            }
            NS_TEST_EXPECT_MSG_EQ(DeliveredText(), "0 1 3 5", "delivered at once, late dropped");
            const auto& stats = channel->GetStatistics();
            NS_TEST_EXPECT_MSG_EQ(stats.late, 2u, "2 and 4 late");
            NS_TEST_EXPECT_MSG_EQ(stats.duplicates, 1u, "3 again");
            NS_TEST_EXPECT_MSG_EQ(stats.gaps, 2u, "2 and 4 skipped");
            NS_TEST_EXPECT_MSG_EQ(stats.rxPackets, 4u, "delivered");
            Simulator::Destroy();
        }
        // pptp-linux with a reorder buffer: hold up to 100 ms for the gap to fill.
        {
            m_delivered.clear();
            Ptr<Node> node = CreateObject<Node>();
            Ptr<PptpGreChannel> channel = MakeChannel(node, MilliSeconds(100));
            std::vector<std::pair<uint32_t, uint32_t>> arrivals = // (ms, sequence)
                {{0, 0},
                 {10, 1},
                 {20, 3},
                 {30, 2},
                 {40, 3},
                 {50, 5},
                 {60, 4},
                 {70, 7},
                 {80, 8},
                 {180, 6},
                 {200, 9}};
            for (const auto& [ms, s] : arrivals)
            {
                Simulator::Schedule(MilliSeconds(ms), &ReorderTestCase::Receive, channel, s);
            }
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(
                DeliveredText(), "0 1 2 3 4 5 7 8 9", "in order, 6 never in time");
            std::vector<uint32_t> when = {0, 10, 30, 30, 60, 60, 170, 170, 200};
            NS_TEST_ASSERT_MSG_EQ(m_delivered.size(), when.size(), "deliveries");
            for (size_t i = 0; i < when.size() && i < m_delivered.size(); ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(m_delivered[i].time,
                                      MilliSeconds(when[i]),
                                      "delivery time of " << m_delivered[i].sequence);
            }
            const auto& stats = channel->GetStatistics();
            NS_TEST_EXPECT_MSG_EQ(stats.duplicates, 1u, "3 again");
            NS_TEST_EXPECT_MSG_EQ(stats.late, 1u, "6 after the gap was given up");
            NS_TEST_EXPECT_MSG_EQ(stats.gaps, 1u, "6 skipped");
            NS_TEST_EXPECT_MSG_EQ(stats.rxPackets, 9u, "delivered");
            Simulator::Destroy();
        }
    }

    std::vector<Delivered> m_delivered;
};

class SpoofedGreTestCase : public TestCase
{
  public:
    SpoofedGreTestCase()
        : TestCase("spoofed GRE: wrong peer, unknown call, plain GRE dropped; the call lives on")
    {
    }

  private:
    void Dropped(Ptr<const Packet>,
                 Ipv4Address source,
                 PptpGreDropReason reason,
                 PptpDecodeError error)
    {
        ++m_drops[PptpGreDropName(reason, error)];
        m_sources.push_back(source);
    }

    /// An Enhanced GRE packet carrying LCP Terminate-Request (fatal if it were accepted).
    static Ptr<Packet> Spoof(uint16_t callId, uint32_t sequence)
    {
        PppControlPacket terminate;
        terminate.code = PPP_TERMINATE_REQUEST;
        terminate.identifier = 42;
        std::vector<uint8_t> bytes = terminate.Encode();
        Ptr<Packet> packet = Create<Packet>(bytes.data(), bytes.size());
        packet->AddHeader(PppFrameHeader(PPP_PROTOCOL_LCP, true, false));
        PptpGreHeader gre;
        gre.SetCallId(callId);
        gre.SetPayloadLength(packet->GetSize());
        gre.SetSequenceNumber(sequence);
        packet->AddHeader(gre);
        return packet;
    }

    void Attack(Ptr<PptpServer> server, Ptr<Node> attacker, Ipv4Address from, Ipv4Address to)
    {
        auto connections = server->GetConnections();
        // In an event: a plain check and return, the simulator is running.
        NS_TEST_ASSERT_MSG_EQ(connections.size(), 1u, "one connection");
        if (connections.size() != 1)
        {
            return;
        }
        NS_TEST_ASSERT_MSG_EQ(connections[0]->GetCalls().size(), 1u, "one call");
        if (connections[0]->GetCalls().size() != 1)
        {
            return;
        }
        uint16_t callId = connections[0]->GetCalls().begin()->first;
        Ptr<PptpGreL4Protocol> gre = PptpGreL4Protocol::Get(attacker);
        for (uint32_t i = 0; i < 3; ++i)
        {
            gre->Send(Spoof(callId, 1000000 + i), from, to);
        }
        gre->Send(Spoof(callId == 0xFFFF ? 1 : callId + 1, 7), from, to);
        // Plain GRE (RFC 2784, version 0) carrying an IPv4 packet.
        std::vector<uint8_t> plain = {0x00, 0x00, 0x08, 0x00};
        plain.resize(4 + 20, 0);
        plain[4] = 0x45;
        gre->Send(Create<Packet>(plain.data(), plain.size()), from, to);
        m_attacked = true;
    }

    void DoRun() override
    {
        TunnelTopology net;
        Ptr<Node> client = net.star.clients.Get(0);
        Ptr<Node> host = net.host.Get(0);
        OneTunnel tunnel(net);
        Ptr<PptpGreL4Protocol> serverGre = PptpGreL4Protocol::Get(net.star.server.Get(0));
        serverGre->TraceConnectWithoutContext("Drop",
                                              MakeCallback(&SpoofedGreTestCase::Dropped, this));
        const uint32_t datagrams = 250;
        Ptr<UdpServer> udp = net.Udp(client, Seconds(3), datagrams, MilliSeconds(20), 300);
        Ptr<PptpServer> server = DynamicCast<PptpServer>(tunnel.server.Get(0));
        Simulator::Schedule(Seconds(5),
                            &SpoofedGreTestCase::Attack,
                            this,
                            server,
                            host,
                            net.hostAddress,
                            net.serverLanAddress);
        Simulator::Stop(Seconds(12));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(m_attacked, true, "the attack ran");
        NS_TEST_EXPECT_MSG_EQ(m_drops["wrong-peer"], 3u, "wrong peer, once per packet");
        NS_TEST_EXPECT_MSG_EQ(m_drops["unknown-call"], 1u, "unknown call");
        NS_TEST_EXPECT_MSG_EQ(m_drops["gre-not-enhanced"], 1u, "plain GRE");
        NS_TEST_EXPECT_MSG_EQ(m_drops.size(), 3u, "no other reason");
        NS_TEST_EXPECT_MSG_EQ(serverGre->GetDropCount(), 5u, "drops counted");
        for (const auto& source : m_sources)
        {
            NS_TEST_EXPECT_MSG_EQ(source, net.hostAddress, "traced with the sender");
        }
        // The real call did not notice.
        NS_TEST_EXPECT_MSG_EQ(udp->GetReceived(), datagrams, "traffic went on");
        NS_TEST_EXPECT_MSG_EQ(udp->GetLost(), 0u, "nothing lost");
        NS_TEST_EXPECT_MSG_EQ(tunnel.clientEvents.tunnelDown.size(), 0u, "client tunnel up");
        NS_TEST_EXPECT_MSG_EQ(tunnel.serverEvents.tunnelDown.size(), 0u, "server tunnel up");
        PPTP_REQUIRE_EQ(tunnel.serverEvents.tunnelUp.size(), 1u, "server tunnel came up");
        const auto& stats = tunnel.serverEvents.Channel()->GetStatistics();
        NS_TEST_EXPECT_MSG_EQ(stats.gaps, 0u, "no sequence gap from the spoofed numbers");
        NS_TEST_EXPECT_MSG_EQ(stats.late, 0u, "nothing taken as late");
        NS_TEST_EXPECT_MSG_EQ(
            tunnel.serverEvents.sessions[0]->IsIpUp(), true, "PAC's PPP still up");
        Simulator::Destroy();
    }

    std::map<std::string, uint32_t> m_drops;
    std::vector<Ipv4Address> m_sources;
    bool m_attacked{false};
};

class PptpGreChannelTestSuite : public TestSuite
{
  public:
    PptpGreChannelTestSuite()
        : TestSuite("pptp-gre-channel", SYSTEM)
    {
        AddTestCase(new WindowTestCase, TestCase::QUICK);
        AddTestCase(new WindowRulesTestCase, TestCase::QUICK);
        AddTestCase(new AckOnlyTestCase, TestCase::QUICK);
        AddTestCase(new ReorderTestCase, TestCase::QUICK);
        AddTestCase(new SpoofedGreTestCase, TestCase::QUICK);
    }
};

PptpGreChannelTestSuite g_pptpGreChannelTestSuite;

} // namespace
