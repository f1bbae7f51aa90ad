/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_FRAME_HEADER_H
#define PPP_FRAME_HEADER_H

#include "ns3/header.h"
#include "pptp-decode-error.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * PPP protocol numbers carried inside PPTP's GRE.
 */
enum PptpPppProtocol : uint16_t
{
    PPP_PROTOCOL_IPV4 = 0x0021,
    PPP_PROTOCOL_IPV6 = 0x0057,
    PPP_PROTOCOL_COMPRESSED = 0x00FD,
    PPP_PROTOCOL_IPCP = 0x8021,
    PPP_PROTOCOL_IPV6CP = 0x8057,
    PPP_PROTOCOL_CCP = 0x80FD,
    PPP_PROTOCOL_LCP = 0xC021,
    PPP_PROTOCOL_PAP = 0xC023,
    PPP_PROTOCOL_CHAP = 0xC223,
};

/**
 * \ingroup pptp
 * \param protocol a PPP protocol number
 * \return its short name ("LCP", "IPv4", ...) or "0x...." when unknown
 */
std::string PppProtocolName(uint16_t protocol);

/**
 * \ingroup pptp
 * The PPP framing in front of every frame PPTP carries in GRE.
 *
 * GRE carries PPP frames without HDLC flags, escapes or FCS. What remains is
 * the Address and Control fields (0xFF 0x03), which are left out once LCP has
 * negotiated Address-and-Control-Field-Compression (ACFC), and the Protocol
 * field, two bytes, or one byte for protocol numbers below 0x100 once LCP has
 * negotiated Protocol-Field-Compression (PFC). ns-3's own PppHeader knows
 * neither compression, hence this header.
 */
class PppFrameHeader : public Header
{
  public:
    /**
     * \param protocol the PPP protocol number
     * \param addressControl true to send the 0xFF 0x03 Address and Control fields
     * \param compressProtocol true to send a one-byte Protocol field when it fits
     */
    explicit PppFrameHeader(uint16_t protocol = PPP_PROTOCOL_LCP,
                            bool addressControl = true,
                            bool compressProtocol = false);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /**
     * Decode the framing at the start of a PPP frame; accepts every
     * combination of compressed and uncompressed fields.
     * \param data the frame
     * \param size its size
     * \param header receives the framing on success
     * \return success, or why the bytes are not a PPP frame
     */
    static PptpDecodeResult Decode(const uint8_t* data, uint32_t size, PppFrameHeader& header);

    /// \return the protocol number
    uint16_t GetProtocol() const;
    /// \param protocol the protocol number
    void SetProtocol(uint16_t protocol);
    /// \return true if the Address and Control fields are present
    bool HasAddressControl() const;
    /// \return true if the Protocol field is one byte long
    bool IsProtocolCompressed() const;

  private:
    uint16_t m_protocol;     //!< Protocol field value
    bool m_addressControl;   //!< 0xFF 0x03 present
    bool m_compressProtocol; //!< one-byte Protocol field when the value fits
};

} // namespace ns3

#endif /* PPP_FRAME_HEADER_H */
