/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// LCP echoes in the tunnel: pppd's schedule, a dead link found by echoes, either end
// ending on it, and looped-back replies.

#include "pptp-tunnel-fixtures.h"

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

// ---- 6. LCP echo ----------------------------------------------------------------------

/// LCP echoes every 5 s, the link down after 3 unanswered; the PPTP keepalive out of the way.
void
UseFastLcpEcho(PptpApplicationHelper& h)
{
    h.SetPppAttribute("LcpEchoInterval", TimeValue(Seconds(5)));
    h.SetPppAttribute("LcpEchoFailure", UintegerValue(3));
    h.SetConnectionAttribute("EchoInterval", TimeValue(Seconds(600)));
    h.SetConnectionAttribute("EchoReplyTimeout", TimeValue(Seconds(600)));
}

/// From `at` on, a link whose two loss models are `loss` drops every packet both ways.
void
CutLinkAt(Time at, std::pair<Ptr<RateErrorModel>, Ptr<RateErrorModel>> loss)
{
    ScheduleCall(at,
                 [loss]()
                 {
                     loss.first->SetRate(1);
                     loss.second->SetRate(1);
                 });
}

/** A dead link found by LCP echoes, not by the PPTP keepalive. */
class LcpEchoFailureTestCase : public TestCase
{
  public:
    LcpEchoFailureTestCase()
        : TestCase("LCP echo: 3 unanswered echoes every 5 s bring the tunnel and call down")
    {
    }

  private:
    void DoRun() override
    {
        StarTopology net(1);
        PptpServerHelper serverHelper;
        PptpClientHelper clientHelper(net.serverAddresses[0]);
        UseFastLcpEcho(serverHelper);
        UseFastLcpEcho(clientHelper);
        ApplicationContainer server = serverHelper.Install(net.server);
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        TunnelEvents clientEvents;
        TunnelEvents serverEvents;
        clientEvents.Watch(client.Get(0));
        serverEvents.Watch(server.Get(0));
        WireLog wire;
        wire.Watch(net.links[0].Get(0));
        wire.Watch(net.links[0].Get(1));
        const Time cut = Seconds(20.5);
        CutLinkAt(cut, net.AddLoss(0));
        Simulator::Stop(cut + Seconds(100));
        Simulator::Run();

        // Echoes were answered while the link was up.
        uint32_t requests = 0;
        uint32_t replies = 0;
        for (const auto& f : wire.frames)
        {
            if (f.control && f.protocol == PPP_PROTOCOL_LCP && f.time < cut)
            {
                requests += f.packet.code == PPP_ECHO_REQUEST ? 1 : 0;
                replies += f.packet.code == PPP_ECHO_REPLY ? 1 : 0;
            }
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(requests, 6u, "echo requests both ways before the cut");
        NS_TEST_EXPECT_MSG_EQ(replies, requests, "each answered");

        for (auto* events : {&clientEvents, &serverEvents})
        {
            const char* who = events == &clientEvents ? "client" : "server";
            PPTP_REQUIRE_EQ(events->tunnelUp.size(), 1u, who << " tunnel up");
            PPTP_REQUIRE_EQ(events->tunnelDown.size(), 1u, who << " tunnel down once");
            Time down = events->tunnelDown[0].first;
            NS_TEST_EXPECT_MSG_EQ(events->tunnelDown[0].second, PptpDownCause::PPP_DOWN, who);
            NS_TEST_EXPECT_MSG_GT_OR_EQ(down, cut + Seconds(15), who << " three misses");
            NS_TEST_EXPECT_MSG_LT_OR_EQ(down, cut + Seconds(25), who << " soon after");
            PPTP_REQUIRE_EQ(events->callDown.size(), 1u, who << " call ended");
            NS_TEST_EXPECT_MSG_EQ(events->callDown[0].second, PptpDownCause::PPP_DOWN, who);
            NS_TEST_EXPECT_MSG_GT_OR_EQ(events->callDown[0].first, down, who << " after PPP");
        }
        Simulator::Destroy();
    }
};

/**
 * How a PNS ends a call whose PPP died on a dead network: as pptp-linux's call manager does,
 * Call-Clear-Request, then after PnsClearTimeout Stop-Control-Connection-Request, then after
 * as long again the connection is closed; with PnsClearTimeout 0 each wait is ReplyTimeout.
 */
class PnsEndingOnDeadLinkTestCase : public TestCase
{
  public:
    PnsEndingOnDeadLinkTestCase()
        : TestCase("LCP echo failure on a dead link: the PNS clears, stops and closes, giving "
                   "each step PnsClearTimeout (pptp-linux: 2 s), or ReplyTimeout")
    {
    }

