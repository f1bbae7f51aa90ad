/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// A PAC facing a peer that does not play by the rules. A raw TCP peer
// (pptp-raw-peer.h: a plain ns-3 socket and the module's codec) connects to a
// PptpServer and sends scripted bytes: malformed messages, messages not legal
// in the current state, garbage, a flood of Echo-Requests, or nothing at all.
// It decodes what the server sends back and notes when the server closes the
// connection. The server must answer as RFC 2637 says or close that one
// connection (counting every drop with its reason), and meanwhile serve a
// well-behaved PptpClient on another link: its call comes up and is cleared
// normally whatever the raw peer does.

#include "ns3/pptp-client.h"
#include "ns3/pptp-helper.h"
#include "ns3/pptp-server.h"
#include "ns3/test.h"
#include "pptp-raw-peer.h"
#include "pptp-sample-messages.h"
#include "pptp-test-topology.h"
#include "pptp-test-utils.h"

#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// A drop the server reported.
struct DropEvent
{
    Time time;          //!< when
    Ipv4Address peer;   //!< the peer of the connection that dropped
    std::string reason; //!< short reason
    std::string detail; //!< what exactly
    uint64_t count;     //!< the connection's drop count right after it
};

/// A server-side control connection that closed.
struct CloseEvent
{
    Time time;           //!< when
    Ipv4Address peer;    //!< its peer
    PptpDownCause cause; //!< why
    uint64_t drops;      //!< its drop count then
};

/// What the server reports: drops, closed connections, calls.
struct ServerLog
{
    std::vector<DropEvent> drops;
    std::vector<CloseEvent> closed;
    std::vector<Ipv4Address> callsUp;                             //!< by peer
    std::vector<std::pair<Ipv4Address, PptpDownCause>> callsDown; //!< by peer

    void Watch(Ptr<Application> app)
    {
        app->TraceConnectWithoutContext("Drop", MakeCallback(&ServerLog::Drop, this));
        app->TraceConnectWithoutContext("Closed", MakeCallback(&ServerLog::Closed, this));
        app->TraceConnectWithoutContext("CallUp", MakeCallback(&ServerLog::CallUp, this));
        app->TraceConnectWithoutContext("CallDown", MakeCallback(&ServerLog::CallDown, this));
    }

    /// \param peer a peer \return the drops on its connection
    std::vector<DropEvent> DropsFrom(Ipv4Address peer) const
    {
        std::vector<DropEvent> out;
        for (const auto& d : drops)
        {
            if (d.peer == peer)
            {
                out.push_back(d);
            }
        }
        return out;
    }

    /// \param peer a peer \return the closings of its connections
    std::vector<CloseEvent> ClosedFrom(Ipv4Address peer) const
    {
        std::vector<CloseEvent> out;
        for (const auto& c : closed)
        {
            if (c.peer == peer)
            {
                out.push_back(c);
            }
        }
        return out;
    }

    /// \param peer a peer \param reason a reason \return how many of its drops had it
    uint32_t Count(Ipv4Address peer, const std::string& reason) const
    {
        uint32_t n = 0;
        for (const auto& d : drops)
        {
            n += d.peer == peer && d.reason == reason ? 1 : 0;
        }
        return n;
    }

  private:
    void Drop(Ptr<const PptpControlConnection> c,
              PptpControlDropReason reason,
              PptpDecodeError error,
              const std::string& detail)
    {
        drops.push_back({Simulator::Now(),
                         c->GetPeerAddress(),
                         PptpControlDropName(reason, error),
                         detail,
                         c->GetDropCount()});
    }

    void Closed(Ptr<const PptpControlConnection> c, PptpDownCause cause)
    {
        closed.push_back({Simulator::Now(), c->GetPeerAddress(), cause, c->GetDropCount()});
    }

    void CallUp(Ptr<const PptpCall> call, Time)
    {
        callsUp.push_back(call->GetPeerAddress());
    }

    void CallDown(Ptr<const PptpCall> call, PptpDownCause cause)
    {
        callsDown.emplace_back(call->GetPeerAddress(), cause);
    }
};

/// What the well-behaved client reports.
struct ClientLog
{
    std::vector<Time> up;
    std::vector<PptpDownCause> down;
    std::vector<PptpDownCause> closed;
    std::vector<std::string> drops;

