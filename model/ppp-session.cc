/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-session.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"
#include "ppp-chap.h"
#include "ppp-frame-header.h"
#include "ppp-ipcp.h"
#include "ppp-lcp.h"
#include "ppp-pap.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppSession");

NS_OBJECT_ENSURE_REGISTERED(PppSession);

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
PppSession::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PppSession")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<PppSession>()
              .AddAttribute("Mru",
                            "Maximum Receive Unit asked for in LCP (PPTP setups use 1400 so that "
                            "a full frame fits the path after GRE and IP overhead).",
                            UintegerValue(1400),
                            MakeUintegerAccessor(&PppSession::m_mru),
                            MakeUintegerChecker<uint16_t>(128, 16384))
              .AddAttribute("Authentication",
                            "Protocol the authenticator (PAC side) asks for.",
                            EnumValue(PPP_AUTH_MSCHAP_V2),
                            MakeEnumAccessor(&PppSession::m_auth),
                            MakeEnumChecker(PPP_AUTH_NONE,
                                            "None",
                                            PPP_AUTH_PAP,
                                            "PAP",
                                            PPP_AUTH_CHAP_MD5,
                                            "CHAP-MD5",
                                            PPP_AUTH_MSCHAP_V2,
                                            "MS-CHAPv2"))
              .AddAttribute("Username",
                            "The peer's name, and the name the authenticator accepts.",
                            StringValue("pptp-user"),
                            MakeStringAccessor(&PppSession::m_username),
                            MakeStringChecker())
              .AddAttribute("Password",
                            "The peer's secret, and the secret the authenticator accepts.",
                            StringValue("pptp-secret"),
                            MakeStringAccessor(&PppSession::m_password),
                            MakeStringChecker())
              .AddAttribute("LcpEchoInterval",
                            "Send an LCP Echo-Request this often once LCP is up (0: never; "
                            "pppd's lcp-echo-interval).",
                            TimeValue(Seconds(0)),
                            MakeTimeAccessor(&PppSession::m_lcpEchoInterval),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("LcpEchoFailure",
                            "Unanswered LCP Echo-Requests in a row after which the link is "
                            "declared down (pppd's lcp-echo-failure).",
                            UintegerValue(4),
                            MakeUintegerAccessor(&PppSession::m_lcpEchoFailure),
                            MakeUintegerChecker<uint32_t>(1))
              .AddAttribute("RestartTimeout",
                            "LCP/IPCP restart timer, also the authentication retry time.",
                            TimeValue(Seconds(3)),
                            MakeTimeAccessor(&PppSession::m_restartTimeout),
                            MakeTimeChecker(MilliSeconds(1)))
              .AddAttribute("MaxConfigure",
                            "Configure-Requests (and authentication attempts) sent without "
                            "answer before giving up.",
                            UintegerValue(10),
                            MakeUintegerAccessor(&PppSession::m_maxConfigure),
                            MakeUintegerChecker<uint32_t>(1))
              .AddAttribute("RequestCompression",
                            "Ask for Protocol-Field and Address-and-Control-Field Compression.",
                            BooleanValue(true),
                            MakeBooleanAccessor(&PppSession::m_requestCompression),
                            MakeBooleanChecker())
              .AddTraceSource("State",
                              "LCP or IPCP changed state.",
                              MakeTraceSourceAccessor(&PppSession::m_stateTrace),
                              "ns3::PppSession::StateTracedCallback")
              .AddTraceSource("Authentication",
                              "Authentication finished, with its outcome.",
                              MakeTraceSourceAccessor(&PppSession::m_authTrace),
                              "ns3::PppSession::AuthTracedCallback")
              .AddTraceSource("Drop",
                              "A received frame was dropped, with the reason.",
                              MakeTraceSourceAccessor(&PppSession::m_dropTrace),
                              "ns3::PppSession::DropTracedCallback");
    return tid;
}

PppSession::PppSession()
    : m_random(CreateObject<UniformRandomVariable>())
{
}

PppSession::~PppSession() = default;

void
PppSession::DoDispose()
{
    Abort();
    m_lcp.reset();
    m_pap.reset();
    m_chap.reset();
    m_ipcp.reset();
    m_send.Nullify();
    m_random = nullptr;
    m_linkUp.Nullify();
    m_ipUp.Nullify();
    m_downCallback.Nullify();
    m_ipReceive.Nullify();
    m_terminated.Nullify();
    Object::DoDispose();
}

int64_t
PppSession::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

void
PppSession::SetRandomVariable(Ptr<UniformRandomVariable> random)
{
    m_random = random;
}

