/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// End-to-end control plane over ns-3 TCP: the classic session message for
// message, incoming calls, Set-Link-Info, WAN-Error-Notify, many clients on
// one server, Max Channels refusal, and two Start-Control-Connection-Requests
// crossing each other.

#include "ns3/boolean.h"
#include "ns3/packet.h"
#include "ns3/pptp-client.h"
#include "ns3/pptp-gre-channel.h"
#include "ns3/pptp-helper.h"
#include "ns3/pptp-server.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"
#include "pptp-test-topology.h"

#include <set>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

using T = PptpMessageType;

/// Counts the tunnel events an application reports.
struct TunnelLog
{
    std::vector<Time> upLatency;
    std::vector<PptpDownCause> callDown;
    std::vector<PptpDownCause> closed;
    std::vector<std::pair<uint16_t, uint16_t>> ids; //!< (local, peer) of calls that came up

    void Watch(Ptr<Application> app)
    {
        app->TraceConnectWithoutContext("CallUp", MakeCallback(&TunnelLog::Up, this));
        app->TraceConnectWithoutContext("CallDown", MakeCallback(&TunnelLog::Down, this));
        app->TraceConnectWithoutContext("Closed", MakeCallback(&TunnelLog::Closed, this));
    }

    void Up(Ptr<const PptpCall> call, Time latency)
    {
        upLatency.push_back(latency);
        ids.emplace_back(call->GetLocalCallId(), call->GetPeerCallId());
    }

    void Down(Ptr<const PptpCall>, PptpDownCause cause)
    {
        callDown.push_back(cause);
    }

    void Closed(Ptr<const PptpControlConnection>, PptpDownCause cause)
    {
        closed.push_back(cause);
    }
};

/** The LAN-to-LAN session of the classic capture, message for message. */
class SeedSessionTestCase : public TestCase
{
  public:
    SeedSessionTestCase()
        : TestCase("seed session: creation, maintenance, deletion, message for message")
    {
    }

