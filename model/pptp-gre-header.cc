/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-gre-header.h"

#include "ns3/log.h"
#include "pptp-byte-order.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpGreHeader");

NS_OBJECT_ENSURE_REGISTERED(PptpGreHeader);

namespace
{

// First byte: C R K S s Recur(3). Second byte: A Flags(4) Ver(3).
constexpr uint8_t FLAG_CHECKSUM = 0x80;
constexpr uint8_t FLAG_ROUTING = 0x40;
constexpr uint8_t FLAG_KEY = 0x20;
constexpr uint8_t FLAG_SEQUENCE = 0x10;
constexpr uint8_t FLAG_STRICT_ROUTE = 0x08;
constexpr uint8_t MASK_RECURSION = 0x07;
constexpr uint8_t FLAG_ACK = 0x80;
constexpr uint8_t MASK_FLAGS = 0x78;
constexpr uint8_t MASK_VERSION = 0x07;

} // namespace

PptpGreHeader::PptpGreHeader() = default;

TypeId
PptpGreHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PptpGreHeader")
                            .SetParent<Header>()
                            .SetGroupName("Pptp")
                            .AddConstructor<PptpGreHeader>();
    return tid;
}

TypeId
PptpGreHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
PptpGreHeader::GetSerializedSize() const
{
    return BASE_SIZE + (m_hasSequence ? 4 : 0) + (m_hasAck ? 4 : 0);
}

void
PptpGreHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteU8(FLAG_KEY | (m_hasSequence ? FLAG_SEQUENCE : 0));
    start.WriteU8((m_hasAck ? FLAG_ACK : 0) | VERSION);
    start.WriteHtonU16(PROTOCOL_PPP);
    start.WriteHtonU16(m_payloadLength);
    start.WriteHtonU16(m_callId);
    if (m_hasSequence)
    {
        start.WriteHtonU32(m_sequence);
    }
    if (m_hasAck)
    {
        start.WriteHtonU32(m_ack);
    }
}

PptpDecodeResult
PptpGreHeader::Decode(const uint8_t* data, uint32_t size, PptpGreHeader& header)
{
    return DecodePrefix(data, size, size, header);
}

PptpDecodeResult
PptpGreHeader::DecodePrefix(const uint8_t* data,
                            uint32_t available,
                            uint32_t packetSize,
                            PptpGreHeader& header)
{
    PptpGreHeader decoded;
    PptpDecodeResult result = DecodeFields(data, std::min(available, packetSize), decoded);
    if (result.Ok())
    {
        result = CheckPayloadLength(decoded, packetSize);
    }
    if (result.Ok())
    {
        header = decoded;
    }
    return result;
}

PptpDecodeResult
PptpGreHeader::CheckPayloadLength(const PptpGreHeader& header, uint32_t size)
{
    uint32_t headerSize = header.GetSerializedSize();
    if (header.m_payloadLength > size - headerSize)
    {
        std::ostringstream os;
        os << "payload length " << header.m_payloadLength << " but only " << size - headerSize
           << " bytes follow the header";
        return PptpDecodeResult::Fail(PptpDecodeError::GRE_BAD_PAYLOAD_LENGTH, os.str());
    }
    return PptpDecodeResult{};
}

