/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The data plane end to end: PPP negotiation on the wire frame for frame
// (MS-CHAPv2, PAP, CHAP-MD5, wrong credentials), traffic through the tunnel,
// the peer's receive window, ack-only packets, reordering and duplicates in
// the GRE channel, LCP echoes (pppd's schedule, failure, looped-back replies),
// spoofed GRE, and what a cleared call leaves behind.

#include "ns3/bulk-send-helper.h"
#include "ns3/enum.h"
#include "ns3/error-model.h"
#include "ns3/pptp-gre-l4-protocol.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/pointer.h"
#include "ns3/ppp-control-packet.h"
#include "ns3/pptp-byte-order.h"
#include "ns3/pptp-client.h"
#include "ns3/pptp-gre-channel.h"
#include "ns3/pptp-gre-header.h"
#include "ns3/pptp-helper.h"
#include "ns3/pptp-node-state.h"
#include "ns3/ppp-frame-header.h"
#include "ns3/ppp-session.h"
#include "ns3/pptp-server.h"
#include "ns3/pptp-tunnel.h"
#include "ns3/seq-ts-header.h"
#include "ns3/test.h"
#include "ns3/udp-client-server-helper.h"
#include "ns3/udp-header.h"
#include "ns3/udp-l4-protocol.h"
#include "ns3/udp-server.h"
#include "ns3/uinteger.h"
#include "pptp-test-topology.h"

#include <cctype>
#include <map>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/**
 * NS_TEST_ASSERT_MSG_EQ that also ends the test case when it fails, whatever --stop-on-failure
 * says (ns-3 goes on after a failed assertion by default, and what follows indexes on it). The
 * simulator is destroyed first (a no-op if it already was); not for use inside events.
 */
#define PPTP_REQUIRE_EQ(actual, limit, msg)            \
    do                                                 \
    {                                                  \
        NS_TEST_ASSERT_MSG_EQ((actual), (limit), msg); \
        if (!((actual) == (limit)))                    \
        {                                              \
            Simulator::Destroy();                      \
            return;                                    \
        }                                              \
    } while (false)

/// The PAC's tunnel address and the first address of its pool (PptpServer's defaults).
const Ipv4Address PAC_TUNNEL("192.168.100.1");
const Ipv4Address POOL_FIRST("192.168.100.2");

// ---- recording ------------------------------------------------------------------------

/// Where the parts of an Enhanced GRE packet lie in the bytes a point-to-point device carries.
struct GreFrameParts
{
    Ipv4Address source;     //!< IPv4 source
    PptpGreHeader gre;      //!< the Enhanced GRE header
    PppFrameHeader ppp;      //!< the PPP header (when the packet carries a frame)
    size_t pppStart{0};     //!< offset of the PPP header (0: ack-only, no frame)
    size_t payloadStart{0}; //!< offset of what follows the PPP header
    size_t payloadEnd{0};   //!< end of the PPP frame
};

/// What ParseGreFrame made of some bytes.
enum class GreParse
{
    NOT_GRE,   //!< not an IPv4 GRE packet
    MALFORMED, //!< GRE, but its GRE or PPP header does not decode
    OK,        //!< parts found
};

/**
 * Find the parts of a GRE packet with the module's codecs.
 * \param b the bytes, from the 2-byte point-to-point PPP field (0x0021 for IPv4) on
 * \param parts where they are
 * \return whether they were found
 */
GreParse
ParseGreFrame(const std::vector<uint8_t>& b, GreFrameParts& parts)
{
    if (b.size() < 2 + 20 || b[0] != 0x00 || b[1] != 0x21)
    {
        return GreParse::NOT_GRE;
    }
    const uint8_t* ip = b.data() + 2;
    uint32_t ipSize = b.size() - 2;
    uint32_t ihl = (ip[0] & 0x0F) * 4u;
    uint32_t total = std::min<uint32_t>((ip[2] << 8) | ip[3], ipSize);
    if (ip[9] != PptpGreHeader::IP_PROTOCOL_NUMBER || total < ihl)
    {
        return GreParse::NOT_GRE;
    }
    parts.source = Ipv4Address((ip[12] << 24) | (ip[13] << 16) | (ip[14] << 8) | ip[15]);
    size_t gre = 2 + ihl;
    size_t end = 2 + total;
    if (!PptpGreHeader::Decode(b.data() + gre, end - gre, parts.gre).Ok())
    {
        return GreParse::MALFORMED;
    }
    parts.pppStart = 0;
    uint32_t length = parts.gre.GetPayloadLength();
    if (length == 0)
    {
        return GreParse::OK;
    }
    parts.pppStart = gre + parts.gre.GetSerializedSize();
    if (!PppFrameHeader::Decode(b.data() + parts.pppStart, length, parts.ppp).Ok())
    {
        return GreParse::MALFORMED;
    }
    parts.payloadStart = parts.pppStart + parts.ppp.GetSerializedSize();
    parts.payloadEnd = parts.pppStart + length;
    return GreParse::OK;
}

