/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A PAC facing a peer that does not play by the rules: a raw TCP peer sends
// malformed messages, messages that are not legal yet, garbage, a flood of
// Echo-Requests, or nothing at all. The server answers as RFC 2637 says or
// closes that connection, counts every drop with its reason, and goes on
// serving a well-behaved client on another link.

#include "ns3/inet-socket-address.h"
#include "ns3/pptp-client.h"
#include "ns3/pptp-helper.h"
#include "ns3/pptp-server.h"
#include "ns3/pptp-stream-framer.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "pptp-sample-messages.h"
#include "pptp-test-topology.h"

#include <map>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/** A TCP peer that sends scripted bytes and decodes what comes back. */
class RawPeer
{
  public:
    /// \param node where it runs \param server the PAC's address
    void Connect(Ptr<Node> node, Ipv4Address server)
    {
        m_socket = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
        m_socket->Bind();
        m_socket->SetRecvCallback(MakeCallback(&RawPeer::Read, this));
        m_socket->SetCloseCallbacks(MakeCallback(&RawPeer::Closed, this),
                                    MakeCallback(&RawPeer::Closed, this));
        m_socket->Connect(InetSocketAddress(server, PPTP_TCP_PORT));
    }

    /// \param bytes what to send now
    void Send(std::vector<uint8_t> bytes)
    {
        m_socket->Send(Create<Packet>(bytes.data(), bytes.size()));
    }

    /// \param message what to send now
    void SendMessage(PptpControlMessage message)
    {
        Send(message.Encode());
    }

    std::vector<PptpControlMessage> received; //!< decoded replies, in order
    bool closed{false};                       //!< the server closed the connection
    Time closedAt;                            //!< when

  private:
    void Read(Ptr<Socket> socket)
    {
        Ptr<Packet> p;
        while ((p = socket->Recv()) && p->GetSize() > 0)
        {
            m_framer.Append(p);
        }
        std::vector<uint8_t> bytes;
        uint32_t discarded;
        while (m_framer.Next(bytes, discarded) == PptpStreamFramer::Event::MESSAGE)
        {
            PptpControlMessage m;
            if (PptpControlMessage::Decode(bytes.data(), bytes.size(), m).Ok())
            {
                received.push_back(m);
            }
        }
    }

    void Closed(Ptr<Socket>)
    {
        if (!closed)
        {
            closed = true;
            closedAt = Simulator::Now();
        }
    }

    Ptr<Socket> m_socket;
    PptpStreamFramer m_framer;
};

/// Counts the server's drops by reason and its connections' causes.
struct ServerLog
{
    std::map<std::string, uint32_t> drops;
    std::vector<PptpDownCause> closed;

    void Watch(Ptr<Application> app)
    {
        app->TraceConnectWithoutContext("Drop", MakeCallback(&ServerLog::Drop, this));
        app->TraceConnectWithoutContext("Closed", MakeCallback(&ServerLog::Closed, this));
    }

    void Drop(Ptr<const PptpControlConnection>, const std::string& reason, const std::string&)
    {
        ++drops[reason];
    }

    void Closed(Ptr<const PptpControlConnection>, PptpDownCause cause)
    {
        closed.push_back(cause);
    }
};

/// The body of a sample message of a type (the samples are in type order).
PptpControlMessage
Sample(PptpMessageType type)
{
    return SampleMessages()[static_cast<int>(type) - 1].message;
}

/**
 * One hostile script against a server that also serves a normal client: the
 * test case checks what the raw peer received, the server's drops and causes,
 * and that the normal client's call came up.
 */
class HostileTestCase : public TestCase
{
  public:
    /// \param name what the raw peer does
    explicit HostileTestCase(const std::string& name)
        : TestCase(name)
    {
    }

  protected:
    /// Schedule what the raw peer sends (it connects at 1 s).
    virtual void Script(RawPeer& peer) = 0;
    /// Check the outcome.
    virtual void Check(const RawPeer& peer, const ServerLog& server) = 0;