  private:
    void DoRun() override
    {
        ControlPlaneOnly controlPlaneOnly;
        StarTopology net(1);
        Ipv4Address pns = net.clientAddresses[0];
        Ipv4Address pac = net.serverAddresses[0];
        PptpServerHelper serverHelper;
        serverHelper.SetConnectionAttribute("EchoInterval", TimeValue(Seconds(30)));
        ApplicationContainer server = serverHelper.Install(net.server);
        PptpClientHelper clientHelper(pac);
        clientHelper.SetAttribute("CallDuration", TimeValue(Seconds(100)));
        clientHelper.SetConnectionAttribute("EchoInterval", TimeValue(Seconds(30)));
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        MessageLog log;
        log.Watch(client.Get(0));
        log.Watch(server.Get(0));
        TunnelLog clientTunnels;
        TunnelLog serverTunnels;
        clientTunnels.Watch(client.Get(0));
        serverTunnels.Watch(server.Get(0));
        Simulator::Stop(Seconds(150));
        Simulator::Run();
        Simulator::Destroy();

        const auto& m = log.Get();
        // Creation.
        struct Step
        {
            PptpMessageType type;
            Ipv4Address from;
        };
        std::vector<Step> creation = {{T::START_CONTROL_CONNECTION_REQUEST, pns},
                                      {T::START_CONTROL_CONNECTION_REPLY, pac},
                                      {T::OUTGOING_CALL_REQUEST, pns},
                                      {T::OUTGOING_CALL_REPLY, pac},
                                      {T::SET_LINK_INFO, pac},
                                      {T::SET_LINK_INFO, pns}};
        std::vector<Step> deletion = {{T::SET_LINK_INFO, pns},
                                      {T::CALL_CLEAR_REQUEST, pns},
                                      {T::CALL_DISCONNECT_NOTIFY, pac},
                                      {T::STOP_CONTROL_CONNECTION_REQUEST, pns},
                                      {T::STOP_CONTROL_CONNECTION_REPLY, pac}};
        NS_TEST_ASSERT_MSG_GT(m.size(), creation.size() + deletion.size(), "messages sent");
        for (size_t i = 0; i < creation.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(m[i].message.GetInfo().rfcName,
                                  std::string(PptpGetMessageInfo(creation[i].type).rfcName),
                                  "creation message " << i);
            NS_TEST_EXPECT_MSG_EQ(m[i].source, creation[i].from, "creation sender " << i);
        }
        size_t del = m.size() - deletion.size();
        for (size_t i = 0; i < deletion.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(m[del + i].message.GetInfo().rfcName,
                                  std::string(PptpGetMessageInfo(deletion[i].type).rfcName),
                                  "deletion message " << i);
            NS_TEST_EXPECT_MSG_EQ(m[del + i].source, deletion[i].from, "deletion sender " << i);
        }
        // Maintenance: only Echo-Request/Reply pairs, same identifier, opposite directions.
        uint32_t echoes = 0;
        for (size_t i = creation.size(); i < del; i += 2)
        {
            NS_TEST_ASSERT_MSG_EQ(m[i].message.Is<PptpEchoRequest>(), true, "echo request " << i);
            NS_TEST_ASSERT_MSG_EQ(m[i + 1].message.Is<PptpEchoReply>(), true, "echo reply");
            NS_TEST_EXPECT_MSG_EQ(m[i + 1].message.Get<PptpEchoReply>().identifier,
                                  m[i].message.Get<PptpEchoRequest>().identifier,
                                  "reply carries the request's identifier");
            NS_TEST_EXPECT_MSG_EQ(m[i + 1].source, m[i].destination, "reply from the peer");
            NS_TEST_EXPECT_MSG_EQ(
                +static_cast<uint8_t>(m[i + 1].message.Get<PptpEchoReply>().resultCode),
                1,
                "echo result OK");
            ++echoes;
        }
        // Idle 100 s with a 30 s interval: three keepalive exchanges.
        NS_TEST_EXPECT_MSG_EQ(echoes, 3u, "keepalive exchanges while the call is up");

        // Identifiers and result codes.
        const auto& sccrp = m[1].message.Get<PptpStartControlConnectionReply>();
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(sccrp.resultCode), 1, "SCCRP success");
        uint16_t pnsCallId = m[2].message.Get<PptpOutgoingCallRequest>().callId;
        const auto& ocrp = m[3].message.Get<PptpOutgoingCallReply>();
        uint16_t pacCallId = ocrp.callId;
        NS_TEST_EXPECT_MSG_NE(pnsCallId, 0, "PNS call id");
        NS_TEST_EXPECT_MSG_NE(pacCallId, 0, "PAC call id");
        NS_TEST_EXPECT_MSG_EQ(ocrp.peerCallId, pnsCallId, "OCRP names the PNS's call");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(ocrp.resultCode), 1, "OCRP connected");
        NS_TEST_EXPECT_MSG_EQ(m[4].message.Get<PptpSetLinkInfo>().peerCallId,
                              pnsCallId,
                              "PAC's Set-Link-Info names the PNS's call");
        NS_TEST_EXPECT_MSG_EQ(m[5].message.Get<PptpSetLinkInfo>().peerCallId,
                              pacCallId,
                              "PNS's Set-Link-Info names the PAC's call");
        NS_TEST_EXPECT_MSG_EQ(m[del + 1].message.Get<PptpCallClearRequest>().callId,
                              pnsCallId,
                              "CCRQ names the PNS's call");
        const auto& cdn = m[del + 2].message.Get<PptpCallDisconnectNotify>();
        NS_TEST_EXPECT_MSG_EQ(cdn.callId, pacCallId, "CDN names the PAC's call");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(cdn.resultCode), 4, "CDN result: request");
        NS_TEST_EXPECT_MSG_EQ(
            +static_cast<uint8_t>(
                m[del + 4].message.Get<PptpStopControlConnectionReply>().resultCode),
            1,
            "StopCCRP OK");
        // The call was cleared 100 s after it came up.
        NS_TEST_EXPECT_MSG_EQ_TOL(
            (m[del + 1].time - m[3].time).GetSeconds(), 100.0, 0.02, "call duration");

        // Tunnel traces.
        NS_TEST_ASSERT_MSG_EQ(clientTunnels.upLatency.size(), 1u, "client: one tunnel up");
        NS_TEST_EXPECT_MSG_EQ(serverTunnels.upLatency.size(), 1u, "server: one tunnel up");
        // TCP handshake, SCCRQ/SCCRP and OCRQ/OCRP: three round trips of 10 ms plus
        // transmission times.
        NS_TEST_EXPECT_MSG_EQ_TOL(clientTunnels.upLatency[0].GetSeconds(),
                                  0.030,
                                  0.002,
                                  "setup latency, three round trips");
        NS_TEST_EXPECT_MSG_EQ(clientTunnels.ids[0].first, pnsCallId, "client call id");
        NS_TEST_EXPECT_MSG_EQ(clientTunnels.ids[0].second, pacCallId, "client peer call id");
        NS_TEST_ASSERT_MSG_EQ(clientTunnels.callDown.size(), 1u, "client: one tunnel down");
        NS_TEST_EXPECT_MSG_EQ(clientTunnels.callDown[0], PptpDownCause::CALL_CLEAR, "call clear");
        NS_TEST_EXPECT_MSG_EQ(serverTunnels.callDown[0], PptpDownCause::CALL_CLEAR, "call clear");
        NS_TEST_ASSERT_MSG_EQ(clientTunnels.closed.size(), 1u, "client connection closed");
        NS_TEST_EXPECT_MSG_EQ(clientTunnels.closed[0], PptpDownCause::LOCAL_STOP, "client stop");
        NS_TEST_ASSERT_MSG_EQ(serverTunnels.closed.size(), 1u, "server connection closed");
        NS_TEST_EXPECT_MSG_EQ(serverTunnels.closed[0], PptpDownCause::PEER_STOP, "peer stop");
    }
};

