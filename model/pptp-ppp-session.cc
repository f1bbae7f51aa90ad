/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-ppp-session.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ppp-crypto.h"
#include "ppp-frame-header.h"
#include "pptp-byte-order.h"
#include "pptp-gre-channel.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpPppSession");

NS_OBJECT_ENSURE_REGISTERED(PptpPppSession);

namespace
{

/// CHAP algorithm numbers in the LCP Authentication-Protocol option.
constexpr uint8_t CHAP_ALGORITHM_MD5 = 5;
constexpr uint8_t CHAP_ALGORITHM_MSCHAP_V2 = 0x81;
/// MS-CHAPv2 Response value: peer challenge 16, reserved 8, NT-Response 24, flags 1.
constexpr uint32_t MSCHAP_V2_RESPONSE_SIZE = 49;
constexpr uint32_t CHALLENGE_SIZE = 16;

std::vector<uint8_t>
Bytes(const std::string& s)
{
    return std::vector<uint8_t>(s.begin(), s.end());
}

std::string
Hex(const uint8_t* data, size_t n)
{
    std::ostringstream os;
    for (size_t i = 0; i < n; ++i)
    {
        os << std::hex << std::uppercase << std::setw(2) << std::setfill('0') << +data[i];
    }
    return os.str();
}

std::array<uint8_t, 16>
Array16(const std::vector<uint8_t>& v)
{
    std::array<uint8_t, 16> a{};
    std::copy_n(v.begin(), std::min<size_t>(v.size(), 16), a.begin());
    return a;
}

/// MS-CHAPv2 NT-Response (RFC 2759) from the challenges as carried in packets.
std::array<uint8_t, 24>
NtResponse(const std::vector<uint8_t>& authenticatorChallenge,
           const std::vector<uint8_t>& peerChallenge,
           const std::string& user,
           const std::string& password)
{
    return GenerateNtResponse(
        Array16(authenticatorChallenge), Array16(peerChallenge), user, password);
}

/// MS-CHAPv2 authenticator response ("S=...") from the values as carried in packets.
std::string
AuthenticatorResponse(const std::string& password,
                      const std::vector<uint8_t>& ntResponse,
                      const std::vector<uint8_t>& peerChallenge,
                      const std::vector<uint8_t>& authenticatorChallenge,
                      const std::string& user)
{
    std::array<uint8_t, 24> nt{};
    std::copy_n(ntResponse.begin(), std::min<size_t>(ntResponse.size(), 24), nt.begin());
    return GenerateAuthenticatorResponse(
        password, nt, Array16(peerChallenge), Array16(authenticatorChallenge), user);
}

PppOption
AuthOption(PptpPppSession::Auth auth)
{
    switch (auth)
    {
        case PptpPppSession::AUTH_PAP:
            return PppOption::Make(LCP_OPTION_AUTH_PROTOCOL, PPP_PROTOCOL_PAP, 2);
        case PptpPppSession::AUTH_CHAP_MD5:
            return PppOption::Make(
                LCP_OPTION_AUTH_PROTOCOL, (PPP_PROTOCOL_CHAP << 8) | CHAP_ALGORITHM_MD5, 3);
        default:
            return PppOption::Make(
                LCP_OPTION_AUTH_PROTOCOL, (PPP_PROTOCOL_CHAP << 8) | CHAP_ALGORITHM_MSCHAP_V2, 3);
    }
}

} // namespace

std::string
PppDownReasonName(PppDownReason reason)
{
    switch (reason)
    {
        case PppDownReason::TERMINATED:
            return "terminated";
        case PppDownReason::PEER_TERMINATED:
            return "peer-terminated";
        case PppDownReason::LCP_NO_ANSWER:
            return "lcp-no-answer";
        case PppDownReason::LCP_REJECTED:
            return "lcp-rejected";
        case PppDownReason::LCP_ECHO_FAILURE:
            return "lcp-echo-failure";
        case PppDownReason::AUTH_FAILED:
            return "authentication-failed";
        case PppDownReason::AUTH_TIMEOUT:
            return "authentication-timeout";
        case PppDownReason::IPCP_FAILED:
            return "ipcp-failed";
    }
    return "unknown";
}

std::string
PppDropReasonName(PppDropReason reason)
{
    switch (reason)
    {
        case PppDropReason::MALFORMED_FRAME:
            return "malformed-frame";
        case PppDropReason::MALFORMED_CONTROL:
            return "malformed-control";
        case PppDropReason::IP_NOT_OPEN:
            return "ip-not-open";
        case PppDropReason::UNKNOWN_PROTOCOL:
            return "unknown-protocol";
    }
    return "unknown";
}

