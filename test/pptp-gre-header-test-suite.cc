/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Enhanced GRE (RFC 2637 section 4.1): byte vectors for the three header
// shapes (data, data + ack, ack-only), sequence and acknowledgement numbers
// near the 32-bit limit, and the exact error for every way a GRE packet can
// fail to be PPTP's Enhanced GRE.

#include "ns3/packet.h"
#include "ns3/pptp-gre-header.h"
#include "ns3/test.h"
#include "pptp-test-utils.h"

#include <algorithm>
#include <sstream>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

std::string
PrintToString(const PptpGreHeader& h)
{
    std::ostringstream os;
    h.Print(os);
    return os.str();
}

/// \return the header encoded by Serialize
std::vector<uint8_t>
Encode(const PptpGreHeader& header)
{
    Buffer buffer;
    buffer.AddAtStart(header.GetSerializedSize());
    header.Serialize(buffer.Begin());
    std::vector<uint8_t> bytes(buffer.GetSize());
    buffer.CopyData(bytes.data(), bytes.size());
    return bytes;
}

/// A header a failed decode must leave alone.
PptpGreHeader
Sentinel()
{
    PptpGreHeader h;
    h.SetCallId(0xBEEF);
    h.SetPayloadLength(77);
    h.SetSequenceNumber(0x11111111);
    h.SetAcknowledgment(0x22222222);
    return h;
}

/// What a header is expected to hold.
struct GreFields
{
    uint16_t callId;
    uint16_t payloadLength;
    bool hasSequence;
    uint32_t sequence;
    bool hasAck;
    uint32_t ack;
};

/// \return a header with the given fields, built with the setters
PptpGreHeader
MakeHeader(const GreFields& f)
{
    PptpGreHeader h;
    h.SetCallId(f.callId);
    h.SetPayloadLength(f.payloadLength);
    if (f.hasSequence)
    {
        h.SetSequenceNumber(f.sequence);
    }
    if (f.hasAck)
    {
        h.SetAcknowledgment(f.ack);
    }
    return h;
}

/**
 * One header shape: the encoder gives the expected bytes, the decoder gives
 * the fields back, and the header survives a Packet round trip.
 */
class GreVectorTestCase : public TestCase
{
  public:
    /**
     * \param name the case's name
     * \param fields the header
     * \param expected its wire bytes, written by hand
     */
    GreVectorTestCase(const std::string& name, GreFields fields, std::vector<uint8_t> expected)
        : TestCase("vector " + name)
        , m_fields(fields)
        , m_expected(std::move(expected))
    {
    }

  private:
    /**
     * \param h a header
     * \param what where it comes from
     */
    void CheckFields(const PptpGreHeader& h, const std::string& what)
    {
        NS_TEST_EXPECT_MSG_EQ(h.GetCallId(), m_fields.callId, what << ": call id");
        NS_TEST_EXPECT_MSG_EQ(
            h.GetPayloadLength(), m_fields.payloadLength, what << ": payload length");
        NS_TEST_EXPECT_MSG_EQ(h.HasSequenceNumber(), m_fields.hasSequence, what << ": S");
        NS_TEST_EXPECT_MSG_EQ(h.HasAcknowledgment(), m_fields.hasAck, what << ": A");
        if (m_fields.hasSequence)
        {
            NS_TEST_EXPECT_MSG_EQ(h.GetSequenceNumber(), m_fields.sequence, what << ": seq");
        }
        if (m_fields.hasAck)
        {
            NS_TEST_EXPECT_MSG_EQ(h.GetAcknowledgment(), m_fields.ack, what << ": ack");
        }
        bool ackOnly = m_fields.hasAck && !m_fields.hasSequence && m_fields.payloadLength == 0;
        NS_TEST_EXPECT_MSG_EQ(h.IsAckOnly(), ackOnly, what << ": ack-only");
        NS_TEST_EXPECT_MSG_EQ(h.GetSerializedSize(), m_expected.size(), what << ": size");
    }

