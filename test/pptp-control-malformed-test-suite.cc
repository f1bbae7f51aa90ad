/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Malformed control messages: for each of the 15 message types a valid
// message is encoded and then damaged in every way the decoder must notice
// (truncation, trailing bytes, wrong Length, Magic Cookie, PPTP Message Type
// and Control Message Type, non-zero reserved fields). Each damage must give
// its exact error class with a detail, and leave the output message as it
// was. Random bytes must never crash the decoder, and Packet::RemoveHeader
// must consume nothing from a malformed message.

#include "ns3/packet.h"
#include "ns3/pptp-control-message.h"
#include "ns3/test.h"
#include "pptp-sample-messages.h"
#include "pptp-test-utils.h"

#include <random>
#include <sstream>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

std::string
PrintToString(const PptpControlMessage& m)
{
    std::ostringstream os;
    m.Print(os);
    return os.str();
}

/// The RFC 2637 length of each Control Message Type, indexed by type - 1 (from the RFC, not
/// from the module's table).
const uint16_t g_rfcLengths[15] = {156, 156, 16, 16, 16, 20, 168, 32, 220, 24, 28, 16, 148, 40, 24};

/// A reserved field of a message body, as laid out in RFC 2637.
struct ReservedField
{
    uint16_t type;    //!< Control Message Type
    uint32_t offset;  //!< offset from the start of the message
    uint32_t size;    //!< bytes
    const char* name; //!< the field's name, expected in the error detail
};

/// Every reserved field after the common header, from the RFC's layouts.
const ReservedField g_reservedFields[] = {
    {1, 14, 2, "Reserved1"},  // SCCRQ
    {3, 13, 1, "Reserved1"},  // StopCCRQ
    {3, 14, 2, "Reserved2"},  // StopCCRQ
    {4, 14, 2, "Reserved1"},  // StopCCRP
    {6, 18, 2, "Reserved1"},  // Echo-Reply
    {7, 38, 2, "Reserved1"},  // OCRQ
    {10, 22, 2, "Reserved1"}, // ICRP
    {11, 14, 2, "Reserved1"}, // ICCN
    {12, 14, 2, "Reserved1"}, // CCRQ
    {13, 18, 2, "Reserved1"}, // CDN
    {14, 14, 2, "Reserved1"}, // WEN
    {15, 14, 2, "Reserved1"}, // SLI
};

/// \return the reserved field of message type \p type covering \p offset, or nullptr
const ReservedField*
FindReserved(uint16_t type, uint32_t offset)
{
    for (const ReservedField& f : g_reservedFields)
    {
        if (f.type == type && offset >= f.offset && offset < f.offset + f.size)
        {
            return &f;
        }
    }
    return nullptr;
}

/// \return one message of each type, in type order, with non-zero fields and non-empty texts
std::vector<PptpControlMessage>
AllMessages()
{
    std::vector<PptpControlMessage> messages;
    for (const SampleMessage& sample : SampleMessages())
    {
        messages.push_back(sample.message);
    }
    return messages;
}

/// The message a failed decode must leave alone: distinct from everything decoded here.
PptpControlMessage
Sentinel()
{
    PptpSetLinkInfo s;
    s.peerCallId = 0xBEEF;
    s.sendAccm = 0x13572468;
    s.receiveAccm = 0x24681357;
    return PptpControlMessage(s);
}

/// \param bytes bytes \param offset where \param v value written big-endian
void
Put16(std::vector<uint8_t>& bytes, uint32_t offset, uint16_t v)
{
    bytes[offset] = v >> 8;
    bytes[offset + 1] = v & 0xFF;
}

/// \param bytes bytes \param offset where \param v value written big-endian
void
Put32(std::vector<uint8_t>& bytes, uint32_t offset, uint32_t v)
{
    Put16(bytes, offset, v >> 16);
    Put16(bytes, offset + 2, v & 0xFFFF);
}