TypeId
PptpPppSession::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpPppSession")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpPppSession>()
              .AddAttribute("Mru",
                            "Maximum Receive Unit asked for in LCP (PPTP setups use 1400 so that "
                            "a full frame fits the path after GRE and IP overhead).",
                            UintegerValue(1400),
                            MakeUintegerAccessor(&PptpPppSession::m_mru),
                            MakeUintegerChecker<uint16_t>(128, 16384))
              .AddAttribute("Authentication",
                            "Protocol the authenticator (PAC side) asks for.",
                            EnumValue(AUTH_MSCHAP_V2),
                            MakeEnumAccessor(&PptpPppSession::m_auth),
                            MakeEnumChecker(AUTH_NONE,
                                            "None",
                                            AUTH_PAP,
                                            "PAP",
                                            AUTH_CHAP_MD5,
                                            "CHAP-MD5",
                                            AUTH_MSCHAP_V2,
                                            "MS-CHAPv2"))
              .AddAttribute("Username",
                            "The peer's name, and the name the authenticator accepts.",
                            StringValue("pptp-user"),
                            MakeStringAccessor(&PptpPppSession::m_username),
                            MakeStringChecker())
              .AddAttribute("Password",
                            "The peer's secret, and the secret the authenticator accepts.",
                            StringValue("pptp-secret"),
                            MakeStringAccessor(&PptpPppSession::m_password),
                            MakeStringChecker())
              .AddAttribute("LcpEchoInterval",
                            "Send an LCP Echo-Request this often once LCP is up (0: never; "
                            "pppd's lcp-echo-interval).",
                            TimeValue(Seconds(0)),
                            MakeTimeAccessor(&PptpPppSession::m_lcpEchoInterval),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("LcpEchoFailure",
                            "Unanswered LCP Echo-Requests in a row after which the link is "
                            "declared down (pppd's lcp-echo-failure).",
                            UintegerValue(4),
                            MakeUintegerAccessor(&PptpPppSession::m_lcpEchoFailure),
                            MakeUintegerChecker<uint32_t>(1))
              .AddAttribute("RestartTimeout",
                            "LCP/IPCP restart timer, also the authentication retry time.",
                            TimeValue(Seconds(3)),
                            MakeTimeAccessor(&PptpPppSession::m_restartTimeout),
                            MakeTimeChecker(MilliSeconds(1)))
              .AddAttribute("MaxConfigure",
                            "Configure-Requests (and authentication attempts) sent without "
                            "answer before giving up.",
                            UintegerValue(10),
                            MakeUintegerAccessor(&PptpPppSession::m_maxConfigure),
                            MakeUintegerChecker<uint32_t>(1))
              .AddAttribute("RequestCompression",
                            "Ask for Protocol-Field and Address-and-Control-Field Compression.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PptpPppSession::m_requestCompression),
                            MakeBooleanChecker())
              .AddTraceSource("State",
                              "LCP or IPCP changed state.",
                              MakeTraceSourceAccessor(&PptpPppSession::m_stateTrace),
                              "ns3::PptpPppSession::StateTracedCallback")
              .AddTraceSource("Authentication",
                              "Authentication finished, with its outcome.",
                              MakeTraceSourceAccessor(&PptpPppSession::m_authTrace),
                              "ns3::PptpPppSession::AuthTracedCallback")
              .AddTraceSource("Drop",
                              "A received frame was dropped, with the reason.",
                              MakeTraceSourceAccessor(&PptpPppSession::m_dropTrace),
                              "ns3::PptpPppSession::DropTracedCallback");
    return tid;
}

PptpPppSession::PptpPppSession()
    : m_random(CreateObject<UniformRandomVariable>())
{
}

PptpPppSession::~PptpPppSession() = default;

void
PptpPppSession::DoDispose()
{
    Abort();
    m_lcp.reset();
    m_ipcp.reset();
    m_channel = nullptr;
    m_random = nullptr;
    m_linkUp.Nullify();
    m_ipUp.Nullify();
    m_downCallback.Nullify();
    m_ipReceive.Nullify();
    m_terminated.Nullify();
    Object::DoDispose();
}

int64_t
PptpPppSession::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

std::string
PptpPppSession::AuthName(Auth auth)
{
    switch (auth)
    {
        case AUTH_NONE:
            return "none";
        case AUTH_PAP:
            return "PAP";
        case AUTH_CHAP_MD5:
            return "CHAP-MD5";
        case AUTH_MSCHAP_V2:
            return "MS-CHAPv2";
    }
    return "unknown";
}

std::vector<uint8_t>
PptpPppSession::RandomBytes(uint32_t n)
{
    std::vector<uint8_t> bytes(n);
    for (auto& b : bytes)
    {
        b = static_cast<uint8_t>(m_random->GetInteger(0, 255));
    }
    return bytes;
}

