/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-control-packet.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

uint32_t
PppOption::GetValue() const
{
    uint32_t value = 0;
    for (size_t i = 0; i < data.size() && i < 4; ++i)
    {
        value = (value << 8) | data[i];
    }
    return value;
}

PppOption
PppOption::Make(uint8_t type, uint32_t value, uint8_t size)
{
    PppOption option;
    option.type = type;
    for (int i = size - 1; i >= 0; --i)
    {
        option.data.push_back(static_cast<uint8_t>(value >> (8 * i)));
    }
    return option;
}

std::vector<uint8_t>
PppControlPacket::Encode() const
{
    // Length counts 65,535 bytes at most: longer data is cut there rather than let Length
    // wrap around (callers cut to the peer's MRU long before).
    size_t kept = std::min<size_t>(data.size(), MAX_DATA_SIZE);
    uint16_t length = static_cast<uint16_t>(HEADER_SIZE + kept);
    // Sized first and filled: GCC 12 at -O3 warns, wrongly, about inserting into a vector
    // made from an initializer list.
    std::vector<uint8_t> bytes(length);
    bytes[0] = code;
    bytes[1] = identifier;
    bytes[2] = static_cast<uint8_t>(length >> 8);
    bytes[3] = static_cast<uint8_t>(length);
    std::copy_n(data.begin(), kept, bytes.begin() + HEADER_SIZE);
    return bytes;
}

PptpDecodeResult
PppControlPacket::Decode(const uint8_t* bytes, uint32_t size, PppControlPacket& packet)
{
    if (size < 4)
    {
        return PptpDecodeResult::Fail(PptpDecodeError::TRUNCATED,
                                      "PPP control packet shorter than its 4-byte header");
    }
    uint16_t length = static_cast<uint16_t>((bytes[2] << 8) | bytes[3]);
    if (length < 4 || length > size)
    {
        std::ostringstream os;
        os << "PPP control packet Length " << length << " with " << size << " bytes present";
        return PptpDecodeResult::Fail(PptpDecodeError::BAD_LENGTH, os.str());
    }
    packet.code = bytes[0];
    packet.identifier = bytes[1];
    packet.data.assign(bytes + 4, bytes + length);
    return PptpDecodeResult{};
}

bool
PppControlPacket::GetOptions(std::vector<PppOption>& options) const
{
    options.clear();
    size_t i = 0;
    while (i < data.size())
    {
        if (i + 2 > data.size() || data[i + 1] < 2 || i + data[i + 1] > data.size())
        {
            return false;
        }
        PppOption option;
        option.type = data[i];
        option.data.assign(data.begin() + i + 2, data.begin() + i + data[i + 1]);
        options.push_back(option);
        i += data[i + 1];
    }
    return true;
}

void
PppControlPacket::SetOptions(const std::vector<PppOption>& options)
{
    data.clear();
    for (const auto& option : options)
    {
        // An option's length byte counts 255 bytes at most, type and length included.
        size_t kept = std::min<size_t>(option.data.size(), 253);
        data.push_back(option.type);
        data.push_back(static_cast<uint8_t>(kept + 2));
        data.insert(data.end(), option.data.begin(), option.data.begin() + kept);
    }
}

} // namespace ns3
