/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PPP negotiation in the tunnel, frame for frame on the wire: MS-CHAPv2, PAP, CHAP-MD5,
// wrong credentials; and RFC 1661 Protocol-Reject for a protocol the session does not run.

#include "pptp-tunnel-fixtures.h"

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

// ---- 1. negotiation -------------------------------------------------------------------

/** Every PPP frame of the set-up, per sender, for each authentication protocol. */
class NegotiationTestCase : public TestCase
{
  public:
    NegotiationTestCase()
        : TestCase("negotiation: LCP, PAP, CHAP-MD5, MS-CHAPv2, IPCP frame for frame; "
                   "wrong credentials clear the call")
    {
    }

  private:
    /// What one set-up showed.
    struct Outcome
    {
        Ipv4Address pns;
        Ipv4Address pac;
        WireLog wire;
        MessageLog messages;
        TunnelEvents client;
        TunnelEvents server;
    };

    void Negotiate(Outcome& run, PppSession::Auth auth, const std::string& clientPassword)
    {
        StarTopology net(1);
        run.pns = net.clientAddresses[0];
        run.pac = net.serverAddresses[0];
        PptpServerHelper serverHelper;
        serverHelper.SetPppAttribute("Authentication", EnumValue(auth));
        ApplicationContainer server = serverHelper.Install(net.server);
        PptpClientHelper clientHelper(run.pac);
        clientHelper.SetPppAttribute("Password", StringValue(clientPassword));
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        run.wire.Watch(net.links[0].Get(0));
        run.wire.Watch(net.links[0].Get(1));
        run.messages.Watch(client.Get(0));
        run.messages.Watch(server.Get(0));
        run.client.Watch(client.Get(0));
        run.server.Watch(server.Get(0));
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        Simulator::Destroy();
        NS_TEST_EXPECT_MSG_EQ(run.wire.malformed, 0u, "every GRE packet decodes");
    }

    /// LCP Configure-Request options: types in order, and the PAC's Auth-Protocol bytes.
    void CheckLcpRequest(const WireFrame& f, const std::vector<uint8_t>& auth, const char* who)
    {
        std::vector<PppOption> options;
        NS_TEST_ASSERT_MSG_EQ(f.packet.GetOptions(options), true, who << " LCP options decode");
        std::vector<uint8_t> types;
        for (const auto& o : options)
        {
            types.push_back(o.type);
        }
        std::vector<uint8_t> expected = {LCP_OPTION_MRU, LCP_OPTION_ACCM};
        if (!auth.empty())
        {
            expected.push_back(LCP_OPTION_AUTH_PROTOCOL);
        }
        for (uint8_t t : {LCP_OPTION_MAGIC_NUMBER, LCP_OPTION_PFC, LCP_OPTION_ACFC})
        {
            expected.push_back(t);
        }
        NS_TEST_ASSERT_MSG_EQ((types == expected), true, who << " LCP option types and order");
        for (const auto& o : options)
        {
            switch (o.type)
            {
                case LCP_OPTION_MRU:
                    NS_TEST_EXPECT_MSG_EQ(o.data.size(), 2u, who << " MRU size");
                    NS_TEST_EXPECT_MSG_EQ(o.GetValue(), 1400u, who << " MRU 1400");
                    break;
                case LCP_OPTION_ACCM:
                    NS_TEST_EXPECT_MSG_EQ(o.data.size(), 4u, who << " ACCM size");
                    NS_TEST_EXPECT_MSG_EQ(o.GetValue(), 0u, who << " ACCM 0");
                    break;
                case LCP_OPTION_AUTH_PROTOCOL:
                    NS_TEST_EXPECT_MSG_EQ((o.data == auth), true, who << " Auth-Protocol bytes");
                    break;
                case LCP_OPTION_MAGIC_NUMBER:
                    NS_TEST_EXPECT_MSG_EQ(o.data.size(), 4u, who << " Magic-Number size");
                    NS_TEST_EXPECT_MSG_NE(o.GetValue(), 0u, who << " Magic-Number not zero");
                    break;
                default: // PFC, ACFC
                    NS_TEST_EXPECT_MSG_EQ(o.data.size(), 0u, who << " PFC/ACFC carry no value");
                    break;
            }
        }
    }