void
PptpPppSession::Start(Ptr<PptpGreChannel> channel,
                      Role role,
                      Ipv4Address localAddress,
                      Ipv4Address peerAddress)
{
    NS_LOG_FUNCTION(this << (role == Role::PEER ? "peer" : "authenticator") << localAddress
                         << peerAddress);
    m_channel = channel;
    m_role = role;
    m_localAddress = localAddress;
    m_peerAddress = peerAddress;
    m_magic = m_random->GetInteger(1, 0xFFFFFFFE);
    m_sendCompression = m_requestCompression;

    auto stateTrace = [this](const std::string& protocol)
    {
        return [this, protocol](PppFsm::State from, PppFsm::State to)
        {
            m_stateTrace(protocol, PppFsm::StateName(from), PppFsm::StateName(to));
        };
    };
    auto peerMru = [this]()
    {
        return m_peerMru;
    };
    PppFsm::Handler lcp;
    lcp.buildRequest = [this]()
    {
        return BuildLcpRequest();
    };
    lcp.checkRequest = [this](const std::vector<PppOption>& r,
                              bool rejectInsteadOfNak,
                              std::vector<PppOption>& reply)
    {
        return CheckLcpRequest(r, rejectInsteadOfNak, reply);
    };
    lcp.naked = [this](const std::vector<PppOption>& o)
    {
        LcpNaked(o);
    };
    lcp.rejected = [this](const std::vector<PppOption>& o)
    {
        LcpRejected(o);
    };
    lcp.send = [this](const PppControlPacket& p)
    {
        SendControl(PPP_PROTOCOL_LCP, p);
    };
    lcp.otherCode = [this](const PppControlPacket& p)
    {
        return LcpOtherCode(p);
    };
    lcp.up = [this]()
    {
        LcpUp();
    };
    // Leaving Opened is not the end: the automaton reports the end (with its reason) through
    // finished; meanwhile the network layer and the echoes stop.
    lcp.down = [this]()
    {
        m_echoTimer.Cancel();
        m_ipcp->Down();
    };
    lcp.finished = [this](PppFsm::Finish finish)
    {
        LcpFinished(finish);
    };
    // The peer's Terminate-Request ends the link for this side at once (the automaton
    // finishes a restart time later, once the peer had the Terminate-Ack).
    lcp.peerTerminating = [this]()
    {
        GoDown(PppDownReason::PEER_TERMINATED);
    };
    lcp.stateChanged = stateTrace("LCP");
    lcp.peerMru = peerMru;
    m_lcp = std::make_unique<PppFsm>(lcp, m_restartTimeout, m_maxConfigure);

    PppFsm::Handler ipcp;
    ipcp.buildRequest = [this]()
    {
        return BuildIpcpRequest();
    };
    ipcp.checkRequest = [this](const std::vector<PppOption>& r,
                               bool rejectInsteadOfNak,
                               std::vector<PppOption>& reply)
    {
        return CheckIpcpRequest(r, rejectInsteadOfNak, reply);
    };
    ipcp.naked = [this](const std::vector<PppOption>& o)
    {
        IpcpNaked(o);
    };
    ipcp.rejected = [](const std::vector<PppOption>&) {};
    ipcp.send = [this](const PppControlPacket& p)
    {
        SendControl(PPP_PROTOCOL_IPCP, p);
    };
    ipcp.up = [this]()
    {
        IpcpUp();
    };
    ipcp.finished = [this](PppFsm::Finish finish)
    {
        IpcpFinished(finish);
    };
    ipcp.stateChanged = stateTrace("IPCP");
    ipcp.peerMru = peerMru;
    m_ipcp = std::make_unique<PppFsm>(ipcp, m_restartTimeout, m_maxConfigure);

    // LCP's lower layer (the call's GRE channel) is up; IPCP's comes up with the network
    // phase, once authentication is done.
    m_ipcp->Open();
    m_lcp->Open();
    m_lcp->Up();
    // Last: frames the channel held for the session are handed over now.
    channel->SetReceiveCallback(MakeCallback(&PptpPppSession::ReceiveFrame, this));
}

void
PptpPppSession::Terminate(Callback<void> done)
{
    PppFsm::State lcp = m_lcp ? m_lcp->GetState() : PppFsm::State::INITIAL;
    if (m_down || lcp == PppFsm::State::INITIAL || lcp == PppFsm::State::CLOSED
        || lcp == PppFsm::State::STOPPED)
    {
        GoDown(PppDownReason::TERMINATED);
        done();
        return;
    }
    m_terminated = done;
    m_lcp->Close(); // LcpFinished follows on Terminate-Ack or after the retries
}

void
PptpPppSession::Abort()
{
    m_authTimer.Cancel();
    m_echoTimer.Cancel();
    if (m_lcp)
    {
        m_lcp->Abort();
    }
    if (m_ipcp)
    {
        m_ipcp->Abort();
    }
    m_down = true;
}

void
PptpPppSession::GoDown(PppDownReason reason)
{
    if (m_down)
    {
        return;
    }
    NS_LOG_INFO("PPP down: " << PppDownReasonName(reason));
    m_down = true;
    m_authTimer.Cancel();
    m_echoTimer.Cancel();
    m_ipcp->Abort();
    if (!m_downCallback.IsNull())
    {
        m_downCallback(reason);
    }
}

// ---- framing --------------------------------------------------------------------------

void
PptpPppSession::SendControl(uint16_t protocol, const PppControlPacket& packet)
{
    std::vector<uint8_t> bytes = packet.Encode();
    Ptr<Packet> frame = Create<Packet>(bytes.data(), bytes.size());
    frame->AddHeader(PppFrameHeader(protocol, true, false));
    m_channel->Send(frame);
}

bool
PptpPppSession::SendIp(Ptr<Packet> packet)
{
    if (!m_ipcp || !m_ipcp->IsOpened() || m_down)
    {
        return false;
    }
    Ptr<Packet> frame = packet->Copy();
    frame->AddHeader(PppFrameHeader(PPP_PROTOCOL_IPV4, !m_compress, m_compress));
    return m_channel->Send(frame);
}

void
PptpPppSession::Drop(Ptr<const Packet> frame, PppDropReason reason)
{
    ++m_drops;
    NS_LOG_WARN("PPP frame dropped: " << PppDropReasonName(reason));
    m_dropTrace(frame, reason);
}

