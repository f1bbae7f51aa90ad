/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The control connection's keepalive: under total loss both sides declare the
// peer dead exactly EchoInterval + EchoMaxMisses x EchoReplyTimeout after the
// last message they received; with 30% loss and the default keepalive (60 s
// interval, 60 s reply timeout, one miss) the tunnel survives hours, because
// TCP repairs the lost segments within the reply timeout.

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/pptp-client.h"
#include "ns3/pptp-helper.h"
#include "ns3/pptp-server.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"
#include "pptp-test-topology.h"

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// What one side saw: when it last heard from the peer and when and why it gave up.
struct SideLog
{
    Time lastRx;
    Time closedAt;
    PptpDownCause cause{PptpDownCause::NONE};
    uint32_t echoRequestsAfterLoss{0};
    Time lossStart;

    void Watch(Ptr<Application> app)
    {
        app->TraceConnectWithoutContext("Rx", MakeCallback(&SideLog::Rx, this));
        app->TraceConnectWithoutContext("Tx", MakeCallback(&SideLog::Tx, this));
        app->TraceConnectWithoutContext("Closed", MakeCallback(&SideLog::Closed, this));
    }

    void Rx(Ptr<const PptpControlConnection>, const PptpControlMessage&)
    {
        lastRx = Simulator::Now();
    }

    void Tx(Ptr<const PptpControlConnection>, const PptpControlMessage& m)
    {
        if (m.Is<PptpEchoRequest>() && Simulator::Now() >= lossStart)
        {
            ++echoRequestsAfterLoss;
        }
    }

    void Closed(Ptr<const PptpControlConnection>, PptpDownCause c)
    {
        closedAt = Simulator::Now();
        cause = c;
    }
};

/**
 * Sets ns-3 TCP defaults for one test and restores ns-3's own afterwards.
 *
 * DataRetries: TCP gives up on a connection after that many retransmissions (ns-3: 6); it is
 * raised so that the PPTP keepalive, not TCP, is what the tests measure (Linux retries 15 times).
 *
 * Timestamp: with the timestamp option on, ns-3.37's TCP takes RTT samples from ACKs that echo
 * the timestamp of a segment sent long before, when a lost segment is repaired on a connection
 * that sends one segment a minute; its retransmission timeout then grows to minutes and a
 * control connection with 60 s keepalives cannot recover from 30% loss in time. Without
 * timestamps (Karn's algorithm) it can, as real stacks do.
 */
class TcpDefaultsGuard
{
  public:
    TcpDefaultsGuard(uint32_t retries, bool timestamps)
    {
        Config::SetDefault("ns3::TcpSocket::DataRetries", UintegerValue(retries));
        Config::SetDefault("ns3::TcpSocketBase::Timestamp", BooleanValue(timestamps));
    }

    ~TcpDefaultsGuard()
    {
        Config::SetDefault("ns3::TcpSocket::DataRetries", UintegerValue(6));
        Config::SetDefault("ns3::TcpSocketBase::Timestamp", BooleanValue(true));
    }
};

class TotalLossTestCase : public TestCase
{
  public:
    TotalLossTestCase(Time interval, Time timeout, uint32_t misses)
        : TestCase(Description(interval, timeout, misses))
        , m_interval(interval)
        , m_timeout(timeout)
        , m_misses(misses)
    {
    }

  private:
    static std::string Description(Time interval, Time timeout, uint32_t misses)
    {
        std::ostringstream os;
        os << "total loss: both sides dead after interval " << interval.As(Time::S) << " + "
           << misses << " x timeout " << timeout.As(Time::S);
        return os.str();
    }

    static void StartLoss(std::pair<Ptr<RateErrorModel>, Ptr<RateErrorModel>> models)
    {
        models.first->SetRate(1.0);
        models.second->SetRate(1.0);
    }

