/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Hostile peers at scale: a hundred raw TCP peers (pptp-raw-peer.h) connect to
// one PAC at once and misbehave in five ways, twenty of each: never send; send
// half a message and stall; flood Echo-Requests without ever reading the
// replies; send garbage; ask for more calls than the server has channels.
// Meanwhile five well-behaved PptpClients keep their tunnels up. The PAC must
// close every hostile connection within its timers, count each drop with its
// reason, keep its memory bounded (the bytes waiting to be sent never exceed
// MaxSendQueue per connection, the connections and calls return to the
// clients' five) and keep serving the clients as if nobody else were there.

#include "ns3/pptp-client.h"
#include "ns3/pptp-helper.h"
#include "ns3/pptp-node-state.h"
#include "ns3/pptp-server.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"
#include "pptp-raw-peer.h"
#include "pptp-sample-messages.h"
#include "pptp-test-topology.h"
#include "pptp-test-utils.h"

#include <algorithm>
#include <map>
#include <memory>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

constexpr uint32_t GOOD_CLIENTS = 5;
constexpr uint32_t PEERS_PER_KIND = 20;
constexpr uint32_t EXTRA_CHANNELS = 20;   //!< channels beyond the good clients' five
constexpr uint32_t CALLS_PER_GREEDY = 10; //!< Outgoing-Call-Requests per greedy peer
constexpr uint32_t MAX_SEND_QUEUE = 8192;
const Time REPLY_TIMEOUT = Seconds(10);
const Time ECHO_INTERVAL = Seconds(5);
const Time ECHO_TIMEOUT = Seconds(5);
const Time END = Seconds(60);

/// How a raw peer misbehaves.
enum class Kind
{
    SILENT,  //!< connects and never sends
    HALF,    //!< sends half a Start-Control-Connection-Request and stalls
    FLOOD,   //!< starts, then floods Echo-Requests and never reads
    GARBAGE, //!< sends bytes that are no control messages
    GREEDY,  //!< starts, then asks for more calls than there are channels
};

/// The sample message of a type (the samples are in type order).
PptpControlMessage
Sample(PptpMessageType type)
{
    return SampleMessages()[static_cast<int>(type) - 1].message;
}

/// A hostile peer.
struct Hostile
{
    Kind kind;
    std::unique_ptr<RawPeer> peer{std::make_unique<RawPeer>()};
    Ipv4Address address;
    Time connectAt;
};

/// What the server reported, by peer port (the raw peers share one address).
struct ServerWatch
{
    std::map<std::string, uint32_t> dropsByReason;
    std::vector<std::pair<Time, PptpDownCause>> closed; //!< the hostile peers' connections
    std::map<Ipv4Address, std::pair<Time, PptpDownCause>> closedByPeer;
    std::vector<Ipv4Address> addresses; //!< every client's, by link
    uint32_t firstAttacker{0};          //!< the first hostile peer's link
    uint32_t attackerCallsUp{0};
    uint32_t maxSendQueue{0};   //!< the most bytes waiting on one connection, sampled
    uint32_t maxConnections{0}; //!< the most connections at once, sampled
    Ptr<PptpServer> server;

    /// \return true for a hostile peer's address
    bool IsAttacker(Ipv4Address a) const
    {
        return std::find(addresses.begin() + firstAttacker, addresses.end(), a) != addresses.end();
    }

    void Drop(Ptr<const PptpControlConnection> c,
              PptpControlDropReason reason,
              PptpDecodeError error,
              const std::string&)
    {
        if (IsAttacker(c->GetPeerAddress()))
        {
            ++dropsByReason[PptpControlDropName(reason, error)];
        }
    }

    void Closed(Ptr<const PptpControlConnection> c, PptpDownCause cause)
    {
        if (IsAttacker(c->GetPeerAddress()))
        {
            closed.emplace_back(Simulator::Now(), cause);
            closedByPeer[c->GetPeerAddress()] = {Simulator::Now(), cause};
        }
    }

    void CallUp(Ptr<const PptpCall> call, Time)
    {
        attackerCallsUp += IsAttacker(call->GetPeerAddress()) ? 1 : 0;
    }

    void Sample()
    {
        auto connections = server->GetConnections();
        maxConnections = std::max<uint32_t>(maxConnections, connections.size());
        for (const auto& c : connections)
        {
            maxSendQueue = std::max(maxSendQueue, c->GetSendQueueSize());
        }
        if (Simulator::Now() < END)
        {
            Simulator::Schedule(MilliSeconds(20), &ServerWatch::Sample, this);
        }
    }
};

