/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PPP framing inside PPTP's GRE: every combination of Address and Control
// fields (present or compressed away, ACFC) and Protocol field (two bytes or,
// for protocol numbers below 0x100, one byte, PFC) for LCP, PAP, CHAP, IPCP
// and IPv4, as exact bytes; protocol names; and the exact error for frames
// that are too short or whose protocol number is not valid.

#include "ns3/packet.h"
#include "ns3/ppp-frame-header.h"
#include "ns3/test.h"
#include "pptp-test-utils.h"

#include <sstream>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

std::string
PrintToString(const PppFrameHeader& h)
{
    std::ostringstream os;
    h.Print(os);
    return os.str();
}

/// \return the header encoded by Serialize
std::vector<uint8_t>
Encode(const PppFrameHeader& header)
{
    Buffer buffer;
    buffer.AddAtStart(header.GetSerializedSize());
    header.Serialize(buffer.Begin());
    std::vector<uint8_t> bytes(buffer.GetSize());
    buffer.CopyData(bytes.data(), bytes.size());
    return bytes;
}

/// One framing variant.
struct PppVector
{
    uint16_t protocol;      //!< protocol number
    bool addressControl;    //!< FF 03 requested
    bool compressRequested; //!< PFC requested
    const char* hex;        //!< the expected bytes
    bool compressed;        //!< whether the Protocol field is one byte
};

/** One framing variant: exact bytes, exact fields back, Packet round trip. */
class PppVectorTestCase : public TestCase
{
  public:
    /// \param v the variant
    explicit PppVectorTestCase(const PppVector& v)
        : TestCase(Name(v))
        , m_vector(v)
        , m_expected(Bytes().Hex(v.hex).Get())
    {
    }

  private:
    /// \param v a variant \return a test case name for it
    static std::string Name(const PppVector& v)
    {
        std::ostringstream os;
        os << PppProtocolName(v.protocol) << (v.addressControl ? " with FF 03" : " ACFC")
           << (v.compressRequested ? ", PFC requested" : ", full protocol") << ": " << v.hex;
        return os.str();
    }

    /**
     * \param h a header
     * \param what where it comes from
     */
    void CheckFields(const PppFrameHeader& h, const std::string& what)
    {
        NS_TEST_EXPECT_MSG_EQ(h.GetProtocol(), m_vector.protocol, what << ": protocol");
        NS_TEST_EXPECT_MSG_EQ(
            h.HasAddressControl(), m_vector.addressControl, what << ": address and control");
        NS_TEST_EXPECT_MSG_EQ(
            h.IsProtocolCompressed(), m_vector.compressed, what << ": protocol compressed");
        NS_TEST_EXPECT_MSG_EQ(h.GetSerializedSize(), m_expected.size(), what << ": size");
    }

    void DoRun() override
    {
        PppFrameHeader header(
            m_vector.protocol, m_vector.addressControl, m_vector.compressRequested);
        CheckFields(header, "built");
        NS_TEST_ASSERT_MSG_EQ(ToHex(Encode(header)), ToHex(m_expected), "encoded bytes");

        // Decode the framing followed by an LCP-like payload.
        const std::vector<uint8_t> payload = Bytes().Hex("01 02 00 04").Get();
        std::vector<uint8_t> frame = m_expected;
        frame.insert(frame.end(), payload.begin(), payload.end());
        for (uint32_t size :
             {static_cast<uint32_t>(m_expected.size()), static_cast<uint32_t>(frame.size())})
        {
            std::vector<uint8_t> bytes(frame.begin(), frame.begin() + size);
            PppFrameHeader decoded(0x1235, !m_vector.addressControl, !m_vector.compressed);
            PptpDecodeResult result = PppFrameHeader::Decode(bytes.data(), bytes.size(), decoded);
            NS_TEST_ASSERT_MSG_EQ(result.Ok(), true, "decodes: " << result.detail);
            NS_TEST_EXPECT_MSG_EQ(result.detail, "", "no detail on success");
            std::ostringstream what;
            what << "decoded from " << size << " bytes";
            CheckFields(decoded, what.str());
            NS_TEST_EXPECT_MSG_EQ(ToHex(Encode(decoded)), ToHex(m_expected), "re-encoded");
        }

        // Through a Packet.
        Ptr<Packet> packet = Create<Packet>(payload.data(), payload.size());
        packet->AddHeader(header);
        std::vector<uint8_t> wire(packet->GetSize());
        packet->CopyData(wire.data(), wire.size());
        NS_TEST_EXPECT_MSG_EQ(ToHex(wire), ToHex(frame), "packet bytes");
        PppFrameHeader removed(0x1235, !m_vector.addressControl, !m_vector.compressed);
        NS_TEST_ASSERT_MSG_EQ(packet->RemoveHeader(removed), m_expected.size(), "RemoveHeader");
        CheckFields(removed, "removed from a packet");
        NS_TEST_EXPECT_MSG_EQ(packet->GetSize(), payload.size(), "payload left");
        NS_TEST_EXPECT_MSG_EQ(PrintToString(removed), PrintToString(header), "Print");
    }

