/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PppFsm, the RFC 1661 option negotiation automaton, driven by hand: each case
// feeds peer packets at chosen times and checks the packets sent, their
// times and Identifiers, and the states, against the RFC's state table and
// pppd's counters. The reproducers of defects found by fuzzing are here: a
// peer that acknowledges and then falls silent (the restart timer must keep
// running in Ack-Rcvd), an Ack with other options than requested, a Reject
// naming options never requested, a Code-Reject larger than the peer's MRU.

#include "ns3/ppp-fsm.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <vector>

using namespace ns3;

namespace
{

/// One packet the automaton sent, and when.
struct Sent
{
    Time time;
    PppControlPacket packet;
};

/// An automaton with a recording handler: it asks for one option (MRU 1400) and accepts
/// whatever the peer asks for unless told to Nak it.
class FsmUnderTest
{
  public:
    explicit FsmUnderTest(uint32_t maxConfigure = 10)
    {
        PppFsm::Handler h;
        h.buildRequest = [this]()
        {
            return m_request;
        };
        h.checkRequest = [this](const std::vector<PppOption>&,
                                bool rejectInsteadOfNak,
                                std::vector<PppOption>& reply)
        {
            m_rejectInsteadOfNak.push_back(rejectInsteadOfNak);
            if (!m_nakPeer)
            {
                return static_cast<uint8_t>(PPP_CONFIGURE_ACK);
            }
            reply = {PppOption::Make(1, 1500, 2)};
            return static_cast<uint8_t>(rejectInsteadOfNak ? PPP_CONFIGURE_REJECT
                                                           : PPP_CONFIGURE_NAK);
        };
        h.acked = [this](const std::vector<PppOption>&)
        {
            ++m_acked;
        };
        h.naked = [](const std::vector<PppOption>&) {};
        h.rejected = [this](const std::vector<PppOption>&)
        {
            m_request.clear();
        };
        h.send = [this](const PppControlPacket& p)
        {
            m_sent.push_back({Simulator::Now(), p});
        };
        h.up = [this]()
        {
            ++m_ups;
        };
        h.down = [this]()
        {
            ++m_downs;
        };
        h.finished = [this](PppFsm::Finish f)
        {
            m_finished.push_back(f);
        };
        h.peerMru = [this]()
        {
            return m_peerMru;
        };
        m_fsm = std::make_unique<PppFsm>(h, Seconds(3), maxConfigure, 2, 5);
    }

    PppFsm& Fsm()
    {
        return *m_fsm;
    }

    /// Deliver a packet at a time.
    void At(Time t, PppControlPacket p)
    {
        Simulator::Schedule(t, &FsmUnderTest::Deliver, this, p);
    }

    void Deliver(PppControlPacket p)
    {
        m_fsm->Receive(p);
    }

    /// \return the packets sent with a code
    std::vector<Sent> SentWithCode(uint8_t code) const
    {
        std::vector<Sent> out;
        for (const auto& s : m_sent)
        {
            if (s.packet.code == code)
            {
                out.push_back(s);
            }
        }
        return out;
    }

    /// \return an Ack of the last Configure-Request sent
    PppControlPacket AckOfLastRequest() const
    {
        PppControlPacket ack = SentWithCode(PPP_CONFIGURE_REQUEST).back().packet;
        ack.code = PPP_CONFIGURE_ACK;
        return ack;
    }

    std::vector<PppOption> m_request{PppOption::Make(1, 1400, 2)};
    bool m_nakPeer{false};
    uint16_t m_peerMru{1500};
    std::vector<Sent> m_sent;
    std::vector<PppFsm::Finish> m_finished;
    std::vector<bool> m_rejectInsteadOfNak;
    uint32_t m_acked{0};
    uint32_t m_ups{0};
    uint32_t m_downs{0};

  private:
    std::unique_ptr<PppFsm> m_fsm;
};

PppControlPacket
PeerRequest(uint8_t id)
{
    PppControlPacket p;
    p.code = PPP_CONFIGURE_REQUEST;
    p.identifier = id;
    p.SetOptions({PppOption::Make(5, 0x12345678, 4)});
    return p;
}

/// Open and bring the lower layer up at time 0.
void
Start(FsmUnderTest& t)
{
    t.Fsm().Open();
    t.Fsm().Up();
}

/// Max-Configure requests in all, 3 s apart, the same Identifier, then Stopped at 30 s.
class FsmSilentPeerTestCase : public TestCase
{
  public:
    FsmSilentPeerTestCase()
        : TestCase("silent peer: Max-Configure (10) requests, same Identifier, given up at 30 s")
    {
    }

