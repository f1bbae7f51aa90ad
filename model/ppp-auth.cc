/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-auth.h"

#include "ns3/simulator.h"
#include "ppp-frame-header.h"

namespace ns3
{

namespace
{

/// CHAP algorithm numbers in the LCP Authentication-Protocol option.
constexpr uint8_t CHAP_ALGORITHM_MD5 = 5;
constexpr uint8_t CHAP_ALGORITHM_MSCHAP_V2 = 0x81;

} // namespace

std::string
PppAuthProtocolName(PppAuthProtocol protocol)
{
    switch (protocol)
    {
        case PPP_AUTH_NONE:
            return "none";
        case PPP_AUTH_PAP:
            return "PAP";
        case PPP_AUTH_CHAP_MD5:
            return "CHAP-MD5";
        case PPP_AUTH_MSCHAP_V2:
            return "MS-CHAPv2";
    }
    return "unknown";
}

PppOption
PppAuthOption(PppAuthProtocol protocol)
{
    switch (protocol)
    {
        case PPP_AUTH_PAP:
            return PppOption::Make(LCP_OPTION_AUTH_PROTOCOL, PPP_PROTOCOL_PAP, 2);
        case PPP_AUTH_CHAP_MD5:
            return PppOption::Make(
                LCP_OPTION_AUTH_PROTOCOL, (PPP_PROTOCOL_CHAP << 8) | CHAP_ALGORITHM_MD5, 3);
        default:
            return PppOption::Make(
                LCP_OPTION_AUTH_PROTOCOL, (PPP_PROTOCOL_CHAP << 8) | CHAP_ALGORITHM_MSCHAP_V2, 3);
    }
}

PppAuthProtocol
PppAuthFromOption(const PppOption& o)
{
    uint32_t protocol = o.data.size() >= 2 ? (o.data[0] << 8) | o.data[1] : 0;
    uint8_t algorithm = o.data.size() >= 3 ? o.data[2] : 0;
    if (protocol == PPP_PROTOCOL_PAP && o.data.size() == 2)
    {
        return PPP_AUTH_PAP;
    }
    if (protocol == PPP_PROTOCOL_CHAP && algorithm == CHAP_ALGORITHM_MD5)
    {
        return PPP_AUTH_CHAP_MD5;
    }
    if (protocol == PPP_PROTOCOL_CHAP && algorithm == CHAP_ALGORITHM_MSCHAP_V2)
    {
        return PPP_AUTH_MSCHAP_V2;
    }
    return PPP_AUTH_NONE;
}

PppAuthProtocol
PppAuthSuggested(const PppOption& o)
{
    return o.data.size() == 2                                        ? PPP_AUTH_PAP
           : (o.data.size() == 3 && o.data[2] == CHAP_ALGORITHM_MD5) ? PPP_AUTH_CHAP_MD5
                                                                     : PPP_AUTH_MSCHAP_V2;
}

PppAuth::PppAuth(Config config, Handler handler)
    : m_config(std::move(config))
    , m_handler(std::move(handler))
{
}

PppAuth::~PppAuth()
{
    m_timer.Cancel();
}

void
PppAuth::Start()
{
    m_tries = 0;
    Transmit();
    m_timer.Cancel();
    m_timer = Simulator::Schedule(m_config.retry, &PppAuth::Retry, this);
}

void
PppAuth::Retry()
{
    if (m_finished)
    {
        return;
    }
    if (++m_tries >= m_config.maxTries)
    {
        m_finished = true;
        m_handler.done(Result::TIMEOUT);
        return;
    }
    Transmit();
    m_timer = Simulator::Schedule(m_config.retry, &PppAuth::Retry, this);
}

void
PppAuth::Stop()
{
    m_timer.Cancel();
}

void
PppAuth::Finish(bool success)
{
    m_timer.Cancel();
    m_finished = true;
    m_handler.done(success ? Result::SUCCESS : Result::FAILED);
}

bool
PppAuth::IsFinished() const
{
    return m_finished;
}

std::vector<uint8_t>
PppAuth::RandomBytes(uint32_t n)
{
    std::vector<uint8_t> bytes(n);
    for (auto& b : bytes)
    {
        b = static_cast<uint8_t>(m_config.random->GetInteger(0, 255));
    }
    return bytes;
}

} // namespace ns3
