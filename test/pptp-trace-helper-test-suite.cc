/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PptpTraceHelper: the summary lines and the event CSV of a short session.

#include "ns3/pptp-helper.h"
#include "ns3/pptp-trace-helper.h"
#include "ns3/test.h"
#include "pptp-test-topology.h"

#include <regex>
#include <sstream>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

std::vector<std::string>
Lines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream is(text);
    std::string line;
    while (std::getline(is, line))
    {
        lines.push_back(line);
    }
    return lines;
}

class TraceHelperTestCase : public TestCase
{
  public:
    TraceHelperTestCase()
        : TestCase("summary lines and event CSV of a session")
    {
    }

  private:
    void DoRun() override
    {
        std::ostringstream summary;
        std::ostringstream csv;
        {
            StarTopology net(1);
            Ipv4Address pns = net.clientAddresses[0];
            Ipv4Address pac = net.serverAddresses[0];
            PptpServerHelper serverHelper;
            ApplicationContainer apps = serverHelper.Install(net.server);
            PptpClientHelper clientHelper(pac);
            clientHelper.SetAttribute("CallDuration", TimeValue(Seconds(20)));
            clientHelper.SetConnectionAttribute("EchoInterval", TimeValue(Seconds(10)));
            ApplicationContainer client = clientHelper.Install(net.clients);
            client.Start(Seconds(1));
            apps.Add(client);
            PptpTraceHelper::EnableSummary(Create<OutputStreamWrapper>(&summary), apps);
            PptpTraceHelper::EnableEventCsv(Create<OutputStreamWrapper>(&csv), apps);
            Simulator::Stop(Seconds(40));
            Simulator::Run();
            Simulator::Destroy();

            std::vector<std::string> lines = Lines(summary.str());
            NS_TEST_ASSERT_MSG_GT_OR_EQ(lines.size(), 4u, "summary lines");
            // TCP handshake (5 ms links) then the request, at 1.010093 s.
            NS_TEST_EXPECT_MSG_EQ(lines[0],
                                  "1.010093  PPTP Control Packet (1): Start Session Request (1) "
                                  "10.0.0.1 10.0.0.2",
                                  "first line, exact");
            std::regex form(R"(^\d+\.\d{6}  PPTP Control Packet \(1\): [A-Za-z ]+ \(\d+\) )"
                            R"(\d+\.\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+$)");
            for (const auto& line : lines)
            {
                NS_TEST_EXPECT_MSG_EQ(std::regex_match(line, form), true, line);
            }
            NS_TEST_EXPECT_MSG_NE(
                summary.str().find("Clear Call Request (12) " + std::string("10.0.0.1 10.0.0.2")),
                std::string::npos,
                "the clear is there");
            NS_TEST_EXPECT_MSG_EQ(pns, Ipv4Address("10.0.0.1"), "addresses as expected");
        }

        std::vector<std::string> rows = Lines(csv.str());
        NS_TEST_ASSERT_MSG_GT(rows.size(), 10u, "CSV rows");
        NS_TEST_EXPECT_MSG_EQ(rows[0], "time,node,peer,call_id,event,detail", "header");
        auto count = [&rows](const std::string& needle)
        {
            uint32_t n = 0;
            for (const auto& r : rows)
            {
                n += r.find(needle) != std::string::npos ? 1 : 0;
            }
            return n;
        };
        NS_TEST_EXPECT_MSG_EQ(count(",tx,Start-Control-Connection-Request"), 1u, "tx row");
        NS_TEST_EXPECT_MSG_EQ(count(",rx,Start-Control-Connection-Request"), 1u, "rx row");
        NS_TEST_EXPECT_MSG_EQ(count(",call-up,latency "), 2u, "call up on both sides");
        NS_TEST_EXPECT_MSG_EQ(count(",tunnel-up,setup "), 2u, "tunnel up on both sides");
        NS_TEST_EXPECT_MSG_EQ(count(",call-down,call-clear"), 2u, "call down on both sides");
        NS_TEST_EXPECT_MSG_EQ(count(",closed,local-stop"), 1u, "client stopped");
        NS_TEST_EXPECT_MSG_EQ(count(",closed,peer-stop"), 1u, "server saw the stop");
        NS_TEST_EXPECT_MSG_EQ(count(",state,idle->wait-ctl-reply"), 1u, "state row");
        // The Outgoing-Call-Request rows carry the PNS's Call ID in the call_id column.
        std::regex ocrq(R"(^[0-9.]+,\d+,[0-9.]+,(\d+),tx,Outgoing-Call-Request$)");
        std::smatch m;
        bool found = false;
        for (const auto& r : rows)
        {
            if (std::regex_match(r, m, ocrq))
            {
                found = std::stoul(m[1]) > 0;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(found, true, "Outgoing-Call-Request row with its call id");
    }
};

class PptpTraceHelperTestSuite : public TestSuite
{
  public:
    PptpTraceHelperTestSuite()
        : TestSuite("pptp-trace-helper", SYSTEM)
    {
        AddTestCase(new TraceHelperTestCase, TestCase::QUICK);
    }
};

PptpTraceHelperTestSuite g_pptpTraceHelperTestSuite;

} // namespace