  private:
    void DoRun() override
    {
        FsmUnderTest t;
        Start(t);
        Simulator::Run();
        auto requests = t.SentWithCode(PPP_CONFIGURE_REQUEST);
        NS_TEST_ASSERT_MSG_EQ(requests.size(), 10u, "Max-Configure requests in all");
        for (size_t i = 0; i < requests.size(); ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(requests[i].time, Seconds(3 * i), "one per restart time");
            NS_TEST_ASSERT_MSG_EQ(+requests[i].packet.identifier, 1, "retransmissions keep it");
        }
        NS_TEST_ASSERT_MSG_EQ(t.m_finished.size(), 1u, "finished once");
        NS_TEST_ASSERT_MSG_EQ((t.m_finished.at(0) == PppFsm::Finish::NO_ANSWER), true, "why");
        NS_TEST_ASSERT_MSG_EQ(Simulator::Now(), Seconds(30), "given up at 10 x 3 s");
        NS_TEST_ASSERT_MSG_EQ((t.Fsm().GetState() == PppFsm::State::STOPPED), true, "stopped");
        Simulator::Destroy();
    }
};

/// The peer acks our request and never sends its own: the timer keeps running in Ack-Rcvd
/// (RFC 1661: TO+ in Ack-Rcvd is scr/6), so the automaton retries and gives up.
class FsmAckThenSilenceTestCase : public TestCase
{
  public:
    FsmAckThenSilenceTestCase()
        : TestCase("peer acks and falls silent: retries from Ack-Rcvd, then gives up")
    {
    }

  private:
    void DoRun() override
    {
        FsmUnderTest t;
        Start(t);
        PppControlPacket ack = t.AckOfLastRequest();
        t.At(Seconds(1), ack);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ((t.Fsm().GetState() == PppFsm::State::ACK_RCVD), true, "acked");
        NS_TEST_ASSERT_MSG_EQ(t.m_acked, 1u, "the Ack was taken");
        Simulator::Run();
        auto requests = t.SentWithCode(PPP_CONFIGURE_REQUEST);
        // The Ack reset the counter (irc): 1 before it, 10 after it, 3 s apart from 3 s.
        NS_TEST_ASSERT_MSG_EQ(requests.size(), 11u, "retried after the Ack");
        NS_TEST_ASSERT_MSG_EQ(requests.at(1).time, Seconds(3), "restart timer kept running");
        NS_TEST_ASSERT_MSG_EQ(Simulator::Now(), Seconds(33), "given up");
        NS_TEST_ASSERT_MSG_EQ((t.Fsm().GetState() == PppFsm::State::STOPPED), true, "stopped");
        NS_TEST_ASSERT_MSG_EQ(t.m_finished.size(), 1u, "finished");
        NS_TEST_ASSERT_MSG_EQ(t.m_ups, 0u, "never up");
        Simulator::Destroy();
    }
};

/// An Ack must repeat the request's options exactly and carry its Identifier; a Reject may
/// only name options that were requested. Others are silently discarded (RFC 1661 section 5).
class FsmInvalidRepliesTestCase : public TestCase
{
  public:
    FsmInvalidRepliesTestCase()
        : TestCase("Acks with other options or Identifier, Rejects of options never asked: "
                   "discarded")
    {
    }

