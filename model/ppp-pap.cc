/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-pap.h"

namespace ns3
{

PppPap::PppPap(Config config, Handler handler)
    : PppAuth(std::move(config), std::move(handler))
{
}

void
PppPap::Transmit()
{
    if (m_config.authenticator || m_config.inForce() != PPP_AUTH_PAP)
    {
        return; // the authenticator waits for the peer's request
    }
    PppControlPacket request;
    request.code = PAP_AUTHENTICATE_REQUEST;
    request.identifier = ++m_id;
    request.data.push_back(static_cast<uint8_t>(m_config.username.size()));
    request.data.insert(request.data.end(), m_config.username.begin(), m_config.username.end());
    request.data.push_back(static_cast<uint8_t>(m_config.password.size()));
    request.data.insert(request.data.end(), m_config.password.begin(), m_config.password.end());
    m_handler.send(request);
}

void
PppPap::Receive(const PppControlPacket& packet)
{
    if (m_config.authenticator && packet.code == PAP_AUTHENTICATE_REQUEST
        && m_config.inForce() == PPP_AUTH_PAP)
    {
        // Peer-ID-Length, Peer-ID, Passwd-Length, Password.
        const auto& d = packet.data;
        bool ok = false;
        if (!d.empty() && d.size() >= 1u + d[0] + 1u)
        {
            std::string user(d.begin() + 1, d.begin() + 1 + d[0]);
            uint8_t passwordLength = d[1 + d[0]];
            if (d.size() >= 2u + d[0] + passwordLength)
            {
                std::string password(d.begin() + 2 + d[0], d.begin() + 2 + d[0] + passwordLength);
                ok = user == m_config.username && password == m_config.password;
            }
        }
        // Every request is answered (the peer repeats it when an answer is lost).
        PppControlPacket reply;
        reply.code = ok ? PAP_AUTHENTICATE_ACK : PAP_AUTHENTICATE_NAK;
        reply.identifier = packet.identifier;
        std::string message = ok ? "Login ok" : "Login incorrect";
        reply.data.push_back(static_cast<uint8_t>(message.size()));
        reply.data.insert(reply.data.end(), message.begin(), message.end());
        m_handler.send(reply);
        if (!IsFinished())
        {
            Finish(ok);
        }
        return;
    }
    if (!m_config.authenticator && packet.identifier == m_id && !IsFinished())
    {
        if (packet.code == PAP_AUTHENTICATE_ACK)
        {
            Finish(true);
        }
        else if (packet.code == PAP_AUTHENTICATE_NAK)
        {
            Finish(false);
        }
    }
}

} // namespace ns3