/** A test case that decodes damaged bytes and checks the error class. */
class MalformedTestCaseBase : public TestCase
{
  public:
    using TestCase::TestCase;

  protected:
    /**
     * Decode \p bytes into a sentinel message and check the failure.
     * \param bytes the damaged bytes (decoded from a copy of exactly that size)
     * \param expected the expected error class
     * \param what what was damaged, for the assertion messages
     * \param detailNeedle a text the detail must contain (if not empty)
     */
    void ExpectError(const std::vector<uint8_t>& bytes,
                     PptpDecodeError expected,
                     const std::string& what,
                     const std::string& detailNeedle = "")
    {
        PptpControlMessage out = Sentinel();
        std::string before = PrintToString(out);
        PptpDecodeResult result = PptpControlMessage::Decode(bytes.data(), bytes.size(), out);
        NS_TEST_EXPECT_MSG_EQ(PptpDecodeErrorName(result.error),
                              PptpDecodeErrorName(expected),
                              what << " (detail: " << result.detail << ")");
        NS_TEST_EXPECT_MSG_EQ(result.Ok(), false, what << ": decoding fails");
        NS_TEST_EXPECT_MSG_EQ(result.detail.empty(), false, what << ": the failure has a detail");
        if (!detailNeedle.empty())
        {
            NS_TEST_EXPECT_MSG_NE(result.detail.find(detailNeedle),
                                  std::string::npos,
                                  what << ": detail \"" << result.detail << "\" names "
                                       << detailNeedle);
        }
        NS_TEST_EXPECT_MSG_EQ(
            PrintToString(out), before, what << ": a failed decode leaves the message untouched");
    }

    /**
     * Decode \p bytes and check it succeeds.
     * \param bytes the bytes
     * \param what what they are
     */
    void ExpectOk(const std::vector<uint8_t>& bytes, const std::string& what)
    {
        PptpControlMessage out = Sentinel();
        PptpDecodeResult result = PptpControlMessage::Decode(bytes.data(), bytes.size(), out);
        NS_TEST_EXPECT_MSG_EQ(
            result.Ok(), true, what << " decodes (detail: " << result.detail << ")");
        NS_TEST_EXPECT_MSG_EQ(result.detail, "", what << ": no detail on success");
    }
};

/** Every damage of one message type gives its exact error. */
class MalformedMessageTestCase : public MalformedTestCaseBase
{
  public:
    /// \param message a valid message of the type under test
    explicit MalformedMessageTestCase(const PptpControlMessage& message)
        : MalformedTestCaseBase(std::string("malformed ") + message.GetInfo().rfcName)
        , m_message(message)
    {
    }