  private:
    void DoRun() override
    {
        FsmUnderTest t;
        Start(t);
        PppControlPacket otherOptions = t.AckOfLastRequest();
        otherOptions.SetOptions({PppOption::Make(1, 1500, 2)});
        PppControlPacket otherId = t.AckOfLastRequest();
        otherId.identifier += 1;
        PppControlPacket rejectUnasked;
        rejectUnasked.code = PPP_CONFIGURE_REJECT;
        rejectUnasked.identifier = otherId.identifier - 1;
        rejectUnasked.SetOptions({PppOption::Make(5, 7, 4)});
        t.At(MilliSeconds(100), otherOptions);
        t.At(MilliSeconds(200), otherId);
        t.At(MilliSeconds(300), rejectUnasked);
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ((t.Fsm().GetState() == PppFsm::State::REQ_SENT),
                              true,
                              "still waiting for a valid reply");
        NS_TEST_ASSERT_MSG_EQ(t.m_acked, 0u, "no Ack taken");
        NS_TEST_ASSERT_MSG_EQ(t.m_request.size(), 1u, "no Reject taken");
        NS_TEST_ASSERT_MSG_EQ(t.m_sent.size(), 1u, "nothing answered");
        // The right Ack is taken, once: a duplicate of it is discarded too.
        t.At(Seconds(0), t.AckOfLastRequest());
        t.At(MilliSeconds(10), t.AckOfLastRequest());
        Simulator::Stop(MilliSeconds(100));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(t.m_acked, 1u, "the valid Ack is taken once");
        NS_TEST_ASSERT_MSG_EQ((t.Fsm().GetState() == PppFsm::State::ACK_RCVD), true, "acked");
        Simulator::Destroy();
    }
};

/// Both ways acknowledged in either order: Opened, This-Layer-Up once, no timer left.
class FsmOpenTestCase : public TestCase
{
  public:
    FsmOpenTestCase()
        : TestCase("both requests acknowledged: Opened, no restart timer, then renegotiation")
    {
    }

  private:
    void DoRun() override
    {
        FsmUnderTest t;
        Start(t);
        t.At(MilliSeconds(10), PeerRequest(7));
        t.At(MilliSeconds(20), t.AckOfLastRequest());
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ((t.Fsm().GetState() == PppFsm::State::OPENED), true, "opened");
        NS_TEST_ASSERT_MSG_EQ(t.m_sent.size(), 2u, "our request and the Ack: no retransmission");
        NS_TEST_ASSERT_MSG_EQ(t.m_ups, 1u, "up once");
        auto acks = t.SentWithCode(PPP_CONFIGURE_ACK);
        NS_TEST_ASSERT_MSG_EQ(acks.size(), 1u, "the peer's request acked");
        NS_TEST_ASSERT_MSG_EQ(+acks.at(0).packet.identifier, 7, "with its Identifier");
        NS_TEST_ASSERT_MSG_EQ(
            (acks.at(0).packet.data == PeerRequest(7).data), true, "and its options");
        // A new request from the peer in Opened: tld, scr, sca -> Ack-Sent.
        t.At(Seconds(1), PeerRequest(8));
        Simulator::Stop(Seconds(1.5));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(
            (t.Fsm().GetState() == PppFsm::State::ACK_SENT), true, "renegotiating");
        NS_TEST_ASSERT_MSG_EQ(t.m_downs, 1u, "down once");
        auto requests = t.SentWithCode(PPP_CONFIGURE_REQUEST);
        NS_TEST_ASSERT_MSG_EQ(requests.size(), 2u, "asked again");
        NS_TEST_ASSERT_MSG_EQ(+requests.at(1).packet.identifier, 2, "with a new Identifier");
        Simulator::Destroy();
    }
};

/// Max-Failure Naks, then the options are rejected instead (the handler is told).
class FsmMaxFailureTestCase : public TestCase
{
  public:
    FsmMaxFailureTestCase()
        : TestCase("after Max-Failure (5) Naks the handler is asked to reject instead")
    {
    }

  private:
    void DoRun() override
    {
        FsmUnderTest t;
        t.m_nakPeer = true;
        Start(t);
        for (int i = 0; i < 7; ++i)
        {
            t.At(MilliSeconds(10 * (i + 1)), PeerRequest(i + 1));
        }
        Simulator::Stop(Seconds(1));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(t.m_rejectInsteadOfNak.size(), 7u, "seven requests judged");
        for (size_t i = 0; i < 7; ++i)
        {
            NS_TEST_ASSERT_MSG_EQ(t.m_rejectInsteadOfNak[i], (i >= 5), "reject from the sixth");
        }
        NS_TEST_ASSERT_MSG_EQ(t.SentWithCode(PPP_CONFIGURE_NAK).size(), 5u, "five Naks");
        NS_TEST_ASSERT_MSG_EQ(t.SentWithCode(PPP_CONFIGURE_REJECT).size(), 2u, "then Rejects");
        Simulator::Destroy();
    }
};

/// Terminate: Max-Terminate (2) requests 3 s apart, finished at 6 s; the peer's
/// Terminate-Request in Opened: Terminate-Ack, down at once, finished a restart time later.
class FsmTerminateTestCase : public TestCase
{
  public:
    FsmTerminateTestCase()
        : TestCase("Close: 2 Terminate-Requests, finished at 6 s; peer's Terminate-Request: "
                   "down at once, finished after one restart time")
    {
    }