    void DoRun() override
    {
        TcpDefaultsGuard tcp(100, true);
        StarTopology net(1);
        auto models = net.AddLoss(0);
        PptpServerHelper serverHelper;
        PptpClientHelper clientHelper(net.serverAddresses[0]);
        for (PptpApplicationHelper* h :
             std::initializer_list<PptpApplicationHelper*>{&serverHelper, &clientHelper})
        {
            h->SetConnectionAttribute("EchoInterval", TimeValue(m_interval));
            h->SetConnectionAttribute("EchoReplyTimeout", TimeValue(m_timeout));
            h->SetConnectionAttribute("EchoMaxMisses", UintegerValue(m_misses));
        }
        ApplicationContainer server = serverHelper.Install(net.server);
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        Time lossStart = Seconds(1) + m_interval * 2 + MilliSeconds(300);
        SideLog pns;
        SideLog pac;
        pns.lossStart = lossStart;
        pac.lossStart = lossStart;
        pns.Watch(client.Get(0));
        pac.Watch(server.Get(0));
        Simulator::Schedule(lossStart, &TotalLossTestCase::StartLoss, models);
        Time bound = m_interval + m_timeout * m_misses;
        Simulator::Stop(lossStart + bound + Seconds(30));
        Simulator::Run();
        Simulator::Destroy();

        for (SideLog* side : {&pns, &pac})
        {
            const char* who = side == &pns ? "PNS" : "PAC";
            NS_TEST_EXPECT_MSG_EQ(side->cause, PptpDownCause::KEEPALIVE_TIMEOUT, who);
            NS_TEST_EXPECT_MSG_LT(side->lastRx, lossStart, who << " heard nothing after loss");
            // Exactly: idle interval, then M requests each given the full reply timeout.
            NS_TEST_EXPECT_MSG_EQ(side->closedAt, side->lastRx + bound, who << " declared dead");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(side->closedAt, lossStart, who);
            NS_TEST_EXPECT_MSG_LT_OR_EQ(side->closedAt, lossStart + bound, who << " within bound");
            // The requests sent into the void after the loss began: at most M, at least M - 1
            // (the first one may have been sent before the loss and lost with it).
            NS_TEST_EXPECT_MSG_LT_OR_EQ(side->echoRequestsAfterLoss, m_misses, who);
            NS_TEST_EXPECT_MSG_GT_OR_EQ(side->echoRequestsAfterLoss + 1, m_misses, who);
        }
    }

    Time m_interval;
    Time m_timeout;
    uint32_t m_misses;
};

class LossySurvivalTestCase : public TestCase
{
  public:
    LossySurvivalTestCase()
        : TestCase("30% loss, default keepalive: the tunnel survives two hours")
    {
    }

  private:
    static void SetLoss(std::pair<Ptr<RateErrorModel>, Ptr<RateErrorModel>> models, double rate)
    {
        models.first->SetRate(rate);
        models.second->SetRate(rate);
    }

    void DoRun() override
    {
        TcpDefaultsGuard tcp(15, false);
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        StarTopology net(1);
        auto models = net.AddLoss(0);
        ApplicationContainer server = PptpServerHelper().Install(net.server);
        ApplicationContainer client = PptpClientHelper(net.serverAddresses[0]).Install(net.clients);
        client.Start(Seconds(1));
        // Loss after set-up, so that the test is about keeping the tunnel, not making it.
        Simulator::Schedule(Seconds(5), &LossySurvivalTestCase::SetLoss, models, 0.3);
        SideLog pns;
        SideLog pac;
        pns.Watch(client.Get(0));
        pac.Watch(server.Get(0));
        MessageLog log;
        log.Watch(client.Get(0));
        log.Watch(server.Get(0));
        Simulator::Stop(Hours(2));
        Simulator::Run();

        Ptr<PptpClient> app = DynamicCast<PptpClient>(client.Get(0));
        NS_TEST_ASSERT_MSG_NE(app->GetConnection(), nullptr, "control connection alive");
        NS_TEST_EXPECT_MSG_EQ(app->GetConnection()->GetEstablishedCallCount(), 1u, "call up");
        NS_TEST_EXPECT_MSG_EQ(pns.cause, PptpDownCause::NONE, "PNS never gave up");
        NS_TEST_EXPECT_MSG_EQ(pac.cause, PptpDownCause::NONE, "PAC never gave up");
        // Two hours of 60 s idle intervals: about 120 keepalive exchanges, each answered.
        uint32_t requests = log.Count(PptpMessageType::ECHO_REQUEST);
        uint32_t replies = log.Count(PptpMessageType::ECHO_REPLY);
        NS_TEST_EXPECT_MSG_GT_OR_EQ(requests, 100u, "keepalives kept going");
        NS_TEST_EXPECT_MSG_EQ(replies, requests, "every Echo-Request answered");
        Simulator::Destroy();
    }
};

class PptpKeepaliveTestSuite : public TestSuite
{
  public:
    PptpKeepaliveTestSuite()
        : TestSuite("pptp-keepalive", SYSTEM)
    {
        AddTestCase(new TotalLossTestCase(Seconds(60), Seconds(60), 1), TestCase::QUICK);
        AddTestCase(new TotalLossTestCase(Seconds(10), Seconds(5), 3), TestCase::QUICK);
        AddTestCase(new TotalLossTestCase(Seconds(30), Seconds(2), 5), TestCase::QUICK);
        AddTestCase(new LossySurvivalTestCase, TestCase::QUICK);
    }
};

PptpKeepaliveTestSuite g_pptpKeepaliveTestSuite;

} // namespace
