/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Fuzz target: the Enhanced GRE header decoder on arbitrary IP payloads.
// Properties: decoding never crashes; what it accepts re-encodes to exactly
// the header bytes it read (the decoder rejects every flag and field it does
// not model, so there is nothing it may drop); the payload length fits the
// packet; decoding from a prefix of the packet (as the receive path does,
// without copying the payload) agrees with decoding the whole packet; and a
// header decoded through ns-3's Packet API is the same.

#include "ns3/packet.h"
#include "ns3/pptp-gre-header.h"
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
    PptpGreHeader header;
    bool ok = PptpGreHeader::Decode(data, size, header).Ok();
    PptpGreHeader prefix;
    uint32_t available = size < 16 ? size : 16;
    bool prefixOk = PptpGreHeader::DecodePrefix(data, available, size, prefix).Ok();
    PPTP_FUZZ_CHECK(ok == prefixOk, "the prefix decoder agrees with the whole-packet one");
    if (!ok)
    {
        return 0;
    }
    uint32_t headerSize = header.GetSerializedSize();
    PPTP_FUZZ_CHECK(headerSize == 8 || headerSize == 12 || headerSize == 16, "8, 12 or 16 bytes");
    PPTP_FUZZ_CHECK(headerSize + header.GetPayloadLength() <= size, "the payload is present");
    PPTP_FUZZ_CHECK(header.HasSequenceNumber() || header.GetPayloadLength() == 0,
                    "a payload has a sequence number");
    PPTP_FUZZ_CHECK(header.HasSequenceNumber() || header.HasAcknowledgment(),
                    "a packet carries data or an acknowledgement");

    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(header);
    std::vector<uint8_t> encoded(packet->GetSize());
    packet->CopyData(encoded.data(), encoded.size());
    PPTP_FUZZ_CHECK(encoded.size() == headerSize, "serialized size");
    PPTP_FUZZ_CHECK(std::equal(encoded.begin(), encoded.end(), data), "decode then encode: same");

    Ptr<Packet> received = Create<Packet>(data, size);
    PptpGreHeader viaPacket;
    PPTP_FUZZ_CHECK(received->RemoveHeader(viaPacket) == headerSize, "Deserialize reads it all");
    PPTP_FUZZ_CHECK(viaPacket.GetCallId() == header.GetCallId()
                        && viaPacket.GetPayloadLength() == header.GetPayloadLength()
                        && viaPacket.HasSequenceNumber() == header.HasSequenceNumber()
                        && viaPacket.GetSequenceNumber() == header.GetSequenceNumber()
                        && viaPacket.HasAcknowledgment() == header.HasAcknowledgment()
                        && viaPacket.GetAcknowledgment() == header.GetAcknowledgment(),
                    "decode of the encoding gives the same fields");
    return 0;
}