/// What the well-behaved clients reported.
struct ClientWatch
{
    uint32_t up{0};
    uint32_t down{0};
    uint32_t closed{0};
    uint32_t drops{0};
    Time lastUp;

    void Up(Ptr<const PptpCall>, Time)
    {
        ++up;
        lastUp = Simulator::Now();
    }

    void Down(Ptr<const PptpCall>, PptpDownCause)
    {
        ++down;
    }

    void Closed(Ptr<const PptpControlConnection>, PptpDownCause)
    {
        ++closed;
    }

    void Drop(Ptr<const PptpControlConnection>,
              PptpControlDropReason,
              PptpDecodeError,
              const std::string&)
    {
        ++drops;
    }
};

/// Send an Echo-Request burst every 100 ms until \p until.
void
Flood(RawPeer* peer, uint32_t identifier, Time until)
{
    std::vector<uint8_t> burst;
    for (uint32_t i = 0; i < 1000; ++i)
    {
        PptpEchoRequest echo;
        echo.identifier = identifier + i;
        std::vector<uint8_t> bytes = PptpControlMessage(echo).Encode();
        burst.insert(burst.end(), bytes.begin(), bytes.end());
    }
    peer->Send(burst);
    if (Simulator::Now() + MilliSeconds(100) < until && !peer->closed)
    {
        Simulator::Schedule(MilliSeconds(100), &Flood, peer, identifier + 1000, until);
    }
}

class HostileScaleTestCase : public TestCase
{
  public:
    HostileScaleTestCase()
        : TestCase("100 hostile peers at once, 5 ways, 5 clients kept: closed in time, drops "
                   "counted, memory bounded")
    {
    }