/** The PAC offers a call: Incoming-Call-Request/Reply/Connected. */
class IncomingCallTestCase : public TestCase
{
  public:
    IncomingCallTestCase()
        : TestCase("incoming call: ICRQ, ICRP, ICCN, and a PNS that refuses")
    {
    }

  private:
    void Run(bool accept)
    {
        ControlPlaneOnly controlPlaneOnly;
        StarTopology net(1);
        Ipv4Address pns = net.clientAddresses[0];
        Ipv4Address pac = net.serverAddresses[0];
        PptpServerHelper serverHelper;
        serverHelper.SetAttribute("IncomingCalls", UintegerValue(1));
        ApplicationContainer server = serverHelper.Install(net.server);
        PptpClientHelper clientHelper(pac);
        clientHelper.SetAttribute("Calls", UintegerValue(0));
        clientHelper.SetConnectionAttribute("AcceptIncomingCalls", BooleanValue(accept));
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        MessageLog log;
        log.Watch(client.Get(0));
        log.Watch(server.Get(0));
        TunnelLog clientTunnels;
        TunnelLog serverTunnels;
        clientTunnels.Watch(client.Get(0));
        serverTunnels.Watch(server.Get(0));
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        Simulator::Destroy();

        const auto& m = log.Get();
        NS_TEST_ASSERT_MSG_GT_OR_EQ(m.size(), 4u, "messages");
        NS_TEST_ASSERT_MSG_EQ(m[2].message.Is<PptpIncomingCallRequest>(), true, "ICRQ third");
        NS_TEST_EXPECT_MSG_EQ(m[2].source, pac, "ICRQ from the PAC");
        uint16_t pacCallId = m[2].message.Get<PptpIncomingCallRequest>().callId;
        NS_TEST_ASSERT_MSG_EQ(m[3].message.Is<PptpIncomingCallReply>(), true, "ICRP fourth");
        NS_TEST_EXPECT_MSG_EQ(m[3].source, pns, "ICRP from the PNS");
        const auto& icrp = m[3].message.Get<PptpIncomingCallReply>();
        NS_TEST_EXPECT_MSG_EQ(icrp.peerCallId, pacCallId, "ICRP names the PAC's call");
        if (!accept)
        {
            NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(icrp.resultCode), 3, "do not accept");
            NS_TEST_EXPECT_MSG_EQ(m.size(), 4u, "nothing more");
            NS_TEST_EXPECT_MSG_EQ(serverTunnels.upLatency.size(), 0u, "no tunnel");
            NS_TEST_ASSERT_MSG_EQ(serverTunnels.callDown.size(), 1u, "the offer ended");
            NS_TEST_EXPECT_MSG_EQ(
                serverTunnels.callDown[0], PptpDownCause::CALL_REFUSED, "refused");
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(icrp.resultCode), 1, "connect");
        NS_TEST_ASSERT_MSG_EQ(m[4].message.Is<PptpIncomingCallConnected>(), true, "ICCN fifth");
        NS_TEST_EXPECT_MSG_EQ(m[4].source, pac, "ICCN from the PAC");
        NS_TEST_EXPECT_MSG_EQ(m[4].message.Get<PptpIncomingCallConnected>().peerCallId,
                              icrp.callId,
                              "ICCN names the PNS's call");
        NS_TEST_EXPECT_MSG_EQ(clientTunnels.upLatency.size(), 1u, "PNS: tunnel up");
        NS_TEST_EXPECT_MSG_EQ(serverTunnels.upLatency.size(), 1u, "PAC: tunnel up");
        NS_TEST_EXPECT_MSG_EQ(clientTunnels.ids[0].second, pacCallId, "PNS knows the PAC's id");
        NS_TEST_EXPECT_MSG_EQ(serverTunnels.ids[0].second, icrp.callId, "PAC knows the PNS's id");
    }

    void DoRun() override
    {
        ControlPlaneOnly controlPlaneOnly;
        Run(true);
        Run(false);
    }
};

