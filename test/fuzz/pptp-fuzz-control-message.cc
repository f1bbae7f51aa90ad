/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Fuzz target: the control-message decoder on arbitrary bytes. Properties:
// decoding never crashes and, when it succeeds, the message re-encodes to
// bytes of the message's own Length that decode again to the same fields
// (the encoding is a fixed point), and that equal the input wherever the
// input was already canonical (reserved fields zero, strings NUL-padded).

#include "ns3/pptp-control-message.h"
#include "pptp-fuzz-check.h"

#include <cstring>
#include <vector>

using namespace ns3;

namespace
{

/// Where a NUL-padded text field lies in a control message.
struct TextField
{
    uint32_t offset;
    uint32_t size;
};

/// \param type a Control Message Type \return its text fields
std::vector<TextField>
TextFields(uint16_t type)
{
    switch (type)
    {
        case 1: // Start-Control-Connection-Request: Host Name, Vendor String
        case 2: // and Reply
            return {{28, 64}, {92, 64}};
        case 7: // Outgoing-Call-Request: Phone Number, Subaddress
            return {{40, 64}, {104, 64}};
        case 9: // Incoming-Call-Request: Dialed Number, Dialing Number, Subaddress
            return {{28, 64}, {92, 64}, {156, 64}};
        case 13: // Call-Disconnect-Notify: Call Statistics
            return {{20, 128}};
        default:
            return {};
    }
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    PptpControlMessage message;
    if (!PptpControlMessage::Decode(data, size, message).Ok())
    {
        return 0;
    }
    std::vector<uint8_t> encoded = message.Encode();
    PPTP_FUZZ_CHECK(encoded.size() == size, "the encoding has the size of the message decoded");
    PPTP_FUZZ_CHECK(encoded.size() == message.GetLength(), "Length is the size");
    PptpControlMessage again;
    PPTP_FUZZ_CHECK(PptpControlMessage::Decode(encoded.data(), encoded.size(), again).Ok(),
                    "the encoding decodes");
    PPTP_FUZZ_CHECK(again.Encode() == encoded, "decode of the encoding gives the same fields");
    PPTP_FUZZ_CHECK(again.GetMessageType() == message.GetMessageType(), "same type");
    // Reserved fields must be zero to decode, so the only bytes the decoder may drop are
    // those after the NUL that ends a text field: the input with those zeroed is what the
    // encoder must give back, byte for byte. Text fields by type, from RFC 2637 section 2.
    std::vector<uint8_t> canonical(data, data + size);
    for (const TextField& field : TextFields(static_cast<uint16_t>((data[8] << 8) | data[9])))
    {
        bool ended = false;
        for (uint32_t i = field.offset; i < field.offset + field.size; ++i)
        {
            ended = ended || canonical[i] == 0;
            canonical[i] = ended ? 0 : canonical[i];
        }
    }
    PPTP_FUZZ_CHECK(encoded == canonical, "decode then encode gives the same bytes");
    return 0;
}
