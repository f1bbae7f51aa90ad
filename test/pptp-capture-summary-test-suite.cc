/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The capture reader behind pptp-trace-summary: TCP reassembly of the control
// stream (split, coalesced, reordered and retransmitted segments), GRE and
// malformed packets, unreadable files, and the lines of a real pptpd and
// pptp-linux session captured in network namespaces (test/captures/).

#include "ns3/test.h"
#include "pptp-capture-builder.h"
#include "pptp-sample-messages.h"
#include "pptp-test-utils.h"
#include "pptp-trace-summary/pptp-capture-summary.h"

#include <fstream>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// "frame: text" for each line, to compare whole outputs at once.
std::string
Render(const std::vector<PptpCaptureLine>& lines)
{
    std::string text;
    for (const auto& line : lines)
    {
        text += std::to_string(line.frame) + ": " + line.text + "\n";
    }
    return text;
}

const Ipv4Address PNS("10.10.10.1");
const Ipv4Address PAC("10.10.10.10");

std::vector<uint8_t>
Slice(const std::vector<uint8_t>& bytes, size_t from, size_t to)
{
    return std::vector<uint8_t>(bytes.begin() + from, bytes.begin() + to);
}

class ReassemblyTestCase : public TestCase
{
  public:
    ReassemblyTestCase()
        : TestCase("control stream: split, coalesced, reordered, retransmitted segments")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<SampleMessage> samples = SampleMessages();
        std::vector<uint8_t> sccrq = samples[0].message.Encode();
        std::vector<uint8_t> sccrp = samples[1].message.Encode();
        std::vector<uint8_t> ocrq = samples[6].message.Encode();
        std::vector<uint8_t> ocrp = samples[7].message.Encode();
        std::vector<uint8_t> echo = samples[4].message.Encode();
        std::vector<uint8_t> echoReply = samples[5].message.Encode();

        std::string file = CreateTempDirFilename("reassembly.pcap");
        {
            CaptureBuilder capture(file);
            TcpFlow up(capture, PNS, 40000, PAC, PPTP_TCP_PORT, 0xFFFFFF00); // wraps around
            TcpFlow down(capture, PAC, PPTP_TCP_PORT, PNS, 40000, 77);
            up.Syn();                          // frame 1
            down.Syn(true);                    // frame 2
            up.Send(Slice(sccrq, 0, 100));     // frame 3: first part of SCCRQ
            up.Send(Slice(sccrq, 100, 156));   // frame 4: completes SCCRQ
            std::vector<uint8_t> both = sccrp; // SCCRP and part of OCRP in one segment
            both.insert(both.end(), ocrp.begin(), ocrp.begin() + 10);
            down.Send(both); // frame 5: SCCRP
            // OCRQ in two segments sent in the wrong order.
            uint32_t first = up.Reserve(60);
            uint32_t second = up.Reserve(ocrq.size() - 60);
            up.SendAt(second, Slice(ocrq, 60, ocrq.size())); // frame 6: held
            up.SendAt(first, Slice(ocrq, 0, 60));            // frame 7: completes OCRQ
            down.Send(Slice(ocrp, 10, ocrp.size()));         // frame 8: completes OCRP
            up.SendAt(first, Slice(ocrq, 0, 60));            // frame 9: retransmission, no line
            std::vector<uint8_t> echoes = echo;
            echoes.insert(echoes.end(), echo.begin(), echo.end());
            up.Send(echoes);      // frame 10: two Echo-Requests
            down.Send(echoReply); // frame 11
        }
        PptpCaptureSummary summary;
        std::vector<PptpCaptureLine> lines;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(summary.Read(file, lines, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(
            Render(lines),
            "4: PPTP Control Packet (1): Start Session Request (1) 10.10.10.1 10.10.10.10\n"
            "5: PPTP Control Packet (1): Start Session Reply (2) 10.10.10.10 10.10.10.1\n"
            "7: PPTP Control Packet (1): Outgoing Call Request (7) 10.10.10.1 10.10.10.10\n"
            "8: PPTP Control Packet (1): Outgoing Call Reply (8) 10.10.10.10 10.10.10.1\n"
            "10: PPTP Control Packet (1): Echo Request (5) 10.10.10.1 10.10.10.10\n"
            "10: PPTP Control Packet (1): Echo Request (5) 10.10.10.1 10.10.10.10\n"
            "11: PPTP Control Packet (1): Echo Reply (6) 10.10.10.10 10.10.10.1\n",
            "lines");
        NS_TEST_EXPECT_MSG_EQ((lines.empty() ? -1.0 : lines[0].time), 0.003, "time of frame 4");
    }
};

class MalformedTrafficTestCase : public TestCase
{
  public:
    MalformedTrafficTestCase()
        : TestCase("garbage in the stream, malformed messages and GRE, other traffic")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<SampleMessage> samples = SampleMessages();
        std::vector<uint8_t> sccrq = samples[0].message.Encode();
        std::vector<uint8_t> badReserved = samples[11].message.Encode(); // Call-Clear-Request
        badReserved[15] = 1;