    void DoRun() override
    {
        PptpGreHeader header = MakeHeader(m_fields);
        CheckFields(header, "built");
        NS_TEST_ASSERT_MSG_EQ(ToHex(Encode(header)), ToHex(m_expected), "encoded bytes");

        // Decode the header followed by its payload.
        std::vector<uint8_t> packetBytes = m_expected;
        for (uint32_t i = 0; i < m_fields.payloadLength; ++i)
        {
            packetBytes.push_back(static_cast<uint8_t>(0xC0 + i));
        }
        PptpGreHeader decoded;
        PptpDecodeResult result
            = PptpGreHeader::Decode(packetBytes.data(), packetBytes.size(), decoded);
        NS_TEST_ASSERT_MSG_EQ(result.Ok(), true, "decodes: " << result.detail);
        NS_TEST_EXPECT_MSG_EQ(result.detail, "", "no detail on success");
        CheckFields(decoded, "decoded");

        // Through a Packet, payload included.
        std::vector<uint8_t> payload(packetBytes.begin() + m_expected.size(), packetBytes.end());
        Ptr<Packet> packet = Create<Packet>(payload.data(), payload.size());
        packet->AddHeader(header);
        NS_TEST_ASSERT_MSG_EQ(packet->GetSize(), packetBytes.size(), "packet size");
        std::vector<uint8_t> wire(packet->GetSize());
        packet->CopyData(wire.data(), wire.size());
        NS_TEST_EXPECT_MSG_EQ(ToHex(wire), ToHex(packetBytes), "packet bytes");
        PptpGreHeader removed;
        NS_TEST_ASSERT_MSG_EQ(packet->RemoveHeader(removed), m_expected.size(), "RemoveHeader");
        CheckFields(removed, "removed from a packet");
        NS_TEST_EXPECT_MSG_EQ(packet->GetSize(), m_fields.payloadLength, "payload left");
        NS_TEST_EXPECT_MSG_EQ(PrintToString(removed), PrintToString(header), "Print");
    }

    GreFields m_fields;              //!< the header
    std::vector<uint8_t> m_expected; //!< its bytes
};

/** Setting and clearing S and A changes the shape; Print shows the fields. */
class GreAccessorsTestCase : public TestCase
{
  public:
    GreAccessorsTestCase()
        : TestCase("accessors: shapes follow S and A, Print shows the fields")
    {
    }

  private:
    void DoRun() override
    {
        PptpGreHeader h;
        NS_TEST_EXPECT_MSG_EQ(h.HasSequenceNumber(), false, "no S by default");
        NS_TEST_EXPECT_MSG_EQ(h.HasAcknowledgment(), false, "no A by default");
        NS_TEST_EXPECT_MSG_EQ(h.GetSerializedSize(), 8u, "8 bytes without S and A");
        h.SetCallId(0x0102);
        h.SetSequenceNumber(5);
        NS_TEST_EXPECT_MSG_EQ(h.GetSerializedSize(), 12u, "S");
        h.SetAcknowledgment(4);
        NS_TEST_EXPECT_MSG_EQ(h.GetSerializedSize(), 16u, "S and A");
        NS_TEST_EXPECT_MSG_EQ(h.IsAckOnly(), false, "S and A is not ack-only");
        h.ClearSequenceNumber();
        NS_TEST_EXPECT_MSG_EQ(h.HasSequenceNumber(), false, "S cleared");
        NS_TEST_EXPECT_MSG_EQ(h.GetSerializedSize(), 12u, "A only");
        NS_TEST_EXPECT_MSG_EQ(h.IsAckOnly(), true, "A only, no payload: ack-only");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Encode(h)),
                              ToHex(Bytes().Hex("20 81 88 0B 00 00 01 02 00 00 00 04")),
                              "ack-only bytes after clearing S");
        h.ClearAcknowledgment();
        NS_TEST_EXPECT_MSG_EQ(h.HasAcknowledgment(), false, "A cleared");
        NS_TEST_EXPECT_MSG_EQ(h.IsAckOnly(), false, "nothing is not ack-only");

        PptpGreHeader p = MakeHeader({0x4000, 4, true, 7, true, 6});
        std::string printed = PrintToString(p);
        NS_TEST_EXPECT_MSG_EQ(
            printed, "Enhanced GRE Call ID=16384 Payload Length=4 Seq=7 Ack=6", "Print");
    }
};

/** Every malformed GRE packet gives its exact error, through Decode and RemoveHeader. */
class GreRejectTestCase : public TestCase
{
  public:
    GreRejectTestCase()
        : TestCase("rejections: version, protocol, flags, payload length, truncation")
    {
    }