  private:
    void DoRun() override
    {
        ControlPlaneOnly controlPlaneOnly;
        StarTopology net(2);
        PptpServerHelper serverHelper;
        serverHelper.SetConnectionAttribute("ReplyTimeout", TimeValue(Seconds(5)));
        ApplicationContainer server = serverHelper.Install(net.server);
        ServerLog log;
        log.Watch(server.Get(0));
        ApplicationContainer client
            = PptpClientHelper(net.serverAddresses[1]).Install(net.clients.Get(1));
        client.Start(Seconds(2));
        uint32_t callsUp = 0;
        client.Get(0)->TraceConnectWithoutContext(
            "CallUp", MakeBoundCallback(&HostileTestCase::Up, &callsUp));
        RawPeer peer;
        Simulator::Schedule(
            Seconds(1), &RawPeer::Connect, &peer, net.clients.Get(0), net.serverAddresses[0]);
        Script(peer);
        Simulator::Stop(Seconds(20));
        Simulator::Run();
        Check(peer, log);
        NS_TEST_EXPECT_MSG_EQ(callsUp, 1u, "the well-behaved client's call came up");
        Simulator::Destroy();
    }

    static void Up(uint32_t* n, Ptr<const PptpCall>, Time)
    {
        ++*n;
    }
};

/** A malformed message after the connection is up: dropped, counted, connection closed. */
class MalformedAfterStartTestCase : public HostileTestCase
{
  public:
    MalformedAfterStartTestCase()
        : HostileTestCase("malformed message: dropped with its reason, connection closed")
    {
    }

  private:
    void Script(RawPeer& peer) override
    {
        Simulator::Schedule(Seconds(1.5),
                            &RawPeer::SendMessage,
                            &peer,
                            Sample(PptpMessageType::START_CONTROL_CONNECTION_REQUEST));
        std::vector<uint8_t> bad = Sample(PptpMessageType::CALL_CLEAR_REQUEST).Encode();
        bad[15] = 1; // Reserved1
        Simulator::Schedule(Seconds(3), &RawPeer::Send, &peer, bad);
    }

    void Check(const RawPeer& peer, const ServerLog& server) override
    {
        NS_TEST_ASSERT_MSG_GT_OR_EQ(peer.received.size(), 1u, "a reply to the request");
        NS_TEST_EXPECT_MSG_EQ(
            peer.received[0].Is<PptpStartControlConnectionReply>(), true, "SCCRP");
        NS_TEST_EXPECT_MSG_EQ(server.drops.count("non-zero-reserved"), 1u, "drop reason");
        NS_TEST_EXPECT_MSG_EQ(peer.closed, true, "the server closed the connection");
        NS_TEST_EXPECT_MSG_EQ_TOL(peer.closedAt.GetSeconds(), 3.0, 0.1, "at once");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(server.closed.size(), 1u, "a connection closed");
        NS_TEST_EXPECT_MSG_EQ(server.closed[0], PptpDownCause::PROTOCOL_ERROR, "protocol error");
    }
};

/** Messages not legal before Start-Control-Connection: answered with General Error. */
class NotYetLegalTestCase : public HostileTestCase
{
  public:
    NotYetLegalTestCase()
        : HostileTestCase("messages before Start-Control-Connection: Not-Connected replies")
    {
    }

  private:
    void Script(RawPeer& peer) override
    {
        Simulator::Schedule(Seconds(1.5),
                            &RawPeer::SendMessage,
                            &peer,
                            Sample(PptpMessageType::OUTGOING_CALL_REQUEST));
        Simulator::Schedule(
            Seconds(1.6), &RawPeer::SendMessage, &peer, Sample(PptpMessageType::ECHO_REQUEST));
        Simulator::Schedule(Seconds(1.7),
                            &RawPeer::SendMessage,
                            &peer,
                            Sample(PptpMessageType::START_CONTROL_CONNECTION_REQUEST));
        Simulator::Schedule(Seconds(1.8),
                            &RawPeer::SendMessage,
                            &peer,
                            Sample(PptpMessageType::START_CONTROL_CONNECTION_REQUEST));
        Simulator::Schedule(Seconds(1.9),
                            &RawPeer::SendMessage,
                            &peer,
                            Sample(PptpMessageType::CALL_CLEAR_REQUEST));
        Simulator::Schedule(
            Seconds(2.0), &RawPeer::SendMessage, &peer, Sample(PptpMessageType::ECHO_REQUEST));
    }