/// One GRE packet of a call as it went on the wire, decoded with the module's codecs.
struct WireFrame
{
    Time time;               //!< when its transmission began
    Ipv4Address source;      //!< IPv4 source
    PptpGreHeader gre;       //!< the Enhanced GRE header
    uint16_t protocol{0};    //!< PPP protocol (0: ack-only, no PPP frame)
    bool control{false};     //!< a PPP control packet (LCP, PAP, CHAP, IPCP) decoded
    PppControlPacket packet; //!< that packet
};

/// Records every GRE packet that point-to-point devices begin to transmit.
class WireLog
{
  public:
    /// \param device a PointToPointNetDevice
    void Watch(Ptr<NetDevice> device)
    {
        device->TraceConnectWithoutContext("PhyTxBegin", MakeCallback(&WireLog::Tx, this));
    }

    std::vector<WireFrame> frames; //!< in transmission order
    uint32_t malformed{0};         //!< GRE packets the codecs refused

    /// \param source a sender \return its PPP control frames, in order
    std::vector<WireFrame> Control(Ipv4Address source) const
    {
        std::vector<WireFrame> out;
        for (const auto& f : frames)
        {
            if (f.control && f.source == source)
            {
                out.push_back(f);
            }
        }
        return out;
    }

  private:
    void Tx(Ptr<const Packet> p)
    {
        std::vector<uint8_t> b(p->GetSize());
        p->CopyData(b.data(), b.size());
        GreFrameParts parts;
        GreParse parsed = ParseGreFrame(b, parts);
        if (parsed != GreParse::OK)
        {
            malformed += parsed == GreParse::MALFORMED ? 1 : 0;
            return;
        }
        WireFrame f;
        f.time = Simulator::Now();
        f.source = parts.source;
        f.gre = parts.gre;
        if (parts.pppStart != 0)
        {
            f.protocol = parts.ppp.GetProtocol();
            if (f.protocol != PPP_PROTOCOL_IPV4)
            {
                f.control = PppControlPacket::Decode(b.data() + parts.payloadStart,
                                                     parts.payloadEnd - parts.payloadStart,
                                                     f.packet)
                                .Ok();
                malformed += f.control ? 0 : 1;
            }
        }
        frames.push_back(f);
    }
};

/// Name of a PPP control packet, as "PROTOCOL Code".
std::string
FrameName(uint16_t protocol, uint8_t code)
{
    static const std::map<uint8_t, std::string> ncp = {{PPP_CONFIGURE_REQUEST, "Configure-Request"},
                                                       {PPP_CONFIGURE_ACK, "Configure-Ack"},
                                                       {PPP_CONFIGURE_NAK, "Configure-Nak"},
                                                       {PPP_CONFIGURE_REJECT, "Configure-Reject"},
                                                       {PPP_TERMINATE_REQUEST, "Terminate-Request"},
                                                       {PPP_TERMINATE_ACK, "Terminate-Ack"},
                                                       {PPP_CODE_REJECT, "Code-Reject"},
                                                       {PPP_PROTOCOL_REJECT, "Protocol-Reject"},
                                                       {PPP_ECHO_REQUEST, "Echo-Request"},
                                                       {PPP_ECHO_REPLY, "Echo-Reply"},
                                                       {PPP_DISCARD_REQUEST, "Discard-Request"}};
    static const std::map<uint8_t, std::string> pap = {{PAP_AUTHENTICATE_REQUEST, "Auth-Request"},
                                                       {PAP_AUTHENTICATE_ACK, "Auth-Ack"},
                                                       {PAP_AUTHENTICATE_NAK, "Auth-Nak"}};
    static const std::map<uint8_t, std::string> chap = {{CHAP_CHALLENGE, "Challenge"},
                                                        {CHAP_RESPONSE, "Response"},
                                                        {CHAP_SUCCESS, "Success"},
                                                        {CHAP_FAILURE, "Failure"}};
    const auto& names
        = protocol == PPP_PROTOCOL_PAP ? pap : (protocol == PPP_PROTOCOL_CHAP ? chap : ncp);
    auto it = names.find(code);
    return PppProtocolName(protocol) + " "
           + (it == names.end() ? "code " + std::to_string(code) : it->second);
}

