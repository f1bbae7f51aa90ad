/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-drop-reason.h"

namespace ns3
{

std::string
PptpControlDropName(PptpControlDropReason reason, PptpDecodeError error)
{
    switch (reason)
    {
        case PptpControlDropReason::RESYNC:
            return "resync";
        case PptpControlDropReason::UNRECOVERABLE_STREAM:
            return "unrecoverable-stream";
        case PptpControlDropReason::MALFORMED:
            return PptpDecodeErrorName(error);
        case PptpControlDropReason::ILLEGAL_IN_STATE:
            return "illegal-in-state";
        case PptpControlDropReason::SEND_QUEUE_FULL:
            return "send-queue-full";
    }
    return "unknown";
}

std::string
PptpGreDropName(PptpGreDropReason reason, PptpDecodeError error)
{
    switch (reason)
    {
        case PptpGreDropReason::MALFORMED:
            return PptpDecodeErrorName(error);
        case PptpGreDropReason::UNKNOWN_CALL:
            return "unknown-call";
        case PptpGreDropReason::WRONG_PEER:
            return "wrong-peer";
        case PptpGreDropReason::WINDOW_FULL:
            return "window-full";
        case PptpGreDropReason::DUPLICATE:
            return "duplicate";
        case PptpGreDropReason::LATE:
            return "late";
    }
    return "unknown";
}

} // namespace ns3