  private:
    /**
     * \param bytes a GRE packet
     * \param expected the error Decode must give
     * \param what what is wrong
     */
    void ExpectError(const std::vector<uint8_t>& bytes,
                     PptpDecodeError expected,
                     const std::string& what)
    {
        PptpGreHeader out = Sentinel();
        const std::string before = PrintToString(out);
        PptpDecodeResult result = PptpGreHeader::Decode(bytes.data(), bytes.size(), out);
        NS_TEST_EXPECT_MSG_EQ(PptpDecodeErrorName(result.error),
                              PptpDecodeErrorName(expected),
                              what << " [" << ToHex(bytes) << "] (detail: " << result.detail
                                   << ")");
        NS_TEST_EXPECT_MSG_EQ(result.detail.empty(), false, what << ": the failure has a detail");
        NS_TEST_EXPECT_MSG_EQ(PrintToString(out), before, what << ": header untouched");

        // Deserialize (what Packet::RemoveHeader runs) consumes nothing and does not abort.
        PptpGreHeader removed = Sentinel();
        NS_TEST_EXPECT_MSG_EQ(DeserializeFrom(bytes, removed), 0u, what << ": Deserialize");
        NS_TEST_EXPECT_MSG_EQ(PrintToString(removed), before, what << ": removed untouched");
    }

    /**
     * \param bytes a GRE packet
     * \param payloadLength the payload length it must decode with
     * \param what what it is
     */
    void ExpectOk(const std::vector<uint8_t>& bytes,
                  uint16_t payloadLength,
                  const std::string& what)
    {
        PptpGreHeader out;
        PptpDecodeResult result = PptpGreHeader::Decode(bytes.data(), bytes.size(), out);
        NS_TEST_EXPECT_MSG_EQ(result.Ok(), true, what << ": decodes (" << result.detail << ")");
        NS_TEST_EXPECT_MSG_EQ(out.GetPayloadLength(), payloadLength, what << ": payload length");
        PptpGreHeader removed;
        NS_TEST_EXPECT_MSG_EQ(
            DeserializeFrom(bytes, removed), out.GetSerializedSize(), what << ": Deserialize");
        NS_TEST_EXPECT_MSG_EQ(PrintToString(removed), PrintToString(out), what << ": same header");
    }