void
PptpPppSession::ReceiveFrame(Ptr<Packet> frame)
{
    if (m_down)
    {
        return;
    }
    uint8_t bytes[4];
    uint32_t n = frame->CopyData(bytes, sizeof(bytes));
    PppFrameHeader ppp;
    if (!PppFrameHeader::Decode(bytes, n, ppp).Ok())
    {
        Drop(frame, PppDropReason::MALFORMED_FRAME);
        return;
    }
    frame->RemoveAtStart(ppp.GetSerializedSize());
    uint16_t protocol = ppp.GetProtocol();
    if (protocol == PPP_PROTOCOL_IPV4)
    {
        if (!m_ipcp->IsOpened() || m_ipReceive.IsNull())
        {
            Drop(frame, PppDropReason::IP_NOT_OPEN);
            return;
        }
        m_ipReceive(frame);
        return;
    }
    bool control = protocol == PPP_PROTOCOL_LCP || protocol == PPP_PROTOCOL_PAP
                   || protocol == PPP_PROTOCOL_CHAP || protocol == PPP_PROTOCOL_IPCP;
    std::vector<uint8_t> data(frame->GetSize());
    frame->CopyData(data.data(), data.size());
    if (!control)
    {
        SendProtocolReject(protocol, data);
        Drop(frame, PppDropReason::UNKNOWN_PROTOCOL);
        return;
    }
    PppControlPacket packet;
    if (!PppControlPacket::Decode(data.data(), data.size(), packet).Ok())
    {
        Drop(frame, PppDropReason::MALFORMED_CONTROL);
        return;
    }
    switch (protocol)
    {
        case PPP_PROTOCOL_LCP:
            m_lcp->Receive(packet);
            break;
        case PPP_PROTOCOL_PAP:
            ReceivePap(packet);
            break;
        case PPP_PROTOCOL_CHAP:
            ReceiveChap(packet);
            break;
        default:
            m_ipcp->Receive(packet); // discarded there until the network phase
            break;
    }
}

void
PptpPppSession::SendProtocolReject(uint16_t protocol, const std::vector<uint8_t>& information)
{
    // RFC 1661 section 5.7: only once LCP is open; the rejected protocol, then as much of the
    // rejected information as the peer's MRU allows.
    if (!m_lcp->IsOpened())
    {
        return;
    }
    PppControlPacket reject;
    reject.code = PPP_PROTOCOL_REJECT;
    reject.identifier = ++m_rejectId;
    size_t room = m_peerMru > 6 ? m_peerMru - 6u : 0u; // code, id, length, protocol
    size_t copied = std::min(information.size(), room);
    reject.data.resize(2 + copied);
    reject.data[0] = static_cast<uint8_t>(protocol >> 8);
    reject.data[1] = static_cast<uint8_t>(protocol);
    std::copy_n(information.begin(), copied, reject.data.begin() + 2);
    SendControl(PPP_PROTOCOL_LCP, reject);
}

// ---- LCP ------------------------------------------------------------------------------

std::vector<PppOption>
PptpPppSession::BuildLcpRequest()
{
    std::vector<PppOption> options;
    if (m_sendMru && m_mru != 1500)
    {
        options.push_back(PppOption::Make(LCP_OPTION_MRU, m_mru, 2));
    }
    if (m_sendAccm)
    {
        options.push_back(PppOption::Make(LCP_OPTION_ACCM, m_localAccm, 4));
    }
    if (m_role == Role::AUTHENTICATOR && m_auth != AUTH_NONE)
    {
        options.push_back(AuthOption(m_auth));
    }
    if (m_sendMagic)
    {
        options.push_back(PppOption::Make(LCP_OPTION_MAGIC_NUMBER, m_magic, 4));
    }
    if (m_sendCompression)
    {
        options.push_back(PppOption::Make(LCP_OPTION_PFC, 0, 0));
        options.push_back(PppOption::Make(LCP_OPTION_ACFC, 0, 0));
    }
    return options;
}