    void Check(const RawPeer& peer, const ServerLog& server) override
    {
        NS_TEST_ASSERT_MSG_EQ(peer.received.size(), 5u, "five replies");
        const auto* ocrp = peer.received[0].Find<PptpOutgoingCallReply>();
        NS_TEST_ASSERT_MSG_NE(ocrp, nullptr, "Outgoing-Call-Reply first");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(ocrp->resultCode), 2, "General Error");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(ocrp->errorCode), 1, "Not-Connected");
        NS_TEST_EXPECT_MSG_EQ(
            ocrp->peerCallId,
            Sample(PptpMessageType::OUTGOING_CALL_REQUEST).Get<PptpOutgoingCallRequest>().callId,
            "names the request's call");
        const auto* echo = peer.received[1].Find<PptpEchoReply>();
        NS_TEST_ASSERT_MSG_NE(echo, nullptr, "Echo-Reply second");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(echo->resultCode), 2, "General Error");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(echo->errorCode), 1, "Not-Connected");
        NS_TEST_EXPECT_MSG_EQ(
            echo->identifier,
            Sample(PptpMessageType::ECHO_REQUEST).Get<PptpEchoRequest>().identifier,
            "same identifier");
        const auto* first = peer.received[2].Find<PptpStartControlConnectionReply>();
        NS_TEST_ASSERT_MSG_NE(first, nullptr, "the first request is answered");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(first->resultCode), 1, "success");
        const auto* second = peer.received[3].Find<PptpStartControlConnectionReply>();
        NS_TEST_ASSERT_MSG_NE(second, nullptr, "the second request is answered");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(second->resultCode), 3, "channel exists");
        // The Call-Clear-Request for no call is dropped; the connection stays and answers echoes.
        const auto* later = peer.received[4].Find<PptpEchoReply>();
        NS_TEST_ASSERT_MSG_NE(later, nullptr, "Echo-Reply once established");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(later->resultCode), 1, "OK");
        NS_TEST_EXPECT_MSG_EQ(peer.closed, false, "connection kept");
        auto it = server.drops.find("illegal-in-state");
        NS_TEST_EXPECT_MSG_EQ((it == server.drops.end() ? 0 : it->second), 4u, "four counted");
    }
};

/** Garbage: skipped and counted; beyond 4096 bytes in a row, the connection is closed. */
class GarbageTestCase : public HostileTestCase
{
  public:
    GarbageTestCase()
        : HostileTestCase("garbage: skipped and counted, then too much closes the connection")
    {
    }

  private:
    void Script(RawPeer& peer) override
    {
        std::vector<uint8_t> garbage(100, 0xAA);
        std::vector<uint8_t> first = garbage;
        std::vector<uint8_t> request
            = Sample(PptpMessageType::START_CONTROL_CONNECTION_REQUEST).Encode();
        first.insert(first.end(), request.begin(), request.end());
        Simulator::Schedule(Seconds(1.5), &RawPeer::Send, &peer, first);
        Simulator::Schedule(Seconds(3), &RawPeer::Send, &peer, std::vector<uint8_t>(5000, 0x55));
    }

    void Check(const RawPeer& peer, const ServerLog& server) override
    {
        NS_TEST_ASSERT_MSG_GT_OR_EQ(peer.received.size(), 1u, "the request after garbage");
        NS_TEST_EXPECT_MSG_EQ(
            peer.received[0].Is<PptpStartControlConnectionReply>(), true, "SCCRP");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(server.drops.count("resync"), 1u, "garbage counted");
        NS_TEST_EXPECT_MSG_EQ(server.drops.count("unrecoverable-stream"), 1u, "gave up");
        NS_TEST_EXPECT_MSG_EQ(peer.closed, true, "connection closed");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(server.closed.size(), 1u, "a connection closed");
        NS_TEST_EXPECT_MSG_EQ(server.closed[0], PptpDownCause::PROTOCOL_ERROR, "protocol error");
    }
};