    /// Checks common to every successful set-up: frames per sender, LCP, IPCP, Set-Link-Info.
    void CheckSuccess(const Outcome& run,
                      const std::string& pnsSequence,
                      const std::string& pacSequence,
                      const std::vector<uint8_t>& auth)
    {
        std::vector<WireFrame> pns = run.wire.Control(run.pns);
        std::vector<WireFrame> pac = run.wire.Control(run.pac);
        NS_TEST_EXPECT_MSG_EQ(Sequence(pns), pnsSequence, "PNS frames");
        NS_TEST_EXPECT_MSG_EQ(Sequence(pac), pacSequence, "PAC frames");
        // The PNS's frames: LCP request and ack, one authentication frame, three IPCP frames;
        // the PAC's: the same, plus a challenge for CHAP.
        size_t pacFrames = auth.size() == 2 ? 6 : 7;
        PPTP_REQUIRE_EQ(pns.size(), 6u, "PNS control frames");
        PPTP_REQUIRE_EQ(pac.size(), pacFrames, "PAC control frames");
        // LCP: each side acknowledges the other's request as it is.
        CheckLcpRequest(pac[0], auth, "PAC");
        CheckLcpRequest(pns[0], {}, "PNS");
        NS_TEST_EXPECT_MSG_EQ((pns[1].packet.data == pac[0].packet.data), true, "PNS acks PAC");
        NS_TEST_EXPECT_MSG_EQ(+pns[1].packet.identifier, +pac[0].packet.identifier, "ack id");
        NS_TEST_EXPECT_MSG_EQ((pac[1].packet.data == pns[0].packet.data), true, "PAC acks PNS");
        NS_TEST_EXPECT_MSG_EQ(+pac[1].packet.identifier, +pns[0].packet.identifier, "ack id");
        std::vector<PppOption> pacOptions;
        std::vector<PppOption> pnsOptions;
        pac[0].packet.GetOptions(pacOptions);
        pns[0].packet.GetOptions(pnsOptions);
        if (pacOptions.size() == 6 && pnsOptions.size() == 5)
        {
            NS_TEST_EXPECT_MSG_NE(
                pacOptions[3].GetValue(), pnsOptions[2].GetValue(), "the two magic numbers differ");
        }
        // IPCP: the PNS asks for nothing, is told its address, asks for it, gets it; the PAC
        // asks for its own address and gets it.
        size_t pnsIpcp = 3;
        size_t pacIpcp = pacFrames - 3;
        NS_TEST_EXPECT_MSG_EQ(IpcpAddress(pns[pnsIpcp]), Ipv4Address::GetAny(), "PNS asks 0.0.0.0");
        NS_TEST_EXPECT_MSG_EQ(IpcpAddress(pac[pacIpcp + 1]), POOL_FIRST, "PAC Naks with .2");
        NS_TEST_EXPECT_MSG_EQ(+pac[pacIpcp + 1].packet.identifier,
                              +pns[pnsIpcp].packet.identifier,
                              "Nak answers the first request");
        NS_TEST_EXPECT_MSG_EQ(IpcpAddress(pns[pnsIpcp + 2]), POOL_FIRST, "PNS asks again");
        NS_TEST_EXPECT_MSG_EQ(IpcpAddress(pac[pacIpcp + 2]), POOL_FIRST, "PAC Acks it");
        NS_TEST_EXPECT_MSG_EQ(+pac[pacIpcp + 2].packet.identifier,
                              +pns[pnsIpcp + 2].packet.identifier,
                              "Ack answers the second request");
        NS_TEST_EXPECT_MSG_EQ(IpcpAddress(pac[pacIpcp]), PAC_TUNNEL, "PAC asks its address");
        NS_TEST_EXPECT_MSG_EQ(IpcpAddress(pns[pnsIpcp + 1]), PAC_TUNNEL, "PNS Acks it");
        NS_TEST_EXPECT_MSG_EQ(+pns[pnsIpcp + 1].packet.identifier,
                              +pac[pacIpcp].packet.identifier,
                              "PNS's Ack answers the PAC's request");

        // The tunnels came up with these addresses.
        PPTP_REQUIRE_EQ(run.client.tunnelUp.size(), 1u, "client tunnel up");
        PPTP_REQUIRE_EQ(run.server.tunnelUp.size(), 1u, "server tunnel up");
        NS_TEST_EXPECT_MSG_EQ(run.client.localAddresses[0], POOL_FIRST, "client address");
        NS_TEST_EXPECT_MSG_EQ(run.server.localAddresses[0], PAC_TUNNEL, "server address");
        NS_TEST_EXPECT_MSG_EQ(run.client.callDown.size(), 0u, "the call stays up");

        // Set-Link-Info follows LCP on both sides, with the negotiated ACCM (0), and only then.
        Time pnsAck = pns[1].time; // what opens the PAC's LCP
        Time pacAck = pac[1].time; // what opens the PNS's LCP
        uint32_t links = 0;
        for (const auto& s : run.messages.Get())
        {
            if (const auto* sli = s.message.Find<PptpSetLinkInfo>())
            {
                ++links;
                NS_TEST_EXPECT_MSG_EQ(sli->sendAccm, 0u, "Set-Link-Info send ACCM");
                NS_TEST_EXPECT_MSG_EQ(sli->receiveAccm, 0u, "Set-Link-Info receive ACCM");
                Time opened = s.source == run.pns ? pacAck : pnsAck;
                NS_TEST_EXPECT_MSG_GT(s.time, opened, "after LCP");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(links, 2u, "one Set-Link-Info each way");
    }

    void MsChapV2()
    {
        Outcome run;
        Negotiate(run, PppSession::AUTH_MSCHAP_V2, "pptp-secret");
        CheckSuccess(run,
                     "LCP Configure-Request, LCP Configure-Ack, CHAP Response, "
                     "IPCP Configure-Request, IPCP Configure-Ack, IPCP Configure-Request",
                     "LCP Configure-Request, LCP Configure-Ack, CHAP Challenge, CHAP Success, "
                     "IPCP Configure-Request, IPCP Configure-Nak, IPCP Configure-Ack",
                     {0xC2, 0x23, 0x81});
        std::vector<WireFrame> pns = run.wire.Control(run.pns);
        std::vector<WireFrame> pac = run.wire.Control(run.pac);
        if (pns.size() != 6 || pac.size() != 7)
        {
            return;
        }
        const auto& challenge = pac[2].packet.data;
        PPTP_REQUIRE_EQ(challenge.size() > 17, true, "challenge");
        NS_TEST_EXPECT_MSG_EQ(+challenge[0], 16, "challenge value size");
        NS_TEST_EXPECT_MSG_EQ(
            std::string(challenge.begin() + 17, challenge.end()), "pac", "authenticator name");
        const auto& response = pns[2].packet.data;
        PPTP_REQUIRE_EQ(response.size() > 50, true, "response");
        NS_TEST_EXPECT_MSG_EQ(+response[0], 49, "MS-CHAPv2 response value size");
        NS_TEST_EXPECT_MSG_EQ(
            std::string(response.begin() + 50, response.end()), "pptp-user", "peer name");
        NS_TEST_EXPECT_MSG_EQ(+pns[2].packet.identifier, +pac[2].packet.identifier, "id");
        NS_TEST_EXPECT_MSG_EQ(+pac[3].packet.identifier, +pac[2].packet.identifier, "id");
        std::string success(pac[3].packet.data.begin(), pac[3].packet.data.end());
        PPTP_REQUIRE_EQ(success.size() >= 42, true, "success message");
        NS_TEST_EXPECT_MSG_EQ(success.substr(0, 2), "S=", "authenticator response");
        uint32_t hex = 0;
        for (size_t i = 2; i < 42; ++i)
        {
            hex += std::isxdigit(static_cast<unsigned char>(success[i])) ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(hex, 40u, "S= and 40 hex digits: " << success);
        PPTP_REQUIRE_EQ(run.client.authentication.size(), 1u, "client authenticated");
        NS_TEST_EXPECT_MSG_EQ(run.client.authentication[0].first, "MS-CHAPv2", "protocol");
        NS_TEST_EXPECT_MSG_EQ(run.client.authentication[0].second, true, "accepted");
    }

    void Pap()
    {
        Outcome run;
        Negotiate(run, PppSession::AUTH_PAP, "pptp-secret");
        CheckSuccess(run,
                     "LCP Configure-Request, LCP Configure-Ack, PAP Auth-Request, "
                     "IPCP Configure-Request, IPCP Configure-Ack, IPCP Configure-Request",
                     "LCP Configure-Request, LCP Configure-Ack, PAP Auth-Ack, "
                     "IPCP Configure-Request, IPCP Configure-Nak, IPCP Configure-Ack",
                     {0xC0, 0x23});
        std::vector<WireFrame> pns = run.wire.Control(run.pns);
        std::vector<WireFrame> pac = run.wire.Control(run.pac);
        if (pns.size() != 6 || pac.size() != 6)
        {
            return;
        }
        std::string request(pns[2].packet.data.begin(), pns[2].packet.data.end());
        NS_TEST_EXPECT_MSG_EQ(
            request, std::string("\x09pptp-user\x0bpptp-secret"), "PAP peer id and password");
        NS_TEST_EXPECT_MSG_EQ(+pac[2].packet.identifier, +pns[2].packet.identifier, "ack id");
    }

    void ChapMd5()
    {
        Outcome run;
        Negotiate(run, PppSession::AUTH_CHAP_MD5, "pptp-secret");
        CheckSuccess(run,
                     "LCP Configure-Request, LCP Configure-Ack, CHAP Response, "
                     "IPCP Configure-Request, IPCP Configure-Ack, IPCP Configure-Request",
                     "LCP Configure-Request, LCP Configure-Ack, CHAP Challenge, CHAP Success, "
                     "IPCP Configure-Request, IPCP Configure-Nak, IPCP Configure-Ack",
                     {0xC2, 0x23, 0x05});
        std::vector<WireFrame> pns = run.wire.Control(run.pns);
        std::vector<WireFrame> pac = run.wire.Control(run.pac);
        if (pns.size() != 6 || pac.size() != 7)
        {
            return;
        }
        PPTP_REQUIRE_EQ(pns[2].packet.data.empty(), false, "response");
        NS_TEST_EXPECT_MSG_EQ(+pns[2].packet.data[0], 16, "MD5 response value size");
        NS_TEST_EXPECT_MSG_EQ(std::string(pac[3].packet.data.begin(), pac[3].packet.data.end()),
                              "Access granted",
                              "success message");
    }

    /// The client's password is wrong: the PAC refuses it, and the call ends with PPP.
    void WrongPassword(PppSession::Auth auth, uint16_t protocol, uint8_t refusal)
    {
        Outcome run;
        Negotiate(run, auth, "not-the-secret");
        std::vector<WireFrame> pns = run.wire.Control(run.pns);
        std::vector<WireFrame> pac = run.wire.Control(run.pac);
        uint32_t refusals = 0;
        uint32_t ipcp = 0;
        for (const auto& f : pac)
        {
            refusals += f.protocol == protocol && f.packet.code == refusal ? 1 : 0;
        }
        for (const auto& f : run.wire.frames)
        {
            ipcp += f.protocol == PPP_PROTOCOL_IPCP ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(
            refusals, 1u, "the PAC refuses once: " << Sequence(pac) << " / " << Sequence(pns));
        NS_TEST_EXPECT_MSG_EQ(ipcp, 0u, "no IPCP");
        NS_TEST_EXPECT_MSG_EQ(run.client.tunnelUp.size(), 0u, "client tunnel never up");
        NS_TEST_EXPECT_MSG_EQ(run.server.tunnelUp.size(), 0u, "server tunnel never up");
        NS_TEST_EXPECT_MSG_EQ(run.client.callUp.size(), 1u, "the call itself was established");
        PPTP_REQUIRE_EQ(run.client.callDown.size(), 1u, "client call cleared");
        NS_TEST_EXPECT_MSG_EQ(run.client.callDown[0].second, PptpDownCause::PPP_DOWN, "cause");
        PPTP_REQUIRE_EQ(run.server.callDown.size(), 1u, "server call cleared");
        NS_TEST_EXPECT_MSG_EQ(run.server.callDown[0].second, PptpDownCause::PPP_DOWN, "cause");
        PPTP_REQUIRE_EQ(run.server.authentication.size(), 1u, "server: one outcome");
        NS_TEST_EXPECT_MSG_EQ(run.server.authentication[0].second, false, "refused");
        PPTP_REQUIRE_EQ(run.client.authentication.size(), 1u, "client: one outcome");
        NS_TEST_EXPECT_MSG_EQ(run.client.authentication[0].second, false, "refused");
        NS_TEST_EXPECT_MSG_EQ(
            run.messages.Count(PptpMessageType::CALL_DISCONNECT_NOTIFY), 1u, "the call is cleared");
        for (const auto& s : run.messages.Get())
        {
            if (const auto* cdn = s.message.Find<PptpCallDisconnectNotify>())
            {
                NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(cdn->resultCode),
                                      +static_cast<uint8_t>(PptpDisconnectResult::LOST_CARRIER),
                                      "CDN: lost carrier (PPP down)");
            }
        }
    }

    void DoRun() override
    {
        MsChapV2();
        Pap();
        ChapMd5();
        WrongPassword(PppSession::AUTH_MSCHAP_V2, PPP_PROTOCOL_CHAP, CHAP_FAILURE);
        WrongPassword(PppSession::AUTH_PAP, PPP_PROTOCOL_PAP, PAP_AUTHENTICATE_NAK);
    }
};

class ProtocolRejectTestCase : public TestCase
{
  public:
    ProtocolRejectTestCase()
        : TestCase("Protocol-Reject: an IPv6CP frame comes back rejected with its protocol and "
                   "its contents")
    {
    }

  private:
    /// The PNS sends an IPv6CP Configure-Request (protocol 0x8057) down its channel.
    static void SendIpv6cp(const TunnelEvents* pns)
    {
        if (!pns->Channel())
        {
            return;
        }
        const uint8_t request[] = {0x01, 0x07, 0x00, 0x0e, 0x01, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8};
        Ptr<Packet> frame = Create<Packet>(request, sizeof(request));
        frame->AddHeader(PppFrameHeader(0x8057, true, false));
        pns->Channel()->Send(frame);
    }

    void DoRun() override
    {
        StarTopology net(1);
        PptpServerHelper serverHelper;
        serverHelper.Install(net.server);
        PptpClientHelper clientHelper(net.serverAddresses[0]);
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        TunnelEvents events;
        events.Watch(client.Get(0));
        WireLog wire;
        wire.Watch(net.links[0].Get(1)); // what the PAC sends
        Simulator::Schedule(Seconds(5), &SendIpv6cp, &events);
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        Simulator::Destroy();

        PPTP_REQUIRE_EQ(events.tunnelUp.size(), 1u, "tunnel up");
        std::vector<WireFrame> rejects;
        for (const auto& f : wire.Control(net.serverAddresses[0]))
        {
            if (f.protocol == PPP_PROTOCOL_LCP && f.packet.code == PPP_PROTOCOL_REJECT)
            {
                rejects.push_back(f);
            }
        }
        PPTP_REQUIRE_EQ(rejects.size(), 1u, "one Protocol-Reject");
        const std::vector<uint8_t> expected
            = {0x80, 0x57, 0x01, 0x07, 0x00, 0x0e, 0x01, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8};
        NS_TEST_EXPECT_MSG_EQ((rejects[0].packet.data == expected),
                              true,
                              "the rejected protocol, then the rejected packet");
        NS_TEST_EXPECT_MSG_GT(rejects[0].time, Seconds(5), "in answer to the frame");
        NS_TEST_EXPECT_MSG_EQ(events.tunnelDown.size(), 0u, "the tunnel stays up");
    }
};

/** GRE for a real call from the wrong address, for no call, and plain GRE: all dropped. */

class PptpPppNegotiationTestSuite : public TestSuite
{
  public:
    PptpPppNegotiationTestSuite()
        : TestSuite("pptp-ppp-negotiation", SYSTEM)
    {
        AddTestCase(new NegotiationTestCase, TestCase::QUICK);
        AddTestCase(new ProtocolRejectTestCase, TestCase::QUICK);
    }
};

PptpPppNegotiationTestSuite g_pptpPppNegotiationTestSuite;

} // namespace