        std::string file = CreateTempDirFilename("malformed.pcap");
        {
            CaptureBuilder capture(file);
            TcpFlow up(capture, PNS, 40001, PAC, PPTP_TCP_PORT, 1);
            std::vector<uint8_t> garbage(37, 0xAA);
            garbage.insert(garbage.end(), sccrq.begin(), sccrq.end());
            up.Send(garbage);     // frame 1: 37 bytes of garbage, then SCCRQ
            up.Send(badReserved); // frame 2
            TcpFlow web(capture, PNS, 40002, PAC, 80, 1);
            web.Send(sccrq); // frame 3: not port 1723, ignored
            PptpGreHeader gre;
            gre.SetCallId(5);
            gre.SetSequenceNumber(1);
            capture.Gre(PNS, PAC, gre, PppFrame(0xC020, {1, 2})); // frame 4: bad PPP protocol
            Ptr<Packet> plain
                = Create<Packet>(std::vector<uint8_t>{0, 0, 0x08, 0, 0x45, 0, 0, 20}.data(), 8);
            capture.Ip(PNS, PAC, 47, plain); // frame 5: plain GRE
            capture.Gre(PNS, PAC, gre, PppFrame(0xC021, LcpConfigureRequest(1, 1400, 1))); // 6
        }
        PptpCaptureSummary summary;
        std::vector<PptpCaptureLine> lines;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(summary.Read(file, lines, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(
            Render(lines),
            "1: Malformed PPTP Control Stream: bad-magic-cookie (37 bytes skipped to find the next "
            "control message) 10.10.10.1 10.10.10.10\n"
            "1: PPTP Control Packet (1): Start Session Request (1) 10.10.10.1 10.10.10.10\n"
            "2: Malformed PPTP Control Packet: non-zero-reserved (Reserved1 is not zero in "
            "Call-Clear-Request) 10.10.10.1 10.10.10.10\n"
            "4: Malformed PPTP GRE Packet: ppp-bad-protocol (PPP protocol 0xC020 has an even low "
            "byte) 10.10.10.1 10.10.10.10\n"
            "5: Malformed PPTP GRE Packet: gre-not-enhanced (GRE version 0, PPTP uses Enhanced GRE "
            "(1)) 10.10.10.1 10.10.10.10\n"
            "6: PPTP GRE Data Packet: Call ID 5, Length 18, Seq 1, PPP LCP (0xC021) 10.10.10.1 "
            "10.10.10.10\n",
            "lines");
    }
};

class UnreadableFileTestCase : public TestCase
{
  public:
    UnreadableFileTestCase()
        : TestCase("missing, non-pcap and unsupported link type files are refused with a reason")
    {
    }

  private:
    void DoRun() override
    {
        PptpCaptureSummary summary;
        std::vector<PptpCaptureLine> lines;
        std::string error;
        NS_TEST_EXPECT_MSG_EQ(
            summary.Read("/nonexistent/capture.pcap", lines, error), false, "missing file");
        NS_TEST_EXPECT_MSG_NE(error.find("/nonexistent/capture.pcap"), std::string::npos, error);

        std::string text = CreateTempDirFilename("not-a-capture.pcap");
        std::ofstream(text) << "this is not a capture file, just some text\n";
        error.clear();
        NS_TEST_EXPECT_MSG_EQ(summary.Read(text, lines, error), false, "text file");
        NS_TEST_EXPECT_MSG_NE(error, "", "a reason is given");

        std::string radiotap = CreateTempDirFilename("radiotap.pcap");
        {
            PcapFile file;
            file.Open(radiotap, std::ios::out);
            file.Init(127); // 802.11 radiotap
        }
        error.clear();
        NS_TEST_EXPECT_MSG_EQ(summary.Read(radiotap, lines, error), false, "radiotap");
        NS_TEST_EXPECT_MSG_NE(error.find("link type 127"), std::string::npos, error);
        NS_TEST_EXPECT_MSG_EQ(lines.size(), 0u, "no lines from refused files");
    }
};

/// Bytes of a pcap file written by hand (little-endian, microseconds, PPP link type).
class RawPcap
{
  public:
    explicit RawPcap(uint32_t snapLen = 65535, uint32_t linkType = DLT_PPP)
    {
        U32(0xA1B2C3D4).U16(2).U16(4).U32(0).U32(0).U32(snapLen).U32(linkType);
    }

