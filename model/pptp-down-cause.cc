/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-down-cause.h"

namespace ns3
{

std::string
PptpDownCauseName(PptpDownCause cause)
{
    switch (cause)
    {
        case PptpDownCause::NONE:
            return "none";
        case PptpDownCause::LOCAL_STOP:
            return "local-stop";
        case PptpDownCause::CALL_CLEAR:
            return "call-clear";
        case PptpDownCause::PEER_STOP:
            return "peer-stop";
        case PptpDownCause::KEEPALIVE_TIMEOUT:
            return "keepalive-timeout";
        case PptpDownCause::TCP_FAILURE:
            return "tcp-failure";
        case PptpDownCause::PROTOCOL_ERROR:
            return "protocol-error";
        case PptpDownCause::SERVER_FULL:
            return "server-full";
        case PptpDownCause::CALL_REFUSED:
            return "call-refused";
        case PptpDownCause::COLLISION:
            return "collision";
        case PptpDownCause::PPP_DOWN:
            return "ppp-down";
    }
    return "unknown";
}

std::ostream&
operator<<(std::ostream& os, PptpDownCause cause)
{
    return os << PptpDownCauseName(cause);
}

} // namespace ns3