    PppVector m_vector;              //!< the variant
    std::vector<uint8_t> m_expected; //!< its bytes
};

/** Protocol names, and Print. */
class PppNamesTestCase : public TestCase
{
  public:
    PppNamesTestCase()
        : TestCase("protocol names and Print")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(PppProtocolName(0xC021), "LCP", "LCP");
        NS_TEST_EXPECT_MSG_EQ(PppProtocolName(0xC023), "PAP", "PAP");
        NS_TEST_EXPECT_MSG_EQ(PppProtocolName(0xC223), "CHAP", "CHAP");
        NS_TEST_EXPECT_MSG_EQ(PppProtocolName(0x8021), "IPCP", "IPCP");
        NS_TEST_EXPECT_MSG_EQ(PppProtocolName(0x0021), "IPv4", "IPv4");
        NS_TEST_EXPECT_MSG_EQ(PppProtocolName(0x80FD), "CCP", "CCP");
        NS_TEST_EXPECT_MSG_EQ(PppProtocolName(0x0057), "IPv6", "IPv6");
        NS_TEST_EXPECT_MSG_EQ(PppProtocolName(0x1234), "0x1234", "unknown");
        NS_TEST_EXPECT_MSG_EQ(PppProtocolName(0x0003), "0x0003", "unknown, zero-padded");
        NS_TEST_EXPECT_MSG_EQ(PppProtocolName(0xC025), "0xC025", "unknown, LQR-like");
        NS_TEST_EXPECT_MSG_EQ(PppProtocolName(0x0000), "0x0000", "zero");

        NS_TEST_EXPECT_MSG_EQ(PrintToString(PppFrameHeader(0xC021, true, false)),
                              "PPP LCP (0xC021)",
                              "Print, full framing");
        NS_TEST_EXPECT_MSG_EQ(PrintToString(PppFrameHeader(0x0021, false, true)),
                              "PPP IPv4 (0x0021) ACFC PFC",
                              "Print, both compressions");
        NS_TEST_EXPECT_MSG_EQ(PrintToString(PppFrameHeader(0xC223, false, true)),
                              "PPP CHAP (0xC223) ACFC",
                              "Print, PFC requested but not applicable");

        // Default: LCP with address and control, full protocol field.
        PppFrameHeader defaults;
        NS_TEST_EXPECT_MSG_EQ(defaults.GetProtocol(), 0xC021, "default protocol");
        NS_TEST_EXPECT_MSG_EQ(defaults.HasAddressControl(), true, "default FF 03");
        NS_TEST_EXPECT_MSG_EQ(defaults.IsProtocolCompressed(), false, "default full protocol");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Encode(defaults)), "ff03c021", "default bytes");

        // SetProtocol changes what is written, and whether compression applies.
        PppFrameHeader h(0xC021, false, true);
        NS_TEST_EXPECT_MSG_EQ(ToHex(Encode(h)), "c021", "LCP cannot be compressed");
        h.SetProtocol(0x0021);
        NS_TEST_EXPECT_MSG_EQ(h.IsProtocolCompressed(), true, "IPv4 can");
        NS_TEST_EXPECT_MSG_EQ(ToHex(Encode(h)), "21", "IPv4 compressed");
    }
};

/** Frames that are too short or carry an invalid protocol number. */
class PppRejectTestCase : public TestCase
{
  public:
    PppRejectTestCase()
        : TestCase("rejections: truncated frames and even protocol low bytes")
    {
    }

