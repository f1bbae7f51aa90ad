/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_DECODE_ERROR_H
#define PPTP_DECODE_ERROR_H

#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * Why bytes received from the wire could not be decoded.
 *
 * Every codec of the module (control messages, Enhanced GRE, PPP framing)
 * reports malformed input with one of these values and a human readable
 * detail, so that callers can drop the input, count it by reason and log it
 * instead of aborting.
 */
enum class PptpDecodeError
{
    NONE,                   //!< decoded successfully
    TRUNCATED,              //!< fewer bytes than the layout needs
    BAD_LENGTH,             //!< control Length field disagrees with the message type
    BAD_MESSAGE_TYPE,       //!< PPTP Message Type is not 1 (control)
    BAD_MAGIC_COOKIE,       //!< Magic Cookie is not 0x1A2B3C4D
    UNKNOWN_CONTROL_TYPE,   //!< Control Message Type outside 1..15
    NON_ZERO_RESERVED,      //!< a field the RFC requires to be zero is not
    GRE_NOT_ENHANCED,       //!< GRE version is not 1 (plain RFC 1701/2784 GRE)
    GRE_BAD_PROTOCOL,       //!< GRE protocol type is not 0x880B (PPP)
    GRE_BAD_FLAGS,          //!< C, R, s, Recur or Flags set, or K clear
    GRE_BAD_PAYLOAD_LENGTH, //!< payload length disagrees with the bytes present
    PPP_BAD_PROTOCOL,       //!< PPP protocol field is not a valid protocol number
};

/**
 * \ingroup pptp
 * \param error the error
 * \return a short, stable, lower-case name usable as a drop reason ("truncated", ...)
 */
std::string PptpDecodeErrorName(PptpDecodeError error);

/**
 * \ingroup pptp
 * Output streamer for PptpDecodeError (prints its name).
 * \param os the stream
 * \param error the error
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PptpDecodeError error);

/**
 * \ingroup pptp
 * The outcome of decoding: an error class and a sentence saying what was wrong.
 */
struct PptpDecodeResult
{
    PptpDecodeError error{PptpDecodeError::NONE}; //!< the error class, NONE on success
    std::string detail;                           //!< what exactly was wrong (empty on success)

    /** \return true if decoding succeeded */
    bool Ok() const
    {
        return error == PptpDecodeError::NONE;
    }

    /**
     * Build a failure.
     * \param error the error class
     * \param detail the explanation
     * \return the result
     */
    static PptpDecodeResult Fail(PptpDecodeError error, std::string detail)
    {
        return PptpDecodeResult{error, std::move(detail)};
    }
};

} // namespace ns3

#endif /* PPTP_DECODE_ERROR_H */
