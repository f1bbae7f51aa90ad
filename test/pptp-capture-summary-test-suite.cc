/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The capture reader behind pptp-trace-summary: TCP reassembly of the control
// stream (split, coalesced, reordered and retransmitted segments), GRE and
// malformed packets, unreadable files, and the lines of a real pptpd and
// pptp-linux session captured in network namespaces (test/captures/).

#include "ns3/pptp-capture-summary.h"
#include "ns3/test.h"
#include "pptp-capture-builder.h"
#include "pptp-sample-messages.h"
#include "pptp-test-utils.h"

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
        NS_TEST_EXPECT_MSG_EQ(lines.empty() ? -1.0 : lines[0].time, 0.003, "time of frame 4");
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
        AddTestCase(new RealCaptureTestCase, TestCase::QUICK);
    }
};

PptpCaptureSummaryTestSuite g_pptpCaptureSummaryTestSuite;

} // namespace