uint8_t
PptpPppSession::CheckLcpRequest(const std::vector<PppOption>& request,
                                bool rejectInsteadOfNak,
                                std::vector<PppOption>& reply)
{
    std::vector<PppOption> nak;
    std::vector<PppOption> reject;
    // Past Max-Failure, what would be Nak'd is rejected, so that negotiation converges.
    auto disagree = [&](const PppOption& asked, PppOption suggestion)
    {
        if (rejectInsteadOfNak)
        {
            reject.push_back(asked);
        }
        else
        {
            nak.push_back(std::move(suggestion));
        }
    };
    uint16_t mru = 1500;
    uint32_t accm = 0xFFFFFFFF;
    bool pfc = false;
    bool acfc = false;
    Auth wanted = AUTH_NONE;
    for (const auto& o : request)
    {
        switch (o.type)
        {
            case LCP_OPTION_MRU:
                if (o.data.size() != 2 || o.GetValue() < 128)
                {
                    disagree(o, PppOption::Make(LCP_OPTION_MRU, 1500, 2));
                }
                mru = o.GetValue();
                break;
            case LCP_OPTION_ACCM:
                accm = o.GetValue();
                break;
            case LCP_OPTION_MAGIC_NUMBER:
                if (o.data.size() != 4 || o.GetValue() == m_magic)
                {
                    // The same magic number as ours: a looped-back link, or chance. Suggest
                    // another.
                    disagree(o,
                             PppOption::Make(
                                 LCP_OPTION_MAGIC_NUMBER, m_random->GetInteger(1, 0xFFFFFFFE), 4));
                }
                break;
            case LCP_OPTION_PFC:
                pfc = true;
                break;
            case LCP_OPTION_ACFC:
                acfc = true;
                break;
            case LCP_OPTION_AUTH_PROTOCOL:
            {
                uint32_t protocol = o.data.size() >= 2 ? (o.data[0] << 8) | o.data[1] : 0;
                uint8_t algorithm = o.data.size() >= 3 ? o.data[2] : 0;
                if (protocol == PPP_PROTOCOL_PAP && o.data.size() == 2)
                {
                    wanted = AUTH_PAP;
                }
                else if (protocol == PPP_PROTOCOL_CHAP && algorithm == CHAP_ALGORITHM_MD5)
                {
                    wanted = AUTH_CHAP_MD5;
                }
                else if (protocol == PPP_PROTOCOL_CHAP && algorithm == CHAP_ALGORITHM_MSCHAP_V2)
                {
                    wanted = AUTH_MSCHAP_V2;
                }
                if (m_role == Role::AUTHENTICATOR)
                {
                    reject.push_back(o); // this side does not authenticate itself
                }
                else if (wanted == AUTH_NONE)
                {
                    disagree(o, AuthOption(AUTH_MSCHAP_V2));
                }
                break;
            }
            default:
                reject.push_back(o);
                break;
        }
    }
    if (!reject.empty())
    {
        reply = reject;
        return PPP_CONFIGURE_REJECT;
    }
    if (!nak.empty())
    {
        reply = nak;
        return PPP_CONFIGURE_NAK;
    }
    m_peerMru = mru;
    m_peerAccm = accm;
    m_compress = pfc && acfc;
    m_peerWantsAuth = wanted;
    return PPP_CONFIGURE_ACK;
}

void
PptpPppSession::LcpNaked(const std::vector<PppOption>& options)
{
    for (const auto& o : options)
    {
        if (o.type == LCP_OPTION_MRU)
        {
            m_mru = static_cast<uint16_t>(o.GetValue());
        }
        else if (o.type == LCP_OPTION_MAGIC_NUMBER)
        {
            m_magic = o.GetValue();
        }
        else if (o.type == LCP_OPTION_ACCM)
        {
            m_localAccm = o.GetValue();
        }
        else if (o.type == LCP_OPTION_AUTH_PROTOCOL && m_role == Role::AUTHENTICATOR)
        {
            m_auth = o.data.size() == 2                                        ? AUTH_PAP
                     : (o.data.size() == 3 && o.data[2] == CHAP_ALGORITHM_MD5) ? AUTH_CHAP_MD5
                                                                               : AUTH_MSCHAP_V2;
        }
    }
}

void
PptpPppSession::LcpRejected(const std::vector<PppOption>& options)
{
    for (const auto& o : options)
    {
        switch (o.type)
        {
            case LCP_OPTION_MRU:
                m_sendMru = false;
                break;
            case LCP_OPTION_ACCM:
                m_sendAccm = false;
                break;
            case LCP_OPTION_MAGIC_NUMBER:
                m_sendMagic = false;
                break;
            case LCP_OPTION_PFC:
            case LCP_OPTION_ACFC:
                m_sendCompression = false;
                break;
            case LCP_OPTION_AUTH_PROTOCOL:
                m_auth = AUTH_NONE; // the peer will not authenticate: carry on without
                break;
        }
    }
}

bool
PptpPppSession::LcpOtherCode(const PppControlPacket& packet)
{
    if (packet.code == PPP_ECHO_REQUEST)
    {
        if (m_lcp->IsOpened())
        {
            PppControlPacket reply;
            reply.code = PPP_ECHO_REPLY;
            reply.identifier = packet.identifier;
            reply.data = PppOption::Make(0, m_magic, 4).data;
            SendControl(PPP_PROTOCOL_LCP, reply);
        }
        return true;
    }
    if (packet.code == PPP_ECHO_REPLY)
    {
        // Our own magic number: the link loops our requests back, nobody answered them.
        uint32_t magic = packet.data.size() >= 4 ? PptpReadU32(packet.data.data()) : 0;
        if (m_magic != 0 && magic == m_magic)
        {
            NS_LOG_WARN("LCP Echo-Reply with our own magic number: not counted as an answer");
            return true;
        }
        m_echoMisses = 0;
        return true;
    }
    if (packet.code == PPP_PROTOCOL_REJECT)
    {
        ProtocolRejected(packet);
        return true;
    }
    return packet.code == PPP_DISCARD_REQUEST;
}

void
PptpPppSession::ProtocolRejected(const PppControlPacket& packet)
{
    if (!m_lcp->IsOpened() || packet.data.size() < 2)
    {
        return; // RFC 1661 section 5.7: only meaningful on an open link
    }
    uint16_t protocol = static_cast<uint16_t>((packet.data[0] << 8) | packet.data[1]);
    NS_LOG_INFO("peer rejects protocol " << PppProtocolName(protocol));
    if (protocol == PPP_PROTOCOL_IPCP)
    {
        m_ipcp->ProtocolRejected();
    }
    else if ((protocol == PPP_PROTOCOL_PAP || protocol == PPP_PROTOCOL_CHAP) && !m_authDone)
    {
        AuthDone(false);
    }
}

