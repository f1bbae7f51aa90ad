/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Interoperability with Wireshark's dissectors: a capture written from the
// module's encoders (all 15 control messages over TCP 1723 and every Enhanced
// GRE shape carrying PPP) is decoded by tshark, and every field tshark reads
// must equal the value encoded, with no malformed packet and no expert error.
// tshark is installed by `make test` (scripts/install-deps.sh).

#include "ns3/pptp-gre-header.h"
#include "ns3/pptp-helper.h"
#include "ns3/pptp-summary.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"
#include "pptp-capture-builder.h"
#include "pptp-sample-messages.h"
#include "pptp-test-topology.h"
#include "pptp-trace-summary/pptp-capture-summary.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// Runs a shell command, returning its standard output and exit status.
int
RunCommand(const std::string& command, std::string& output)
{
    output.clear();
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr)
    {
        return -1;
    }
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0)
    {
        output.append(buffer, n);
    }
    return pclose(pipe);
}

/// Splits text into lines, and a line into tab-separated columns.
std::vector<std::string>
Split(const std::string& text, char separator)
{
    std::vector<std::string> parts;
    std::string part;
    std::istringstream is(text);
    while (std::getline(is, part, separator))
    {
        parts.push_back(part);
    }
    return parts;
}

/// tshark prints some integers in hex ("0x00000001"): compare numbers as numbers.
bool
SameValue(const std::string& actual, const std::string& expected)
{
    if (actual == expected)
    {
        return true;
    }
    char* endA = nullptr;
    char* endE = nullptr;
    unsigned long long a = std::strtoull(actual.c_str(), &endA, 0);
    unsigned long long e = std::strtoull(expected.c_str(), &endE, 0);
    return !actual.empty() && !expected.empty() && *endA == '\0' && *endE == '\0' && a == e;
}

/** All control messages and GRE shapes, as tshark reads them. */
class TsharkInteropTestCase : public TestCase
{
  public:
    TsharkInteropTestCase()
        : TestCase("tshark decodes every message and GRE shape with the encoded values")
    {
    }

  private:
    /// Expected tshark fields, per frame number.
    using Expectations = std::map<uint32_t, std::vector<std::pair<std::string, std::string>>>;