/** A flood of Echo-Requests: every one answered, in order, with its identifier. */
class EchoFloodTestCase : public HostileTestCase
{
  public:
    EchoFloodTestCase()
        : HostileTestCase("Echo-Request flood: 1000 requests, 1000 replies in order")
    {
    }

  private:
    static std::vector<uint8_t> Flood()
    {
        std::vector<uint8_t> bytes;
        for (uint32_t i = 0; i < 1000; ++i)
        {
            PptpEchoRequest echo;
            echo.identifier = 1000000 + i;
            std::vector<uint8_t> one = PptpControlMessage(echo).Encode();
            bytes.insert(bytes.end(), one.begin(), one.end());
        }
        return bytes;
    }

    void Script(RawPeer& peer) override
    {
        Simulator::Schedule(Seconds(1.5),
                            &RawPeer::SendMessage,
                            &peer,
                            Sample(PptpMessageType::START_CONTROL_CONNECTION_REQUEST));
        Simulator::Schedule(Seconds(2.5), &RawPeer::Send, &peer, Flood());
    }

    void Check(const RawPeer& peer, const ServerLog& server) override
    {
        NS_TEST_ASSERT_MSG_EQ(peer.received.size(), 1001u, "SCCRP and 1000 replies");
        for (uint32_t i = 0; i < 1000; ++i)
        {
            const auto* reply = peer.received[i + 1].Find<PptpEchoReply>();
            NS_TEST_ASSERT_MSG_NE(reply, nullptr, "reply " << i);
            NS_TEST_ASSERT_MSG_EQ(reply->identifier, 1000000 + i, "in order, same identifier");
        }
        NS_TEST_EXPECT_MSG_EQ(server.drops.size(), 0u, "nothing dropped");
        NS_TEST_EXPECT_MSG_EQ(peer.closed, false, "connection kept");
    }
};

/** A peer that connects and says nothing is closed after the reply time-out. */
class SilentPeerTestCase : public HostileTestCase
{
  public:
    SilentPeerTestCase()
        : HostileTestCase("silent peer: closed after ReplyTimeout")
    {
    }

  private:
    void Script(RawPeer&) override {}

    void Check(const RawPeer& peer, const ServerLog& server) override
    {
        NS_TEST_EXPECT_MSG_EQ(peer.received.size(), 0u, "nothing sent to it");
        NS_TEST_EXPECT_MSG_EQ(peer.closed, true, "closed by the server");
        // Connected at about 1.01 s, ReplyTimeout 5 s.
        NS_TEST_EXPECT_MSG_EQ_TOL(peer.closedAt.GetSeconds(), 6.02, 0.05, "after ReplyTimeout");
        NS_TEST_ASSERT_MSG_GT_OR_EQ(server.closed.size(), 1u, "a connection closed");
        NS_TEST_EXPECT_MSG_EQ(server.closed[0], PptpDownCause::PROTOCOL_ERROR, "protocol error");
    }
};

class PptpHostilePeerTestSuite : public TestSuite
{
  public:
    PptpHostilePeerTestSuite()
        : TestSuite("pptp-hostile-peer", SYSTEM)
    {
        AddTestCase(new MalformedAfterStartTestCase, TestCase::QUICK);
        AddTestCase(new NotYetLegalTestCase, TestCase::QUICK);
        AddTestCase(new GarbageTestCase, TestCase::QUICK);
        AddTestCase(new EchoFloodTestCase, TestCase::QUICK);
        AddTestCase(new SilentPeerTestCase, TestCase::QUICK);
    }
};

PptpHostilePeerTestSuite g_pptpHostilePeerTestSuite;

} // namespace