  private:
    void DoRun() override
    {
        // Links 0..4: the clients; the others: one hostile peer each (the PAC takes one
        // control connection per peer address, and each of them is to get as far as it can).
        StarTopology net(GOOD_CLIENTS + 5 * PEERS_PER_KIND);

        PptpServerHelper serverHelper;
        serverHelper.SetAttribute("MaxChannels", UintegerValue(GOOD_CLIENTS + EXTRA_CHANNELS));
        serverHelper.SetConnectionAttribute("ReplyTimeout", TimeValue(REPLY_TIMEOUT));
        serverHelper.SetConnectionAttribute("EchoInterval", TimeValue(ECHO_INTERVAL));
        serverHelper.SetConnectionAttribute("EchoReplyTimeout", TimeValue(ECHO_TIMEOUT));
        serverHelper.SetConnectionAttribute("MaxSendQueue", UintegerValue(MAX_SEND_QUEUE));
        ApplicationContainer server = serverHelper.Install(net.server);
        ServerWatch watch;
        watch.firstAttacker = GOOD_CLIENTS;
        watch.addresses = net.clientAddresses;
        watch.server = DynamicCast<PptpServer>(server.Get(0));
        server.Get(0)->TraceConnectWithoutContext("Drop", MakeCallback(&ServerWatch::Drop, &watch));
        server.Get(0)->TraceConnectWithoutContext("Closed",
                                                  MakeCallback(&ServerWatch::Closed, &watch));
        server.Get(0)->TraceConnectWithoutContext("CallUp",
                                                  MakeCallback(&ServerWatch::CallUp, &watch));
        Simulator::Schedule(Seconds(0), &ServerWatch::Sample, &watch);

        ClientWatch clients;
        for (uint32_t i = 0; i < GOOD_CLIENTS; ++i)
        {
            PptpClientHelper clientHelper(net.serverAddresses[i]);
            clientHelper.SetAttribute("CallDuration", TimeValue(Seconds(3600)));
            clientHelper.SetConnectionAttribute("EchoInterval", TimeValue(ECHO_INTERVAL));
            clientHelper.SetConnectionAttribute("EchoReplyTimeout", TimeValue(ECHO_TIMEOUT));
            ApplicationContainer app = clientHelper.Install(net.clients.Get(i));
            app.Start(Seconds(0.5));
            app.Get(0)->TraceConnectWithoutContext("CallUp",
                                                   MakeCallback(&ClientWatch::Up, &clients));
            app.Get(0)->TraceConnectWithoutContext("CallDown",
                                                   MakeCallback(&ClientWatch::Down, &clients));
            app.Get(0)->TraceConnectWithoutContext("Closed",
                                                   MakeCallback(&ClientWatch::Closed, &clients));
            app.Get(0)->TraceConnectWithoutContext("Drop",
                                                   MakeCallback(&ClientWatch::Drop, &clients));
        }

        std::vector<Hostile> hostiles;
        std::vector<uint8_t> start
            = Sample(PptpMessageType::START_CONTROL_CONNECTION_REQUEST).Encode();
        std::vector<uint8_t> half(start.begin(), start.begin() + start.size() / 2);
        std::vector<uint8_t> garbage(10000);
        for (size_t i = 0; i < garbage.size(); ++i)
        {
            garbage[i] = static_cast<uint8_t>(i * 7 + 3); // never a magic cookie
        }
        for (Kind kind : {Kind::SILENT, Kind::HALF, Kind::FLOOD, Kind::GARBAGE, Kind::GREEDY})
        {
            for (uint32_t i = 0; i < PEERS_PER_KIND; ++i)
            {
                Hostile h;
                h.kind = kind;
                h.connectAt = Seconds(1) + MilliSeconds(2 * hostiles.size());
                RawPeer* peer = h.peer.get();
                uint32_t link = GOOD_CLIENTS + hostiles.size();
                h.address = net.clientAddresses[link];
                Simulator::Schedule(h.connectAt,
                                    kind == Kind::FLOOD ? &RawPeer::ConnectNotReading
                                                        : &RawPeer::Connect,
                                    peer,
                                    net.clients.Get(link),
                                    net.serverAddresses[link]);
                Time act = Seconds(1.5);
                switch (kind)
                {
                    case Kind::SILENT:
                        break;
                    case Kind::HALF:
                        Simulator::Schedule(act, &RawPeer::Send, peer, half);
                        break;
                    case Kind::FLOOD:
                        Simulator::Schedule(act, &RawPeer::Send, peer, start);
                        Simulator::Schedule(Seconds(2), &Flood, peer, 1, Seconds(20));
                        break;
                    case Kind::GARBAGE:
                        Simulator::Schedule(act, &RawPeer::Send, peer, garbage);
                        break;
                    case Kind::GREEDY:
                    {
                        Simulator::Schedule(act, &RawPeer::Send, peer, start);
                        for (uint32_t j = 0; j < CALLS_PER_GREEDY; ++j)
                        {
                            PptpOutgoingCallRequest request
                                = Sample(PptpMessageType::OUTGOING_CALL_REQUEST)
                                      .Get<PptpOutgoingCallRequest>();
                            request.callId = static_cast<uint16_t>(1000 + 100 * i + j);
                            Simulator::Schedule(Seconds(2) + MilliSeconds(10 * j),
                                                &RawPeer::SendMessage,
                                                peer,
                                                PptpControlMessage(request));
                        }
                        break;
                    }
                }
                hostiles.push_back(std::move(h));
            }
        }

        Simulator::Stop(END);
        Simulator::Run();

        // The clients: five tunnels up early and never down, nothing dropped.
        NS_TEST_EXPECT_MSG_EQ(clients.up, GOOD_CLIENTS, "every client's tunnel came up");
        NS_TEST_EXPECT_MSG_LT(clients.lastUp, Seconds(1), "before the attack");
        NS_TEST_EXPECT_MSG_EQ(clients.down, 0u, "no client's tunnel went down");
        NS_TEST_EXPECT_MSG_EQ(clients.closed, 0u, "no client's connection closed");
        NS_TEST_EXPECT_MSG_EQ(clients.drops, 0u, "the clients dropped nothing");

        // Every hostile connection is gone, each within its timer.
        PPTP_REQUIRE_EQ(watch.closed.size(),
                        5 * PEERS_PER_KIND,
                        "every hostile connection was closed by the server");
        for (const auto& h : hostiles)
        {
            NS_TEST_EXPECT_MSG_EQ(h.peer->connected, true, "connected");
            auto closed = watch.closedByPeer.find(h.address);
            PPTP_REQUIRE_EQ((closed != watch.closedByPeer.end()), true, "closed by the server");
            auto [when, cause] = closed->second;
            Time limit;
            PptpDownCause expected = PptpDownCause::PROTOCOL_ERROR;
            switch (h.kind)
            {
                case Kind::SILENT:
                case Kind::HALF:
                    // The wait for a Start-Control-Connection-Request (accepted a round trip and
                    // a half after connecting, 15 ms).
                    limit = h.connectAt + REPLY_TIMEOUT + MilliSeconds(20);
                    break;
                case Kind::FLOOD:
                    // Replies pile up once the peer's window and TCP's buffer are full.
                    limit = Seconds(5);
                    break;
                case Kind::GARBAGE:
                    // 10 kB at 10 Mb/s (8 ms) after 1.5 s, in TCP's first windows.
                    limit = Seconds(1.5) + MilliSeconds(100);
                    break;
                case Kind::GREEDY:
                    // They answer no Echo-Request: the keepalive, from their last request.
                    limit = Seconds(2) + MilliSeconds(10 * (CALLS_PER_GREEDY - 1)) + ECHO_INTERVAL
                            + ECHO_TIMEOUT + MilliSeconds(20);
                    expected = PptpDownCause::KEEPALIVE_TIMEOUT;
                    break;
            }
            NS_TEST_EXPECT_MSG_LT(when, limit, "closed within its timer");
            NS_TEST_EXPECT_MSG_EQ(cause, expected, "with the right cause");
            // A peer that never reads does not see the FIN behind the data it left unread.
            NS_TEST_EXPECT_MSG_EQ(h.peer->closed, (h.kind != Kind::FLOOD), "the peer saw it");
        }

        // Each drop counted with its reason.
        NS_TEST_EXPECT_MSG_EQ(watch.dropsByReason["send-queue-full"],
                              PEERS_PER_KIND,
                              "each flood stopped at the queue bound");
        NS_TEST_EXPECT_MSG_EQ(watch.dropsByReason["unrecoverable-stream"],
                              PEERS_PER_KIND,
                              "each garbage stream given up");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(
            watch.dropsByReason["resync"], PEERS_PER_KIND, "garbage skipped first");

        // The greedy peers got what channels were left and a refusal for every other request.
        uint32_t connected = 0;
        uint32_t noResource = 0;
        for (const auto& h : hostiles)
        {
            for (const auto& r : h.peer->received)
            {
                if (const auto* reply = r.message.Find<PptpOutgoingCallReply>())
                {
                    connected += reply->resultCode == PptpOutgoingCallResult::CONNECTED;
                    noResource += reply->resultCode == PptpOutgoingCallResult::GENERAL_ERROR
                                  && reply->errorCode == PptpGeneralError::NO_RESOURCE;
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ(connected, EXTRA_CHANNELS, "the channels left");
        NS_TEST_EXPECT_MSG_EQ(watch.attackerCallsUp, EXTRA_CHANNELS, "as the server saw it");
        NS_TEST_EXPECT_MSG_EQ(noResource,
                              PEERS_PER_KIND * CALLS_PER_GREEDY - EXTRA_CHANNELS,
                              "every other request refused: no resource");

        // Memory: bounded while it lasted, and back to the clients' share at the end.
        NS_TEST_EXPECT_MSG_LT_OR_EQ(watch.maxSendQueue,
                                    MAX_SEND_QUEUE,
                                    "bytes waiting on a connection never above MaxSendQueue");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(watch.maxConnections,
                                    GOOD_CLIENTS + 5 * PEERS_PER_KIND,
                                    "one connection per peer at most");
        NS_TEST_EXPECT_MSG_EQ(watch.server->GetConnections().size(),
                              GOOD_CLIENTS,
                              "the clients' connections are all that is left");
        NS_TEST_EXPECT_MSG_EQ(
            watch.server->GetEstablishedCallCount(), GOOD_CLIENTS, "and their calls");
        NS_TEST_EXPECT_MSG_EQ(PptpNodeState::Get(net.server.Get(0))->GetCallIdsInUse(),
                              GOOD_CLIENTS,
                              "Call IDs of the hostile calls released");
        Simulator::Destroy();
    }
};

class PptpHostileScaleTestSuite : public TestSuite
{
  public:
    PptpHostileScaleTestSuite()
        : TestSuite("pptp-hostile-scale", SYSTEM)
    {
        AddTestCase(new HostileScaleTestCase, TestCase::EXTENSIVE);
    }
};

PptpHostileScaleTestSuite g_pptpHostileScaleTestSuite;

} // namespace