/// \param frames control frames \return their names, comma separated
std::string
Sequence(const std::vector<WireFrame>& frames)
{
    std::string s;
    for (const auto& f : frames)
    {
        s += (s.empty() ? "" : ", ") + FrameName(f.protocol, f.packet.code);
    }
    return s;
}

/// \param f an IPCP frame \return the address of its IP-Address option (0.0.0.0 if none)
Ipv4Address
IpcpAddress(const WireFrame& f)
{
    std::vector<PppOption> options;
    if (f.packet.GetOptions(options))
    {
        for (const auto& o : options)
        {
            if (o.type == IPCP_OPTION_IP_ADDRESS && o.data.size() == 4)
            {
                return Ipv4Address(o.GetValue());
            }
        }
    }
    return Ipv4Address::GetAny();
}

/// The tunnel events an application reports, and what they give access to.
struct TunnelEvents
{
    std::vector<Time> callUp;                                 //!< CallUp times
    std::vector<std::pair<Time, PptpDownCause>> callDown;     //!< CallDown
    std::vector<Time> tunnelUp;                               //!< TunnelUp times
    std::vector<std::pair<Time, PptpDownCause>> tunnelDown;   //!< TunnelDown
    std::vector<Ptr<PptpCall>> calls;                         //!< calls whose tunnel came up
    std::vector<Ptr<PptpGreChannel>> channels;                //!< their channels
    std::vector<Ptr<PptpTunnel>> tunnels;                     //!< their tunnels
    std::vector<Ptr<PppSession>> sessions;                //!< their PPP sessions
    std::vector<Ipv4Address> localAddresses;                  //!< tunnel address (IPCP)
    std::vector<std::pair<std::string, bool>> authentication; //!< outcomes, from CallUp on

    void Watch(Ptr<Application> app)
    {
        app->TraceConnectWithoutContext("CallUp", MakeCallback(&TunnelEvents::CallUp, this));
        app->TraceConnectWithoutContext("CallDown", MakeCallback(&TunnelEvents::CallDown, this));
        app->TraceConnectWithoutContext("TunnelUp", MakeCallback(&TunnelEvents::TunnelUp, this));
        app->TraceConnectWithoutContext("TunnelDown",
                                        MakeCallback(&TunnelEvents::TunnelDown, this));
    }

    /// \return the channel of the first tunnel (null if none came up)
    Ptr<PptpGreChannel> Channel() const
    {
        return channels.empty() ? nullptr : channels[0];
    }

  private:
    void CallUp(Ptr<const PptpCall> call, Time)
    {
        callUp.push_back(Simulator::Now());
        // The PPP session starts with the call: watch how authentication ends.
        if (Ptr<PppSession> session = call->GetPppSession())
        {
            session->TraceConnectWithoutContext("Authentication",
                                                MakeCallback(&TunnelEvents::Auth, this));
        }
    }

    void Auth(const std::string& protocol, bool success)
    {
        authentication.emplace_back(protocol, success);
    }

    void CallDown(Ptr<const PptpCall>, PptpDownCause cause)
    {
        callDown.emplace_back(Simulator::Now(), cause);
    }

    void TunnelUp(Ptr<const PptpCall> call, Time)
    {
        tunnelUp.push_back(Simulator::Now());
        calls.push_back(const_cast<PptpCall*>(PeekPointer(call)));
        channels.push_back(call->GetChannel());
        tunnels.push_back(call->GetTunnel());
        sessions.push_back(call->GetPppSession());
        localAddresses.push_back(call->GetPppSession()->GetLocalAddress());
    }

    void TunnelDown(Ptr<const PptpCall>, PptpDownCause cause)
    {
        tunnelDown.emplace_back(Simulator::Now(), cause);
    }
};

