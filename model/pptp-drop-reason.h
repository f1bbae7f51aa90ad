/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_DROP_REASON_H
#define PPTP_DROP_REASON_H

#include "pptp-decode-error.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * Why a control connection dropped what it received (the Drop trace of
 * PptpControlConnection), as Ipv4L3Protocol::DropReason says why IPv4 did.
 */
enum class PptpControlDropReason
{
    RESYNC,               //!< bytes that start no control message were skipped
    UNRECOVERABLE_STREAM, //!< too many such bytes in a row: the stream is given up
    MALFORMED,            //!< a framed message did not decode (the PptpDecodeError says why)
    ILLEGAL_IN_STATE,     //!< a well-formed message not legal in the state of things
    SEND_QUEUE_FULL,      //!< the peer does not read what it asks for (MaxSendQueue)
};

/**
 * \ingroup pptp
 * Why a GRE packet was dropped: by the node's PPTP GRE handler (PptpGreL4Protocol)
 * or by a call's GRE channel (PptpGreChannel).
 */
enum class PptpGreDropReason
{
    MALFORMED,    //!< not a well-formed Enhanced GRE packet (the PptpDecodeError says why)
    UNKNOWN_CALL, //!< for a Call ID no call of the node has
    WRONG_PEER,   //!< from an address other than the call's peer
    WINDOW_FULL,  //!< the peer's window and the send queue are full
    DUPLICATE,    //!< a sequence number already delivered (or held)
    LATE,         //!< a sequence number older than the last delivered
};

/**
 * \ingroup pptp
 * The name a drop is counted and printed by: for MALFORMED, the decode error's
 * name ("bad-magic-cookie", ...), otherwise the reason's ("resync", ...).
 * \param reason the reason
 * \param error the decode error (MALFORMED only)
 * \return the name
 */
std::string PptpControlDropName(PptpControlDropReason reason,
                                PptpDecodeError error = PptpDecodeError::NONE);

/**
 * \ingroup pptp
 * \param reason the reason
 * \param error the decode error (MALFORMED only)
 * \return the name a drop is counted and printed by ("unknown-call", "window-full", ...)
 */
std::string PptpGreDropName(PptpGreDropReason reason,
                            PptpDecodeError error = PptpDecodeError::NONE);

} // namespace ns3

#endif /* PPTP_DROP_REASON_H */