void
PppSession::Start(Callback<bool, Ptr<Packet>> send,
                  Role role,
                  Ipv4Address localAddress,
                  Ipv4Address peerAddress)
{
    NS_LOG_FUNCTION(this << (role == Role::PEER ? "peer" : "authenticator") << localAddress
                         << peerAddress);
    m_send = send;
    m_role = role;
    bool authenticator = role == Role::AUTHENTICATOR;
    auto stateTrace = [this](const std::string& protocol)
    {
        return [this, protocol](PppFsm::State from, PppFsm::State to)
        {
            m_stateTrace(protocol, PppFsm::StateName(from), PppFsm::StateName(to));
        };
    };

    PppLcp::Config lcpConfig;
    lcpConfig.authenticator = authenticator;
    lcpConfig.mru = m_mru;
    lcpConfig.auth = m_auth;
    lcpConfig.requestCompression = m_requestCompression;
    lcpConfig.echoInterval = m_lcpEchoInterval;
    lcpConfig.echoFailure = m_lcpEchoFailure;
    lcpConfig.restart = m_restartTimeout;
    lcpConfig.maxConfigure = m_maxConfigure;
    PppLcp::Handler lcp;
    lcp.send = [this](const PppControlPacket& p)
    {
        SendControl(PPP_PROTOCOL_LCP, p);
    };
    lcp.up = [this]()
    {
        LcpUp();
    };
    lcp.down = [this]()
    {
        m_ipcp->Down();
    };
    lcp.finished = [this](PppFsm::Finish finish)
    {
        LcpFinished(finish);
    };
    lcp.peerTerminating = [this]()
    {
        GoDown(PppDownReason::PEER_TERMINATED);
    };
    lcp.protocolRejected = [this](uint16_t protocol)
    {
        ProtocolRejected(protocol);
    };
    lcp.echoFailed = [this]()
    {
        m_lcp->Abort();
        GoDown(PppDownReason::LCP_ECHO_FAILURE);
    };
    lcp.stateChanged = stateTrace("LCP");
    m_lcp = std::make_unique<PppLcp>(lcpConfig, m_random, lcp);

    // Both authentication protocols answer their packets from the start; the one LCP agrees
    // on runs the authentication phase.
    PppAuth::Config authConfig;
    authConfig.authenticator = authenticator;
    authConfig.username = m_username;
    authConfig.password = m_password;
    authConfig.retry = m_restartTimeout;
    authConfig.maxTries = m_maxConfigure;
    authConfig.random = m_random;
    authConfig.inForce = [this]()
    {
        return m_lcp->GetAuthProtocol();
    };
    for (uint16_t protocol : {PPP_PROTOCOL_PAP, PPP_PROTOCOL_CHAP})
    {
        PppAuth::Handler auth;
        auth.send = [this, protocol](const PppControlPacket& p)
        {
            SendControl(protocol, p);
        };
        auth.done = [this](PppAuth::Result result)
        {
            AuthDone(result);
        };
        if (protocol == PPP_PROTOCOL_PAP)
        {
            m_pap = std::make_unique<PppPap>(authConfig, auth);
        }
        else
        {
            m_chap = std::make_unique<PppChap>(authConfig, auth);
        }
    }

    PppIpcp::Config ipcpConfig;
    ipcpConfig.authenticator = authenticator;
    ipcpConfig.localAddress = localAddress;
    ipcpConfig.peerAddress = peerAddress;
    ipcpConfig.restart = m_restartTimeout;
    ipcpConfig.maxConfigure = m_maxConfigure;
    PppIpcp::Handler ipcp;
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
    ipcp.peerMru = [this]()
    {
        return m_lcp->GetPeerMru();
    };
    m_ipcp = std::make_unique<PppIpcp>(ipcpConfig, ipcp);

    // IPCP is opened now and comes up with the network phase, once authentication is done.
    m_ipcp->Open();
    m_lcp->Start();
}

void
PppSession::Terminate(Callback<void> done)
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
PppSession::StopAuthentication()
{
    for (PppAuth* auth : {m_pap.get(), m_chap.get()})
    {
        if (auth)
        {
            auth->Stop();
        }
    }
}

void
PppSession::Abort()
{
    StopAuthentication();
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
PppSession::GoDown(PppDownReason reason)
{
    if (m_down)
    {
        return;
    }
    NS_LOG_INFO("PPP down: " << PppDownReasonName(reason));
    m_down = true;
    StopAuthentication();
    m_lcp->StopEcho();
    m_ipcp->Abort();
    if (!m_downCallback.IsNull())
    {
        m_downCallback(reason);
    }
}

// ---- framing --------------------------------------------------------------------------

void
PppSession::SendControl(uint16_t protocol, const PppControlPacket& packet)
{
    std::vector<uint8_t> bytes = packet.Encode();
    Ptr<Packet> frame = Create<Packet>(bytes.data(), bytes.size());
    frame->AddHeader(PppFrameHeader(protocol, true, false));
    m_send(frame);
}

bool
PppSession::SendIp(Ptr<Packet> packet)
{
    if (!m_ipcp || !m_ipcp->IsOpened() || m_down)
    {
        return false;
    }
    bool compress = m_lcp->IsCompressing();
    Ptr<Packet> frame = packet->Copy();
    frame->AddHeader(PppFrameHeader(PPP_PROTOCOL_IPV4, !compress, compress));
    return m_send(frame);
}

void
PppSession::Drop(Ptr<const Packet> frame, PppDropReason reason)
{
    ++m_drops;
    NS_LOG_WARN("PPP frame dropped: " << PppDropReasonName(reason));
    m_dropTrace(frame, reason);
}

void
PppSession::Receive(Ptr<Packet> frame)
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
        m_lcp->SendProtocolReject(protocol, data);
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
            m_pap->Receive(packet);
            break;
        case PPP_PROTOCOL_CHAP:
            m_chap->Receive(packet);
            break;
        default:
            m_ipcp->Receive(packet); // discarded there until the network phase
            break;
    }
}