    void Watch(Ptr<Application> app)
    {
        app->TraceConnectWithoutContext("CallUp", MakeCallback(&ClientLog::Up, this));
        app->TraceConnectWithoutContext("CallDown", MakeCallback(&ClientLog::Down, this));
        app->TraceConnectWithoutContext("Closed", MakeCallback(&ClientLog::Closed, this));
        app->TraceConnectWithoutContext("Drop", MakeCallback(&ClientLog::Drop, this));
    }

  private:
    void Up(Ptr<const PptpCall>, Time)
    {
        up.push_back(Simulator::Now());
    }

    void Down(Ptr<const PptpCall>, PptpDownCause cause)
    {
        down.push_back(cause);
    }

    void Closed(Ptr<const PptpControlConnection>, PptpDownCause cause)
    {
        closed.push_back(cause);
    }

    void Drop(Ptr<const PptpControlConnection>,
              PptpControlDropReason reason,
              PptpDecodeError error,
              const std::string&)
    {
        drops.push_back(PptpControlDropName(reason, error));
    }
};

/// The sample message of a type (the samples are in type order).
PptpControlMessage
Sample(PptpMessageType type)
{
    return SampleMessages()[static_cast<int>(type) - 1].message;
}

/// \param identifier an Echo-Request identifier \return the request
PptpControlMessage
Echo(uint32_t identifier)
{
    PptpEchoRequest echo;
    echo.identifier = identifier;
    return PptpControlMessage(echo);
}