    RawPcap& U16(uint16_t v)
    {
        m_bytes.push_back(v & 0xFF);
        m_bytes.push_back(v >> 8);
        return *this;
    }

    RawPcap& U32(uint32_t v)
    {
        return U16(v & 0xFFFF).U16(v >> 16);
    }

    /// A record header announcing \p captured bytes, then \p present bytes of data.
    RawPcap& Record(uint32_t captured, uint32_t present)
    {
        U32(1).U32(0).U32(captured).U32(captured);
        m_bytes.insert(m_bytes.end(), present, 0xFF);
        return *this;
    }

    RawPcap& Raw(const std::vector<uint8_t>& bytes)
    {
        m_bytes.insert(m_bytes.end(), bytes.begin(), bytes.end());
        return *this;
    }

    std::string Write(const std::string& filename) const
    {
        std::ofstream(filename, std::ios::binary)
            .write(reinterpret_cast<const char*>(m_bytes.data()), m_bytes.size());
        return filename;
    }

  private:
    std::vector<uint8_t> m_bytes;
};

/**
 * Damaged and hostile capture files, the reproducers the capture reader's fuzzer found: the
 * reader never allocates what a length field says, says which record is damaged and keeps
 * the lines of the records before it.
 */
class DamagedFileTestCase : public TestCase
{
  public:
    DamagedFileTestCase()
        : TestCase("damaged files: huge snaplen, impossible or truncated records, pcapng")
    {
    }

  private:
    PptpCaptureSummary::Status Read(const std::string& file,
                                    std::vector<PptpCaptureLine>& lines,
                                    std::string& error)
    {
        lines.clear();
        error.clear();
        PptpCaptureSummary summary;
        return summary.Read(
            file,
            [&lines](const PptpCaptureLine& line)
            {
                lines.push_back(line);
            },
            error);
    }

    void DoRun() override
    {
        using Status = PptpCaptureSummary::Status;
        std::vector<PptpCaptureLine> lines;
        std::string error;

        // A 24-byte file announcing a 4 GiB snapshot length: an empty capture, read at once.
        std::string huge = RawPcap(0xFFFFFFFF).Write(CreateTempDirFilename("snaplen.pcap"));
        NS_TEST_EXPECT_MSG_EQ((Read(huge, lines, error) == Status::OK), true, error);
        NS_TEST_EXPECT_MSG_EQ(lines.size(), 0u, "no records");

        // A record announcing more than any capture holds.
        std::string impossible
            = RawPcap().Record(0xFFFFFFF0, 10).Write(CreateTempDirFilename("impossible.pcap"));
        NS_TEST_EXPECT_MSG_EQ((Read(impossible, lines, error) == Status::DAMAGED), true, "damaged");
        NS_TEST_EXPECT_MSG_NE(
            error.find("record 1: captured length 4294967280"), std::string::npos, error);

        // A whole GRE packet, then a record cut short, then a cut record header.
        std::string good = CreateTempDirFilename("one-packet.pcap");
        {
            CaptureBuilder capture(good);
            PptpGreHeader gre;
            gre.SetCallId(7);
            gre.SetSequenceNumber(0);
            capture.Gre(Ipv4Address("10.0.0.1"),
                        Ipv4Address("10.0.0.2"),
                        gre,
                        {0xFF, 0x03, 0xC0, 0x21, 9, 1, 0, 4});
        }
        std::ifstream in(good, std::ios::binary);
        std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
        std::vector<uint8_t> records(bytes.begin() + 24, bytes.end());
        std::string truncated = RawPcap().Raw(records).Record(1500, 200).Write(
            CreateTempDirFilename("truncated.pcap"));
        NS_TEST_EXPECT_MSG_EQ((Read(truncated, lines, error) == Status::DAMAGED), true, "damaged");
        NS_TEST_EXPECT_MSG_EQ(lines.size(), 1u, "the record before the damage is decoded");
        NS_TEST_EXPECT_MSG_NE(error.find("record 2: truncated: 1500 bytes announced, 200 present"),
                              std::string::npos,
                              error);
        std::string cutHeader
            = RawPcap().Raw(records).Raw({1, 2, 3, 4, 5}).Write(CreateTempDirFilename("cut.pcap"));
        NS_TEST_EXPECT_MSG_EQ((Read(cutHeader, lines, error) == Status::DAMAGED), true, "damaged");
        NS_TEST_EXPECT_MSG_NE(error.find("record 2: truncated record header (5 of 16 bytes)"),
                              std::string::npos,
                              error);

        // pcapng is named, not taken for garbage.
        std::string ng = CreateTempDirFilename("capture.pcapng");
        std::ofstream(ng, std::ios::binary)
            .write("\x0a\x0d\x0d\x0a\x1c\0\0\0\x4d\x3c\x2b\x1a"
                   "\1\0\0\0\xff\xff\xff\xff\xff\xff\xff\xff",
                   24);
        NS_TEST_EXPECT_MSG_EQ((Read(ng, lines, error) == Status::UNREADABLE), true, "refused");
        NS_TEST_EXPECT_MSG_NE(error.find("pcapng"), std::string::npos, error);
    }
};

/**
 * TCP segments 2^31 bytes apart in sequence space (the signed distance is INT32_MIN): no
 * signed overflow, nothing decoded from the stray segment.
 */
class SequenceExtremesTestCase : public TestCase
{
  public:
    SequenceExtremesTestCase()
        : TestCase("TCP sequence numbers 2^31 apart: no overflow, the stray segment ignored")
    {
    }