void
PptpPppSession::LcpUp()
{
    NS_LOG_INFO("LCP up: peer MRU " << m_peerMru << ", compression " << m_compress);
    if (!m_linkUp.IsNull())
    {
        m_linkUp(m_peerAccm, m_localAccm);
    }
    // As pppd: the first Echo-Request leaves as LCP opens, before authentication starts,
    // then one per interval; identifiers count from 0 again on every opening.
    if (!m_lcpEchoInterval.IsZero())
    {
        m_echoMisses = 0;
        m_echoNumber = 0;
        SendLcpEcho();
    }
    StartAuthentication();
}

void
PptpPppSession::SendLcpEcho()
{
    if (m_down || !m_lcp->IsOpened())
    {
        return;
    }
    if (m_echoMisses >= m_lcpEchoFailure)
    {
        NS_LOG_INFO("no reply to " << m_echoMisses << " LCP Echo-Requests");
        m_lcp->Abort();
        GoDown(PppDownReason::LCP_ECHO_FAILURE);
        return;
    }
    PppControlPacket echo;
    echo.code = PPP_ECHO_REQUEST;
    echo.identifier = m_echoNumber++;
    echo.data = PppOption::Make(0, m_magic, 4).data;
    ++m_echoMisses;
    SendControl(PPP_PROTOCOL_LCP, echo);
    m_echoTimer = Simulator::Schedule(m_lcpEchoInterval, &PptpPppSession::SendLcpEcho, this);
}

void
PptpPppSession::LcpFinished(PppFsm::Finish finish)
{
    switch (finish)
    {
        case PppFsm::Finish::NO_ANSWER:
            GoDown(PppDownReason::LCP_NO_ANSWER);
            break;
        case PppFsm::Finish::PEER_TERMINATED:
            GoDown(PppDownReason::PEER_TERMINATED);
            break;
        case PppFsm::Finish::PEER_REJECTED:
            GoDown(PppDownReason::LCP_REJECTED);
            break;
        case PppFsm::Finish::CLOSED:
        case PppFsm::Finish::TERMINATED:
            GoDown(PppDownReason::TERMINATED);
            break;
    }
    if (!m_terminated.IsNull())
    {
        Callback<void> done = m_terminated;
        m_terminated.Nullify();
        done();
    }
}

// ---- authentication -------------------------------------------------------------------

void
PptpPppSession::StartAuthentication()
{
    m_authTries = 0;
    Auth auth = m_role == Role::AUTHENTICATOR ? m_auth : m_peerWantsAuth;
    if (auth == AUTH_NONE)
    {
        AuthDone(true);
        return;
    }
    if (m_role == Role::AUTHENTICATOR && auth != AUTH_PAP)
    {
        SendChallenge();
    }
    else if (m_role == Role::PEER && auth == AUTH_PAP)
    {
        SendPapRequest();
    }
    // Otherwise wait: PAP requests come from the peer, CHAP challenges from the authenticator.
    m_authTimer.Cancel();
    m_authTimer = Simulator::Schedule(m_restartTimeout, &PptpPppSession::AuthRetry, this);
}

void
PptpPppSession::AuthRetry()
{
    if (m_authDone || m_down)
    {
        return;
    }
    if (++m_authTries >= m_maxConfigure)
    {
        m_authTrace(AuthName(m_role == Role::AUTHENTICATOR ? m_auth : m_peerWantsAuth), false);
        m_lcp->Close();
        GoDown(PppDownReason::AUTH_TIMEOUT);
        return;
    }
    if (m_role == Role::AUTHENTICATOR && m_auth != AUTH_PAP)
    {
        SendChallenge();
    }
    else if (m_role == Role::PEER && m_peerWantsAuth == AUTH_PAP)
    {
        SendPapRequest();
    }
    m_authTimer = Simulator::Schedule(m_restartTimeout, &PptpPppSession::AuthRetry, this);
}

void
PptpPppSession::SendPapRequest()
{
    PppControlPacket request;
    request.code = PAP_AUTHENTICATE_REQUEST;
    request.identifier = ++m_authId;
    request.data.push_back(static_cast<uint8_t>(m_username.size()));
    request.data.insert(request.data.end(), m_username.begin(), m_username.end());
    request.data.push_back(static_cast<uint8_t>(m_password.size()));
    request.data.insert(request.data.end(), m_password.begin(), m_password.end());
    SendControl(PPP_PROTOCOL_PAP, request);
}

void
PptpPppSession::ReceivePap(const PppControlPacket& packet)
{
    if (m_role == Role::AUTHENTICATOR && packet.code == PAP_AUTHENTICATE_REQUEST
        && m_auth == AUTH_PAP)
    {
        const auto& d = packet.data;
        bool ok = false;
        if (!d.empty() && d.size() >= 1u + d[0] + 1u)
        {
            std::string user(d.begin() + 1, d.begin() + 1 + d[0]);
            uint8_t passwordLength = d[1 + d[0]];
            if (d.size() >= 2u + d[0] + passwordLength)
            {
                std::string password(d.begin() + 2 + d[0], d.begin() + 2 + d[0] + passwordLength);
                ok = user == m_username && password == m_password;
            }
        }
        PppControlPacket reply;
        reply.code = ok ? PAP_AUTHENTICATE_ACK : PAP_AUTHENTICATE_NAK;
        reply.identifier = packet.identifier;
        std::string message = ok ? "Login ok" : "Login incorrect";
        reply.data.push_back(static_cast<uint8_t>(message.size()));
        reply.data.insert(reply.data.end(), message.begin(), message.end());
        SendControl(PPP_PROTOCOL_PAP, reply);
        if (!m_authDone)
        {
            AuthDone(ok);
        }
        return;
    }
    if (m_role == Role::PEER && packet.identifier == m_authId && !m_authDone)
    {
        if (packet.code == PAP_AUTHENTICATE_ACK)
        {
            AuthDone(true);
        }
        else if (packet.code == PAP_AUTHENTICATE_NAK)
        {
            AuthDone(false);
        }
    }
}