/// \param a some bytes \param b more \return a then b
std::vector<uint8_t>
Concat(std::vector<uint8_t> a, const std::vector<uint8_t>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

/**
 * One hostile script against a PAC that also serves a well-behaved PNS.
 *
 * Star topology: the server, the raw peer on link 0 (10.0.0.1, the server is
 * 10.0.0.2) and a PptpClient on link 1 (10.0.1.1). The server's ReplyTimeout
 * is 5 s. The raw peer connects at 1 s; the client starts at 2 s, keeps its
 * call 5 s, clears it and stops. Each case schedules what the raw peer sends
 * and checks what it got and what the server reported; every case checks that
 * the client's session went as if the raw peer were not there.
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
    /// Check the outcome (the simulation has run, not yet destroyed).
    virtual void Check(const RawPeer& peer, const ServerLog& server, Ptr<PptpServer> pac) = 0;

    /// \param pac the server \return its open connection with the raw peer, if any
    Ptr<PptpControlConnection> RawPeerConnection(Ptr<PptpServer> pac) const
    {
        for (const auto& c : pac->GetConnections())
        {
            if (c->GetPeerAddress() == m_rawAddress)
            {
                return c;
            }
        }
        return nullptr;
    }

    Ipv4Address m_rawAddress;    //!< the raw peer's address
    Ipv4Address m_clientAddress; //!< the well-behaved client's address

  private:
    void DoRun() override
    {
        StarTopology net(2);
        m_rawAddress = net.clientAddresses[0];
        m_clientAddress = net.clientAddresses[1];
        PptpServerHelper serverHelper;
        serverHelper.SetConnectionAttribute("ReplyTimeout", TimeValue(Seconds(5)));
        ApplicationContainer server = serverHelper.Install(net.server);
        ServerLog serverLog;
        serverLog.Watch(server.Get(0));
        PptpClientHelper clientHelper(net.serverAddresses[1]);
        clientHelper.SetAttribute("CallDuration", TimeValue(Seconds(5)));
        ApplicationContainer client = clientHelper.Install(net.clients.Get(1));
        client.Start(Seconds(2));
        ClientLog clientLog;
        clientLog.Watch(client.Get(0));
        RawPeer peer;
        Simulator::Schedule(
            Seconds(1), &RawPeer::Connect, &peer, net.clients.Get(0), net.serverAddresses[0]);
        Script(peer);
        Simulator::Stop(Seconds(20));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(peer.connected, true, "the raw peer's TCP connection opened");
        NS_TEST_EXPECT_MSG_EQ(peer.sendFailures, 0u, "the raw peer's socket took every send");
        NS_TEST_EXPECT_MSG_EQ(peer.undecodable, 0u, "the server sent only well-formed messages");
        // Checked before Destroy, which disposes of the server's connections.
        Check(peer, serverLog, DynamicCast<PptpServer>(server.Get(0)));
        CheckClient(clientLog, serverLog);
        Simulator::Destroy();
    }

    /// The well-behaved client's session, seen from both ends.
    void CheckClient(const ClientLog& clientLog, const ServerLog& serverLog)
    {
        // The well-behaved client: call up, cleared after 5 s, connection stopped.
        PPTP_REQUIRE_EQ(clientLog.up.size(), 1u, "the client's call came up");
        NS_TEST_EXPECT_MSG_EQ_TOL(clientLog.up[0].GetSeconds(), 2.03, 0.01, "in 3 round trips");
        PPTP_REQUIRE_EQ(clientLog.down.size(), 1u, "the client's call ended");
        NS_TEST_EXPECT_MSG_EQ(clientLog.down[0], PptpDownCause::CALL_CLEAR, "cleared normally");
        PPTP_REQUIRE_EQ(clientLog.closed.size(), 1u, "the client's connection ended");
        NS_TEST_EXPECT_MSG_EQ(clientLog.closed[0], PptpDownCause::LOCAL_STOP, "stopped normally");
        NS_TEST_EXPECT_MSG_EQ(clientLog.drops.size(), 0u, "the client dropped nothing");
        // The same session seen from the server.
        PPTP_REQUIRE_EQ(serverLog.callsUp.size(), 1u, "one call on the server");
        NS_TEST_EXPECT_MSG_EQ(serverLog.callsUp[0], m_clientAddress, "the client's");
        PPTP_REQUIRE_EQ(serverLog.callsDown.size(), 1u, "one call ended on the server");
        NS_TEST_EXPECT_MSG_EQ(serverLog.callsDown[0].second, PptpDownCause::CALL_CLEAR, "clear");
        NS_TEST_EXPECT_MSG_EQ(
            serverLog.DropsFrom(m_clientAddress).size(), 0u, "nothing of the client's dropped");
        std::vector<CloseEvent> clientClosed = serverLog.ClosedFrom(m_clientAddress);
        PPTP_REQUIRE_EQ(clientClosed.size(), 1u, "the client's connection closed once");
        NS_TEST_EXPECT_MSG_EQ(clientClosed[0].cause, PptpDownCause::PEER_STOP, "by the client");
    }
};

/**
 * A malformed message after a valid Start-Control-Connection exchange: the
 * server drops it with the decoder's reason and closes that connection
 * (RFC 2637 section 3: a malformed message leaves the peers out of step).
 */
class MalformedTestCase : public HostileTestCase
{
  public:
    /**
     * \param what the defect
     * \param bytes the malformed message
     * \param reason the drop reason expected
     * \param detail the drop detail expected
     */
    MalformedTestCase(const std::string& what,
                      const std::vector<uint8_t>& bytes,
                      const std::string& reason,
                      const std::string& detail)
        : HostileTestCase("malformed message after the start (" + what
                          + "): dropped, connection closed")
        , m_bytes(bytes)
        , m_reason(reason)
        , m_detail(detail)
    {
    }

  private:
    void Script(RawPeer& peer) override
    {
        Simulator::Schedule(Seconds(1.5),
                            &RawPeer::SendMessage,
                            &peer,
                            Sample(PptpMessageType::START_CONTROL_CONNECTION_REQUEST));
        Simulator::Schedule(Seconds(3), &RawPeer::Send, &peer, m_bytes);
    }

    void Check(const RawPeer& peer, const ServerLog& server, Ptr<PptpServer> pac) override
    {
        PPTP_REQUIRE_EQ(peer.received.size(), 1u, "only the reply to the request");
        const auto* sccrp = peer.received[0].message.Find<PptpStartControlConnectionReply>();
        PPTP_REQUIRE_NE(sccrp, nullptr, "a Start-Control-Connection-Reply");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(sccrp->resultCode), 1, "success");

        std::vector<DropEvent> drops = server.DropsFrom(m_rawAddress);
        PPTP_REQUIRE_EQ(drops.size(), 1u, "one drop");
        NS_TEST_EXPECT_MSG_EQ(drops[0].reason, m_reason, "the decoder's reason");
        NS_TEST_EXPECT_MSG_EQ(drops[0].detail, m_detail, "the decoder's detail");
        NS_TEST_EXPECT_MSG_EQ(drops[0].count, 1u, "the connection counted it");
        // Sent at 3 s: one 5 ms link plus transmission.
        NS_TEST_EXPECT_MSG_EQ_TOL(drops[0].time.GetSeconds(), 3.005, 0.001, "on arrival");

        std::vector<CloseEvent> closed = server.ClosedFrom(m_rawAddress);
        PPTP_REQUIRE_EQ(closed.size(), 1u, "the server closed that connection");
        NS_TEST_EXPECT_MSG_EQ(closed[0].cause, PptpDownCause::PROTOCOL_ERROR, "protocol error");
        NS_TEST_EXPECT_MSG_EQ(closed[0].time, drops[0].time, "at once");
        NS_TEST_EXPECT_MSG_EQ(closed[0].drops, 1u, "with its drop counted");
        NS_TEST_EXPECT_MSG_EQ(peer.closed, true, "the raw peer saw the close");
        NS_TEST_EXPECT_MSG_EQ_TOL(peer.closedAt.GetSeconds(), 3.010, 0.002, "one link later");
        NS_TEST_EXPECT_MSG_EQ(RawPeerConnection(pac), nullptr, "no connection left for it");
    }

    std::vector<uint8_t> m_bytes;
    std::string m_reason;
    std::string m_detail;
};