  private:
    void DoRun() override
    {
        const uint16_t type = static_cast<uint16_t>(m_message.GetMessageType());
        const uint16_t length = g_rfcLengths[type - 1];
        const std::vector<uint8_t> valid = m_message.Encode();
        const std::string name = m_message.GetInfo().shortName;

        // The starting point: a valid message with the RFC's header.
        NS_TEST_ASSERT_MSG_EQ(valid.size(), length, name << ": RFC length");
        std::vector<uint8_t> header(valid.begin(), valid.begin() + 12);
        NS_TEST_ASSERT_MSG_EQ(
            ToHex(header), ToHex(ControlHeader(length, type)), name << ": common header bytes");
        ExpectOk(valid, name + " as encoded");

        // Truncated at every offset: in the header, then in the body.
        for (uint32_t size = 0; size < length; ++size)
        {
            std::vector<uint8_t> cut(valid.begin(), valid.begin() + size);
            std::ostringstream what;
            what << name << " truncated to " << size << " bytes";
            ExpectError(cut, PptpDecodeError::TRUNCATED, what.str());
        }

        // Trailing bytes after a complete message.
        for (uint32_t extra : {1u, 2u, 3u, 4u, 11u, 12u, 100u, static_cast<uint32_t>(length)})
        {
            std::vector<uint8_t> longer = valid;
            longer.insert(longer.end(), extra, 0);
            std::ostringstream what;
            what << name << " with " << extra << " trailing zero bytes";
            ExpectError(longer, PptpDecodeError::BAD_LENGTH, what.str());
        }
        {
            std::vector<uint8_t> twice = valid;
            twice.insert(twice.end(), valid.begin(), valid.end());
            ExpectError(twice, PptpDecodeError::BAD_LENGTH, name + " followed by a copy of itself");
        }

        // The Length field disagrees with the type.
        std::vector<uint16_t> badLengths = {static_cast<uint16_t>(length - 1),
                                            static_cast<uint16_t>(length + 1),
                                            0,
                                            1,
                                            11,
                                            12,
                                            static_cast<uint16_t>(0x8000 | length),
                                            0xFFFF};
        for (uint16_t other : g_rfcLengths)
        {
            if (other != length)
            {
                badLengths.push_back(other);
            }
        }
        for (uint16_t bad : badLengths)
        {
            std::vector<uint8_t> damaged = valid;
            Put16(damaged, 0, bad);
            std::ostringstream what;
            what << name << " with Length field " << bad;
            ExpectError(damaged, PptpDecodeError::BAD_LENGTH, what.str());

            // The same, with exactly as many bytes as the wrong Length says.
            if (bad >= 12 && bad <= length + 300)
            {
                std::vector<uint8_t> resized = damaged;
                resized.resize(bad, 0);
                std::ostringstream what2;
                what2 << name << " with Length field " << bad << " and " << bad << " bytes";
                ExpectError(resized, PptpDecodeError::BAD_LENGTH, what2.str());
            }
        }

        // Wrong Magic Cookie.
        for (uint32_t cookie : {0x4D3C2B1Au,
                                0x00000000u,
                                0xFFFFFFFFu,
                                0x1A2B3C4Cu,
                                0x1A2B3C4Eu,
                                0x9A2B3C4Du,
                                0x1A2B3C4D ^ 0x00010000u,
                                0x2B3C4D1Au})
        {
            std::vector<uint8_t> damaged = valid;
            Put32(damaged, 4, cookie);
            std::ostringstream what;
            what << name << " with magic cookie 0x" << std::hex << cookie;
            ExpectError(damaged, PptpDecodeError::BAD_MAGIC_COOKIE, what.str());
        }

        // PPTP Message Type other than 1 (control); 2 (management) is never used.
        for (uint16_t pptpType : {0, 2, 3, 0x0100, 0xFFFF})
        {
            std::vector<uint8_t> damaged = valid;
            Put16(damaged, 2, pptpType);
            std::ostringstream what;
            what << name << " with PPTP Message Type " << pptpType;
            ExpectError(damaged, PptpDecodeError::BAD_MESSAGE_TYPE, what.str());
        }

        // Control Message Type outside 1..15.
        for (uint16_t controlType : {0, 16, 17, 0x0100, 0x8001, 0xFFFF})
        {
            std::vector<uint8_t> damaged = valid;
            Put16(damaged, 8, controlType);
            std::ostringstream what;
            what << name << " with Control Message Type " << controlType;
            ExpectError(damaged, PptpDecodeError::UNKNOWN_CONTROL_TYPE, what.str());
        }

        // Control Message Type of another message whose length differs from this one's.
        for (uint16_t otherType = 1; otherType <= 15; ++otherType)
        {
            if (g_rfcLengths[otherType - 1] == length)
            {
                continue;
            }
            std::vector<uint8_t> damaged = valid;
            Put16(damaged, 8, otherType);
            std::ostringstream what;
            what << name << " relabelled as type " << otherType;
            ExpectError(damaged, PptpDecodeError::BAD_LENGTH, what.str());
        }

        // Reserved0, each byte.
        for (uint32_t offset : {10u, 11u})
        {
            for (uint8_t value : {0x01, 0x80, 0xFF})
            {
                std::vector<uint8_t> damaged = valid;
                damaged[offset] = value;
                std::ostringstream what;
                what << name << " with byte " << offset << " (Reserved0) = " << +value;
                ExpectError(damaged, PptpDecodeError::NON_ZERO_RESERVED, what.str(), "Reserved0");
            }
        }

        // Every byte of the body: non-zero in a reserved field is an error naming the field;
        // anywhere else it is a valid message.
        uint32_t reservedBytes = 0;
        for (uint32_t offset = 12; offset < length; ++offset)
        {
            const ReservedField* reserved = FindReserved(type, offset);
            if (reserved != nullptr)
            {
                ++reservedBytes;
                NS_TEST_EXPECT_MSG_EQ(+valid[offset], 0, name << ": reserved byte encoded as 0");
                for (uint8_t value : {0x01, 0x80, 0xFF})
                {
                    std::vector<uint8_t> damaged = valid;
                    damaged[offset] = value;
                    std::ostringstream what;
                    what << name << " with byte " << offset << " (" << reserved->name
                         << ") = " << +value;
                    ExpectError(
                        damaged, PptpDecodeError::NON_ZERO_RESERVED, what.str(), reserved->name);
                }
            }
            else
            {
                std::vector<uint8_t> changed = valid;
                changed[offset] ^= 0x5A;
                std::ostringstream what;
                what << name << " with byte " << offset << " (not reserved) changed";
                ExpectOk(changed, what.str());
            }
        }
        uint32_t expectedReserved = 0;
        for (const ReservedField& f : g_reservedFields)
        {
            expectedReserved += f.type == type ? f.size : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(reservedBytes, expectedReserved, name << ": reserved bytes visited");

        // Several errors at once: a header error is reported before a body error.
        if (expectedReserved > 0)
        {
            std::vector<uint8_t> damaged = valid;
            for (uint32_t offset = 12; offset < length; ++offset)
            {
                if (FindReserved(type, offset) != nullptr)
                {
                    damaged[offset] = 0xFF;
                }
            }
            Put32(damaged, 4, 0x4D3C2B1A);
            ExpectError(damaged,
                        PptpDecodeError::BAD_MAGIC_COOKIE,
                        name + " with a bad cookie and non-zero reserved fields");
        }
    }

    PptpControlMessage m_message; //!< the valid message that is damaged
};

/** Random bytes never crash the decoder; every failure has a class and a detail. */
class RandomBytesTestCase : public MalformedTestCaseBase
{
  public:
    RandomBytesTestCase()
        : MalformedTestCaseBase("random bytes: 20000 buffers of 0..300 bytes")
    {
    }