PptpDecodeResult
PptpGreHeader::DecodeFields(const uint8_t* data, uint32_t size, PptpGreHeader& header)
{
    // Version and protocol come first, so that other GRE (whose header may be only four bytes
    // long) is reported as what it is rather than as a short Enhanced GRE header.
    constexpr uint32_t versionAndProtocolSize = 4;
    if (size < versionAndProtocolSize)
    {
        std::ostringstream os;
        os << "only " << size << " bytes, the GRE header needs at least " << BASE_SIZE;
        return PptpDecodeResult::Fail(PptpDecodeError::TRUNCATED, os.str());
    }
    uint8_t first = data[0];
    uint8_t second = data[1];
    uint16_t protocol = static_cast<uint16_t>((data[2] << 8) | data[3]);
    if ((second & MASK_VERSION) != VERSION)
    {
        std::ostringstream os;
        os << "GRE version " << +(second & MASK_VERSION) << ", PPTP uses Enhanced GRE (1)";
        return PptpDecodeResult::Fail(PptpDecodeError::GRE_NOT_ENHANCED, os.str());
    }
    if (protocol != PROTOCOL_PPP)
    {
        std::ostringstream os;
        os << "GRE protocol type 0x" << std::hex << std::uppercase << std::setw(4)
           << std::setfill('0') << protocol << ", PPTP carries PPP (0x880B)";
        return PptpDecodeResult::Fail(PptpDecodeError::GRE_BAD_PROTOCOL, os.str());
    }
    if (size < BASE_SIZE)
    {
        std::ostringstream os;
        os << "only " << size << " bytes, the GRE header needs at least " << BASE_SIZE;
        return PptpDecodeResult::Fail(PptpDecodeError::TRUNCATED, os.str());
    }
    if (first & (FLAG_CHECKSUM | FLAG_ROUTING | FLAG_STRICT_ROUTE | MASK_RECURSION))
    {
        return PptpDecodeResult::Fail(PptpDecodeError::GRE_BAD_FLAGS,
                                      "checksum, routing, strict route or recursion bits set");
    }
    if (!(first & FLAG_KEY))
    {
        return PptpDecodeResult::Fail(PptpDecodeError::GRE_BAD_FLAGS, "key present bit clear");
    }
    if (second & MASK_FLAGS)
    {
        return PptpDecodeResult::Fail(PptpDecodeError::GRE_BAD_FLAGS, "reserved flags set");
    }
    bool hasSequence = first & FLAG_SEQUENCE;
    bool hasAck = second & FLAG_ACK;
    uint32_t headerSize = BASE_SIZE + (hasSequence ? 4 : 0) + (hasAck ? 4 : 0);
    if (size < headerSize)
    {
        std::ostringstream os;
        os << "only " << size << " bytes, this GRE header needs " << headerSize;
        return PptpDecodeResult::Fail(PptpDecodeError::TRUNCATED, os.str());
    }
    uint16_t payloadLength = static_cast<uint16_t>((data[4] << 8) | data[5]);
    if (!hasSequence && !hasAck)
    {
        return PptpDecodeResult::Fail(PptpDecodeError::GRE_BAD_FLAGS,
                                      "neither sequence nor acknowledgement number present");
    }
    if (!hasSequence && payloadLength != 0)
    {
        std::ostringstream os;
        os << "payload of " << payloadLength << " bytes without a sequence number";
        return PptpDecodeResult::Fail(PptpDecodeError::GRE_BAD_PAYLOAD_LENGTH, os.str());
    }
    header.m_payloadLength = payloadLength;
    header.m_callId = static_cast<uint16_t>((data[6] << 8) | data[7]);
    header.m_hasSequence = hasSequence;
    header.m_hasAck = hasAck;
    const uint8_t* p = data + BASE_SIZE;
    header.m_sequence = hasSequence ? PptpReadU32(p) : 0;
    p += hasSequence ? 4 : 0;
    header.m_ack = hasAck ? PptpReadU32(p) : 0;
    return PptpDecodeResult{};
}

uint32_t
PptpGreHeader::Deserialize(Buffer::Iterator start)
{
    // Only the header is copied; its payload length is checked against the bytes that remain.
    uint8_t bytes[BASE_SIZE + 8];
    uint32_t available = start.GetRemainingSize();
    uint32_t n = std::min<uint32_t>(available, sizeof(bytes));
    start.Read(bytes, n);
    PptpGreHeader header;
    PptpDecodeResult result = DecodePrefix(bytes, n, available, header);
    if (!result.Ok())
    {
        NS_LOG_WARN("malformed GRE header (" << result.error << "): " << result.detail);
        return 0;
    }
    *this = header;
    return GetSerializedSize();
}

void
PptpGreHeader::SetCallId(uint16_t callId)
{
    m_callId = callId;
}

uint16_t
PptpGreHeader::GetCallId() const
{
    return m_callId;
}

void
PptpGreHeader::SetPayloadLength(uint16_t length)
{
    m_payloadLength = length;
}

uint16_t
PptpGreHeader::GetPayloadLength() const
{
    return m_payloadLength;
}

void
PptpGreHeader::SetSequenceNumber(uint32_t sequence)
{
    m_hasSequence = true;
    m_sequence = sequence;
}

void
PptpGreHeader::ClearSequenceNumber()
{
    m_hasSequence = false;
    m_sequence = 0;
}

bool
PptpGreHeader::HasSequenceNumber() const
{
    return m_hasSequence;
}

uint32_t
PptpGreHeader::GetSequenceNumber() const
{
    return m_sequence;
}

void
PptpGreHeader::SetAcknowledgment(uint32_t ack)
{
    m_hasAck = true;
    m_ack = ack;
}

void
PptpGreHeader::ClearAcknowledgment()
{
    m_hasAck = false;
    m_ack = 0;
}

bool
PptpGreHeader::HasAcknowledgment() const
{
    return m_hasAck;
}

uint32_t
PptpGreHeader::GetAcknowledgment() const
{
    return m_ack;
}

bool
PptpGreHeader::IsAckOnly() const
{
    return m_hasAck && !m_hasSequence && m_payloadLength == 0;
}

void
PptpGreHeader::Print(std::ostream& os) const
{
    os << "Enhanced GRE Call ID=" << m_callId << " Payload Length=" << m_payloadLength;
    if (m_hasSequence)
    {
        os << " Seq=" << m_sequence;
    }
    if (m_hasAck)
    {
        os << " Ack=" << m_ack;
    }
}

} // namespace ns3