/// A Call-Clear-Request whose Reserved1 is not zero.
std::vector<uint8_t>
NonZeroReserved()
{
    std::vector<uint8_t> bytes = Sample(PptpMessageType::CALL_CLEAR_REQUEST).Encode();
    bytes[15] = 1; // Reserved1, bytes 14-15
    return bytes;
}

/// An Echo-Request whose Length says 20 (and 20 bytes follow): Echo-Request is 16.
std::vector<uint8_t>
WrongLength()
{
    std::vector<uint8_t> bytes = Echo(5).Encode();
    bytes[1] = 20;
    bytes.insert(bytes.end(), 4, 0);
    return bytes;
}

/// A well-framed message of Control Message Type 16, which does not exist.
std::vector<uint8_t>
UnknownType()
{
    std::vector<uint8_t> bytes = Echo(6).Encode();
    bytes[9] = 16;
    return bytes;
}

/**
 * Messages not legal in the current state: before the Start-Control-Connection
 * exchange an Outgoing-Call-Request and an Echo-Request get General Error /
 * Not-Connected replies; once established, a second Start-Control-Connection-
 * Request gets "channel exists"; a Call-Clear-Request for no call is dropped.
 * Each is counted; the connection stays up and answers an Echo-Request after.
 */
class IllegalInStateTestCase : public HostileTestCase
{
  public:
    IllegalInStateTestCase()
        : HostileTestCase("messages illegal in the state: General Error replies, counted drops")
    {
    }

  private:
    void Script(RawPeer& peer) override
    {
        Simulator::Schedule(Seconds(1.5),
                            &RawPeer::SendMessage,
                            &peer,
                            Sample(PptpMessageType::OUTGOING_CALL_REQUEST));
        Simulator::Schedule(Seconds(1.6), &RawPeer::SendMessage, &peer, Echo(0xA1));
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
        Simulator::Schedule(Seconds(2.0), &RawPeer::SendMessage, &peer, Echo(0xB2));
    }

