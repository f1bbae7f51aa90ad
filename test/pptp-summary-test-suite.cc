/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The one-line summaries troubleshooters read: exact text for every control
// message, for each GRE shape and for malformed input.

#include "ns3/ppp-frame-header.h"
#include "ns3/pptp-gre-header.h"
#include "ns3/pptp-summary.h"
#include "ns3/test.h"
#include "pptp-sample-messages.h"

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

class ControlSummaryTestCase : public TestCase
{
  public:
    ControlSummaryTestCase()
        : TestCase("control message lines, Network Monitor names")
    {
    }

  private:
    void DoRun() override
    {
        const char* expected[] = {
            "PPTP Control Packet (1): Start Session Request (1) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Start Session Reply (2) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Stop Session Request (3) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Stop Session Reply (4) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Echo Request (5) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Echo Reply (6) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Outgoing Call Request (7) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Outgoing Call Reply (8) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Incoming Call Request (9) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Incoming Call Reply (10) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Incoming Call Connected (11) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Clear Call Request (12) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Call Disconnected Notify (13) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): WAN Error Notify (14) 10.10.10.1 10.10.10.10",
            "PPTP Control Packet (1): Set Link Info (15) 10.10.10.1 10.10.10.10",
        };
        std::vector<SampleMessage> samples = SampleMessages();
        NS_TEST_ASSERT_MSG_EQ(samples.size(), 15u, "one sample per type");
        for (size_t i = 0; i < samples.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(PptpSummary::Control(samples[i].message,
                                                       Ipv4Address("10.10.10.1"),
                                                       Ipv4Address("10.10.10.10")),
                                  expected[i],
                                  "line for type " << i + 1);
        }
        // Source first, then destination.
        NS_TEST_EXPECT_MSG_EQ(PptpSummary::Control(samples[1].message,
                                                   Ipv4Address("10.10.10.10"),
                                                   Ipv4Address("10.10.10.1")),
                              "PPTP Control Packet (1): Start Session Reply (2) 10.10.10.10 "
                              "10.10.10.1",
                              "addresses in order");
    }
};

class GreSummaryTestCase : public TestCase
{
  public:
    GreSummaryTestCase()
        : TestCase("GRE lines: data, data with ack, ack-only")
    {
    }

  private:
    void DoRun() override
    {
        Ipv4Address a("10.10.10.1");
        Ipv4Address b("10.10.10.10");
        PptpGreHeader data;
        data.SetCallId(1275);
        data.SetPayloadLength(24);
        data.SetSequenceNumber(3);
        NS_TEST_EXPECT_MSG_EQ(
            PptpSummary::Gre(data, PPP_PROTOCOL_LCP, a, b),
            "PPTP GRE Data Packet: Call ID 1275, Length 24, Seq 3, PPP LCP (0xC021) 10.10.10.1 "
            "10.10.10.10",
            "data");
        data.SetAcknowledgment(2);
        NS_TEST_EXPECT_MSG_EQ(PptpSummary::Gre(data, PPP_PROTOCOL_IPV4, b, a),
                              "PPTP GRE Data Packet: Call ID 1275, Length 24, Seq 3, Ack 2, PPP "
                              "IPv4 (0x0021) 10.10.10.10 10.10.10.1",
                              "data with ack");
        NS_TEST_EXPECT_MSG_EQ(PptpSummary::Gre(data, 0x1235, b, a),
                              "PPTP GRE Data Packet: Call ID 1275, Length 24, Seq 3, Ack 2, PPP "
                              "0x1235 (0x1235) 10.10.10.10 10.10.10.1",
                              "unknown PPP protocol");
        PptpGreHeader ack;
        ack.SetCallId(16384);
        ack.SetAcknowledgment(9);
        NS_TEST_EXPECT_MSG_EQ(PptpSummary::Gre(ack, 0, a, b),
                              "PPTP GRE Ack Packet: Call ID 16384, Ack 9 10.10.10.1 10.10.10.10",
                              "ack-only");
    }
};

class MalformedSummaryTestCase : public TestCase
{
  public:
    MalformedSummaryTestCase()
        : TestCase("malformed lines say why")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<uint8_t> bytes = SampleMessages()[0].message.Encode();
        bytes[4] = 0x00; // break the magic cookie
        PptpControlMessage message;
        PptpDecodeResult result = PptpControlMessage::Decode(bytes.data(), bytes.size(), message);
        NS_TEST_EXPECT_MSG_EQ(PptpSummary::Malformed("PPTP Control Packet",
                                                     result,
                                                     Ipv4Address("10.10.10.1"),
                                                     Ipv4Address("10.10.10.10")),
                              "Malformed PPTP Control Packet: bad-magic-cookie (magic cookie "
                              "0x002B3C4D, expected 0x1A2B3C4D) 10.10.10.1 10.10.10.10",
                              "bad magic cookie");
        const uint8_t plainGre[] = {0x00, 0x00, 0x08, 0x00, 0x45};
        PptpGreHeader gre;
        result = PptpGreHeader::Decode(plainGre, sizeof(plainGre), gre);
        NS_TEST_EXPECT_MSG_EQ(
            PptpSummary::Malformed(
                "PPTP GRE Packet", result, Ipv4Address("10.10.10.1"), Ipv4Address("10.10.10.10")),
            "Malformed PPTP GRE Packet: gre-not-enhanced (GRE version 0, PPTP "
            "uses Enhanced GRE (1)) 10.10.10.1 10.10.10.10",
            "plain GRE");
    }
};

class PptpSummaryTestSuite : public TestSuite
{
  public:
    PptpSummaryTestSuite()
        : TestSuite("pptp-summary", UNIT)
    {
        AddTestCase(new ControlSummaryTestCase, TestCase::QUICK);
        AddTestCase(new GreSummaryTestCase, TestCase::QUICK);
        AddTestCase(new MalformedSummaryTestCase, TestCase::QUICK);
    }
};

PptpSummaryTestSuite g_pptpSummaryTestSuite;

} // namespace
