/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-frame-header.h"

#include "ns3/log.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppFrameHeader");

NS_OBJECT_ENSURE_REGISTERED(PppFrameHeader);

namespace
{
constexpr uint8_t PPP_ADDRESS = 0xFF;
constexpr uint8_t PPP_CONTROL = 0x03;
} // namespace

std::string
PppProtocolName(uint16_t protocol)
{
    switch (protocol)
    {
        case PPP_PROTOCOL_IPV4:
            return "IPv4";
        case PPP_PROTOCOL_IPV6:
            return "IPv6";
        case PPP_PROTOCOL_COMPRESSED:
            return "Compressed";
        case PPP_PROTOCOL_IPCP:
            return "IPCP";
        case PPP_PROTOCOL_IPV6CP:
            return "IPV6CP";
        case PPP_PROTOCOL_CCP:
            return "CCP";
        case PPP_PROTOCOL_LCP:
            return "LCP";
        case PPP_PROTOCOL_PAP:
            return "PAP";
        case PPP_PROTOCOL_CHAP:
            return "CHAP";
    }
    std::ostringstream os;
    os << "0x" << std::hex << std::uppercase << std::setw(4) << std::setfill('0') << protocol;
    return os.str();
}

PppFrameHeader::PppFrameHeader(uint16_t protocol, bool addressControl, bool compressProtocol)
    : m_protocol(protocol)
    , m_addressControl(addressControl)
    , m_compressProtocol(compressProtocol)
{
}

TypeId
PppFrameHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PppFrameHeader")
                            .SetParent<Header>()
                            .SetGroupName("Pptp")
                            .AddConstructor<PppFrameHeader>();
    return tid;
}

TypeId
PppFrameHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

bool
PppFrameHeader::IsProtocolCompressed() const
{
    return m_compressProtocol && m_protocol < 0x100;
}

uint32_t
PppFrameHeader::GetSerializedSize() const
{
    return (m_addressControl ? 2 : 0) + (IsProtocolCompressed() ? 1 : 2);
}

void
PppFrameHeader::Serialize(Buffer::Iterator start) const
{
    if (m_addressControl)
    {
        start.WriteU8(PPP_ADDRESS);
        start.WriteU8(PPP_CONTROL);
    }
    if (IsProtocolCompressed())
    {
        start.WriteU8(static_cast<uint8_t>(m_protocol));
    }
    else
    {
        start.WriteHtonU16(m_protocol);
    }
}

PptpDecodeResult
PppFrameHeader::Decode(const uint8_t* data, uint32_t size, PppFrameHeader& header)
{
    uint32_t offset = 0;
    bool addressControl = size >= 2 && data[0] == PPP_ADDRESS && data[1] == PPP_CONTROL;
    if (addressControl)
    {
        offset = 2;
    }
    if (size <= offset)
    {
        return PptpDecodeResult::Fail(PptpDecodeError::TRUNCATED,
                                      "PPP frame has no protocol field");
    }
    // RFC 1661: an odd first byte is a whole (compressed) protocol field; otherwise the field
    // is two bytes and its second byte must be odd.
    uint8_t first = data[offset];
    if (first & 0x01)
    {
        header = PppFrameHeader(first, addressControl, true);
        return PptpDecodeResult{};
    }
    if (size < offset + 2)
    {
        return PptpDecodeResult::Fail(PptpDecodeError::TRUNCATED,
                                      "PPP frame ends inside its protocol field");
    }
    uint8_t second = data[offset + 1];
    if (!(second & 0x01))
    {
        std::ostringstream os;
        os << "PPP protocol 0x" << std::hex << std::uppercase << std::setw(2) << std::setfill('0')
           << +first << std::setw(2) << +second << " has an even low byte";
        return PptpDecodeResult::Fail(PptpDecodeError::PPP_BAD_PROTOCOL, os.str());
    }
    header = PppFrameHeader(static_cast<uint16_t>((first << 8) | second), addressControl, false);
    return PptpDecodeResult{};
}

uint32_t
PppFrameHeader::Deserialize(Buffer::Iterator start)
{
    uint8_t bytes[4];
    uint32_t n = std::min<uint32_t>(start.GetRemainingSize(), sizeof(bytes));
    start.Read(bytes, n);
    PptpDecodeResult result = Decode(bytes, n, *this);
    if (!result.Ok())
    {
        NS_LOG_WARN("malformed PPP framing (" << result.error << "): " << result.detail);
        return 0;
    }
    return GetSerializedSize();
}

uint16_t
PppFrameHeader::GetProtocol() const
{
    return m_protocol;
}

void
PppFrameHeader::SetProtocol(uint16_t protocol)
{
    m_protocol = protocol;
}

bool
PppFrameHeader::HasAddressControl() const
{
    return m_addressControl;
}

void
PppFrameHeader::Print(std::ostream& os) const
{
    os << "PPP " << PppProtocolName(m_protocol) << " (0x" << std::hex << std::uppercase
       << std::setw(4) << std::setfill('0') << m_protocol << std::dec << std::setfill(' ') << ")"
       << (m_addressControl ? "" : " ACFC") << (IsProtocolCompressed() ? " PFC" : "");
}

} // namespace ns3