  private:
    void DoRun() override
    {
        std::mt19937 rng(1);
        std::uniform_int_distribution<uint32_t> sizeDist(0, 300);
        std::uniform_int_distribution<uint32_t> byteDist(0, 255);
        const std::string sentinel = PrintToString(Sentinel());
        uint32_t failures = 0;
        for (uint32_t i = 0; i < 20000; ++i)
        {
            std::vector<uint8_t> bytes(sizeDist(rng));
            for (uint8_t& b : bytes)
            {
                b = static_cast<uint8_t>(byteDist(rng));
            }
            PptpControlMessage out = Sentinel();
            PptpDecodeResult result = PptpControlMessage::Decode(bytes.data(), bytes.size(), out);
            if (result.Ok())
            {
                NS_TEST_EXPECT_MSG_EQ(out.GetLength(), bytes.size(), "decoded size");
                continue;
            }
            ++failures;
            NS_TEST_EXPECT_MSG_EQ(result.detail.empty(), false, "buffer " << i << " has a detail");
            NS_TEST_EXPECT_MSG_EQ(PrintToString(out), sentinel, "buffer " << i << " untouched");
            if (bytes.size() < 12)
            {
                NS_TEST_EXPECT_MSG_EQ(PptpDecodeErrorName(result.error),
                                      PptpDecodeErrorName(PptpDecodeError::TRUNCATED),
                                      "short buffer " << i);
            }
        }
        NS_TEST_EXPECT_MSG_GT(failures, 19900u, "random bytes are (almost) never a message");
    }
};

/**
 * A valid header followed by random bytes: the error class is determined by the size and the
 * reserved fields, and what decodes re-encodes to the same message.
 */
class RandomBodyTestCase : public MalformedTestCaseBase
{
  public:
    RandomBodyTestCase()
        : MalformedTestCaseBase("valid header then random bytes: 20000 buffers")
    {
    }