  private:
    void Open(FsmUnderTest& t)
    {
        Start(t);
        t.At(MilliSeconds(10), PeerRequest(7));
        t.At(MilliSeconds(20), t.AckOfLastRequest());
        Simulator::Run();
    }

    void DoRun() override
    {
        {
            FsmUnderTest t;
            Open(t);
            Simulator::Schedule(Seconds(1), &PppFsm::Close, &t.Fsm());
            Simulator::Run();
            auto requests = t.SentWithCode(PPP_TERMINATE_REQUEST);
            NS_TEST_ASSERT_MSG_EQ(requests.size(), 2u, "Max-Terminate requests");
            NS_TEST_ASSERT_MSG_EQ(requests.at(1).time - requests.at(0).time, Seconds(3), "3 s");
            NS_TEST_ASSERT_MSG_EQ(t.m_finished.size(), 1u, "finished");
            NS_TEST_ASSERT_MSG_EQ(
                (t.m_finished.at(0) == PppFsm::Finish::TERMINATED), true, "terminated");
            NS_TEST_ASSERT_MSG_EQ(Simulator::Now() - requests.at(0).time, Seconds(6), "at 6 s");
            NS_TEST_ASSERT_MSG_EQ((t.Fsm().GetState() == PppFsm::State::CLOSED), true, "closed");
            Simulator::Destroy();
        }
        {
            FsmUnderTest t;
            Open(t);
            PppControlPacket terminate;
            terminate.code = PPP_TERMINATE_REQUEST;
            terminate.identifier = 42;
            t.At(Seconds(1), terminate);
            Simulator::Run();
            auto acks = t.SentWithCode(PPP_TERMINATE_ACK);
            NS_TEST_ASSERT_MSG_EQ(acks.size(), 1u, "Terminate-Ack");
            NS_TEST_ASSERT_MSG_EQ(+acks.at(0).packet.identifier, 42, "its Identifier");
            NS_TEST_ASSERT_MSG_EQ(t.m_downs, 1u, "down at once");
            NS_TEST_ASSERT_MSG_EQ(
                (t.m_finished.at(0) == PppFsm::Finish::PEER_TERMINATED), true, "peer terminated");
            NS_TEST_ASSERT_MSG_EQ(Simulator::Now() - acks.at(0).time, Seconds(3), "zrc");
            NS_TEST_ASSERT_MSG_EQ((t.Fsm().GetState() == PppFsm::State::STOPPED), true, "stopped");
            NS_TEST_ASSERT_MSG_EQ(t.SentWithCode(PPP_TERMINATE_REQUEST).size(), 0u, "none sent");
            Simulator::Destroy();
        }
    }
};

/// Unknown codes are Code-Rejected, truncated to the peer's MRU; a Code-Reject of one of the
/// automaton's own codes is catastrophic (RXJ-), of another code it is not (RXJ+).
class FsmCodeRejectTestCase : public TestCase
{
  public:
    FsmCodeRejectTestCase()
        : TestCase("unknown code: Code-Reject truncated to the MRU; Code-Reject received: RXJ+ "
                   "and RXJ-")
    {
    }

