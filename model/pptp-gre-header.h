/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_GRE_HEADER_H
#define PPTP_GRE_HEADER_H

#include "ns3/header.h"
#include "pptp-decode-error.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pptp
 * The Enhanced GRE header of RFC 2637 section 4.1, which carries PPP frames
 * between the two ends of a PPTP call (IP protocol 47).
 *
 * Key present (K) is always set: its high half is the payload length and its
 * low half the Call ID of the receiving peer. The sequence number (S) is
 * present on packets with a payload, the acknowledgement number (A) whenever
 * the sender acknowledges something; a packet with A and no payload is an
 * ack-only packet. The header is 8, 12 or 16 bytes long.
 */
class PptpGreHeader : public Header
{
  public:
    /// IP protocol number of GRE.
    static constexpr uint8_t IP_PROTOCOL_NUMBER = 47;
    /// GRE Protocol Type of PPP.
    static constexpr uint16_t PROTOCOL_PPP = 0x880B;
    /// GRE version number of Enhanced GRE.
    static constexpr uint8_t VERSION = 1;
    /// Size of the mandatory part (flags, protocol, key).
    static constexpr uint32_t BASE_SIZE = 8;

    PptpGreHeader();

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
     * Decode the header at the start of a GRE packet (the IP payload).
     *
     * Rejects everything that is not PPTP's Enhanced GRE: version other than 1,
     * a protocol other than PPP, C/R/s/Recur/Flags set or K clear, a payload
     * without a sequence number, a packet with neither payload nor
     * acknowledgement, and a payload length longer than the bytes present.
     *
     * \param data the GRE packet
     * \param size its size in bytes (trailing bytes past the payload are allowed)
     * \param header receives the header on success
     * \return success, or why the packet is malformed
     */
    static PptpDecodeResult Decode(const uint8_t* data, uint32_t size, PptpGreHeader& header);

    /**
     * Decode the header from the first bytes of a longer GRE packet, without
     * copying the payload: the same checks as Decode, the payload length
     * checked against \p packetSize.
     * \param data the first bytes of the packet (up to 16 suffice)
     * \param available how many bytes \p data holds
     * \param packetSize the size of the whole GRE packet
     * \param header receives the header on success
     * \return success, or why the packet is malformed
     */
    static PptpDecodeResult DecodePrefix(const uint8_t* data,
                                         uint32_t available,
                                         uint32_t packetSize,
                                         PptpGreHeader& header);

    /// \param callId the Call ID of the peer that will receive the packet
    void SetCallId(uint16_t callId);
    /// \return the Call ID of the receiving peer
    uint16_t GetCallId() const;
    /// \param length the size of the PPP frame that follows the header
    void SetPayloadLength(uint16_t length);
    /// \return the size of the PPP frame that follows the header
    uint16_t GetPayloadLength() const;

    /// \param sequence the sequence number; marks it present
    void SetSequenceNumber(uint32_t sequence);
    /// Remove the sequence number (ack-only packets).
    void ClearSequenceNumber();
    /// \return true if S is set
    bool HasSequenceNumber() const;
    /// \return the sequence number (meaningful if HasSequenceNumber())
    uint32_t GetSequenceNumber() const;

    /// \param ack the highest in-order sequence number received; marks it present
    void SetAcknowledgment(uint32_t ack);
    /// Remove the acknowledgement number.
    void ClearAcknowledgment();
    /// \return true if A is set
    bool HasAcknowledgment() const;
    /// \return the acknowledgement number (meaningful if HasAcknowledgment())
    uint32_t GetAcknowledgment() const;

    /// \return true if the packet carries only an acknowledgement
    bool IsAckOnly() const;

  private:
    /**
     * Decode the header fields and flags, without looking past the header.
     * \param data the bytes
     * \param size how many there are
     * \param header receives the fields (written even on failure)
     * \return success, or why the header is malformed
     */
    static PptpDecodeResult DecodeFields(const uint8_t* data, uint32_t size, PptpGreHeader& header);
    /**
     * \param header a decoded header
     * \param size the bytes of the GRE packet, header included
     * \return success, or why the payload length does not fit
     */
    static PptpDecodeResult CheckPayloadLength(const PptpGreHeader& header, uint32_t size);

    uint16_t m_payloadLength{0}; //!< high half of the key
    uint16_t m_callId{0};        //!< low half of the key
    bool m_hasSequence{false};   //!< S flag
    bool m_hasAck{false};        //!< A flag
    uint32_t m_sequence{0};      //!< Sequence Number
    uint32_t m_ack{0};           //!< Acknowledgement Number
};

} // namespace ns3

#endif /* PPTP_GRE_HEADER_H */
