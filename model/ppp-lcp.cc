/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-lcp.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ppp-frame-header.h"
#include "pptp-byte-order.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppLcp");

namespace
{

/// The MRU a peer has until it asks for another (RFC 1661 section 6.1).
constexpr uint16_t DEFAULT_MRU = 1500;
/// The smallest MRU taken from a peer.
constexpr uint16_t MIN_MRU = 128;

} // namespace

PppLcp::PppLcp(const Config& config, Ptr<UniformRandomVariable> random, Handler handler)
    : m_config(config)
    , m_random(random)
    , m_handler(std::move(handler))
{
    m_magic = m_random->GetInteger(1, 0xFFFFFFFE);
    m_sendCompression = m_config.requestCompression;
    PppFsm::Handler fsm;
    fsm.buildRequest = [this]()
    {
        return BuildRequest();
    };
    fsm.checkRequest = [this](const std::vector<PppOption>& r,
                              bool rejectInsteadOfNak,
                              std::vector<PppOption>& reply)
    {
        return CheckRequest(r, rejectInsteadOfNak, reply);
    };
    fsm.naked = [this](const std::vector<PppOption>& o)
    {
        Naked(o);
    };
    fsm.rejected = [this](const std::vector<PppOption>& o)
    {
        Rejected(o);
    };
    fsm.send = [this](const PppControlPacket& p)
    {
        m_handler.send(p);
    };
    fsm.otherCode = [this](const PppControlPacket& p)
    {
        return OtherCode(p);
    };
    fsm.up = [this]()
    {
        m_handler.up();
    };
    // Leaving Opened is not the end: the automaton reports the end (with its reason) through
    // finished; meanwhile the network layer and the echoes stop.
    fsm.down = [this]()
    {
        StopEcho();
        m_handler.down();
    };
    fsm.finished = [this](PppFsm::Finish finish)
    {
        m_handler.finished(finish);
    };
    // The peer's Terminate-Request ends the link for this side at once (the automaton
    // finishes a restart time later, once the peer had the Terminate-Ack).
    fsm.peerTerminating = [this]()
    {
        m_handler.peerTerminating();
    };
    fsm.stateChanged = [this](PppFsm::State from, PppFsm::State to)
    {
        m_handler.stateChanged(from, to);
    };
    fsm.peerMru = [this]()
    {
        return m_peerMru;
    };
    m_fsm = std::make_unique<PppFsm>(fsm, m_config.restart, m_config.maxConfigure);
}

void
PppLcp::Start()
{
    // The call's GRE channel is LCP's lower layer: it is up as soon as LCP starts.
    m_fsm->Open();
    m_fsm->Up();
}

void
PppLcp::Close()
{
    m_fsm->Close();
}

void
PppLcp::Abort()
{
    StopEcho();
    m_fsm->Abort();
}

void
PppLcp::Receive(const PppControlPacket& packet)
{
    m_fsm->Receive(packet);
}

// ---- options --------------------------------------------------------------------------

