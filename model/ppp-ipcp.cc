/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-ipcp.h"

namespace ns3
{

PppIpcp::PppIpcp(const Config& config, Handler handler)
    : m_config(config)
    , m_handler(std::move(handler))
{
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
    fsm.rejected = [](const std::vector<PppOption>&) {};
    fsm.send = [this](const PppControlPacket& p)
    {
        m_handler.send(p);
    };
    fsm.up = [this]()
    {
        m_handler.up();
    };
    fsm.finished = [this](PppFsm::Finish finish)
    {
        m_handler.finished(finish);
    };
    fsm.stateChanged = [this](PppFsm::State from, PppFsm::State to)
    {
        m_handler.stateChanged(from, to);
    };
    fsm.peerMru = [this]()
    {
        return m_handler.peerMru();
    };
    m_fsm = std::make_unique<PppFsm>(fsm, m_config.restart, m_config.maxConfigure);
}

void
PppIpcp::Open()
{
    m_fsm->Open();
}

void
PppIpcp::Up()
{
    m_fsm->Up();
}

void
PppIpcp::Down()
{
    m_fsm->Down();
}

void
PppIpcp::Abort()
{
    m_fsm->Abort();
}

void
PppIpcp::ProtocolRejected()
{
    m_fsm->ProtocolRejected();
}

void
PppIpcp::Receive(const PppControlPacket& packet)
{
    m_fsm->Receive(packet);
}

std::vector<PppOption>
PppIpcp::BuildRequest()
{
    return {PppOption::Make(IPCP_OPTION_IP_ADDRESS, m_config.localAddress.Get(), 4)};
}

uint8_t
PppIpcp::CheckRequest(const std::vector<PppOption>& request,
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
        if (m_config.authenticator && asked != m_config.peerAddress)
        {
            if (rejectInsteadOfNak)
            {
                reject.push_back(o);
            }
            else
            {
                nak.push_back(
                    PppOption::Make(IPCP_OPTION_IP_ADDRESS, m_config.peerAddress.Get(), 4));
            }
        }
        else if (!m_config.authenticator)
        {
            m_config.peerAddress = asked;
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
PppIpcp::Naked(const std::vector<PppOption>& options)
{
    for (const auto& o : options)
    {
        if (o.type == IPCP_OPTION_IP_ADDRESS && o.data.size() == 4 && !m_config.authenticator)
        {
            m_config.localAddress = Ipv4Address(o.GetValue());
        }
    }
}

PppFsm::State
PppIpcp::GetState() const
{
    return m_fsm->GetState();
}

bool
PppIpcp::IsOpened() const
{
    return m_fsm->IsOpened();
}

Ipv4Address
PppIpcp::GetLocalAddress() const
{
    return m_config.localAddress;
}

Ipv4Address
PppIpcp::GetPeerAddress() const
{
    return m_config.peerAddress;
}

} // namespace ns3
