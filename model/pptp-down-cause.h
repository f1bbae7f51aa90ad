/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_DOWN_CAUSE_H
#define PPTP_DOWN_CAUSE_H

#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * Why a tunnel (a call, or the control connection carrying calls) went down.
 */
enum class PptpDownCause
{
    NONE,              //!< still up
    LOCAL_STOP,        //!< this side cleared the call or stopped the connection on purpose
    CALL_CLEAR,        //!< the call was cleared (Call-Clear-Request / Call-Disconnect-Notify)
    PEER_STOP,         //!< the peer stopped the control connection or closed TCP
    KEEPALIVE_TIMEOUT, //!< Echo-Requests went unanswered
    TCP_FAILURE,       //!< the TCP connection failed or could not be opened
    PROTOCOL_ERROR,    //!< malformed or unexpected messages, or an expected reply never came
    SERVER_FULL,       //!< the PAC refused the call: no channel left
    CALL_REFUSED,      //!< the peer refused the call for another reason
    COLLISION,         //!< lost a control connection collision (RFC 2637 section 3.1.3)
    PPP_DOWN,          //!< PPP failed: authentication, LCP Echo failure, negotiation gave up
};

/**
 * \ingroup pptp
 * \param cause a cause
 * \return its short name ("keepalive-timeout", ...)
 */
std::string PptpDownCauseName(PptpDownCause cause);

/**
 * \ingroup pptp
 * \param os a stream
 * \param cause a cause
 * \return the stream, with the cause's name
 */
std::ostream& operator<<(std::ostream& os, PptpDownCause cause);

} // namespace ns3

#endif /* PPTP_DOWN_CAUSE_H */
