/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SUMMARY_H
#define PPTP_SUMMARY_H

#include "ns3/ipv4-address.h"
#include "pptp-decode-error.h"

#include <cstdint>
#include <string>

namespace ns3
{

class PptpControlMessage;
class PptpGreHeader;

/**
 * \ingroup pptp
 * One-line summaries of PPTP packets, in the form of the frame descriptions
 * of a Network Monitor capture, which is what troubleshooters compare:
 *
 * \verbatim
   PPTP Control Packet (1): Start Session Request (1) 10.10.10.1 10.10.10.10
   PPTP GRE Data Packet: Call ID 1275, Length 24, Seq 3, Ack 2, PPP LCP
 (0xC021) 10.10.10.1 10.10.10.10 PPTP GRE Ack Packet: Call ID 1275, Ack 3 10.10.10.10 10.10.10.1
   Malformed PPTP Control Packet: bad-magic-cookie (magic cookie ...) 10.10.10.1 10.10.10.10
   \endverbatim
 *
 * Addresses are the source, then the destination.
 */
class PptpSummary
{
  public:
    /**
     * \param message a control message
     * \param source who sent it
     * \param destination who received it
     * \return the summary line
     */
    static std::string Control(const PptpControlMessage& message,
                               Ipv4Address source,
                               Ipv4Address destination);

    /**
     * \param gre the GRE header
     * \param pppProtocol the protocol of the PPP frame in the payload (ignored for ack-only)
     * \param source who sent it
     * \param destination who received it
     * \return the summary line
     */
    static std::string Gre(const PptpGreHeader& gre,
                           uint16_t pppProtocol,
                           Ipv4Address source,
                           Ipv4Address destination);

    /**
     * \param what "PPTP Control Packet", "PPTP GRE Packet", ...
     * \param result the decoding failure
     * \param source who sent it
     * \param destination who received it
     * \return the summary line
     */
    static std::string Malformed(const std::string& what,
                                 const PptpDecodeResult& result,
                                 Ipv4Address source,
                                 Ipv4Address destination);
};

} // namespace ns3

#endif /* PPTP_SUMMARY_H */