    void Check(const RawPeer& peer, const ServerLog& server, Ptr<PptpServer> pac) override
    {
        PPTP_REQUIRE_EQ(peer.received.size(), 5u, "five replies, nothing else");

        // Outgoing-Call-Request before the start.
        const auto* ocrp = peer.received[0].message.Find<PptpOutgoingCallReply>();
        PPTP_REQUIRE_NE(ocrp, nullptr, "an Outgoing-Call-Reply first");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(ocrp->resultCode), 2, "General Error");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(ocrp->errorCode), 1, "Not-Connected");
        NS_TEST_EXPECT_MSG_EQ(
            ocrp->peerCallId,
            Sample(PptpMessageType::OUTGOING_CALL_REQUEST).Get<PptpOutgoingCallRequest>().callId,
            "Peer's Call ID: the request's Call ID");
        NS_TEST_EXPECT_MSG_EQ(ocrp->callId, 0, "no call of the server's");

        // Echo-Request before the start.
        const auto* early = peer.received[1].message.Find<PptpEchoReply>();
        PPTP_REQUIRE_NE(early, nullptr, "an Echo-Reply second");
        NS_TEST_EXPECT_MSG_EQ(early->identifier, 0xA1u, "the request's identifier");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(early->resultCode), 2, "General Error");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(early->errorCode), 1, "Not-Connected");

        // The start, then a second request on the established connection.
        const auto* first = peer.received[2].message.Find<PptpStartControlConnectionReply>();
        PPTP_REQUIRE_NE(first, nullptr, "the first request is answered");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(first->resultCode), 1, "success");
        const auto* second = peer.received[3].message.Find<PptpStartControlConnectionReply>();
        PPTP_REQUIRE_NE(second, nullptr, "the second request is answered");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(second->resultCode), 3, "channel exists");

        // The Call-Clear-Request for no call gets no answer; the Echo-Request after it does.
        const auto* later = peer.received[4].message.Find<PptpEchoReply>();
        PPTP_REQUIRE_NE(later, nullptr, "an Echo-Reply last");
        NS_TEST_EXPECT_MSG_EQ(later->identifier, 0xB2u, "the request's identifier");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(later->resultCode), 1, "OK");
        NS_TEST_EXPECT_MSG_EQ_TOL(
            peer.received[4].time.GetSeconds(), 2.010, 0.002, "answered at once");

        // Four drops on the one connection, counted one by one.
        std::vector<DropEvent> drops = server.DropsFrom(m_rawAddress);
        PPTP_REQUIRE_EQ(drops.size(), 4u, "four drops");
        const char* names[] = {"Outgoing-Call-Request",
                               "Echo-Request",
                               "Start-Control-Connection-Request",
                               "Call-Clear-Request"};
        for (uint32_t i = 0; i < 4; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(drops[i].reason, "illegal-in-state", "drop " << i);
            NS_TEST_EXPECT_MSG_EQ(drops[i].detail.rfind(names[i], 0),
                                  0u,
                                  "drop " << i << " names its message: " << drops[i].detail);
            NS_TEST_EXPECT_MSG_EQ(drops[i].count, i + 1, "drop " << i << " counted");
        }
        NS_TEST_EXPECT_MSG_NE(drops[3].detail.find("unknown call"),
                              std::string::npos,
                              "the clear names no call: " << drops[3].detail);

        // The connection is still up, with its drops.
        NS_TEST_EXPECT_MSG_EQ(server.ClosedFrom(m_rawAddress).size(), 0u, "not closed");
        NS_TEST_EXPECT_MSG_EQ(peer.closed, false, "the raw peer's connection is up");
        Ptr<PptpControlConnection> c = RawPeerConnection(pac);
        PPTP_REQUIRE_NE(c, nullptr, "the server keeps the connection");
        NS_TEST_EXPECT_MSG_EQ(
            c->GetState(), PptpControlConnection::State::ESTABLISHED, "established");
        NS_TEST_EXPECT_MSG_EQ(c->GetDropCount(), 4u, "drop count");
    }
};

/**
 * Garbage in the stream (which includes a message with a wrong Magic Cookie:
 * the framer cannot tell it from garbage) is skipped and counted, and the
 * message after it is answered; more than 4096 bytes of garbage in a row make
 * the stream unrecoverable and the server closes the connection.
 */
class GarbageTestCase : public HostileTestCase
{
  public:
    GarbageTestCase()
        : HostileTestCase("garbage and a wrong magic cookie: skipped; over 4096 bytes: closed")
    {
    }

  private:
    void Script(RawPeer& peer) override
    {
        std::vector<uint8_t> request
            = Sample(PptpMessageType::START_CONTROL_CONNECTION_REQUEST).Encode();
        Simulator::Schedule(
            Seconds(1.5), &RawPeer::Send, &peer, Concat(std::vector<uint8_t>(100, 0xAA), request));
        std::vector<uint8_t> badCookie = Echo(0xC3).Encode();
        badCookie[4] = 0xDE; // Magic Cookie 0xDE2B3C4D
        Simulator::Schedule(
            Seconds(2.5), &RawPeer::Send, &peer, Concat(badCookie, Echo(0xD4).Encode()));
        Simulator::Schedule(Seconds(3), &RawPeer::Send, &peer, std::vector<uint8_t>(5000, 0x55));
    }