/// What a host receives: IPv4 source, and the SeqTs sequence number of UDP datagrams.
struct HostLog
{
    std::vector<uint32_t> udpSequence;    //!< in arrival order
    std::vector<uint32_t> udpSizes;       //!< payload sizes (SeqTs header included)
    std::map<Ipv4Address, uint64_t> from; //!< packets per source address

    void Watch(Ptr<Node> host)
    {
        host->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "LocalDeliver", MakeCallback(&HostLog::Deliver, this));
    }

  private:
    void Deliver(const Ipv4Header& header, Ptr<const Packet> packet, uint32_t)
    {
        ++from[header.GetSource()];
        if (header.GetProtocol() == UdpL4Protocol::PROT_NUMBER)
        {
            Ptr<Packet> p = packet->Copy();
            UdpHeader udp;
            p->RemoveHeader(udp);
            udpSizes.push_back(p->GetSize());
            SeqTsHeader seqTs;
            p->RemoveHeader(seqTs);
            udpSequence.push_back(seqTs.GetSeq());
        }
    }
};

/**
 * client (PNS) 10.0.0.1 --- 10.0.0.2 server (PAC) 10.9.0.1 --- 10.9.0.2 host: the star of
 * the control-plane tests with a host behind the server. The host routes the tunnel
 * addresses back through the server; the clients route the host's network into the tunnel
 * (TunnelNetworks, see ClientHelper).
 */
struct TunnelTopology
{
    StarTopology star;
    NodeContainer host;
    Ipv4Address hostAddress;
    Ipv4Address serverLanAddress;
    NetDeviceContainer lan;

    explicit TunnelTopology(uint32_t nClients = 1)
        : star(nClients)
    {
        host.Create(1);
        InternetStackHelper().Install(host);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
        p2p.SetChannelAttribute("Delay", TimeValue(MicroSeconds(500)));
        lan = p2p.Install(star.server.Get(0), host.Get(0));
        Ipv4InterfaceContainer interfaces
            = Ipv4AddressHelper("10.9.0.0", "255.255.255.0").Assign(lan);
        serverLanAddress = interfaces.GetAddress(0);
        hostAddress = interfaces.GetAddress(1);
        Ipv4StaticRoutingHelper()
            .GetStaticRouting(host.Get(0)->GetObject<Ipv4>())
            ->AddNetworkRouteTo("192.168.100.0", "255.255.255.0", serverLanAddress, 1);
    }

    /// \param client a client index \return its helper, routing the host's network
    PptpClientHelper ClientHelper(uint32_t client = 0) const
    {
        PptpClientHelper helper(star.serverAddresses[client]);
        helper.SetConnectionAttribute("TunnelNetworks", StringValue("10.9.0.0/24"));
        return helper;
    }

    /**
     * A constant-rate UDP flow from a client to the host (UdpClient, SeqTs headers).
     * \param client the client node \param start when \param packets how many
     * \param interval between datagrams \param size datagram payload
     * \return the UdpServer on the host
     */
    Ptr<UdpServer> Udp(Ptr<Node> client,
                       Time start,
                       uint32_t packets,
                       Time interval,
                       uint32_t size,
                       uint16_t port = 9)
    {
        ApplicationContainer server = UdpServerHelper(port).Install(host);
        UdpClientHelper udp(hostAddress, port);
        udp.SetAttribute("MaxPackets", UintegerValue(packets));
        udp.SetAttribute("Interval", TimeValue(interval));
        udp.SetAttribute("PacketSize", UintegerValue(size));
        ApplicationContainer app = udp.Install(client);
        app.Start(start);
        return DynamicCast<UdpServer>(server.Get(0));
    }
};

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

/** The PAC and the first client's PNS on a TunnelTopology, the PNS started at 1 s, the
 * tunnel events of both recorded. */
struct OneTunnel
{
    explicit OneTunnel(TunnelTopology& net)
        : server(PptpServerHelper().Install(net.star.server))
        , pns(net.ClientHelper().Install(net.star.clients.Get(0)))
    {
        pns.Start(Seconds(1));
        clientEvents.Watch(pns.Get(0));
        serverEvents.Watch(server.Get(0));
    }

    ApplicationContainer server; //!< the PptpServer
    ApplicationContainer pns;    //!< the PptpClient
    TunnelEvents clientEvents;   //!< what the PNS reported
    TunnelEvents serverEvents;   //!< what the PAC reported
};

// ---- 2. traffic -----------------------------------------------------------------------

