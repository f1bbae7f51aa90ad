/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_CONTROL_PACKET_H
#define PPP_CONTROL_PACKET_H

#include "pptp-decode-error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * Codes of PPP control protocols (RFC 1661 for LCP; IPCP uses 1-7; PAP and
 * CHAP have their own numbering, listed separately).
 */
enum PppCode : uint8_t
{
    PPP_CONFIGURE_REQUEST = 1,
    PPP_CONFIGURE_ACK = 2,
    PPP_CONFIGURE_NAK = 3,
    PPP_CONFIGURE_REJECT = 4,
    PPP_TERMINATE_REQUEST = 5,
    PPP_TERMINATE_ACK = 6,
    PPP_CODE_REJECT = 7,
    PPP_PROTOCOL_REJECT = 8,
    PPP_ECHO_REQUEST = 9,
    PPP_ECHO_REPLY = 10,
    PPP_DISCARD_REQUEST = 11,
};

/// PAP codes (RFC 1334).
enum PapCode : uint8_t
{
    PAP_AUTHENTICATE_REQUEST = 1,
    PAP_AUTHENTICATE_ACK = 2,
    PAP_AUTHENTICATE_NAK = 3,
};

/// CHAP codes (RFC 1994), shared by MS-CHAPv2 (RFC 2759).
enum ChapCode : uint8_t
{
    CHAP_CHALLENGE = 1,
    CHAP_RESPONSE = 2,
    CHAP_SUCCESS = 3,
    CHAP_FAILURE = 4,
};

/// LCP configuration options (RFC 1661).
enum LcpOption : uint8_t
{
    LCP_OPTION_MRU = 1,
    LCP_OPTION_ACCM = 2,
    LCP_OPTION_AUTH_PROTOCOL = 3,
    LCP_OPTION_MAGIC_NUMBER = 5,
    LCP_OPTION_PFC = 7,
    LCP_OPTION_ACFC = 8,
};

/// IPCP configuration options (RFC 1332, RFC 1877).
enum IpcpOption : uint8_t
{
    IPCP_OPTION_IP_COMPRESSION = 2,
    IPCP_OPTION_IP_ADDRESS = 3,
    IPCP_OPTION_PRIMARY_DNS = 129,
    IPCP_OPTION_SECONDARY_DNS = 131,
};

/// One configuration option: type, and the bytes after the type and length.
struct PppOption
{
    uint8_t type{0};           //!< option type
    std::vector<uint8_t> data; //!< value (the option's length is data.size() + 2)

    /// \return the value as a big-endian integer of its size (up to 4 bytes)
    uint32_t GetValue() const;
    /**
     * \param type option type
     * \param value value
     * \param size bytes of the value (0 to 4)
     * \return the option
     */
    static PppOption Make(uint8_t type, uint32_t value, uint8_t size);
};

/**
 * \ingroup pptp
 * A PPP control packet: Code, Identifier, Length and data, the layout LCP,
 * IPCP, PAP and CHAP share (RFC 1661 section 5).
 */
struct PppControlPacket
{
    static constexpr uint32_t HEADER_SIZE = 4;       //!< Code, Identifier, Length
    static constexpr uint32_t MAX_DATA_SIZE = 65531; //!< the most Length can count, less 4

    uint8_t code{0};           //!< the code
    uint8_t identifier{0};     //!< matches requests with replies
    std::vector<uint8_t> data; //!< after the 4-byte header

    /// \return the packet as bytes (data past MAX_DATA_SIZE is not encoded)
    std::vector<uint8_t> Encode() const;

    /**
     * \param bytes a control packet (bytes past Length, e.g. padding, are ignored)
     * \param size how many bytes
     * \param packet receives the packet
     * \return success, or why the bytes are not a control packet
     */
    static PptpDecodeResult Decode(const uint8_t* bytes, uint32_t size, PppControlPacket& packet);

    /**
     * Read the data as a list of options (Configure-Request/Ack/Nak/Reject).
     * \param options receives them
     * \return false if an option's length is below 2 or runs past the data
     */
    bool GetOptions(std::vector<PppOption>& options) const;
    /// \param options replaces the data with these options (values cut at 253 bytes)
    void SetOptions(const std::vector<PppOption>& options);
};

} // namespace ns3

#endif /* PPP_CONTROL_PACKET_H */