void
PptpPppSession::SendChallenge()
{
    m_challenge = RandomBytes(CHALLENGE_SIZE);
    PppControlPacket challenge;
    challenge.code = CHAP_CHALLENGE;
    challenge.identifier = ++m_authId;
    challenge.data.push_back(CHALLENGE_SIZE);
    challenge.data.insert(challenge.data.end(), m_challenge.begin(), m_challenge.end());
    std::string name = "pac";
    challenge.data.insert(challenge.data.end(), name.begin(), name.end());
    SendControl(PPP_PROTOCOL_CHAP, challenge);
}

void
PptpPppSession::ReceiveChap(const PppControlPacket& packet)
{
    const auto& d = packet.data;
    if (m_role == Role::PEER && packet.code == CHAP_CHALLENGE)
    {
        if (d.empty() || d.size() < 1u + d[0])
        {
            return;
        }
        std::vector<uint8_t> challenge(d.begin() + 1, d.begin() + 1 + d[0]);
        PppControlPacket response;
        response.code = CHAP_RESPONSE;
        response.identifier = packet.identifier;
        m_authId = packet.identifier;
        if (m_peerWantsAuth == AUTH_MSCHAP_V2 && challenge.size() == CHALLENGE_SIZE)
        {
            m_challenge = challenge;
            m_peerChallenge = RandomBytes(CHALLENGE_SIZE);
            auto nt = NtResponse(challenge, m_peerChallenge, m_username, m_password);
            response.data.push_back(MSCHAP_V2_RESPONSE_SIZE);
            response.data.insert(
                response.data.end(), m_peerChallenge.begin(), m_peerChallenge.end());
            response.data.insert(response.data.end(), 8, 0); // reserved
            response.data.insert(response.data.end(), nt.begin(), nt.end());
            response.data.push_back(0); // flags
        }
        else
        {
            auto value = PppChapMd5Response(packet.identifier, m_password, challenge);
            response.data.push_back(static_cast<uint8_t>(value.size()));
            response.data.insert(response.data.end(), value.begin(), value.end());
        }
        response.data.insert(response.data.end(), m_username.begin(), m_username.end());
        SendControl(PPP_PROTOCOL_CHAP, response);
        return;
    }
    if (m_role == Role::AUTHENTICATOR && packet.code == CHAP_RESPONSE
        && packet.identifier == m_authId && !m_authDone)
    {
        if (d.empty() || d.size() < 1u + d[0])
        {
            return;
        }
        std::vector<uint8_t> value(d.begin() + 1, d.begin() + 1 + d[0]);
        std::string name(d.begin() + 1 + d[0], d.end());
        bool ok = false;
        std::string message;
        if (m_auth == AUTH_MSCHAP_V2 && value.size() == MSCHAP_V2_RESPONSE_SIZE)
        {
            std::vector<uint8_t> peerChallenge(value.begin(), value.begin() + 16);
            std::vector<uint8_t> nt(value.begin() + 24, value.begin() + 48);
            auto expected = NtResponse(m_challenge, peerChallenge, name, m_password);
            ok = name == m_username && std::equal(nt.begin(), nt.end(), expected.begin());
            if (ok)
            {
                message = AuthenticatorResponse(m_password, nt, peerChallenge, m_challenge, name)
                          + " M=Access granted";
            }
            else
            {
                message = "E=691 R=0 C=" + Hex(m_challenge.data(), m_challenge.size())
                          + " V=3 M=Access denied";
            }
        }
        else if (m_auth == AUTH_CHAP_MD5)
        {
            auto expected = PppChapMd5Response(packet.identifier, m_password, m_challenge);
            ok = name == m_username && value.size() == expected.size()
                 && std::equal(value.begin(), value.end(), expected.begin());
            message = ok ? "Access granted" : "Access denied";
        }
        PppControlPacket reply;
        reply.code = ok ? CHAP_SUCCESS : CHAP_FAILURE;
        reply.identifier = packet.identifier;
        reply.data = Bytes(message);
        SendControl(PPP_PROTOCOL_CHAP, reply);
        AuthDone(ok);
        return;
    }
    if (m_role == Role::PEER && packet.identifier == m_authId && !m_authDone)
    {
        if (packet.code == CHAP_SUCCESS && m_peerWantsAuth == AUTH_MSCHAP_V2)
        {
            // The authenticator proves it knows the password too.
            std::string text(d.begin(), d.end());
            auto nt = NtResponse(m_challenge, m_peerChallenge, m_username, m_password);
            std::string expected = AuthenticatorResponse(m_password,
                                                         std::vector<uint8_t>(nt.begin(), nt.end()),
                                                         m_peerChallenge,
                                                         m_challenge,
                                                         m_username);
            AuthDone(text.compare(0, expected.size(), expected) == 0);
        }
        else if (packet.code == CHAP_SUCCESS)
        {
            AuthDone(true);
        }
        else if (packet.code == CHAP_FAILURE)
        {
            AuthDone(false);
        }
    }
}