/** WAN-Error-Notify carries the PAC's cumulative counters, only when they changed. */
class WanErrorNotifyTestCase : public TestCase
{
  public:
    WanErrorNotifyTestCase()
        : TestCase("WAN-Error-Notify: counters reported once per interval when they change")
    {
    }

  private:
    static void Record(Ptr<PptpServer> server)
    {
        for (const auto& connection : server->GetConnections())
        {
            for (const auto& [id, call] : connection->GetCalls())
            {
                PptpWanErrorNotify errors;
                errors.crcErrors = 3;
                errors.framingErrors = 2;
                errors.alignmentErrors = 1;
                call->RecordWanErrors(errors);
            }
        }
    }

    void DoRun() override
    {
        ControlPlaneOnly controlPlaneOnly;
        StarTopology net(1);
        PptpServerHelper serverHelper;
        serverHelper.SetConnectionAttribute("WanErrorNotifyInterval", TimeValue(Seconds(60)));
        ApplicationContainer server = serverHelper.Install(net.server);
        PptpClientHelper clientHelper(net.serverAddresses[0]);
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        MessageLog log;
        log.Watch(client.Get(0));
        log.Watch(server.Get(0));
        Ptr<PptpServer> pac = DynamicCast<PptpServer>(server.Get(0));
        Simulator::Schedule(Seconds(5), &WanErrorNotifyTestCase::Record, pac);
        Simulator::Schedule(Seconds(70), &WanErrorNotifyTestCase::Record, pac);
        Simulator::Stop(Seconds(200));
        Simulator::Run();

        Ptr<PptpClient> pns = DynamicCast<PptpClient>(client.Get(0));
        std::vector<PptpWanErrorNotify> sent;
        uint16_t pnsCallId = 0;
        for (const auto& s : log.Get())
        {
            if (s.message.Is<PptpOutgoingCallRequest>())
            {
                pnsCallId = s.message.Get<PptpOutgoingCallRequest>().callId;
            }
            if (s.message.Is<PptpWanErrorNotify>())
            {
                NS_TEST_EXPECT_MSG_EQ(s.source, net.serverAddresses[0], "from the PAC");
                sent.push_back(s.message.Get<PptpWanErrorNotify>());
            }
        }
        // Established at ~1 s: reports at ~61 s (3,2,1) and ~121 s (6,4,2); none at ~181 s.
        NS_TEST_ASSERT_MSG_EQ(sent.size(), 2u, "two reports: counters changed twice");
        NS_TEST_EXPECT_MSG_EQ(sent[0].peerCallId, pnsCallId, "names the PNS's call");
        NS_TEST_EXPECT_MSG_EQ(sent[0].crcErrors, 3u, "CRC errors");
        NS_TEST_EXPECT_MSG_EQ(sent[0].framingErrors, 2u, "framing errors");
        NS_TEST_EXPECT_MSG_EQ(sent[0].alignmentErrors, 1u, "alignment errors");
        NS_TEST_EXPECT_MSG_EQ(sent[1].crcErrors, 6u, "cumulative CRC errors");
        Ptr<PptpControlConnection> connection = pns->GetConnection();
        NS_TEST_ASSERT_MSG_NE(connection, nullptr, "client still connected");
        NS_TEST_ASSERT_MSG_EQ(connection->GetCalls().size(), 1u, "one call");
        NS_TEST_EXPECT_MSG_EQ(connection->GetCalls().begin()->second->GetWanErrors().crcErrors,
                              6u,
                              "the PNS keeps the latest counters");
        Simulator::Destroy();
    }
};