  private:
    static void Closed(std::vector<std::pair<Time, PptpDownCause>>* closed,
                       Ptr<const PptpControlConnection>,
                       PptpDownCause cause)
    {
        closed->emplace_back(Simulator::Now(), cause);
    }

    void Run(Time pnsClearTimeout, Time expectedWait)
    {
        StarTopology net(1);
        PptpServerHelper serverHelper;
        PptpClientHelper clientHelper(net.serverAddresses[0]);
        UseFastLcpEcho(clientHelper);
        serverHelper.SetConnectionAttribute("EchoInterval", TimeValue(Seconds(600)));
        clientHelper.SetConnectionAttribute("PnsClearTimeout", TimeValue(pnsClearTimeout));
        clientHelper.SetConnectionAttribute("ReplyTimeout", TimeValue(Seconds(30)));
        serverHelper.Install(net.server);
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        TunnelEvents events;
        events.Watch(client.Get(0));
        MessageLog messages;
        messages.Watch(client.Get(0));
        std::vector<std::pair<Time, PptpDownCause>> closed;
        client.Get(0)->TraceConnectWithoutContext("Closed", MakeBoundCallback(&Closed, &closed));
        CutLinkAt(Seconds(20.5), net.AddLoss(0));
        Simulator::Stop(Seconds(150));
        Simulator::Run();
        Simulator::Destroy();

        PPTP_REQUIRE_EQ(events.tunnelDown.size(), 1u, "PPP down once");
        Time down = events.tunnelDown[0].first;
        Time clear;
        Time stop;
        for (const auto& m : messages.Get())
        {
            PptpMessageType type = m.message.GetMessageType();
            if (type == PptpMessageType::CALL_CLEAR_REQUEST && clear.IsZero())
            {
                clear = m.time;
            }
            if (type == PptpMessageType::STOP_CONTROL_CONNECTION_REQUEST && stop.IsZero())
            {
                stop = m.time;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(clear, down, "Call-Clear-Request as PPP goes down");
        NS_TEST_EXPECT_MSG_EQ(stop, down + expectedWait, "Stop after one wait");
        PPTP_REQUIRE_EQ(closed.size(), 1u, "control connection closed once");
        NS_TEST_EXPECT_MSG_EQ(closed[0].first, down + expectedWait * 2, "closed after another");
        NS_TEST_EXPECT_MSG_EQ(closed[0].second, PptpDownCause::LOCAL_STOP, "its own stop");
    }

    void DoRun() override
    {
        Run(Seconds(2), Seconds(2));
        Run(Seconds(0), Seconds(30));
    }
};

/** Drops every GRE packet a device receives while `dropping` is set. */
class GreDropper : public ErrorModel
{
  public:
    bool dropping{false}; //!< drop GRE now
    uint32_t dropped{0};  //!< GRE packets dropped

  private:
    bool DoCorrupt(Ptr<Packet> p) override
    {
        // Point-to-point PPP field (2 bytes), then IPv4: its protocol byte is the 10th.
        uint8_t b[2 + 10] = {};
        if (!dropping || p->GetSize() < sizeof(b))
        {
            return false;
        }
        p->CopyData(b, sizeof(b));
        bool gre = b[2 + 9] == PptpGreHeader::IP_PROTOCOL_NUMBER;
        dropped += gre ? 1 : 0;
        return gre;
    }

    void DoReset() override {}
};

/**
 * The PAC loses the call's PPP (its LCP echoes go unanswered while GRE is lost) and says so
 * with Call-Disconnect-Notify, Lost Carrier: the PNS takes it as the link failing, not as a
 * clear, and redials.
 */
class PacLostCarrierTestCase : public TestCase
{
  public:
    PacLostCarrierTestCase()
        : TestCase("PAC's PPP fails: Call-Disconnect-Notify Lost Carrier, the PNS's call down "
                   "as ppp-down, and the PNS redials")
    {
    }

  private:
    void DoRun() override
    {
        StarTopology net(1);
        Ptr<GreDropper> toClient = Create<GreDropper>();
        Ptr<GreDropper> toServer = Create<GreDropper>();
        net.links[0].Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(toClient));
        net.links[0].Get(1)->SetAttribute("ReceiveErrorModel", PointerValue(toServer));
        PptpServerHelper serverHelper;
        UseFastLcpEcho(serverHelper);
        PptpClientHelper clientHelper(net.serverAddresses[0]);
        clientHelper.SetAttribute("ReconnectAttempts", UintegerValue(1));
        clientHelper.SetAttribute("ReconnectDelay", TimeValue(Seconds(5)));
        ApplicationContainer server = serverHelper.Install(net.server);
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        TunnelEvents events;
        events.Watch(client.Get(0));
        MessageLog messages;
        messages.Watch(server.Get(0));
        // GRE lost both ways from 20.5 s to 40 s; the control connection carries on.
        for (bool on : {true, false})
        {
            ScheduleCall(Seconds(on ? 20.5 : 40),
                         [toClient, toServer, on]()
                         {
                             toClient->dropping = on;
                             toServer->dropping = on;
                         });
        }
        Simulator::Stop(Seconds(60));
        Simulator::Run();
        uint32_t attempts = DynamicCast<PptpClient>(client.Get(0))->GetConnectAttempts();
        Simulator::Destroy();

        NS_TEST_EXPECT_MSG_GT(toClient->dropped, 0u, "the PAC's echoes were lost");
        uint32_t lostCarrier = 0;
        for (const auto& m : messages.Get())
        {
            if (const auto* cdn = m.message.Find<PptpCallDisconnectNotify>())
            {
                lostCarrier += cdn->resultCode == PptpDisconnectResult::LOST_CARRIER ? 1 : 0;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(lostCarrier, 1u, "the PAC said Lost Carrier");
        PPTP_REQUIRE_EQ(events.callDown.size(), 1u, "one call ended");
        NS_TEST_EXPECT_MSG_EQ(events.callDown[0].second, PptpDownCause::PPP_DOWN, "link failure");
        NS_TEST_EXPECT_MSG_EQ(attempts, 2u, "redialled once");
        NS_TEST_EXPECT_MSG_EQ(events.tunnelUp.size(), 2u, "a second tunnel came up");
    }
};

/** LCP echoes timed as pppd times them. */
class LcpEchoScheduleTestCase : public TestCase
{
  public:
    LcpEchoScheduleTestCase()
        : TestCase("LCP echo: the first Echo-Request as LCP opens, before authentication; then "
                   "one per interval, identifiers from 0")
    {
    }

  private:
    void DoRun() override
    {
        StarTopology net(1);
        PptpServerHelper serverHelper;
        PptpClientHelper clientHelper(net.serverAddresses[0]);
        for (PptpApplicationHelper* h :
             std::initializer_list<PptpApplicationHelper*>{&serverHelper, &clientHelper})
        {
            h->SetPppAttribute("LcpEchoInterval", TimeValue(Seconds(5)));
        }
        serverHelper.Install(net.server);
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        WireLog wire;
        wire.Watch(net.links[0].Get(0));
        wire.Watch(net.links[0].Get(1));
        Simulator::Stop(Seconds(17.5));
        Simulator::Run();
        Simulator::Destroy();

        for (Ipv4Address side : {net.clientAddresses[0], net.serverAddresses[0]})
        {
            std::vector<WireFrame> frames = wire.Control(side);
            std::vector<WireFrame> echoes;
            bool beforeFirstEcho = true;
            bool authOrIpcpBeforeEcho = false;
            bool authOrIpcpAfterEcho = false;
            for (const auto& f : frames)
            {
                bool echo = f.protocol == PPP_PROTOCOL_LCP && f.packet.code == PPP_ECHO_REQUEST;
                if (echo)
                {
                    echoes.push_back(f);
                    beforeFirstEcho = false;
                }
                else if (f.protocol != PPP_PROTOCOL_LCP)
                {
                    (beforeFirstEcho ? authOrIpcpBeforeEcho : authOrIpcpAfterEcho) = true;
                }
            }
            // LCP opens near 1 s; echoes then at +0, +5, +10, +15 s.
            NS_TEST_EXPECT_MSG_EQ(echoes.size(), 4u, side << ": Echo-Requests in 16.5 s");
            if (echoes.empty())
            {
                continue;
            }
            NS_TEST_EXPECT_MSG_EQ(authOrIpcpBeforeEcho, false, side << ": echo first at LCP open");
            NS_TEST_EXPECT_MSG_EQ(authOrIpcpAfterEcho, true, side << ": then the rest");
            NS_TEST_EXPECT_MSG_LT(echoes[0].time, Seconds(2), side << ": first echo at once");
            for (size_t i = 0; i < echoes.size(); ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(unsigned(echoes[i].packet.identifier), i, side << " id");
                if (i > 0)
                {
                    Time gap = echoes[i].time - echoes[i - 1].time;
                    NS_TEST_EXPECT_MSG_EQ_TOL(gap, Seconds(5), MilliSeconds(5), side << " period");
                }
            }
        }
    }
};

/**
 * Rewrites the magic number of every LCP Echo-Reply a device receives to a chosen value: the
 * receiver sees replies that look like its own requests looped back.
 */
class EchoReplyMagicRewriter : public ErrorModel
{
  public:
    uint32_t magic{0};     //!< the value written (0: leave the replies alone)
    uint32_t rewritten{0}; //!< replies changed

  private:
    bool DoCorrupt(Ptr<Packet> p) override
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        GreFrameParts parts;
        if (magic == 0 || ParseGreFrame(b, parts) != GreParse::OK || parts.pppStart == 0
            || parts.ppp.GetProtocol() != PPP_PROTOCOL_LCP
            || parts.payloadStart + 8 > parts.payloadEnd || b[parts.payloadStart] != PPP_ECHO_REPLY)
        {
            return false;
        }
        size_t lcp = parts.payloadStart; // Code, Identifier, Length, then the magic number
        for (int i = 0; i < 4; ++i)
        {
            b[lcp + 4 + i] = static_cast<uint8_t>(magic >> (24 - 8 * i));
        }
        p->RemoveAtEnd(p->GetSize());
        p->AddAtEnd(Create<Packet>(b.data(), b.size()));
        ++rewritten;
        return false;
    }

    void DoReset() override {}
};

/** pppd ignores an Echo-Reply carrying its own magic number: a looped-back link is dead. */
class LcpEchoOwnMagicTestCase : public TestCase
{
  public:
    LcpEchoOwnMagicTestCase()
        : TestCase("LCP echo: replies carrying our own magic number do not count; the link "
                   "goes down after LcpEchoFailure of them")
    {
    }

  private:
    void DoRun() override
    {
        StarTopology net(1);
        Ptr<EchoReplyMagicRewriter> rewriter = Create<EchoReplyMagicRewriter>();
        net.links[0].Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(rewriter));
        PptpServerHelper serverHelper;
        PptpClientHelper clientHelper(net.serverAddresses[0]);
        UseFastLcpEcho(clientHelper);
        serverHelper.Install(net.server);
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        TunnelEvents events;
        events.Watch(client.Get(0));
        WireLog wire;
        wire.Watch(net.links[0].Get(0));
        // From 20.5 s the replies come back with the client's magic number, which its
        // Echo-Requests carry.
        ScheduleCall(Seconds(20.5),
                     [&wire, &net, rewriter]()
                     {
                         for (const auto& f : wire.Control(net.clientAddresses[0]))
                         {
                             if (f.packet.code == PPP_ECHO_REQUEST && f.packet.data.size() >= 4)
                             {
                                 rewriter->magic = PptpReadU32(f.packet.data.data());
                             }
                         }
                     });
        Simulator::Stop(Seconds(40));
        Simulator::Run();
        Simulator::Destroy();

        NS_TEST_ASSERT_MSG_NE(rewriter->magic, 0u, "the client's magic number seen");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(rewriter->rewritten, 3u, "replies rewritten");
        PPTP_REQUIRE_EQ(events.tunnelDown.size(), 1u, "tunnel down");
        NS_TEST_EXPECT_MSG_EQ(events.tunnelDown[0].second, PptpDownCause::PPP_DOWN, "by PPP");
        // Echoes at 1 + 5k s: the three rewritten replies are those of 21, 26 and 31 s; the
        // fourth attempt, at 36 s, finds three unanswered.
        NS_TEST_EXPECT_MSG_GT_OR_EQ(events.tunnelDown[0].first, Seconds(35), "three misses");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(events.tunnelDown[0].first, Seconds(37), "then down");
    }
};

class PptpLcpEchoTestSuite : public TestSuite
{
  public:
    PptpLcpEchoTestSuite()
        : TestSuite("pptp-lcp-echo", SYSTEM)
    {
        AddTestCase(new LcpEchoFailureTestCase, TestCase::QUICK);
        AddTestCase(new PnsEndingOnDeadLinkTestCase, TestCase::QUICK);
        AddTestCase(new PacLostCarrierTestCase, TestCase::QUICK);
        AddTestCase(new LcpEchoScheduleTestCase, TestCase::QUICK);
        AddTestCase(new LcpEchoOwnMagicTestCase, TestCase::QUICK);
    }
};

PptpLcpEchoTestSuite g_pptpLcpEchoTestSuite;

} // namespace