  private:
    void DoRun() override
    {
        {
            FsmUnderTest t;
            t.m_peerMru = 300;
            Start(t);
            PppControlPacket unknown;
            unknown.code = 99;
            unknown.identifier = 5;
            unknown.data.assign(1000, 0xAB);
            t.At(MilliSeconds(10), unknown);
            Simulator::Stop(Seconds(1));
            Simulator::Run();
            auto rejects = t.SentWithCode(PPP_CODE_REJECT);
            PppControlPacket& reject = rejects.at(0).packet;
            NS_TEST_ASSERT_MSG_EQ(rejects.size(), 1u, "one Code-Reject");
            NS_TEST_ASSERT_MSG_EQ(reject.Encode().size(), 300u, "truncated to the MRU");
            NS_TEST_ASSERT_MSG_EQ(+reject.data.at(0), 99, "begins with the rejected code");
            NS_TEST_ASSERT_MSG_EQ(+reject.data.at(1), 5, "and its Identifier");
            NS_TEST_ASSERT_MSG_EQ(
                (t.Fsm().GetState() == PppFsm::State::REQ_SENT), true, "negotiation goes on");
            Simulator::Destroy();
        }
        {
            FsmUnderTest t;
            Start(t);
            PppControlPacket rejectEcho;
            rejectEcho.code = PPP_CODE_REJECT;
            rejectEcho.identifier = 1;
            rejectEcho.data = {PPP_ECHO_REQUEST, 0, 0, 8, 0, 0, 0, 0};
            PppControlPacket rejectConfigure = rejectEcho;
            rejectConfigure.data[0] = PPP_CONFIGURE_REQUEST;
            t.At(MilliSeconds(10), rejectEcho);
            Simulator::Stop(Seconds(1));
            Simulator::Run();
            NS_TEST_ASSERT_MSG_EQ(
                (t.Fsm().GetState() == PppFsm::State::REQ_SENT), true, "RXJ+: negotiation goes on");
            t.At(MilliSeconds(10), rejectConfigure);
            Simulator::Stop(Seconds(1));
            Simulator::Run();
            NS_TEST_ASSERT_MSG_EQ(
                (t.Fsm().GetState() == PppFsm::State::STOPPED), true, "RXJ-: stopped");
            NS_TEST_ASSERT_MSG_EQ(
                (t.m_finished.at(0) == PppFsm::Finish::PEER_REJECTED), true, "peer rejected");
            Simulator::Destroy();
        }
    }
};

/// PppControlPacket encodes at most what its Length field can count, and options at most
/// what their length byte can.
class ControlPacketLimitsTestCase : public TestCase
{
  public:
    ControlPacketLimitsTestCase()
        : TestCase("control packet and option encoders stop at what their length fields count")
    {
    }

  private:
    void DoRun() override
    {
        PppControlPacket big;
        big.code = PPP_CODE_REJECT;
        big.data.assign(70000, 0x5A);
        std::vector<uint8_t> bytes = big.Encode();
        NS_TEST_ASSERT_MSG_EQ(bytes.size(), 65535u, "clamped to the largest Length");
        NS_TEST_ASSERT_MSG_EQ(((bytes[2] << 8) | bytes[3]), 65535, "Length says so");
        PppControlPacket decoded;
        NS_TEST_ASSERT_MSG_EQ(
            PppControlPacket::Decode(bytes.data(), bytes.size(), decoded).Ok(), true, "decodes");
        NS_TEST_ASSERT_MSG_EQ(decoded.data.size(), 65531u, "data kept up to the limit");

        PppControlPacket request;
        PppOption option;
        option.type = 1;
        option.data.assign(300, 1);
        request.SetOptions({option, PppOption::Make(5, 9, 4)});
        std::vector<PppOption> back;
        NS_TEST_ASSERT_MSG_EQ(request.GetOptions(back), true, "options still parse");
        NS_TEST_ASSERT_MSG_EQ(back.size(), 2u, "both options");
        NS_TEST_ASSERT_MSG_EQ(back.at(0).data.size(), 253u, "value clamped to 253 bytes");
        NS_TEST_ASSERT_MSG_EQ(back.at(1).GetValue(), 9u, "the next option intact");
    }
};

class PppFsmTestSuite : public TestSuite
{
  public:
    PppFsmTestSuite()
        : TestSuite("pptp-ppp-fsm", UNIT)
    {
        AddTestCase(new FsmSilentPeerTestCase, TestCase::QUICK);
        AddTestCase(new FsmAckThenSilenceTestCase, TestCase::QUICK);
        AddTestCase(new FsmInvalidRepliesTestCase, TestCase::QUICK);
        AddTestCase(new FsmOpenTestCase, TestCase::QUICK);
        AddTestCase(new FsmMaxFailureTestCase, TestCase::QUICK);
        AddTestCase(new FsmTerminateTestCase, TestCase::QUICK);
        AddTestCase(new FsmCodeRejectTestCase, TestCase::QUICK);
        AddTestCase(new ControlPacketLimitsTestCase, TestCase::QUICK);
    }
};

PppFsmTestSuite g_pppFsmTestSuite;

} // namespace