/** Many clients, several calls each, on one server. */
class ManyClientsTestCase : public TestCase
{
  public:
    ManyClientsTestCase()
        : TestCase("many clients: 40 clients x 3 calls on one server, all up and cleared")
    {
    }

  private:
    static void CountCalls(Ptr<PptpServer> server, uint32_t* count)
    {
        *count = server->GetEstablishedCallCount();
    }

    void DoRun() override
    {
        ControlPlaneOnly controlPlaneOnly;
        const uint32_t nClients = 40;
        const uint32_t calls = 3;
        StarTopology net(nClients);
        ApplicationContainer server = PptpServerHelper().Install(net.server);
        TunnelLog serverTunnels;
        serverTunnels.Watch(server.Get(0));
        std::vector<TunnelLog> clientTunnels(nClients);
        for (uint32_t i = 0; i < nClients; ++i)
        {
            PptpClientHelper clientHelper(net.serverAddresses[i]);
            clientHelper.SetAttribute("Calls", UintegerValue(calls));
            clientHelper.SetAttribute("CallDuration", TimeValue(Seconds(20 + i % 5)));
            ApplicationContainer client = clientHelper.Install(net.clients.Get(i));
            client.Start(Seconds(1) + MilliSeconds(10 * i));
            clientTunnels[i].Watch(client.Get(0));
        }
        Ptr<PptpServer> pac = DynamicCast<PptpServer>(server.Get(0));
        uint32_t peak = 0;
        Simulator::Schedule(Seconds(10), &ManyClientsTestCase::CountCalls, pac, &peak);
        Simulator::Stop(Seconds(60));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(peak, nClients * calls, "every call up at once");
        NS_TEST_EXPECT_MSG_EQ(serverTunnels.upLatency.size(), nClients * calls, "server: up");
        std::set<uint16_t> serverIds;
        for (const auto& ids : serverTunnels.ids)
        {
            serverIds.insert(ids.first);
        }
        NS_TEST_EXPECT_MSG_EQ(serverIds.size(), nClients * calls, "server call ids unique");
        for (uint32_t i = 0; i < nClients; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(clientTunnels[i].upLatency.size(), calls, "client " << i);
            NS_TEST_EXPECT_MSG_EQ(clientTunnels[i].callDown.size(), calls, "client " << i);
            NS_TEST_ASSERT_MSG_EQ(clientTunnels[i].closed.size(), 1u, "client " << i);
            NS_TEST_EXPECT_MSG_EQ(clientTunnels[i].closed[0],
                                  PptpDownCause::LOCAL_STOP,
                                  "client " << i << " stopped cleanly");
        }
        NS_TEST_EXPECT_MSG_EQ(pac->GetEstablishedCallCount(), 0u, "no call left");
        NS_TEST_EXPECT_MSG_EQ(pac->GetConnections().size(), 0u, "no connection left");
        NS_TEST_EXPECT_MSG_EQ(pac->GetAcceptedCount(), nClients, "connections accepted");
        Simulator::Destroy();
    }
};

/** Max Channels: calls beyond the limit get General Error / No-Resource. */
class MaxChannelsTestCase : public TestCase
{
  public:
    MaxChannelsTestCase()
        : TestCase("max channels: the fourth call is refused with General Error, No-Resource")
    {
    }

