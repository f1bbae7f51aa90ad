/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Fuzz target: a PPP frame as GRE carries it, on arbitrary bytes: the PPP
// framing (address/control, protocol field, compressed or not), then the
// control packet (Code, Identifier, Length, data) and its option list.
// Properties: decoding never crashes; the framing re-encodes to the bytes
// read; a control packet re-encodes to exactly its Length bytes; options
// that parse re-encode to the same data; decoding the encodings gives the
// same fields.

#include "ns3/packet.h"
#include "ns3/ppp-control-packet.h"
#include "ns3/ppp-frame-header.h"
#include "pptp-fuzz-check.h"

#include <vector>

using namespace ns3;

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 70000)
    {
        return 0;
    }
    PppFrameHeader ppp;
    if (PppFrameHeader::Decode(data, size, ppp).Ok())
    {
        Ptr<Packet> packet = Create<Packet>();
        packet->AddHeader(ppp);
        std::vector<uint8_t> encoded(packet->GetSize());
        packet->CopyData(encoded.data(), encoded.size());
        PPTP_FUZZ_CHECK(encoded.size() <= 4 && encoded.size() <= size, "framing fits");
        PPTP_FUZZ_CHECK(std::equal(encoded.begin(), encoded.end(), data), "framing round trip");
        PppFrameHeader again;
        PPTP_FUZZ_CHECK(PppFrameHeader::Decode(encoded.data(), encoded.size(), again).Ok(),
                        "the framing decodes");
        PPTP_FUZZ_CHECK(again.GetProtocol() == ppp.GetProtocol(), "same protocol");
        data += encoded.size();
        size -= encoded.size();
    }

    PppControlPacket control;
    if (!PppControlPacket::Decode(data, size, control).Ok())
    {
        return 0;
    }
    std::vector<uint8_t> encoded = control.Encode();
    uint32_t length = (data[2] << 8) | data[3];
    PPTP_FUZZ_CHECK(encoded.size() == length, "Length bytes");
    PPTP_FUZZ_CHECK(std::equal(encoded.begin(), encoded.end(), data), "control round trip");

    std::vector<PppOption> options;
    if (control.GetOptions(options))
    {
        PppControlPacket rebuilt;
        rebuilt.SetOptions(options);
        PPTP_FUZZ_CHECK(rebuilt.data == control.data, "options round trip");
        for (const auto& option : options)
        {
            PPTP_FUZZ_CHECK(option.data.size() <= 253, "an option fits its length byte");
        }
    }
    return 0;
}
