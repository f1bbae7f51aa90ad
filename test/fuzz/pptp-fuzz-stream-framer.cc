/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Fuzz target: the TCP stream framer with random chunking. The first byte
// seeds the chunk sizes; the rest is the stream. Properties: framing never
// crashes; every message handed out starts with a control message header
// whose Length is its size; and the stream gives the same messages and the
// same number of discarded bytes however TCP happened to cut it (one
// Append of everything against many small ones), unless the stream is given
// up as unrecoverable.

#include "ns3/pptp-byte-order.h"
#include "ns3/pptp-control-message.h"
#include "ns3/pptp-stream-framer.h"
#include "pptp-fuzz-check.h"

#include <vector>

using namespace ns3;

namespace
{

/// What a framer made of a stream.
struct Framed
{
    std::vector<std::vector<uint8_t>> messages;
    uint64_t discarded{0};
    bool unrecoverable{false};
};

/// Take every event the framer has, checking each message.
void
Drain(PptpStreamFramer& framer, Framed& out)
{
    std::vector<uint8_t> message;
    uint32_t discarded = 0;
    for (;;)
    {
        switch (framer.Next(message, discarded))
        {
            case PptpStreamFramer::Event::NEED_MORE:
                return;
            case PptpStreamFramer::Event::MESSAGE:
                PPTP_FUZZ_CHECK(message.size() >= 12, "a message holds its header");
                PPTP_FUZZ_CHECK(PptpReadU16(message.data()) == message.size(),
                                "Length is its size");
                PPTP_FUZZ_CHECK(PptpReadU32(message.data() + 4) == PPTP_MAGIC_COOKIE, "the cookie");
                out.messages.push_back(message);
                break;
            case PptpStreamFramer::Event::DISCARDED:
                PPTP_FUZZ_CHECK(discarded > 0, "a discard skips bytes");
                out.discarded += discarded;
                break;
            case PptpStreamFramer::Event::UNRECOVERABLE:
                out.unrecoverable = true;
                return;
        }
    }
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
    {
        return 0;
    }
    uint32_t seed = data[0];
    const uint8_t* stream = data + 1;
    size_t length = size - 1;

    Framed whole;
    PptpStreamFramer one;
    one.Append(stream, length);
    Drain(one, whole);

    Framed pieces;
    PptpStreamFramer many;
    size_t offset = 0;
    while (offset < length && !pieces.unrecoverable)
    {
        seed = seed * 1103515245u + 12345u;
        size_t chunk = 1 + (seed >> 16) % 200;
        chunk = chunk < length - offset ? chunk : length - offset;
        many.Append(stream + offset, chunk);
        offset += chunk;
        Drain(many, pieces);
    }
    PPTP_FUZZ_CHECK(many.GetBufferedSize() <= length, "never holds more than it was given");
    if (whole.unrecoverable || pieces.unrecoverable)
    {
        return 0;
    }
    PPTP_FUZZ_CHECK(whole.messages == pieces.messages, "the same messages however cut");
    PPTP_FUZZ_CHECK(whole.discarded == pieces.discarded, "the same bytes skipped however cut");
    return 0;
}