  private:
    void DoRun() override
    {
        ControlPlaneOnly controlPlaneOnly;
        StarTopology net(2);
        PptpServerHelper serverHelper;
        serverHelper.SetAttribute("MaxChannels", UintegerValue(3));
        ApplicationContainer server = serverHelper.Install(net.server);
        MessageLog log;
        log.Watch(server.Get(0));
        std::vector<TunnelLog> clientTunnels(2);
        for (uint32_t i = 0; i < 2; ++i)
        {
            PptpClientHelper clientHelper(net.serverAddresses[i]);
            clientHelper.SetAttribute("Calls", UintegerValue(2));
            ApplicationContainer client = clientHelper.Install(net.clients.Get(i));
            client.Start(Seconds(1 + i));
            clientTunnels[i].Watch(client.Get(0));
        }
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        uint32_t connected = 0;
        uint32_t refused = 0;
        uint16_t maxChannels = 0;
        for (const auto& s : log.Get())
        {
            if (s.message.Is<PptpStartControlConnectionReply>())
            {
                maxChannels = s.message.Get<PptpStartControlConnectionReply>().maximumChannels;
            }
            if (const auto* ocrp = s.message.Find<PptpOutgoingCallReply>())
            {
                if (ocrp->resultCode == PptpOutgoingCallResult::CONNECTED)
                {
                    ++connected;
                }
                else
                {
                    ++refused;
                    NS_TEST_EXPECT_MSG_EQ(
                        +static_cast<uint8_t>(ocrp->resultCode), 2, "General Error");
                    NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(ocrp->errorCode), 4, "No-Resource");
                    NS_TEST_EXPECT_MSG_EQ(ocrp->callId, 0, "no call id for a refused call");
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ(maxChannels, 3, "Maximum Channels advertised");
        NS_TEST_EXPECT_MSG_EQ(connected, 3u, "three calls connected");
        NS_TEST_EXPECT_MSG_EQ(refused, 1u, "one refused");
        NS_TEST_EXPECT_MSG_EQ(clientTunnels[0].upLatency.size(), 2u, "first client: both calls");
        NS_TEST_EXPECT_MSG_EQ(clientTunnels[1].upLatency.size(), 1u, "second client: one call");
        NS_TEST_ASSERT_MSG_EQ(clientTunnels[1].callDown.size(), 1u, "second client: one refused");
        NS_TEST_EXPECT_MSG_EQ(
            clientTunnels[1].callDown[0], PptpDownCause::SERVER_FULL, "cause: server full");
        NS_TEST_EXPECT_MSG_EQ(
            DynamicCast<PptpServer>(server.Get(0))->GetRefusedCallCount(), 1u, "refusals counted");
        Simulator::Destroy();
    }
};

/**
 * Redialling: a client whose call failed (here PPP: a wrong password) opens a new control
 * connection after ReconnectDelay, up to ReconnectAttempts times; one whose call was cleared
 * on purpose does not.
 */
class RedialTestCase : public TestCase
{
  public:
    RedialTestCase()
        : TestCase("redial: a call whose PPP failed is tried again ReconnectAttempts times; "
                   "a call cleared on purpose is not")
    {
    }

  private:
    /// \return the client's connection attempts and what its application reported
    uint32_t Run(const std::string& password, Time callDuration, TunnelLog& log)
    {
        StarTopology net(1);
        PptpServerHelper serverHelper;
        serverHelper.Install(net.server);
        PptpClientHelper clientHelper(net.serverAddresses[0]);
        clientHelper.SetPppAttribute("Password", StringValue(password));
        clientHelper.SetAttribute("ReconnectAttempts", UintegerValue(2));
        clientHelper.SetAttribute("ReconnectDelay", TimeValue(Seconds(5)));
        clientHelper.SetAttribute("CallDuration", TimeValue(callDuration));
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        log.Watch(client.Get(0));
        Simulator::Stop(Seconds(40));
        Simulator::Run();
        uint32_t attempts = DynamicCast<PptpClient>(client.Get(0))->GetConnectAttempts();
        Simulator::Destroy();
        return attempts;
    }

    void DoRun() override
    {
        TunnelLog failed;
        NS_TEST_EXPECT_MSG_EQ(Run("wrong", Seconds(0), failed), 3u, "the first try and two more");
        NS_TEST_EXPECT_MSG_EQ(failed.callDown.size(), 3u, "three calls failed");
        for (PptpDownCause cause : failed.callDown)
        {
            NS_TEST_EXPECT_MSG_EQ(cause, PptpDownCause::PPP_DOWN, "authentication failed");
        }
        NS_TEST_EXPECT_MSG_EQ(failed.closed.size(), 3u, "each connection stopped");

        TunnelLog cleared;
        NS_TEST_EXPECT_MSG_EQ(
            Run("pptp-secret", Seconds(5), cleared), 1u, "no redial after a clear");
        NS_TEST_EXPECT_MSG_EQ(cleared.upLatency.size(), 1u, "the call came up");
        NS_TEST_EXPECT_MSG_EQ(cleared.callDown.size(), 1u, "and was cleared");
    }
};

/** Both peers open a control connection at once; the higher address wins. */
class CollisionTestCase : public TestCase
{
  public:
    CollisionTestCase()
        : TestCase("collision: crossing Start-Control-Connection-Requests, higher address wins")
    {
    }

  private:
    void DoRun() override
    {
        ControlPlaneOnly controlPlaneOnly;
        StarTopology net(1); // client node 10.0.0.1 (loser), server node 10.0.0.2 (winner)
        Ptr<Node> low = net.clients.Get(0);
        Ptr<Node> high = net.server.Get(0);
        Ipv4Address lowAddress = net.clientAddresses[0];
        Ipv4Address highAddress = net.serverAddresses[0];
        ApplicationContainer lowServer = PptpServerHelper().Install(low);
        ApplicationContainer highServer = PptpServerHelper().Install(high);
        ApplicationContainer lowClient = PptpClientHelper(highAddress).Install(low);
        ApplicationContainer highClient = PptpClientHelper(lowAddress).Install(high);
        lowClient.Start(Seconds(1));
        highClient.Start(Seconds(1));
        MessageLog lowServerLog;
        MessageLog highServerLog;
        MessageLog lowClientLog;
        MessageLog highClientLog;
        lowServerLog.Watch(lowServer.Get(0));
        highServerLog.Watch(highServer.Get(0));
        lowClientLog.Watch(lowClient.Get(0));
        highClientLog.Watch(highClient.Get(0));
        TunnelLog lowClientTunnels;
        TunnelLog highServerTunnels;
        TunnelLog highClientTunnels;
        lowClientTunnels.Watch(lowClient.Get(0));
        highServerTunnels.Watch(highServer.Get(0));
        highClientTunnels.Watch(highClient.Get(0));
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        // The loser sent its request and nothing more on the connection it opened.
        NS_TEST_ASSERT_MSG_EQ(lowClientLog.Get().size(), 1u, "loser's own connection");
        NS_TEST_EXPECT_MSG_EQ(lowClientLog.Get()[0].message.Is<PptpStartControlConnectionRequest>(),
                              true,
                              "only its request");
        NS_TEST_ASSERT_MSG_EQ(lowClientTunnels.closed.size(), 1u, "loser closed it");
        NS_TEST_EXPECT_MSG_EQ(lowClientTunnels.closed[0], PptpDownCause::COLLISION, "collision");
        // The winner sent nothing on the loser's connection.
        NS_TEST_EXPECT_MSG_EQ(highServerLog.Get().size(), 0u, "winner silent there");
        NS_TEST_ASSERT_MSG_EQ(highServerTunnels.closed.size(), 1u, "loser's connection closed");
        NS_TEST_EXPECT_MSG_EQ(
            highServerTunnels.closed[0], PptpDownCause::COLLISION, "closed for the collision");
        // The loser answered the winner's request; the winner's connection carries its call.
        NS_TEST_ASSERT_MSG_GT_OR_EQ(lowServerLog.Get().size(), 2u, "loser answered");
        const auto* sccrp = lowServerLog.Get()[0].message.Find<PptpStartControlConnectionReply>();
        NS_TEST_ASSERT_MSG_NE(sccrp, nullptr, "with a Start-Control-Connection-Reply");
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(sccrp->resultCode), 1, "success");
        NS_TEST_EXPECT_MSG_EQ(highClientTunnels.upLatency.size(), 1u, "winner's call is up");
        NS_TEST_EXPECT_MSG_EQ(highClientTunnels.closed.size(), 0u, "winner's connection stays");
        Simulator::Destroy();
    }
};

/**
 * AssignStreams (ns-3's convention): with streams assigned, the Call IDs and the PPP
 * sessions' draws (magic numbers, CHAP challenges) are the same whatever other random
 * variables the simulation made before; without, they move with them.
 */
class AssignStreamsTestCase : public TestCase
{
  public:
    AssignStreamsTestCase()
        : TestCase("AssignStreams: Call IDs and PPP draws fixed whatever else draws")
    {
    }