  private:
    /**
     * \param hex the frame
     * \param expected the error Decode must give
     */
    void ExpectError(const std::string& hex, PptpDecodeError expected)
    {
        const std::vector<uint8_t> bytes = Bytes().Hex(hex).Get();
        const PppFrameHeader sentinel(0x1235, false, true);
        const std::string before = PrintToString(sentinel);

        PppFrameHeader out = sentinel;
        PptpDecodeResult result = PppFrameHeader::Decode(bytes.data(), bytes.size(), out);
        NS_TEST_EXPECT_MSG_EQ(PptpDecodeErrorName(result.error),
                              PptpDecodeErrorName(expected),
                              "[" << hex << "] (detail: " << result.detail << ")");
        NS_TEST_EXPECT_MSG_EQ(result.detail.empty(), false, "[" << hex << "] has a detail");
        NS_TEST_EXPECT_MSG_EQ(PrintToString(out), before, "[" << hex << "] header untouched");

        PppFrameHeader removed = sentinel;
        NS_TEST_EXPECT_MSG_EQ(DeserializeFrom(bytes, removed), 0u, "[" << hex << "] Deserialize");
        NS_TEST_EXPECT_MSG_EQ(PrintToString(removed), before, "[" << hex << "] removed untouched");
    }

    void DoRun() override
    {
        ExpectError("", PptpDecodeError::TRUNCATED);
        ExpectError("FF 03", PptpDecodeError::TRUNCATED);
        ExpectError("FF 03 C0", PptpDecodeError::TRUNCATED);
        ExpectError("FF 03 00", PptpDecodeError::TRUNCATED);
        ExpectError("C0", PptpDecodeError::TRUNCATED);
        ExpectError("80", PptpDecodeError::TRUNCATED);
        ExpectError("00", PptpDecodeError::TRUNCATED);

        ExpectError("C0 20", PptpDecodeError::PPP_BAD_PROTOCOL);
        ExpectError("00 20", PptpDecodeError::PPP_BAD_PROTOCOL);
        ExpectError("80 20", PptpDecodeError::PPP_BAD_PROTOCOL);
        ExpectError("C2 22", PptpDecodeError::PPP_BAD_PROTOCOL);
        ExpectError("00 00", PptpDecodeError::PPP_BAD_PROTOCOL);
        ExpectError("C0 20 01 01 00 04", PptpDecodeError::PPP_BAD_PROTOCOL);
        ExpectError("FF 03 C0 20", PptpDecodeError::PPP_BAD_PROTOCOL);
        ExpectError("FF 03 00 20 45 00", PptpDecodeError::PPP_BAD_PROTOCOL);
        ExpectError("FF 03 80 FE", PptpDecodeError::PPP_BAD_PROTOCOL);
    }
};

class PppFrameHeaderTestSuite : public TestSuite
{
  public:
    PppFrameHeaderTestSuite();
};

PppFrameHeaderTestSuite::PppFrameHeaderTestSuite()
    : TestSuite("pptp-ppp-frame-header", UNIT)
{
    // protocol, FF 03, PFC requested, bytes, one-byte protocol field
    const PppVector vectors[] = {
        {0xC021, true, false, "FF 03 C0 21", false}, {0xC021, true, true, "FF 03 C0 21", false},
        {0xC021, false, false, "C0 21", false},      {0xC021, false, true, "C0 21", false},
        {0xC023, true, false, "FF 03 C0 23", false}, {0xC023, true, true, "FF 03 C0 23", false},
        {0xC023, false, false, "C0 23", false},      {0xC023, false, true, "C0 23", false},
        {0xC223, true, false, "FF 03 C2 23", false}, {0xC223, true, true, "FF 03 C2 23", false},
        {0xC223, false, false, "C2 23", false},      {0xC223, false, true, "C2 23", false},
        {0x8021, true, false, "FF 03 80 21", false}, {0x8021, true, true, "FF 03 80 21", false},
        {0x8021, false, false, "80 21", false},      {0x8021, false, true, "80 21", false},
        {0x0021, true, false, "FF 03 00 21", false}, {0x0021, true, true, "FF 03 21", true},
        {0x0021, false, false, "00 21", false},      {0x0021, false, true, "21", true},
    };
    for (const PppVector& v : vectors)
    {
        AddTestCase(new PppVectorTestCase(v), TestCase::QUICK);
    }
    AddTestCase(new PppNamesTestCase, TestCase::QUICK);
    AddTestCase(new PppRejectTestCase, TestCase::QUICK);
}

PppFrameHeaderTestSuite g_pptpPppHeaderTestSuite;

} // namespace