    void DoRun() override
    {
        // The three valid shapes, each with a 4-byte payload where it may have one.
        const std::vector<uint8_t> data = Bytes().Hex("30 01 88 0B 00 04 40 00 00 00 00 07").Get();
        const std::vector<uint8_t> dataAck
            = Bytes().Hex("30 81 88 0B 00 04 40 00 00 00 00 07 00 00 00 03").Get();
        const std::vector<uint8_t> ackOnly
            = Bytes().Hex("20 81 88 0B 00 00 40 00 00 00 00 03").Get();
        const std::vector<uint8_t> payload = Bytes().Hex("FF 03 C0 21").Get();
        auto withPayload = [&payload](std::vector<uint8_t> header)
        {
            header.insert(header.end(), payload.begin(), payload.end());
            return header;
        };
        ExpectOk(withPayload(data), 4, "data");
        ExpectOk(withPayload(dataAck), 4, "data + ack");
        ExpectOk(ackOnly, 0, "ack-only");

        // Plain GRE (version 0): RFC 2784 headers, and PPTP's layout with version 0.
        ExpectError(Bytes().Hex("00 00 08 00"),
                    PptpDecodeError::GRE_NOT_ENHANCED,
                    "plain GRE header alone");
        ExpectError(Bytes().Hex("00 00 08 00 45 00 00 14 00 00 00 00 40 01 00 00 0A 00 00 01 "
                                "0A 00 00 02"),
                    PptpDecodeError::GRE_NOT_ENHANCED,
                    "plain GRE carrying IPv4");
        ExpectError(Bytes().Hex("20 00 88 0B 00 04 40 00"),
                    PptpDecodeError::GRE_NOT_ENHANCED,
                    "version 0 with a key");
        ExpectError(withPayload(Bytes().Hex("20 00 88 0B 00 04 40 00 00 00 00 07")),
                    PptpDecodeError::GRE_NOT_ENHANCED,
                    "version 0 with a key and a payload");
        ExpectError(withPayload(Bytes().Hex("30 00 88 0B 00 04 40 00 00 00 00 07")),
                    PptpDecodeError::GRE_NOT_ENHANCED,
                    "data header with version 0");
        for (uint8_t version = 0; version <= 7; ++version)
        {
            if (version == 1)
            {
                continue;
            }
            for (const std::vector<uint8_t>* shape : {&data, &dataAck, &ackOnly})
            {
                std::vector<uint8_t> bytes = withPayload(*shape);
                bytes[1] = (bytes[1] & 0xF8) | version;
                std::ostringstream what;
                what << "version " << +version;
                ExpectError(bytes, PptpDecodeError::GRE_NOT_ENHANCED, what.str());
            }
        }

        // Version 1 with a protocol other than PPP.
        for (uint16_t protocol : {0x0800, 0x86DD, 0x0000, 0x880A, 0x0B88, 0xFFFF})
        {
            for (const std::vector<uint8_t>* shape : {&data, &dataAck, &ackOnly})
            {
                std::vector<uint8_t> bytes = withPayload(*shape);
                bytes[2] = protocol >> 8;
                bytes[3] = protocol & 0xFF;
                std::ostringstream what;
                what << "protocol 0x" << std::hex << protocol;
                ExpectError(bytes, PptpDecodeError::GRE_BAD_PROTOCOL, what.str());
            }
        }
        ExpectError(withPayload(Bytes().Hex("30 01 08 00 00 04 40 00 00 00 00 07")),
                    PptpDecodeError::GRE_BAD_PROTOCOL,
                    "IPv4 in version 1");

        // Flags: C, R, s and each Recur value in byte 0, the four reserved flags of byte 1, and
        // K clear.
        struct FlagDamage
        {
            uint32_t byte;
            uint8_t set;
            uint8_t clear;
            const char* what;
        };

        const FlagDamage damages[] = {
            {0, 0x80, 0, "C (checksum present)"},
            {0, 0x40, 0, "R (routing present)"},
            {0, 0x08, 0, "s (strict source route)"},
            {0, 0x01, 0, "Recur 1"},
            {0, 0x02, 0, "Recur 2"},
            {0, 0x03, 0, "Recur 3"},
            {0, 0x04, 0, "Recur 4"},
            {0, 0x05, 0, "Recur 5"},
            {0, 0x06, 0, "Recur 6"},
            {0, 0x07, 0, "Recur 7"},
            {1, 0x08, 0, "reserved flag 0x08"},
            {1, 0x10, 0, "reserved flag 0x10"},
            {1, 0x20, 0, "reserved flag 0x20"},
            {1, 0x40, 0, "reserved flag 0x40"},
            {1, 0x78, 0, "all reserved flags"},
            {0, 0, 0x20, "K (key present) clear"},
            {0, 0xC0, 0, "C and R"},
        };
        for (const FlagDamage& d : damages)
        {
            for (const std::vector<uint8_t>* shape : {&data, &dataAck, &ackOnly})
            {
                std::vector<uint8_t> bytes = withPayload(*shape);
                bytes[d.byte] = (bytes[d.byte] | d.set) & ~d.clear;
                ExpectError(bytes, PptpDecodeError::GRE_BAD_FLAGS, d.what);
            }
        }
        // Neither S nor A: nothing for the packet to carry.
        ExpectError(Bytes().Hex("20 01 88 0B 00 00 40 00"),
                    PptpDecodeError::GRE_BAD_FLAGS,
                    "neither S nor A");
        ExpectError(withPayload(Bytes().Hex("20 01 88 0B 00 04 40 00")),
                    PptpDecodeError::GRE_BAD_FLAGS,
                    "neither S nor A, with a payload");

        // Payload length: a payload needs a sequence number, and must be present.
        for (uint16_t length : {1, 4, 0xFFFF})
        {
            std::vector<uint8_t> bytes = ackOnly;
            bytes[4] = length >> 8;
            bytes[5] = length & 0xFF;
            bytes.resize(bytes.size() + std::min<uint32_t>(length, 8), 0x21);
            std::ostringstream what;
            what << "payload length " << length << " without S";
            ExpectError(bytes, PptpDecodeError::GRE_BAD_PAYLOAD_LENGTH, what.str());
        }
        for (const std::vector<uint8_t>* shape : {&data, &dataAck})
        {
            std::vector<uint8_t> full = withPayload(*shape);
            // Fewer payload bytes than the payload length: every size between header and full.
            for (uint32_t size = shape->size(); size < full.size(); ++size)
            {
                std::ostringstream what;
                what << "payload length 4 with " << size - shape->size() << " bytes";
                ExpectError(std::vector<uint8_t>(full.begin(), full.begin() + size),
                            PptpDecodeError::GRE_BAD_PAYLOAD_LENGTH,
                            what.str());
            }
            std::vector<uint8_t> huge = full;
            huge[4] = 0xFF;
            huge[5] = 0xFF;
            ExpectError(huge, PptpDecodeError::GRE_BAD_PAYLOAD_LENGTH, "payload length 65535");
            huge[4] = 0x00;
            huge[5] = 0x05;
            ExpectError(huge, PptpDecodeError::GRE_BAD_PAYLOAD_LENGTH, "payload length 5 of 4");

            // Trailing bytes past the payload (e.g. Ethernet padding) are accepted.
            std::vector<uint8_t> padded = full;
            padded.insert(padded.end(), 10, 0x00);
            ExpectOk(padded, 4, "payload followed by 10 bytes");
            std::vector<uint8_t> shorter = full;
            shorter[5] = 0x01;
            ExpectOk(shorter, 1, "payload length 1 with 4 bytes present");
        }
        {
            std::vector<uint8_t> padded = ackOnly;
            padded.insert(padded.end(), 6, 0x00);
            ExpectOk(padded, 0, "ack-only followed by 6 bytes");
        }

        // Truncated at every offset of each shape: below the 8 mandatory bytes, and between
        // them and the whole header.
        for (const std::vector<uint8_t>* shape : {&data, &dataAck, &ackOnly})
        {
            for (uint32_t size = 0; size < shape->size(); ++size)
            {
                std::ostringstream what;
                what << ToHex(*shape) << " truncated to " << size << " bytes";
                ExpectError(std::vector<uint8_t>(shape->begin(), shape->begin() + size),
                            PptpDecodeError::TRUNCATED,
                            what.str());
            }
        }
    }
};