  private:
    void DoRun() override
    {
        std::string file = CreateTempDirFilename("sequence-extremes.pcap");
        Ipv4Address pns("10.0.0.1");
        Ipv4Address pac("10.0.0.2");
        std::vector<uint8_t> echo = PptpControlMessage(PptpEchoRequest{}).Encode();
        {
            CaptureBuilder capture(file);
            TcpFlow flow(capture, pns, 40000, pac, 1723, 1000);
            flow.Syn();
            flow.Send(echo);
            // nextSeq is now 1001 + 16: a segment 2^31 after it is neither ahead nor behind.
            flow.SendAt(flow.Next() + 0x80000000u, echo);
            flow.Send(echo);
        }
        PptpCaptureSummary summary;
        std::vector<PptpCaptureLine> lines;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(summary.Read(file, lines, error), true, error);
        NS_TEST_ASSERT_MSG_EQ(lines.size(), 2u, "the two in-order Echo-Requests only");
    }
};

/**
 * A session between real implementations (pptpd as PAC, pptp-linux as PNS),
 * captured in network namespaces: see test/captures/README.md.
 */
class RealCaptureTestCase : public TestCase
{
  public:
    RealCaptureTestCase()
        : TestCase("real pptpd and pptp-linux session: exact lines")
    {
    }