  private:
    /// What one run drew.
    struct Drawn
    {
        uint16_t clientCallId{0};
        uint16_t serverCallId{0};
        std::vector<uint8_t> firstLcpRequest; //!< the PNS's (its magic number in it)
    };

    static void CallUp(Drawn* d, bool client, Ptr<const PptpCall> call, Time)
    {
        (client ? d->clientCallId : d->serverCallId) = call->GetLocalCallId();
    }

    static void ChannelTx(Drawn* d, Ptr<const Packet> frame, const PptpGreHeader&)
    {
        if (d->firstLcpRequest.empty() && frame->GetSize() > 0)
        {
            d->firstLcpRequest.resize(frame->GetSize());
            frame->CopyData(d->firstLcpRequest.data(), d->firstLcpRequest.size());
        }
    }

    static void WatchChannel(Drawn* d,
                             Ptr<const PptpCall> call,
                             PptpCall::State,
                             PptpCall::State to)
    {
        if (to == PptpCall::State::WAIT_REPLY && call->GetChannel())
        {
            call->GetChannel()->TraceConnectWithoutContext("Tx", MakeBoundCallback(&ChannelTx, d));
        }
    }

    /// \param others random variables made first \param assign assign streams
    Drawn Run(uint32_t others, bool assign)
    {
        std::vector<Ptr<UniformRandomVariable>> taken;
        for (uint32_t i = 0; i < others; ++i)
        {
            taken.push_back(CreateObject<UniformRandomVariable>()); // takes an automatic stream
        }
        StarTopology net(1);
        PptpServerHelper serverHelper;
        ApplicationContainer apps = serverHelper.Install(net.server);
        PptpClientHelper clientHelper(net.serverAddresses[0]);
        apps.Add(clientHelper.Install(net.clients.Get(0)));
        Drawn drawn;
        apps.Get(0)->TraceConnectWithoutContext("CallUp",
                                                MakeBoundCallback(&CallUp, &drawn, false));
        apps.Get(1)->TraceConnectWithoutContext("CallUp", MakeBoundCallback(&CallUp, &drawn, true));
        apps.Get(1)->TraceConnectWithoutContext("CallState",
                                                MakeBoundCallback(&WatchChannel, &drawn));
        if (assign)
        {
            NS_TEST_EXPECT_MSG_EQ(PptpApplicationHelper::AssignStreams(apps, 100), 4, "2 each");
        }
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        Simulator::Destroy();
        return drawn;
    }