// ---- the phases -----------------------------------------------------------------------

void
PppSession::LcpUp()
{
    NS_LOG_INFO("LCP up: peer MRU " << m_lcp->GetPeerMru() << ", compression "
                                    << m_lcp->IsCompressing());
    if (!m_linkUp.IsNull())
    {
        m_linkUp(m_lcp->GetPeerAccm(), m_lcp->GetLocalAccm());
    }
    m_lcp->StartEcho();
    StartAuthentication();
}

void
PppSession::LcpFinished(PppFsm::Finish finish)
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

void
PppSession::ProtocolRejected(uint16_t protocol)
{
    if (protocol == PPP_PROTOCOL_IPCP)
    {
        m_ipcp->ProtocolRejected();
    }
    else if ((protocol == PPP_PROTOCOL_PAP || protocol == PPP_PROTOCOL_CHAP) && !m_authDone)
    {
        AuthDone(PppAuth::Result::FAILED);
    }
}

void
PppSession::StartAuthentication()
{
    PppAuthProtocol protocol = m_lcp->GetAuthProtocol();
    if (protocol == PPP_AUTH_NONE)
    {
        AuthDone(PppAuth::Result::SUCCESS);
        return;
    }
    (protocol == PPP_AUTH_PAP ? m_pap : m_chap)->Start();
}

void
PppSession::AuthDone(PppAuth::Result result)
{
    StopAuthentication();
    PppAuthProtocol protocol = m_lcp->GetAuthProtocol();
    bool success = result == PppAuth::Result::SUCCESS;
    if (protocol != PPP_AUTH_NONE)
    {
        m_authTrace(PppAuthProtocolName(protocol), success);
    }
    if (!success)
    {
        NS_LOG_INFO(PppAuthProtocolName(protocol) << " authentication failed");
        m_lcp->Close();
        GoDown(result == PppAuth::Result::TIMEOUT ? PppDownReason::AUTH_TIMEOUT
                                                  : PppDownReason::AUTH_FAILED);
        return;
    }
    m_authDone = true;
    m_ipcp->Up(); // the network phase
}

void
PppSession::IpcpFinished(PppFsm::Finish finish)
{
    NS_LOG_INFO("IPCP finished: " << PppFsm::FinishName(finish));
    m_lcp->Close();
    GoDown(PppDownReason::IPCP_FAILED);
}

void
PppSession::IpcpUp()
{
    NS_LOG_INFO("IPCP up: " << m_ipcp->GetLocalAddress() << " <-> " << m_ipcp->GetPeerAddress());
    if (!m_ipUp.IsNull())
    {
        m_ipUp(m_ipcp->GetLocalAddress(), m_ipcp->GetPeerAddress(), m_lcp->GetPeerMru());
    }
}

// ---- accessors ------------------------------------------------------------------------

void
PppSession::SetLinkUpCallback(Callback<void, uint32_t, uint32_t> cb)
{
    m_linkUp = cb;
}

void
PppSession::SetIpUpCallback(Callback<void, Ipv4Address, Ipv4Address, uint16_t> cb)
{
    m_ipUp = cb;
}

void
PppSession::SetDownCallback(Callback<void, PppDownReason> cb)
{
    m_downCallback = cb;
}

void
PppSession::SetIpReceiveCallback(Callback<void, Ptr<Packet>> cb)
{
    m_ipReceive = cb;
}

bool
PppSession::IsIpUp() const
{
    return m_ipcp && m_ipcp->IsOpened() && !m_down;
}

bool
PppSession::IsRunning() const
{
    return m_lcp && !m_down;
}

Ipv4Address
PppSession::GetLocalAddress() const
{
    return m_ipcp ? m_ipcp->GetLocalAddress() : Ipv4Address();
}

Ipv4Address
PppSession::GetPeerAddress() const
{
    return m_ipcp ? m_ipcp->GetPeerAddress() : Ipv4Address();
}

uint16_t
PppSession::GetPeerMru() const
{
    return m_lcp ? m_lcp->GetPeerMru() : 1500;
}

bool
PppSession::IsCompressing() const
{
    return m_lcp && m_lcp->IsCompressing();
}

PppFsm::State
PppSession::GetLcpState() const
{
    return m_lcp ? m_lcp->GetState() : PppFsm::State::INITIAL;
}

PppFsm::State
PppSession::GetIpcpState() const
{
    return m_ipcp ? m_ipcp->GetState() : PppFsm::State::INITIAL;
}

uint32_t
PppSession::GetLcpEchoMisses() const
{
    return m_lcp ? m_lcp->GetEchoMisses() : 0;
}

uint64_t
PppSession::GetDropCount() const
{
    return m_drops;
}

} // namespace ns3