class PptpGreHeaderTestSuite : public TestSuite
{
  public:
    PptpGreHeaderTestSuite();
};

PptpGreHeaderTestSuite::PptpGreHeaderTestSuite()
    : TestSuite("pptp-gre-header", UNIT)
{
    // Data, S only: 12 bytes, 30 01.
    AddTestCase(
        new GreVectorTestCase("data (S only)",
                              {0x4000, 6, true, 0x00000007, false, 0},
                              Bytes().U8(0x30).U8(0x01).U16(0x880B).U16(6).U16(0x4000).U32(7)),
        TestCase::QUICK);
    // Data + ack: 16 bytes, 30 81.
    AddTestCase(new GreVectorTestCase(
                    "data + ack (S and A)",
                    {1275, 5, true, 0x01020304, true, 0x00000002},
                    Bytes().U8(0x30).U8(0x81).U16(0x880B).U16(5).U16(1275).U32(0x01020304).U32(2)),
                TestCase::QUICK);
    // Ack-only: 12 bytes, 20 81, payload length 0.
    AddTestCase(new GreVectorTestCase(
                    "ack-only (A only)",
                    {0x0102, 0, false, 0, true, 0x0A0B0C0D},
                    Bytes().U8(0x20).U8(0x81).U16(0x880B).U16(0).U16(0x0102).U32(0x0A0B0C0D)),
                TestCase::QUICK);
    // Data with an empty payload: S set, payload length 0.
    AddTestCase(new GreVectorTestCase("data with an empty payload",
                                      {0xFFFF, 0, true, 0, false, 0},
                                      Bytes().Hex("30 01 88 0B 00 00 FF FF 00 00 00 00")),
                TestCase::QUICK);
    // Sequence and acknowledgement numbers near the 32-bit limit.
    AddTestCase(
        new GreVectorTestCase("seq 0xFFFFFFFF, ack 0xFFFFFFFE",
                              {0x8001, 3, true, 0xFFFFFFFF, true, 0xFFFFFFFE},
                              Bytes().Hex("30 81 88 0B 00 03 80 01 FF FF FF FF FF FF FF FE")),
        TestCase::QUICK);
    AddTestCase(new GreVectorTestCase("seq 0xFFFFFFFE",
                                      {1, 2, true, 0xFFFFFFFE, false, 0},
                                      Bytes().Hex("30 01 88 0B 00 02 00 01 FF FF FF FE")),
                TestCase::QUICK);
    AddTestCase(new GreVectorTestCase("ack 0xFFFFFFFF",
                                      {2, 0, false, 0, true, 0xFFFFFFFF},
                                      Bytes().Hex("20 81 88 0B 00 00 00 02 FF FF FF FF")),
                TestCase::QUICK);
    AddTestCase(
        new GreVectorTestCase("seq 0 after wrap, ack 0xFFFFFFFF",
                              {3, 1, true, 0, true, 0xFFFFFFFF},
                              Bytes().Hex("30 81 88 0B 00 01 00 03 00 00 00 00 FF FF FF FF")),
        TestCase::QUICK);
    AddTestCase(
        new GreVectorTestCase("seq 0x80000000, ack 0x7FFFFFFF",
                              {4, 1, true, 0x80000000, true, 0x7FFFFFFF},
                              Bytes().Hex("30 81 88 0B 00 01 00 04 80 00 00 00 7F FF FF FF")),
        TestCase::QUICK);
    AddTestCase(new GreAccessorsTestCase, TestCase::QUICK);
    AddTestCase(new GreRejectTestCase, TestCase::QUICK);
}

PptpGreHeaderTestSuite g_pptpGreHeaderTestSuite;

} // namespace
