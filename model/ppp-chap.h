/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_CHAP_H
#define PPP_CHAP_H

#include "ppp-auth.h"

#include <array>

namespace ns3
{

/**
 * \ingroup pptp
 * CHAP, RFC 1994, with MD5 (algorithm 5) or as MS-CHAPv2 (RFC 2759,
 * algorithm 0x81), whichever LCP agreed.
 *
 * The authenticator sends a 16-byte Challenge (again every restart time until
 * answered) and checks the Response: the MD5 hash of identifier, secret and
 * challenge, or the MS-CHAPv2 NT-Response computed from both challenges, the
 * name and the password; it answers Success or Failure (MS-CHAPv2: with the
 * authenticator response "S=..." that proves it knows the password too, or
 * "E=691 ..."). The peer answers each Challenge and, for MS-CHAPv2, checks
 * the authenticator response before it takes a Success.
 */
class PppChap : public PppAuth
{
  public:
    /**
     * \param config its configuration
     * \param handler what to tell the session
     */
    PppChap(Config config, Handler handler);

    void Receive(const PppControlPacket& packet) override;

  private:
    void Transmit() override;
    void ReceiveChallenge(const PppControlPacket& packet);
    void ReceiveResponse(const PppControlPacket& packet);
    void ReceiveResult(const PppControlPacket& packet);

    std::vector<uint8_t> m_challenge;     //!< the authenticator's challenge
    std::vector<uint8_t> m_peerChallenge; //!< MS-CHAPv2: the peer's
};

} // namespace ns3

#endif /* PPP_CHAP_H */