  private:
    void DoRun() override
    {
        std::mt19937 rng(1);
        std::uniform_int_distribution<uint16_t> typeDist(1, 15);
        std::uniform_int_distribution<uint32_t> sizeDist(12, 300);
        std::uniform_int_distribution<uint32_t> byteDist(0, 255);
        std::bernoulli_distribution exactSize(0.5);
        std::bernoulli_distribution zeroReserved(0.5);
        const std::string sentinel = PrintToString(Sentinel());
        uint32_t decoded = 0;
        uint32_t reservedErrors = 0;
        for (uint32_t i = 0; i < 20000; ++i)
        {
            uint16_t type = typeDist(rng);
            uint16_t length = g_rfcLengths[type - 1];
            uint32_t size = exactSize(rng) ? length : sizeDist(rng);
            std::vector<uint8_t> bytes = ControlHeader(length, type);
            bytes.resize(size);
            bool clearReserved = zeroReserved(rng);
            bool anyReserved = false;
            for (uint32_t offset = 12; offset < size; ++offset)
            {
                bytes[offset] = static_cast<uint8_t>(byteDist(rng));
                if (offset < length && FindReserved(type, offset) != nullptr)
                {
                    if (clearReserved)
                    {
                        bytes[offset] = 0;
                    }
                    anyReserved = anyReserved || bytes[offset] != 0;
                }
            }

            PptpDecodeError expected = PptpDecodeError::NONE;
            if (size < length)
            {
                expected = PptpDecodeError::TRUNCATED;
            }
            else if (size > length)
            {
                expected = PptpDecodeError::BAD_LENGTH;
            }
            else if (anyReserved)
            {
                expected = PptpDecodeError::NON_ZERO_RESERVED;
            }

            PptpControlMessage out = Sentinel();
            PptpDecodeResult result = PptpControlMessage::Decode(bytes.data(), bytes.size(), out);
            NS_TEST_EXPECT_MSG_EQ(PptpDecodeErrorName(result.error),
                                  PptpDecodeErrorName(expected),
                                  "buffer " << i << " (type " << type << ", " << size
                                            << " bytes): " << result.detail);
            if (result.Ok())
            {
                ++decoded;
                NS_TEST_EXPECT_MSG_EQ(
                    static_cast<uint16_t>(out.GetMessageType()), type, "decoded type");
                NS_TEST_EXPECT_MSG_EQ(out.GetLength(), size, "decoded length");
                // Encoding what was decoded and decoding it again gives the same message.
                std::vector<uint8_t> again = out.Encode();
                PptpControlMessage twice;
                NS_TEST_EXPECT_MSG_EQ(
                    PptpControlMessage::Decode(again.data(), again.size(), twice).Ok(),
                    true,
                    "re-encoded buffer " << i << " decodes");
                NS_TEST_EXPECT_MSG_EQ(
                    PrintToString(twice), PrintToString(out), "buffer " << i << " re-encodes");
            }
            else
            {
                reservedErrors += result.error == PptpDecodeError::NON_ZERO_RESERVED ? 1 : 0;
                NS_TEST_EXPECT_MSG_EQ(result.detail.empty(), false, "buffer " << i << " detail");
                NS_TEST_EXPECT_MSG_EQ(PrintToString(out), sentinel, "buffer " << i << " untouched");
            }
        }
        // Both outcomes were exercised.
        NS_TEST_EXPECT_MSG_GT(decoded, 1000u, "many buffers decode");
        NS_TEST_EXPECT_MSG_GT(reservedErrors, 100u, "many buffers have non-zero reserved bytes");
    }
};

/** Packet::RemoveHeader consumes nothing from a malformed message, and does not abort. */
class DeserializeMalformedTestCase : public TestCase
{
  public:
    DeserializeMalformedTestCase()
        : TestCase("Deserialize via Packet::RemoveHeader returns 0 on malformed messages")
    {
    }