    void Check(const RawPeer& peer, const ServerLog& server, Ptr<PptpServer> pac) override
    {
        PPTP_REQUIRE_EQ(peer.received.size(), 2u, "two replies");
        const auto* sccrp = peer.received[0].message.Find<PptpStartControlConnectionReply>();
        PPTP_REQUIRE_NE(sccrp, nullptr, "the request after the garbage is answered");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(sccrp->resultCode), 1, "success");
        const auto* echo = peer.received[1].message.Find<PptpEchoReply>();
        PPTP_REQUIRE_NE(echo, nullptr, "an Echo-Reply");
        NS_TEST_EXPECT_MSG_EQ(echo->identifier, 0xD4u, "to the good request only");

        std::vector<DropEvent> drops = server.DropsFrom(m_rawAddress);
        PPTP_REQUIRE_GT_OR_EQ(drops.size(), 4u, "two resyncs, garbage, the end");
        NS_TEST_EXPECT_MSG_EQ(drops[0].reason, "resync", "leading garbage skipped");
        NS_TEST_EXPECT_MSG_EQ(drops[0].detail,
                              "100 bytes with no control message header skipped",
                              "all of it, and no more");
        NS_TEST_EXPECT_MSG_EQ(drops[1].reason, "resync", "the bad cookie skipped");
        NS_TEST_EXPECT_MSG_EQ(drops[1].detail,
                              "16 bytes with no control message header skipped",
                              "the whole bad message, and no more");
        for (size_t i = 2; i + 1 < drops.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(drops[i].reason, "resync", "garbage skipped, " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(drops.back().reason, "unrecoverable-stream", "then given up");
        NS_TEST_EXPECT_MSG_EQ(server.Count(m_rawAddress, "unrecoverable-stream"), 1u, "once");
        NS_TEST_EXPECT_MSG_EQ(drops.back().count, drops.size(), "every drop counted");
        NS_TEST_EXPECT_MSG_GT(drops.back().time, Seconds(3), "during the long garbage");

        std::vector<CloseEvent> closed = server.ClosedFrom(m_rawAddress);
        PPTP_REQUIRE_EQ(closed.size(), 1u, "the server closed that connection");
        NS_TEST_EXPECT_MSG_EQ(closed[0].cause, PptpDownCause::PROTOCOL_ERROR, "protocol error");
        NS_TEST_EXPECT_MSG_EQ(closed[0].time, drops.back().time, "when it gave up");
        NS_TEST_EXPECT_MSG_EQ(peer.closed, true, "the raw peer saw the close");
        NS_TEST_EXPECT_MSG_GT(peer.closedAt, closed[0].time, "after the server closed");
        NS_TEST_EXPECT_MSG_EQ(RawPeerConnection(pac), nullptr, "no connection left for it");
    }
};

/// Identifier of the first Echo-Request of the flood.
constexpr uint32_t FLOOD_BASE = 1000000;
/// Requests in the flood.
constexpr uint32_t FLOOD_SIZE = 1000;

/** 1000 Echo-Requests in one burst: each answered, in order, with its identifier. */
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
        for (uint32_t i = 0; i < FLOOD_SIZE; ++i)
        {
            bytes = Concat(std::move(bytes), Echo(FLOOD_BASE + i).Encode());
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

    void Check(const RawPeer& peer, const ServerLog& server, Ptr<PptpServer> pac) override
    {
        PPTP_REQUIRE_EQ(peer.received.size(), FLOOD_SIZE + 1, "SCCRP and one per request");
        NS_TEST_EXPECT_MSG_EQ(
            peer.received[0].message.Is<PptpStartControlConnectionReply>(), true, "SCCRP first");
        for (uint32_t i = 0; i < FLOOD_SIZE; ++i)
        {
            const auto* reply = peer.received[i + 1].message.Find<PptpEchoReply>();
            PPTP_REQUIRE_NE(reply, nullptr, "reply " << i << " is an Echo-Reply");
            PPTP_REQUIRE_EQ(reply->identifier, FLOOD_BASE + i, "in order, same identifier");
            PPTP_REQUIRE_EQ(+static_cast<uint8_t>(reply->resultCode), 1, "OK " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(peer.bytesReceived, 156u + 20u * FLOOD_SIZE, "nothing else sent");
        NS_TEST_EXPECT_MSG_LT(peer.received.back().time, Seconds(3), "all within half a second");
        NS_TEST_EXPECT_MSG_EQ(server.DropsFrom(m_rawAddress).size(), 0u, "nothing dropped");
        NS_TEST_EXPECT_MSG_EQ(server.ClosedFrom(m_rawAddress).size(), 0u, "not closed");
        NS_TEST_EXPECT_MSG_EQ(peer.closed, false, "connection kept");
        Ptr<PptpControlConnection> c = RawPeerConnection(pac);
        PPTP_REQUIRE_NE(c, nullptr, "the server keeps the connection");
        NS_TEST_EXPECT_MSG_EQ(c->GetDropCount(), 0u, "no drop counted");
    }
};

/** A peer that connects and never speaks is closed after the ReplyTimeout (5 s). */
class SilentPeerTestCase : public HostileTestCase
{
  public:
    SilentPeerTestCase()
        : HostileTestCase("silent peer: closed after ReplyTimeout")
    {
    }

  private:
    void Script(RawPeer&) override {}

    void Check(const RawPeer& peer, const ServerLog& server, Ptr<PptpServer> pac) override
    {
        NS_TEST_EXPECT_MSG_EQ(peer.bytesReceived, 0u, "nothing sent to it");
        NS_TEST_EXPECT_MSG_EQ(server.DropsFrom(m_rawAddress).size(), 0u, "nothing dropped");
        std::vector<CloseEvent> closed = server.ClosedFrom(m_rawAddress);
        PPTP_REQUIRE_EQ(closed.size(), 1u, "the server closed the connection");
        NS_TEST_EXPECT_MSG_EQ(closed[0].cause, PptpDownCause::PROTOCOL_ERROR, "protocol error");
        // The server accepts when the handshake's last ACK arrives: one link (5 ms and
        // 43.2 us for a 54-byte ACK at 10 Mb/s) after the raw peer saw its connect succeed.
        Time accepted = peer.connectedAt + MilliSeconds(5) + NanoSeconds(43200);
        NS_TEST_EXPECT_MSG_EQ_TOL(
            (closed[0].time - accepted).GetSeconds(), 5.0, 0.0001, "ReplyTimeout after accept");
        NS_TEST_EXPECT_MSG_EQ(peer.closed, true, "the raw peer saw the close");
        NS_TEST_EXPECT_MSG_EQ(peer.closedByError, false, "with a FIN");
        NS_TEST_EXPECT_MSG_EQ_TOL(
            (peer.closedAt - closed[0].time).GetSeconds(), 0.005, 0.0002, "one link later");
        NS_TEST_EXPECT_MSG_EQ(RawPeerConnection(pac), nullptr, "no connection left for it");
    }
};

class PptpHostilePeerTestSuite : public TestSuite
{
  public:
    PptpHostilePeerTestSuite()
        : TestSuite("pptp-hostile-peer", SYSTEM)
    {
        AddTestCase(new MalformedTestCase("non-zero Reserved1 in a Call-Clear-Request",
                                          NonZeroReserved(),
                                          "non-zero-reserved",
                                          "Reserved1 is not zero in Call-Clear-Request"),
                    TestCase::QUICK);
        AddTestCase(new MalformedTestCase("Length 20 for an Echo-Request",
                                          WrongLength(),
                                          "bad-length",
                                          "length field 20 but Echo-Request is 16 bytes"),
                    TestCase::QUICK);
        AddTestCase(new MalformedTestCase("Control Message Type 16",
                                          UnknownType(),
                                          "unknown-control-type",
                                          "control message type 16 is not one of 1..15"),
                    TestCase::QUICK);
        AddTestCase(new IllegalInStateTestCase, TestCase::QUICK);
        AddTestCase(new GarbageTestCase, TestCase::QUICK);
        AddTestCase(new EchoFloodTestCase, TestCase::QUICK);
        AddTestCase(new SilentPeerTestCase, TestCase::QUICK);
    }
};

/// The suite's one instance.
PptpHostilePeerTestSuite g_pptpHostilePeerTestSuite;

} // namespace