    void DoRun() override
    {
        std::string check;
        NS_TEST_ASSERT_MSG_EQ(RunCommand("command -v tshark", check),
                              0,
                              "tshark is not installed: run `make test` (it installs tshark)");

        std::string file = CreateTempDirFilename("pptp-tshark-interop.pcap");
        Expectations expected;
        uint32_t controlFrames = 0;
        uint32_t greFrames = 0;
        {
            CaptureBuilder capture(file);
            Ipv4Address pns("10.10.10.1");
            Ipv4Address pac("10.10.10.10");
            TcpFlow toPac(capture, pns, 40000, pac, PPTP_TCP_PORT, 1000);
            TcpFlow toPns(capture, pac, PPTP_TCP_PORT, pns, 40000, 5000);
            toPac.Syn();
            toPns.Syn(true);
            uint32_t frame = 2;
            for (const SampleMessage& sample : SampleMessages())
            {
                // Direction as the RFC has it; it does not change the bytes.
                bool fromPns = (static_cast<int>(sample.message.GetMessageType()) % 2) == 1;
                (fromPns ? toPac : toPns).Send(sample.message.Encode());
                ++frame;
                ++controlFrames;
                auto& fields = expected[frame];
                fields = sample.fields;
                fields.emplace_back("pptp.length", std::to_string(sample.message.GetLength()));
                fields.emplace_back("pptp.type", "1");
                fields.emplace_back("pptp.magic_cookie", "0x1a2b3c4d");
                fields.emplace_back(
                    "pptp.control_message_type",
                    std::to_string(static_cast<int>(sample.message.GetMessageType())));
            }

            auto gre = [&](Ipv4Address src,
                           Ipv4Address dst,
                           const PptpGreHeader& header,
                           const std::vector<uint8_t>& ppp,
                           std::vector<std::pair<std::string, std::string>> fields)
            {
                capture.Gre(src, dst, header, ppp);
                ++frame;
                ++greFrames;
                fields.emplace_back("gre.flags.version", "1");
                fields.emplace_back("gre.proto", "0x880b");
                fields.emplace_back("gre.key.payload_length", std::to_string(ppp.size()));
                fields.emplace_back("gre.key.call_id", std::to_string(header.GetCallId()));
                expected[frame] = fields;
            };
            // Data with a sequence number only, full PPP framing, LCP.
            PptpGreHeader data;
            data.SetCallId(16384);
            data.SetSequenceNumber(0);
            gre(pns,
                pac,
                data,
                PppFrame(0xC021, LcpConfigureRequest(1, 1400, 0x11223344)),
                {{"gre.flags.sequence_number", "1"},
                 {"gre.flags.ack", "0"},
                 {"gre.sequence_number", "0"},
                 {"ppp.protocol", "0xc021"},
                 {"lcp.opt.mru", "1400"},
                 {"lcp.opt.magic_number", "0x11223344"}});
            // Data with a piggybacked acknowledgement, address/control compressed.
            PptpGreHeader dataAck;
            dataAck.SetCallId(1275);
            dataAck.SetSequenceNumber(0xFFFFFFFE);
            dataAck.SetAcknowledgment(0);
            gre(pac,
                pns,
                dataAck,
                PppFrame(0xC021, LcpConfigureRequest(2, 1500, 0x55667788), true),
                {{"gre.flags.sequence_number", "1"},
                 {"gre.flags.ack", "1"},
                 {"gre.sequence_number", "4294967294"},
                 {"gre.ack_number", "0"},
                 {"ppp.protocol", "0xc021"},
                 {"lcp.opt.mru", "1500"}});
            // Acknowledgement only.
            PptpGreHeader ackOnly;
            ackOnly.SetCallId(16384);
            ackOnly.SetAcknowledgment(0xFFFFFFFE);
            gre(pns,
                pac,
                ackOnly,
                {},
                {{"gre.flags.sequence_number", "0"},
                 {"gre.flags.ack", "1"},
                 {"gre.ack_number", "4294967294"}});
            // IPv4 inside, both PPP compressions (one-byte protocol field).
            Ipv4Header inner;
            inner.SetSource(Ipv4Address("192.168.100.2"));
            inner.SetDestination(Ipv4Address("192.168.1.5"));
            inner.SetProtocol(253);
            inner.SetPayloadSize(4);
            inner.SetTtl(63);
            inner.EnableChecksum();
            Ptr<Packet> ip = Create<Packet>(4);
            ip->AddHeader(inner);
            std::vector<uint8_t> ipBytes(ip->GetSize());
            ip->CopyData(ipBytes.data(), ipBytes.size());
            PptpGreHeader ipData;
            ipData.SetCallId(1275);
            ipData.SetSequenceNumber(7);
            ipData.SetAcknowledgment(6);
            gre(pac,
                pns,
                ipData,
                PppFrame(0x0021, ipBytes, true, true),
                {{"gre.sequence_number", "7"},
                 {"gre.ack_number", "6"},
                 {"ppp.protocol", "0x0021"},
                 {"ip.src", "192.168.100.2"},
                 {"ip.dst", "192.168.1.5"}});
        }

        // Every field we expect, as one tshark column each.
        std::vector<std::string> columns;
        for (const auto& [frame, fields] : expected)
        {
            for (const auto& field : fields)
            {
                if (std::find(columns.begin(), columns.end(), field.first) == columns.end())
                {
                    columns.push_back(field.first);
                }
            }
        }
        std::string command = "tshark -n -r '" + file
                              + "' -T fields -E separator=/t -E occurrence=l -e frame.number";
        for (const auto& column : columns)
        {
            command += " -e " + column;
        }
        std::string output;
        NS_TEST_ASSERT_MSG_EQ(RunCommand(command + " 2>/dev/null", output), 0, command);
        std::map<uint32_t, std::vector<std::string>> rows;
        for (const std::string& line : Split(output, '\n'))
        {
            std::vector<std::string> cells = Split(line, '\t');
            cells.resize(columns.size() + 1);
            rows[std::stoul(cells[0])] = cells;
        }
        for (const auto& [frame, fields] : expected)
        {
            NS_TEST_ASSERT_MSG_EQ(rows.count(frame), 1u, "tshark printed frame " << frame);
            for (const auto& [name, value] : fields)
            {
                size_t column = std::find(columns.begin(), columns.end(), name) - columns.begin();
                const std::string& actual = rows[frame][column + 1];
                NS_TEST_EXPECT_MSG_EQ(SameValue(actual, value),
                                      true,
                                      "frame " << frame << " " << name << ": tshark read '"
                                               << actual << "', we encoded '" << value << "'");
            }
        }

        // Counted by tshark's own filters: all our packets are recognised, none is malformed.
        NS_TEST_ASSERT_MSG_EQ(
            RunCommand("tshark -n -r '" + file + "' -Y pptp -T fields -e frame.number 2>/dev/null",
                       output),
            0,
            "tshark -Y pptp");
        NS_TEST_EXPECT_MSG_EQ(
            Split(output, '\n').size(), controlFrames, "frames tshark calls PPTP");
        RunCommand("tshark -n -r '" + file + "' -Y gre -T fields -e frame.number 2>/dev/null",
                   output);
        NS_TEST_EXPECT_MSG_EQ(Split(output, '\n').size(), greFrames, "frames tshark calls GRE");
        RunCommand("tshark -n -r '" + file
                       + "' -Y '_ws.malformed || _ws.expert.severity >= error' -T fields -e "
                         "frame.number 2>/dev/null",
                   output);
        NS_TEST_EXPECT_MSG_EQ(output, "", "frames tshark finds malformed or in error");
    }
};