/** UDP and TCP from the client to a host behind the server, through the tunnel. */
class TunnelTrafficTestCase : public TestCase
{
  public:
    TunnelTrafficTestCase()
        : TestCase("traffic: UDP in order without loss and 2 MB of TCP through the tunnel")
    {
    }

  private:
    void DoRun() override
    {
        TunnelTopology net;
        Ptr<Node> client = net.star.clients.Get(0);
        OneTunnel tunnel(net);
        HostLog hostLog;
        hostLog.Watch(net.host.Get(0));

        // 100 datagrams in one second: what a send window starting at 32 of the PAC's 64, a
        // 0.5 s ack delay and the 64-frame queue carry without loss.
        const uint32_t datagrams = 100;
        const uint32_t size = 512;
        Ptr<UdpServer> udp = net.Udp(client, Seconds(3), datagrams, MilliSeconds(10), size);
        const uint32_t bytes = 2000000;
        uint16_t tcpPort = 5000;
        ApplicationContainer sinkApp
            = PacketSinkHelper("ns3::TcpSocketFactory",
                               InetSocketAddress(Ipv4Address::GetAny(), tcpPort))
                  .Install(net.host);
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(net.hostAddress, tcpPort));
        bulk.SetAttribute("MaxBytes", UintegerValue(bytes));
        ApplicationContainer bulkApp = bulk.Install(client);
        bulkApp.Start(Seconds(6));

        PptpGreChannel::Statistics before;
        ScheduleCall(Seconds(2.9),
                     [&]()
                     {
                         if (tunnel.clientEvents.Channel())
                         {
                             before = tunnel.clientEvents.Channel()->GetStatistics();
                         }
                     });
        Simulator::Stop(Seconds(40));
        Simulator::Run();

        PPTP_REQUIRE_EQ(tunnel.clientEvents.tunnelUp.size(), 1u, "client tunnel up");
        PPTP_REQUIRE_EQ(tunnel.serverEvents.tunnelUp.size(), 1u, "server tunnel up");
        NS_TEST_EXPECT_MSG_LT(
            tunnel.clientEvents.tunnelUp[0], Seconds(2.9), "up before the traffic");
        NS_TEST_EXPECT_MSG_EQ(tunnel.clientEvents.tunnelDown.size(), 0u, "stays up");
        // UDP: everything, in order, from the tunnel address.
        NS_TEST_EXPECT_MSG_EQ(udp->GetReceived(), datagrams, "UDP datagrams received");
        NS_TEST_EXPECT_MSG_EQ(udp->GetLost(), 0u, "none lost");
        NS_TEST_EXPECT_MSG_EQ(hostLog.udpSequence.size(), datagrams, "UDP at the host");
        for (uint32_t i = 0; i < hostLog.udpSequence.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(hostLog.udpSequence[i], i, "in order");
            NS_TEST_EXPECT_MSG_EQ(hostLog.udpSizes[i], size, "intact size");
        }
        // TCP: exactly the bytes sent.
        Ptr<PacketSink> sink = DynamicCast<PacketSink>(sinkApp.Get(0));
        NS_TEST_EXPECT_MSG_EQ(sink->GetTotalRx(), bytes, "TCP bytes received");
        // Through the tunnel: the host saw only the tunnel address, and the PNS's channel
        // carried at least every datagram and every full segment.
        NS_TEST_EXPECT_MSG_EQ(hostLog.from.size(), 1u, "one source address at the host");
        NS_TEST_EXPECT_MSG_GT(hostLog.from[POOL_FIRST], datagrams, "from 192.168.100.2");
        Ptr<PptpGreChannel> channel = tunnel.clientEvents.Channel();
        const auto& after = channel->GetStatistics();
        uint32_t segments = (bytes + 535) / 536;
        NS_TEST_EXPECT_MSG_GT_OR_EQ(
            after.txPackets - before.txPackets, datagrams + segments, "PNS channel packets");
        NS_TEST_EXPECT_MSG_GT_OR_EQ(after.txBytes - before.txBytes,
                                    uint64_t(bytes) + datagrams * (size + 28),
                                    "PNS channel bytes");
        const auto& pac = tunnel.serverEvents.Channel()->GetStatistics();
        NS_TEST_EXPECT_MSG_EQ(pac.gaps, 0u, "PAC: no sequence gap");
        NS_TEST_EXPECT_MSG_EQ(pac.late + pac.duplicates, 0u, "PAC: nothing late or repeated");
        NS_TEST_EXPECT_MSG_EQ(pac.rxPackets, after.txPackets, "PAC received what the PNS sent");
        Simulator::Destroy();
    }
};

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

