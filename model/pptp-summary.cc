/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-summary.h"

#include "ppp-frame-header.h"
#include "pptp-control-message.h"
#include "pptp-gre-header.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

std::string
PptpSummary::Control(const PptpControlMessage& message, Ipv4Address source, Ipv4Address destination)
{
    const PptpMessageInfo& info = message.GetInfo();
    std::ostringstream os;
    os << "PPTP Control Packet (" << PPTP_CONTROL_MESSAGE << "): " << info.monitorName << " ("
       << static_cast<uint16_t>(info.type) << ") " << source << " " << destination;
    return os.str();
}

std::string
PptpSummary::Gre(const PptpGreHeader& gre,
                 uint16_t pppProtocol,
                 Ipv4Address source,
                 Ipv4Address destination)
{
    std::ostringstream os;
    if (gre.IsAckOnly())
    {
        os << "PPTP GRE Ack Packet: Call ID " << gre.GetCallId() << ", Ack "
           << gre.GetAcknowledgment();
    }
    else
    {
        os << "PPTP GRE Data Packet: Call ID " << gre.GetCallId() << ", Length "
           << gre.GetPayloadLength();
        if (gre.HasSequenceNumber())
        {
            os << ", Seq " << gre.GetSequenceNumber();
        }
        if (gre.HasAcknowledgment())
        {
            os << ", Ack " << gre.GetAcknowledgment();
        }
        os << ", PPP " << PppProtocolName(pppProtocol) << " (0x" << std::hex << std::uppercase
           << std::setw(4) << std::setfill('0') << pppProtocol << std::dec << ")";
    }
    os << " " << source << " " << destination;
    return os.str();
}

std::string
PptpSummary::Malformed(const std::string& what,
                       const PptpDecodeResult& result,
                       Ipv4Address source,
                       Ipv4Address destination)
{
    std::ostringstream os;
    os << "Malformed " << what << ": " << result.error << " (" << result.detail << ") " << source
       << " " << destination;
    return os.str();
}

} // namespace ns3
