/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-decode-error.h"

namespace ns3
{

std::string
PptpDecodeErrorName(PptpDecodeError error)
{
    switch (error)
    {
        case PptpDecodeError::NONE:
            return "none";
        case PptpDecodeError::TRUNCATED:
            return "truncated";
        case PptpDecodeError::BAD_LENGTH:
            return "bad-length";
        case PptpDecodeError::BAD_MESSAGE_TYPE:
            return "bad-message-type";
        case PptpDecodeError::BAD_MAGIC_COOKIE:
            return "bad-magic-cookie";
        case PptpDecodeError::UNKNOWN_CONTROL_TYPE:
            return "unknown-control-type";
        case PptpDecodeError::NON_ZERO_RESERVED:
            return "non-zero-reserved";
        case PptpDecodeError::GRE_NOT_ENHANCED:
            return "gre-not-enhanced";
        case PptpDecodeError::GRE_BAD_PROTOCOL:
            return "gre-bad-protocol";
        case PptpDecodeError::GRE_BAD_FLAGS:
            return "gre-bad-flags";
        case PptpDecodeError::GRE_BAD_PAYLOAD_LENGTH:
            return "gre-bad-payload-length";
        case PptpDecodeError::PPP_BAD_PROTOCOL:
            return "ppp-bad-protocol";
    }
    return "unknown";
}

std::ostream&
operator<<(std::ostream& os, PptpDecodeError error)
{
    return os << PptpDecodeErrorName(error);
}

} // namespace ns3
