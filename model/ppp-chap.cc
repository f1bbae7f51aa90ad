/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-chap.h"

#include "ppp-crypto.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace ns3
{

namespace
{

/// MS-CHAPv2 Response value: peer challenge 16, reserved 8, NT-Response 24, flags 1.
constexpr uint32_t MSCHAP_V2_RESPONSE_SIZE = 49;
constexpr uint32_t CHALLENGE_SIZE = 16;
/// The name the authenticator gives in its challenges.
const std::string AUTHENTICATOR_NAME = "pac";

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

} // namespace

PppChap::PppChap(Config config, Handler handler)
    : PppAuth(std::move(config), std::move(handler))
{
}

void
PppChap::Transmit()
{
    PppAuthProtocol protocol = m_config.inForce();
    if (!m_config.authenticator
        || (protocol != PPP_AUTH_CHAP_MD5 && protocol != PPP_AUTH_MSCHAP_V2))
    {
        return; // the peer waits for a challenge
    }
    m_challenge = RandomBytes(CHALLENGE_SIZE);
    PppControlPacket challenge;
    challenge.code = CHAP_CHALLENGE;
    challenge.identifier = ++m_id;
    challenge.data.push_back(CHALLENGE_SIZE);
    challenge.data.insert(challenge.data.end(), m_challenge.begin(), m_challenge.end());
    challenge.data.insert(
        challenge.data.end(), AUTHENTICATOR_NAME.begin(), AUTHENTICATOR_NAME.end());
    m_handler.send(challenge);
}

void
PppChap::Receive(const PppControlPacket& packet)
{
    if (!m_config.authenticator && packet.code == CHAP_CHALLENGE)
    {
        ReceiveChallenge(packet);
    }
    else if (m_config.authenticator && packet.code == CHAP_RESPONSE && packet.identifier == m_id
             && !IsFinished())
    {
        ReceiveResponse(packet);
    }
    else if (!m_config.authenticator && packet.identifier == m_id && !IsFinished())
    {
        ReceiveResult(packet);
    }
}

void
PppChap::ReceiveChallenge(const PppControlPacket& packet)
{
    // Value-Size, Value (the challenge), Name.
    const auto& d = packet.data;
    if (d.empty() || d.size() < 1u + d[0])
    {
        return;
    }
    std::vector<uint8_t> challenge(d.begin() + 1, d.begin() + 1 + d[0]);
    PppControlPacket response;
    response.code = CHAP_RESPONSE;
    response.identifier = packet.identifier;
    m_id = packet.identifier;
    if (m_config.inForce() == PPP_AUTH_MSCHAP_V2 && challenge.size() == CHALLENGE_SIZE)
    {
        m_challenge = challenge;
        m_peerChallenge = RandomBytes(CHALLENGE_SIZE);
        auto nt = NtResponse(challenge, m_peerChallenge, m_config.username, m_config.password);
        response.data.push_back(MSCHAP_V2_RESPONSE_SIZE);
        response.data.insert(response.data.end(), m_peerChallenge.begin(), m_peerChallenge.end());
        response.data.insert(response.data.end(), 8, 0); // reserved
        response.data.insert(response.data.end(), nt.begin(), nt.end());
        response.data.push_back(0); // flags
    }
    else
    {
        auto value = PppChapMd5Response(packet.identifier, m_config.password, challenge);
        response.data.push_back(static_cast<uint8_t>(value.size()));
        response.data.insert(response.data.end(), value.begin(), value.end());
    }
    response.data.insert(response.data.end(), m_config.username.begin(), m_config.username.end());
    m_handler.send(response);
}

void
PppChap::ReceiveResponse(const PppControlPacket& packet)
{
    const auto& d = packet.data;
    if (d.empty() || d.size() < 1u + d[0])
    {
        return;
    }
    std::vector<uint8_t> value(d.begin() + 1, d.begin() + 1 + d[0]);
    std::string name(d.begin() + 1 + d[0], d.end());
    bool ok = false;
    std::string message;
    PppAuthProtocol protocol = m_config.inForce();
    if (protocol == PPP_AUTH_MSCHAP_V2 && value.size() == MSCHAP_V2_RESPONSE_SIZE)
    {
        std::vector<uint8_t> peerChallenge(value.begin(), value.begin() + 16);
        std::vector<uint8_t> nt(value.begin() + 24, value.begin() + 48);
        auto expected = NtResponse(m_challenge, peerChallenge, name, m_config.password);
        ok = name == m_config.username && std::equal(nt.begin(), nt.end(), expected.begin());
        if (ok)
        {
            message = AuthenticatorResponse(m_config.password, nt, peerChallenge, m_challenge, name)
                      + " M=Access granted";
        }
        else
        {
            message = "E=691 R=0 C=" + Hex(m_challenge.data(), m_challenge.size())
                      + " V=3 M=Access denied";
        }
    }
    else if (protocol == PPP_AUTH_CHAP_MD5)
    {
        auto expected = PppChapMd5Response(packet.identifier, m_config.password, m_challenge);
        ok = name == m_config.username && value.size() == expected.size()
             && std::equal(value.begin(), value.end(), expected.begin());
        message = ok ? "Access granted" : "Access denied";
    }
    PppControlPacket reply;
    reply.code = ok ? CHAP_SUCCESS : CHAP_FAILURE;
    reply.identifier = packet.identifier;
    reply.data.assign(message.begin(), message.end());
    m_handler.send(reply);
    Finish(ok);
}

void
PppChap::ReceiveResult(const PppControlPacket& packet)
{
    if (packet.code == CHAP_SUCCESS && m_config.inForce() == PPP_AUTH_MSCHAP_V2)
    {
        // The authenticator proves it knows the password too.
        std::string text(packet.data.begin(), packet.data.end());
        auto nt = NtResponse(m_challenge, m_peerChallenge, m_config.username, m_config.password);
        std::string expected = AuthenticatorResponse(m_config.password,
                                                     std::vector<uint8_t>(nt.begin(), nt.end()),
                                                     m_peerChallenge,
                                                     m_challenge,
                                                     m_config.username);
        Finish(text.compare(0, expected.size(), expected) == 0);
    }
    else if (packet.code == CHAP_SUCCESS)
    {
        Finish(true);
    }
    else if (packet.code == CHAP_FAILURE)
    {
        Finish(false);
    }
}

} // namespace ns3