  private:
    void DoRun() override
    {
        PptpCaptureSummary summary;
        std::vector<PptpCaptureLine> lines;
        std::string error;
        std::string file = TestDir() + "captures/real-pptpd-session.pcap";
        NS_TEST_ASSERT_MSG_EQ(summary.Read(file, lines, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(
            Render(lines),
            "4: PPTP Control Packet (1): Start Session Request (1) 10.10.10.1 10.10.10.10\n"
            "6: PPTP Control Packet (1): Start Session Reply (2) 10.10.10.10 10.10.10.1\n"
            "8: PPTP Control Packet (1): Outgoing Call Request (7) 10.10.10.1 10.10.10.10\n"
            "9: PPTP Control Packet (1): Outgoing Call Reply (8) 10.10.10.10 10.10.10.1\n"
            "11: PPTP GRE Data Packet: Call ID 0, Length 24, Seq 1, PPP LCP (0xC021) 10.10.10.1 "
            "10.10.10.10\n"
            "12: PPTP GRE Data Packet: Call ID 22719, Length 28, Seq 0, PPP LCP (0xC021) "
            "10.10.10.10 10.10.10.1\n"
            "13: PPTP GRE Data Packet: Call ID 22719, Length 24, Seq 1, Ack 1, PPP LCP (0xC021) "
            "10.10.10.10 10.10.10.1\n"
            "14: PPTP GRE Data Packet: Call ID 0, Length 28, Seq 2, Ack 1, PPP LCP (0xC021) "
            "10.10.10.1 10.10.10.10\n"
            "15: PPTP GRE Data Packet: Call ID 0, Length 28, Seq 3, PPP PAP (0xC023) 10.10.10.1 "
            "10.10.10.10\n"
            "16: PPTP GRE Data Packet: Call ID 22719, Length 16, Seq 2, Ack 3, PPP PAP (0xC023) "
            "10.10.10.10 10.10.10.1\n"
            "17: PPTP GRE Data Packet: Call ID 22719, Length 14, Seq 3, PPP IPCP (0x8021) "
            "10.10.10.10 10.10.10.1\n"
            "18: PPTP GRE Data Packet: Call ID 0, Length 14, Seq 4, Ack 2, PPP IPCP (0x8021) "
            "10.10.10.1 10.10.10.10\n"
            "19: PPTP GRE Data Packet: Call ID 0, Length 14, Seq 5, Ack 3, PPP IPCP (0x8021) "
            "10.10.10.1 10.10.10.10\n"
            "20: PPTP GRE Data Packet: Call ID 22719, Length 14, Seq 4, Ack 4, PPP IPCP (0x8021) "
            "10.10.10.10 10.10.10.1\n"
            "21: PPTP GRE Data Packet: Call ID 0, Length 14, Seq 6, Ack 4, PPP IPCP (0x8021) "
            "10.10.10.1 10.10.10.10\n"
            "22: PPTP GRE Data Packet: Call ID 22719, Length 14, Seq 5, Ack 6, PPP IPCP (0x8021) "
            "10.10.10.10 10.10.10.1\n"
            "23: PPTP GRE Data Packet: Call ID 0, Length 64, Seq 7, Ack 5, PPP IPv4 (0x0021) "
            "10.10.10.1 10.10.10.10\n"
            "24: PPTP GRE Data Packet: Call ID 22719, Length 64, Seq 6, Ack 7, PPP IPv4 (0x0021) "
            "10.10.10.10 10.10.10.1\n"
            "25: PPTP GRE Data Packet: Call ID 0, Length 64, Seq 8, Ack 6, PPP IPv4 (0x0021) "
            "10.10.10.1 10.10.10.10\n"
            "26: PPTP GRE Data Packet: Call ID 22719, Length 64, Seq 7, Ack 8, PPP IPv4 (0x0021) "
            "10.10.10.10 10.10.10.1\n"
            "27: PPTP GRE Data Packet: Call ID 0, Length 64, Seq 9, Ack 7, PPP IPv4 (0x0021) "
            "10.10.10.1 10.10.10.10\n"
            "28: PPTP GRE Data Packet: Call ID 22719, Length 64, Seq 8, Ack 9, PPP IPv4 (0x0021) "
            "10.10.10.10 10.10.10.1\n"
            "29: PPTP GRE Ack Packet: Call ID 0, Ack 8 10.10.10.1 10.10.10.10\n"
            "30: PPTP Control Packet (1): Echo Request (5) 10.10.10.1 10.10.10.10\n"
            "31: PPTP Control Packet (1): Echo Reply (6) 10.10.10.10 10.10.10.1\n"
            "33: PPTP Control Packet (1): Echo Request (5) 10.10.10.1 10.10.10.10\n"
            "34: PPTP Control Packet (1): Echo Reply (6) 10.10.10.10 10.10.10.1\n"
            "36: PPTP GRE Data Packet: Call ID 0, Length 11, Seq 10, PPP LCP (0xC021) 10.10.10.1 "
            "10.10.10.10\n"
            "37: PPTP GRE Data Packet: Call ID 22719, Length 11, Seq 9, Ack 10, PPP LCP (0xC021) "
            "10.10.10.10 10.10.10.1\n"
            "38: PPTP Control Packet (1): Clear Call Request (12) 10.10.10.1 10.10.10.10\n",
            "lines");
        NS_TEST_ASSERT_MSG_GT(lines.size(), 0u, "lines");
        if (!lines.empty())
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(lines[0].time, 0.000433, 0.000001, "time of the first line");
        }
    }
};

class PptpCaptureSummaryTestSuite : public TestSuite
{
  public:
    PptpCaptureSummaryTestSuite()
        : TestSuite("pptp-capture-summary", UNIT)
    {
        AddTestCase(new ReassemblyTestCase, TestCase::QUICK);
        AddTestCase(new MalformedTrafficTestCase, TestCase::QUICK);
        AddTestCase(new UnreadableFileTestCase, TestCase::QUICK);
        AddTestCase(new DamagedFileTestCase, TestCase::QUICK);
        AddTestCase(new SequenceExtremesTestCase, TestCase::QUICK);
        AddTestCase(new RealCaptureTestCase, TestCase::QUICK);
    }
};

PptpCaptureSummaryTestSuite g_pptpCaptureSummaryTestSuite;

} // namespace