    void DoRun() override
    {
        Drawn a = Run(0, true);
        Drawn b = Run(3, true);
        NS_TEST_ASSERT_MSG_NE(a.clientCallId, 0, "a call came up");
        NS_TEST_EXPECT_MSG_EQ(a.clientCallId, b.clientCallId, "the PNS's Call ID is fixed");
        NS_TEST_EXPECT_MSG_EQ(a.serverCallId, b.serverCallId, "the PAC's Call ID is fixed");
        NS_TEST_ASSERT_MSG_GT(a.firstLcpRequest.size(), 10u, "LCP sent");
        NS_TEST_EXPECT_MSG_EQ(a.firstLcpRequest.size(), b.firstLcpRequest.size(), "both ways");

        NS_TEST_EXPECT_MSG_EQ((a.firstLcpRequest == b.firstLcpRequest),
                              true,
                              "the same magic number in the PNS's first LCP request");
        Drawn c = Run(0, false);
        Drawn d = Run(3, false);
        NS_TEST_EXPECT_MSG_NE(c.clientCallId, d.clientCallId, "without it, the draws move");
    }
};

class PptpControlPlaneTestSuite : public TestSuite
{
  public:
    PptpControlPlaneTestSuite()
        : TestSuite("pptp-control-plane", SYSTEM)
    {
        AddTestCase(new SeedSessionTestCase, TestCase::QUICK);
        AddTestCase(new IncomingCallTestCase, TestCase::QUICK);
        AddTestCase(new WanErrorNotifyTestCase, TestCase::QUICK);
        AddTestCase(new ManyClientsTestCase, TestCase::QUICK);
        AddTestCase(new MaxChannelsTestCase, TestCase::QUICK);
        AddTestCase(new RedialTestCase, TestCase::QUICK);
        AddTestCase(new CollisionTestCase, TestCase::QUICK);
        AddTestCase(new AssignStreamsTestCase, TestCase::QUICK);
    }
};

PptpControlPlaneTestSuite g_pptpControlPlaneTestSuite;

} // namespace