  private:
    /**
     * \param bytes packet contents
     * \param what what is wrong with them
     */
    void ExpectNothingRemoved(const std::vector<uint8_t>& bytes, const std::string& what)
    {
        PptpControlMessage message = Sentinel();
        std::string before = PrintToString(message);
        uint32_t consumed = DeserializeFrom(bytes, message);
        NS_TEST_EXPECT_MSG_EQ(consumed, 0u, what << ": nothing consumed");
        NS_TEST_EXPECT_MSG_EQ(PrintToString(message), before, what << ": message untouched");
    }

    void DoRun() override
    {
        for (const PptpControlMessage& valid : AllMessages())
        {
            const std::vector<uint8_t> bytes = valid.Encode();
            const std::string name = valid.GetInfo().shortName;
            for (uint32_t size = 0; size < bytes.size(); ++size)
            {
                std::ostringstream what;
                what << name << " truncated to " << size;
                ExpectNothingRemoved(std::vector<uint8_t>(bytes.begin(), bytes.begin() + size),
                                     what.str());
            }
            std::vector<uint8_t> damaged = bytes;
            Put32(damaged, 4, 0x4D3C2B1A);
            ExpectNothingRemoved(damaged, name + " with a byte-swapped cookie");
            damaged = bytes;
            Put16(damaged, 2, 2);
            ExpectNothingRemoved(damaged, name + " with PPTP Message Type 2");
            damaged = bytes;
            Put16(damaged, 8, 16);
            ExpectNothingRemoved(damaged, name + " with Control Message Type 16");
            damaged = bytes;
            damaged[11] = 1;
            ExpectNothingRemoved(damaged, name + " with Reserved0 non-zero");
            damaged = bytes;
            Put16(damaged, 0, bytes.size() - 1);
            ExpectNothingRemoved(damaged, name + " with Length - 1");
            damaged = bytes;
            Put16(damaged, 0, bytes.size() + 1);
            ExpectNothingRemoved(damaged, name + " with Length + 1");
            damaged.push_back(0);
            ExpectNothingRemoved(damaged, name + " with Length + 1 and one more byte");
            damaged = bytes;
            Put16(damaged, 0, 0);
            ExpectNothingRemoved(damaged, name + " with Length 0");

            // A valid message followed by more bytes: the message alone is removed.
            std::vector<uint8_t> followed = bytes;
            followed.insert(followed.end(), {0xDE, 0xAD, 0xBE, 0xEF});
            PptpControlMessage message;
            NS_TEST_EXPECT_MSG_EQ(DeserializeFrom(followed, message),
                                  bytes.size(),
                                  name << " followed by 4 bytes: the message alone is consumed");
            NS_TEST_EXPECT_MSG_EQ(PrintToString(message), PrintToString(valid), name);
        }
    }
};

class PptpControlMalformedTestSuite : public TestSuite
{
  public:
    PptpControlMalformedTestSuite();
};

PptpControlMalformedTestSuite::PptpControlMalformedTestSuite()
    : TestSuite("pptp-control-malformed", UNIT)
{
    for (const PptpControlMessage& message : AllMessages())
    {
        AddTestCase(new MalformedMessageTestCase(message), TestCase::QUICK);
    }
    AddTestCase(new RandomBytesTestCase, TestCase::QUICK);
    AddTestCase(new RandomBodyTestCase, TestCase::QUICK);
    AddTestCase(new DeserializeMalformedTestCase, TestCase::QUICK);
}

PptpControlMalformedTestSuite g_pptpControlMalformedTestSuite;

} // namespace
