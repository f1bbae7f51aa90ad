/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// What the tunnel tests share: GRE packets recorded as they go on the wire and decoded
// with the module's codecs, the tunnel events an application reports, what a host
// receives, and the star with a host behind the server.

#ifndef PPTP_TUNNEL_FIXTURES_H
#define PPTP_TUNNEL_FIXTURES_H

#include "ns3/bulk-send-helper.h"
#include "ns3/enum.h"
#include "ns3/error-model.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/pointer.h"
#include "ns3/ppp-control-packet.h"
#include "ns3/ppp-frame-header.h"
#include "ns3/ppp-session.h"
#include "ns3/pptp-byte-order.h"
#include "ns3/pptp-client.h"
#include "ns3/pptp-gre-channel.h"
#include "ns3/pptp-gre-header.h"
#include "ns3/pptp-gre-l4-protocol.h"
#include "ns3/pptp-helper.h"
#include "ns3/pptp-node-state.h"
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

#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace pptptest
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
    PppFrameHeader ppp;     //!< the PPP header (when the packet carries a frame)
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
inline GreParse
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
inline std::string
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
inline std::string
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
inline Ipv4Address
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
    std::vector<Ptr<PppSession>> sessions;                    //!< their PPP sessions
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

} // namespace pptptest
} // namespace ns3

#endif /* PPTP_TUNNEL_FIXTURES_H */