std::vector<PppOption>
PppLcp::BuildRequest()
{
    std::vector<PppOption> options;
    if (m_sendMru && m_config.mru != DEFAULT_MRU)
    {
        options.push_back(PppOption::Make(LCP_OPTION_MRU, m_config.mru, 2));
    }
    if (m_sendAccm)
    {
        options.push_back(PppOption::Make(LCP_OPTION_ACCM, m_localAccm, 4));
    }
    if (m_config.authenticator && m_config.auth != PPP_AUTH_NONE)
    {
        options.push_back(PppAuthOption(m_config.auth));
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
PppLcp::CheckRequest(const std::vector<PppOption>& request,
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
    uint16_t mru = DEFAULT_MRU;
    uint32_t accm = 0xFFFFFFFF;
    bool pfc = false;
    bool acfc = false;
    PppAuthProtocol wanted = PPP_AUTH_NONE;
    for (const auto& o : request)
    {
        switch (o.type)
        {
            case LCP_OPTION_MRU:
                if (o.data.size() != 2 || o.GetValue() < MIN_MRU)
                {
                    disagree(o, PppOption::Make(LCP_OPTION_MRU, DEFAULT_MRU, 2));
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
                wanted = PppAuthFromOption(o);
                if (m_config.authenticator)
                {
                    reject.push_back(o); // this side does not authenticate itself
                }
                else if (wanted == PPP_AUTH_NONE)
                {
                    disagree(o, PppAuthOption(PPP_AUTH_MSCHAP_V2));
                }
                break;
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
PppLcp::Naked(const std::vector<PppOption>& options)
{
    for (const auto& o : options)
    {
        if (o.type == LCP_OPTION_MRU)
        {
            m_config.mru = static_cast<uint16_t>(o.GetValue());
        }
        else if (o.type == LCP_OPTION_MAGIC_NUMBER)
        {
            m_magic = o.GetValue();
        }
        else if (o.type == LCP_OPTION_ACCM)
        {
            m_localAccm = o.GetValue();
        }
        else if (o.type == LCP_OPTION_AUTH_PROTOCOL && m_config.authenticator)
        {
            m_config.auth = PppAuthSuggested(o); // the protocol the peer would rather speak
        }
    }
}

void
PppLcp::Rejected(const std::vector<PppOption>& options)
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
                m_config.auth = PPP_AUTH_NONE; // the peer will not authenticate: carry on without
                break;
        }
    }
}

bool
PppLcp::OtherCode(const PppControlPacket& packet)
{
    if (packet.code == PPP_ECHO_REQUEST)
    {
        if (m_fsm->IsOpened())
        {
            PppControlPacket reply;
            reply.code = PPP_ECHO_REPLY;
            reply.identifier = packet.identifier;
            reply.data = PppOption::Make(0, m_magic, 4).data;
            m_handler.send(reply);
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
        // RFC 1661 section 5.7: only meaningful on an open link.
        if (m_fsm->IsOpened() && packet.data.size() >= 2)
        {
            uint16_t protocol = static_cast<uint16_t>((packet.data[0] << 8) | packet.data[1]);
            NS_LOG_INFO("peer rejects protocol " << PppProtocolName(protocol));
            m_handler.protocolRejected(protocol);
        }
        return true;
    }
    return packet.code == PPP_DISCARD_REQUEST;
}

void
PppLcp::SendProtocolReject(uint16_t protocol, const std::vector<uint8_t>& information)
{
    // RFC 1661 section 5.7: only once LCP is open; the rejected protocol, then as much of the
    // rejected information as the peer's MRU allows.
    if (!m_fsm->IsOpened())
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
    m_handler.send(reject);
}

// ---- echoes ---------------------------------------------------------------------------

void
PppLcp::StartEcho()
{
    // As pppd: the first Echo-Request leaves as LCP opens, before authentication starts,
    // then one per interval; identifiers count from 0 again on every opening.
    if (!m_config.echoInterval.IsZero())
    {
        m_echoMisses = 0;
        m_echoNumber = 0;
        SendEcho();
    }
}

void
PppLcp::StopEcho()
{
    m_echoTimer.Cancel();
}

void
PppLcp::SendEcho()
{
    if (!m_fsm->IsOpened())
    {
        return;
    }
    if (m_echoMisses >= m_config.echoFailure)
    {
        NS_LOG_INFO("no reply to " << m_echoMisses << " LCP Echo-Requests");
        m_handler.echoFailed();
        return;
    }
    PppControlPacket echo;
    echo.code = PPP_ECHO_REQUEST;
    echo.identifier = m_echoNumber++;
    echo.data = PppOption::Make(0, m_magic, 4).data;
    ++m_echoMisses;
    m_handler.send(echo);
    m_echoTimer = Simulator::Schedule(m_config.echoInterval, &PppLcp::SendEcho, this);
}

// ---- what was agreed ------------------------------------------------------------------

PppFsm::State
PppLcp::GetState() const
{
    return m_fsm->GetState();
}

bool
PppLcp::IsOpened() const
{
    return m_fsm->IsOpened();
}

uint16_t
PppLcp::GetPeerMru() const
{
    return m_peerMru;
}

uint32_t
PppLcp::GetPeerAccm() const
{
    return m_peerAccm;
}

uint32_t
PppLcp::GetLocalAccm() const
{
    return m_localAccm;
}

bool
PppLcp::IsCompressing() const
{
    return m_compress;
}

PppAuthProtocol
PppLcp::GetAuthProtocol() const
{
    return m_config.authenticator ? m_config.auth : m_peerWantsAuth;
}

uint32_t
PppLcp::GetEchoMisses() const
{
    return m_echoMisses;
}

} // namespace ns3