/** A whole simulated session, captured by ns-3 on the link, as tshark reads it. */
class SimulationCaptureTestCase : public TestCase
{
  public:
    SimulationCaptureTestCase()
        : TestCase("tshark decodes the pcap of a simulated session, message for message")
    {
    }

  private:
    void DoRun() override
    {
        std::string file = CreateTempDirFilename("pptp-simulated.pcap");
        MessageLog log;
        {
            // In a block: the pcap file is complete once the devices are gone.
            StarTopology net(1);
            PptpServerHelper serverHelper;
            serverHelper.SetAttribute("IncomingCalls", UintegerValue(1));
            serverHelper.SetConnectionAttribute("EchoInterval", TimeValue(Seconds(10)));
            ApplicationContainer apps = serverHelper.Install(net.server);
            PptpClientHelper clientHelper(net.serverAddresses[0]);
            clientHelper.SetAttribute("Calls", UintegerValue(2));
            clientHelper.SetAttribute("CallDuration", TimeValue(Seconds(30)));
            clientHelper.SetConnectionAttribute("EchoInterval", TimeValue(Seconds(10)));
            ApplicationContainer client = clientHelper.Install(net.clients);
            client.Start(Seconds(1));
            apps.Add(client);
            for (uint32_t i = 0; i < apps.GetN(); ++i)
            {
                log.Watch(apps.Get(i));
            }
            PointToPointHelper p2p;
            p2p.EnablePcap(file, net.links[0].Get(0), false, true);
            Simulator::Stop(Seconds(60));
            Simulator::Run();
            Simulator::Destroy();
        }

        // Our reader finds every message sent, in order in each direction (the capture is taken
        // at the client, so the two directions interleave by arrival there; TCP often carries
        // several messages in one segment).
        PptpCaptureSummary summary;
        std::vector<PptpCaptureLine> lines;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(summary.Read(file, lines, error), true, error);
        // The calls' GRE packets (LCP, authentication, IPCP) are there too: keep control lines.
        uint32_t greLines = 0;
        for (auto it = lines.begin(); it != lines.end();)
        {
            NS_TEST_EXPECT_MSG_EQ(it->text.find("Malformed"), std::string::npos, it->text);
            bool control = it->text.rfind("PPTP Control Packet", 0) == 0;
            greLines += control ? 0 : 1;
            it = control ? it + 1 : lines.erase(it);
        }
        NS_TEST_EXPECT_MSG_GT(greLines, 0u, "the calls' PPP travelled in GRE");
        NS_TEST_ASSERT_MSG_EQ(lines.size(), log.Get().size(), "every message is in the capture");
        std::map<uint32_t, std::vector<std::string>> captured; // by sender
        std::map<uint32_t, std::vector<std::string>> sent;     // by sender
        std::map<uint32_t, std::string> firstInFrame;
        for (size_t i = 0; i < lines.size(); ++i)
        {
            const SentMessage& m = log.Get()[i];
            sent[m.source.Get()].push_back(
                PptpSummary::Control(m.message, m.source, m.destination));
            std::string source = lines[i].text.substr(0, lines[i].text.rfind(' '));
            source = source.substr(source.rfind(' ') + 1);
            captured[Ipv4Address(source.c_str()).Get()].push_back(lines[i].text);
            std::string type = lines[i].text.substr(lines[i].text.find("): ") + 3);
            type = type.substr(type.find('(') + 1);
            firstInFrame.emplace(lines[i].frame, type.substr(0, type.find(')')));
        }
        NS_TEST_EXPECT_MSG_EQ(sent.size(), 2u, "both directions");
        for (const auto& [source, texts] : sent)
        {
            NS_TEST_ASSERT_MSG_EQ(captured[source].size(), texts.size(), "per direction");
            for (size_t i = 0; i < texts.size(); ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(captured[source][i], texts[i], "message " << i);
            }
        }
        // tshark's PPTP dissector reads the first message of each segment: it must agree.
        std::string output;
        NS_TEST_ASSERT_MSG_EQ(
            RunCommand("tshark -n -r '" + file
                           + "' -Y pptp -T fields -E separator=/t -e frame.number "
                             "-e pptp.control_message_type 2>/dev/null",
                       output),
            0,
            "tshark reads " << file);
        std::vector<std::string> rows = Split(output, '\n');
        NS_TEST_EXPECT_MSG_EQ(rows.size(), firstInFrame.size(), "frames with PPTP");
        for (const std::string& row : rows)
        {
            std::vector<std::string> cells = Split(row, '\t');
            NS_TEST_ASSERT_MSG_EQ(cells.size(), 2u, row);
            uint32_t frame = std::stoul(cells[0]);
            NS_TEST_EXPECT_MSG_EQ(cells[1], firstInFrame[frame], "frame " << frame);
        }
        NS_TEST_EXPECT_MSG_GT(log.Count(PptpMessageType::ECHO_REQUEST), 0u, "keepalives");
        NS_TEST_EXPECT_MSG_EQ(log.Count(PptpMessageType::INCOMING_CALL_CONNECTED), 1u, "ICCN");
        RunCommand("tshark -n -r '" + file
                       + "' -Y '_ws.malformed || _ws.expert.severity >= error' -T fields -e "
                         "frame.number 2>/dev/null",
                   output);
        NS_TEST_EXPECT_MSG_EQ(output, "", "frames tshark finds malformed or in error");
    }
};

class PptpTsharkInteropTestSuite : public TestSuite
{
  public:
    PptpTsharkInteropTestSuite()
        : TestSuite("pptp-tshark-interop", SYSTEM)
    {
        AddTestCase(new TsharkInteropTestCase, TestCase::QUICK);
        AddTestCase(new SimulationCaptureTestCase, TestCase::QUICK);
    }
};

PptpTsharkInteropTestSuite g_pptpTsharkInteropTestSuite;

} // namespace