void
PptpPppSession::AuthDone(bool success)
{
    m_authTimer.Cancel();
    Auth auth = m_role == Role::AUTHENTICATOR ? m_auth : m_peerWantsAuth;
    if (auth != AUTH_NONE)
    {
        m_authTrace(AuthName(auth), success);
    }
    if (!success)
    {
        NS_LOG_INFO(AuthName(auth) << " authentication failed");
        m_lcp->Close();
        GoDown(PppDownReason::AUTH_FAILED);
        return;
    }
    m_authDone = true;
    m_ipcp->Up(); // the network phase
}

// ---- IPCP -----------------------------------------------------------------------------

std::vector<PppOption>
PptpPppSession::BuildIpcpRequest()
{
    return {PppOption::Make(IPCP_OPTION_IP_ADDRESS, m_localAddress.Get(), 4)};
}

uint8_t
PptpPppSession::CheckIpcpRequest(const std::vector<PppOption>& request,
                                 bool rejectInsteadOfNak,
                                 std::vector<PppOption>& reply)
{
    std::vector<PppOption> reject;
    std::vector<PppOption> nak;
    for (const auto& o : request)
    {
        if (o.type != IPCP_OPTION_IP_ADDRESS || o.data.size() != 4)
        {
            reject.push_back(o); // compression and DNS are not modelled
            continue;
        }
        Ipv4Address asked(o.GetValue());
        if (m_role == Role::AUTHENTICATOR && asked != m_peerAddress)
        {
            if (rejectInsteadOfNak)
            {
                reject.push_back(o);
            }
            else
            {
                nak.push_back(PppOption::Make(IPCP_OPTION_IP_ADDRESS, m_peerAddress.Get(), 4));
            }
        }
        else if (m_role == Role::PEER)
        {
            m_peerAddress = asked;
        }
    }
    if (!reject.empty())
    {
        reply = reject;
        return PPP_CONFIGURE_REJECT;
    }
    if (!nak.empty())
    {
        reply = nak;
        return PPP_CONFIGURE_NAK;
    }
    return PPP_CONFIGURE_ACK;
}

void
PptpPppSession::IpcpNaked(const std::vector<PppOption>& options)
{
    for (const auto& o : options)
    {
        if (o.type == IPCP_OPTION_IP_ADDRESS && o.data.size() == 4 && m_role == Role::PEER)
        {
            m_localAddress = Ipv4Address(o.GetValue());
        }
    }
}

void
PptpPppSession::IpcpFinished(PppFsm::Finish finish)
{
    NS_LOG_INFO("IPCP finished: " << PppFsm::FinishName(finish));
    // No network protocol is left: the link is closed (Terminate-Request), as pppd does.
    m_lcp->Close();
    GoDown(PppDownReason::IPCP_FAILED);
}

void
PptpPppSession::IpcpUp()
{
    NS_LOG_INFO("IPCP up: " << m_localAddress << " <-> " << m_peerAddress);
    if (!m_ipUp.IsNull())
    {
        m_ipUp(m_localAddress, m_peerAddress, m_peerMru);
    }
}

// ---- accessors ------------------------------------------------------------------------

void
PptpPppSession::SetLinkUpCallback(Callback<void, uint32_t, uint32_t> cb)
{
    m_linkUp = cb;
}

void
PptpPppSession::SetIpUpCallback(Callback<void, Ipv4Address, Ipv4Address, uint16_t> cb)
{
    m_ipUp = cb;
}

void
PptpPppSession::SetDownCallback(Callback<void, PppDownReason> cb)
{
    m_downCallback = cb;
}

void
PptpPppSession::SetIpReceiveCallback(Callback<void, Ptr<Packet>> cb)
{
    m_ipReceive = cb;
}

bool
PptpPppSession::IsIpUp() const
{
    return m_ipcp && m_ipcp->IsOpened() && !m_down;
}

bool
PptpPppSession::IsRunning() const
{
    return m_lcp && !m_down;
}

Ipv4Address
PptpPppSession::GetLocalAddress() const
{
    return m_localAddress;
}

Ipv4Address
PptpPppSession::GetPeerAddress() const
{
    return m_peerAddress;
}

uint16_t
PptpPppSession::GetPeerMru() const
{
    return m_peerMru;
}

bool
PptpPppSession::IsCompressing() const
{
    return m_compress;
}

PppFsm::State
PptpPppSession::GetLcpState() const
{
    return m_lcp ? m_lcp->GetState() : PppFsm::State::INITIAL;
}

PppFsm::State
PptpPppSession::GetIpcpState() const
{
    return m_ipcp ? m_ipcp->GetState() : PppFsm::State::INITIAL;
}

uint32_t
PptpPppSession::GetLcpEchoMisses() const
{
    return m_echoMisses;
}

uint64_t
PptpPppSession::GetDropCount() const
{
    return m_drops;
}

} // namespace ns3