// ---- 7. spoofed GRE -------------------------------------------------------------------

/** RFC 1661 Protocol-Reject for a protocol the session does not run. */
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

// ---- 8. teardown ----------------------------------------------------------------------

/** What a cleared call leaves: no Call ID, no route, interface down, address free. */
class TeardownTestCase : public TestCase
{
  public:
    TeardownTestCase()
        : TestCase("teardown: Call IDs, routes, interface and pool address released")
    {
    }

  private:
    /// The state of a node's tunnel interface.
    struct Snapshot
    {
        uint32_t callIds{0};
        uint32_t routes{0}; //!< static routes via the tunnel interface
        bool up{false};
        uint32_t addresses{0};
    };

    static Snapshot Take(Ptr<Node> node, Ptr<PptpTunnel> tunnel)
    {
        Snapshot s;
        s.callIds = PptpNodeState::Get(node)->GetCallIdsInUse();
        if (!tunnel)
        {
            return s;
        }
        Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
        uint32_t interface = tunnel->GetInterface();
        Ptr<Ipv4StaticRouting> routing = Ipv4StaticRoutingHelper().GetStaticRouting(ipv4);
        for (uint32_t i = 0; i < routing->GetNRoutes(); ++i)
        {
            s.routes += routing->GetRoute(i).GetInterface() == interface ? 1 : 0;
        }
        s.up = ipv4->IsUp(interface);
        s.addresses = ipv4->GetNAddresses(interface);
        return s;
    }

