/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_PAP_H
#define PPP_PAP_H

#include "ppp-auth.h"

namespace ns3
{

/**
 * \ingroup pptp
 * PAP, the Password Authentication Protocol of RFC 1334: the peer sends its
 * name and password in Authenticate-Request (again every restart time until
 * answered); the authenticator answers Authenticate-Ack or -Nak.
 */
class PppPap : public PppAuth
{
  public:
    /**
     * \param config its configuration
     * \param handler what to tell the session
     */
    PppPap(Config config, Handler handler);

    void Receive(const PppControlPacket& packet) override;

  private:
    void Transmit() override;
};

} // namespace ns3

#endif /* PPP_PAP_H */