    void DoRun() override
    {
        StarTopology net(2);
        PptpServerHelper serverHelper;
        serverHelper.SetAttribute("AddressPoolSize", UintegerValue(1)); // one address only
        ApplicationContainer server = serverHelper.Install(net.server);
        std::vector<TunnelEvents> clientEvents(2);
        TunnelEvents serverEvents;
        serverEvents.Watch(server.Get(0));
        for (uint32_t i = 0; i < 2; ++i)
        {
            PptpClientHelper helper(net.serverAddresses[i]);
            helper.SetAttribute("CallDuration", TimeValue(Seconds(5)));
            helper.SetConnectionAttribute("TunnelNetworks", StringValue("10.9.0.0/24"));
            ApplicationContainer app = helper.Install(net.clients.Get(i));
            app.Start(Seconds(1 + 11 * i)); // the second after the first is done
            clientEvents[i].Watch(app.Get(0));
        }
        Ptr<Node> pns = net.clients.Get(0);
        Ptr<Node> pac = net.server.Get(0);
        Snapshot pnsUp;
        Snapshot pacUp;
        Snapshot pnsDown;
        Snapshot pacDown;
        ScheduleCall(Seconds(4),
                     [&]()
                     {
                         if (!clientEvents[0].tunnels.empty() && !serverEvents.tunnels.empty())
                         {
                             pnsUp = Take(pns, clientEvents[0].tunnels[0]);
                             pacUp = Take(pac, serverEvents.tunnels[0]);
                         }
                     });
        ScheduleCall(Seconds(10),
                     [&]()
                     {
                         if (!clientEvents[0].tunnels.empty() && !serverEvents.tunnels.empty())
                         {
                             pnsDown = Take(pns, clientEvents[0].tunnels[0]);
                             pacDown = Take(pac, serverEvents.tunnels[0]);
                         }
                     });
        Simulator::Stop(Seconds(30));
        Simulator::Run();

        PPTP_REQUIRE_EQ(clientEvents[0].tunnelUp.size(), 1u, "first client tunnel up");
        PPTP_REQUIRE_EQ(serverEvents.tunnelUp.size(), 2u, "server: both tunnels up");
        // While up: one Call ID each side, the routes via the tunnel (the peer and the
        // TunnelNetworks on the PNS, the peer on the PAC), the interface up and addressed.
        NS_TEST_EXPECT_MSG_EQ(pnsUp.callIds, 1u, "PNS Call ID in use");
        NS_TEST_EXPECT_MSG_EQ(pacUp.callIds, 1u, "PAC Call ID in use");
        NS_TEST_EXPECT_MSG_EQ(pnsUp.routes, 2u, "PNS routes via the tunnel");
        NS_TEST_EXPECT_MSG_EQ(pacUp.routes, 1u, "PAC route via the tunnel");
        NS_TEST_EXPECT_MSG_EQ(pnsUp.up, true, "PNS interface up");
        NS_TEST_EXPECT_MSG_EQ(pacUp.up, true, "PAC interface up");
        NS_TEST_EXPECT_MSG_EQ(pnsUp.addresses, 1u, "PNS tunnel address");
        // After the clear: nothing left.
        PPTP_REQUIRE_EQ(clientEvents[0].callDown.size(), 1u, "first call ended");
        NS_TEST_EXPECT_MSG_EQ(clientEvents[0].callDown[0].second, PptpDownCause::CALL_CLEAR, "");
        NS_TEST_EXPECT_MSG_LT(clientEvents[0].callDown[0].first, Seconds(10), "before the check");
        NS_TEST_EXPECT_MSG_EQ(pnsDown.callIds, 0u, "PNS Call ID released");
        NS_TEST_EXPECT_MSG_EQ(pacDown.callIds, 0u, "PAC Call ID released");
        NS_TEST_EXPECT_MSG_EQ(pnsDown.routes, 0u, "PNS routes removed");
        NS_TEST_EXPECT_MSG_EQ(pacDown.routes, 0u, "PAC route removed");
        NS_TEST_EXPECT_MSG_EQ(pnsDown.up, false, "PNS interface down");
        NS_TEST_EXPECT_MSG_EQ(pacDown.up, false, "PAC interface down");
        NS_TEST_EXPECT_MSG_EQ(pnsDown.addresses, 0u, "PNS tunnel address removed");
        NS_TEST_EXPECT_MSG_EQ(pacDown.addresses, 0u, "PAC tunnel address removed");
        // The pool's only address went back: the second client gets it.
        PPTP_REQUIRE_EQ(clientEvents[1].tunnelUp.size(), 1u, "second client tunnel up");
        NS_TEST_EXPECT_MSG_EQ(clientEvents[1].localAddresses[0], POOL_FIRST, "the same address");
        NS_TEST_EXPECT_MSG_EQ(clientEvents[0].localAddresses[0], POOL_FIRST, "first had it");
        PPTP_REQUIRE_EQ(clientEvents[1].callDown.size(), 1u, "second call ended");
        NS_TEST_EXPECT_MSG_EQ(clientEvents[1].callDown[0].second, PptpDownCause::CALL_CLEAR, "");
        NS_TEST_EXPECT_MSG_EQ(PptpNodeState::Get(net.clients.Get(1))->GetCallIdsInUse(),
                              0u,
                              "second PNS Call ID released");
        NS_TEST_EXPECT_MSG_EQ(PptpNodeState::Get(pac)->GetCallIdsInUse(), 0u, "PAC: none");
        Simulator::Destroy();
    }
};

class PptpDataPlaneTestSuite : public TestSuite
{
  public:
    PptpDataPlaneTestSuite()
        : TestSuite("pptp-data-plane", SYSTEM)
    {
        AddTestCase(new NegotiationTestCase, TestCase::QUICK);
        AddTestCase(new TunnelTrafficTestCase, TestCase::QUICK);
        AddTestCase(new WindowTestCase, TestCase::QUICK);
        AddTestCase(new WindowRulesTestCase, TestCase::QUICK);
        AddTestCase(new AckOnlyTestCase, TestCase::QUICK);
        AddTestCase(new ReorderTestCase, TestCase::QUICK);
        AddTestCase(new LcpEchoFailureTestCase, TestCase::QUICK);
        AddTestCase(new PnsEndingOnDeadLinkTestCase, TestCase::QUICK);
        AddTestCase(new PacLostCarrierTestCase, TestCase::QUICK);
        AddTestCase(new LcpEchoScheduleTestCase, TestCase::QUICK);
        AddTestCase(new LcpEchoOwnMagicTestCase, TestCase::QUICK);
        AddTestCase(new ProtocolRejectTestCase, TestCase::QUICK);
        AddTestCase(new SpoofedGreTestCase, TestCase::QUICK);
        AddTestCase(new TeardownTestCase, TestCase::QUICK);
    }
};

PptpDataPlaneTestSuite g_pptpDataPlaneTestSuite;

} // namespace
