/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PptpTraceHelper: the summary lines (one per control message sent, as a
// Network Monitor capture lists them) and the event CSV of a short session
// like the classic capture's, with and without the data plane, and the CSV
// quoting of a drop detail that holds a comma.

#include "ns3/pptp-helper.h"
#include "ns3/pptp-trace-helper.h"
#include "ns3/test.h"
#include "pptp-raw-peer.h"
#include "pptp-sample-messages.h"
#include "pptp-test-topology.h"
#include "pptp-test-utils.h"

#include <iomanip>
#include <map>
#include <regex>
#include <sstream>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// \param text some text \return its lines, without the line ends
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

/**
 * Split one CSV line into its fields (RFC 4180: a field in double quotes may
 * hold commas, and "" inside it stands for one quote).
 * \param line the line
 * \param fields receives the fields
 * \return false if the quoting is broken
 */
bool
SplitCsv(const std::string& line, std::vector<std::string>& fields)
{
    fields.assign(1, "");
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i)
    {
        char c = line[i];
        if (quoted)
        {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
            {
                fields.back() += '"';
                ++i;
            }
            else if (c == '"')
            {
                quoted = false;
                if (i + 1 < line.size() && line[i + 1] != ',')
                {
                    return false; // text after the closing quote
                }
            }
            else
            {
                fields.back() += c;
            }
        }
        else if (c == ',')
        {
            fields.emplace_back();
        }
        else if (c == '"' && fields.back().empty())
        {
            quoted = true;
        }
        else
        {
            fields.back() += c;
        }
    }
    return !quoted;
}

/// One row of the event CSV.
struct Row
{
    std::string line;   //!< as written
    std::string time;   //!< seconds, 6 decimals
    uint32_t node;      //!< node id
    std::string peer;   //!< the peer's address
    std::string callId; //!< empty when no call is named
    std::string event;  //!< tx, rx, state, ...
    std::string detail; //!< unquoted
};

/// \param t a time \return it in seconds with 6 decimals, as the helper writes it
std::string
Seconds6(Time t)
{
    std::ostringstream os;
    os << std::fixed << std::setprecision(6) << t.GetSeconds();
    return os.str();
}

/// What a trace-helper test collects.
struct Output
{
    std::ostringstream summary;
    std::ostringstream csv;
    std::vector<Row> rows;     //!< the CSV's rows after the header
    bool csvWellFormed{false}; //!< every row split into six fields
    std::string header;        //!< the CSV's first line

    /// Parse the CSV once the simulation has run.
    void Parse()
    {
        std::vector<std::string> lines = Lines(csv.str());
        csvWellFormed = !lines.empty();
        header = lines.empty() ? "" : lines[0];
        const std::regex time(R"(^\d+\.\d{6}$)");
        for (size_t i = 1; i < lines.size(); ++i)
        {
            std::vector<std::string> f;
            if (!SplitCsv(lines[i], f) || f.size() != 6 || !std::regex_match(f[0], time)
                || f[1].empty() || f[1].find_first_not_of("0123456789") != std::string::npos)
            {
                csvWellFormed = false;
                continue;
            }
            rows.push_back(
                {lines[i], f[0], static_cast<uint32_t>(std::stoul(f[1])), f[2], f[3], f[4], f[5]});
        }
    }

    /// \param event an event \param node a node id \return the details of its rows, in order
    std::vector<std::string> Details(const std::string& event, uint32_t node) const
    {
        std::vector<std::string> out;
        for (const auto& r : rows)
        {
            if (r.event == event && r.node == node)
            {
                out.push_back(r.detail);
            }
        }
        return out;
    }

    /// \param event an event \return its rows
    std::vector<Row> Rows(const std::string& event) const
    {
        std::vector<Row> out;
        for (const auto& r : rows)
        {
            if (r.event == event)
            {
                out.push_back(r);
            }
        }
        return out;
    }
};

/// \param v strings \return them joined with " | ", for messages
std::string
Join(const std::vector<std::string>& v)
{
    std::string s;
    for (const auto& x : v)
    {
        s += (s.empty() ? "" : " | ") + x;
    }
    return s;
}

/**
 * A session like the classic capture's: one PNS (10.0.0.1, node 1) with
 * CallDuration 20 s and EchoInterval 10 s, started at 1 s, and one PAC
 * (10.0.0.2, node 0) on a 10 Mb/s link with 5 ms delay; both applications
 * traced into strings.
 */
class SessionTestCase : public TestCase
{
  public:
    /// \param name the case \param dataPlane run PPP over GRE for the call
    SessionTestCase(const std::string& name, bool dataPlane)
        : TestCase(name)
        , m_dataPlane(dataPlane)
    {
    }

  protected:
    /// Run the session into out; log records every message sent.
    void RunSession(Output& out, MessageLog& log)
    {
        Config::SetDefault("ns3::PptpControlConnection::DataPlane", BooleanValue(m_dataPlane));
        StarTopology net(1);
        m_pns = net.clientAddresses[0];
        m_pac = net.serverAddresses[0];
        m_pnsNode = net.clients.Get(0)->GetId();
        m_pacNode = net.server.Get(0)->GetId();
        ApplicationContainer apps = PptpServerHelper().Install(net.server);
        PptpClientHelper clientHelper(m_pac);
        clientHelper.SetAttribute("CallDuration", TimeValue(Seconds(20)));
        clientHelper.SetConnectionAttribute("EchoInterval", TimeValue(Seconds(10)));
        ApplicationContainer client = clientHelper.Install(net.clients);
        client.Start(Seconds(1));
        apps.Add(client);
        PptpTraceHelper::EnableSummary(Create<OutputStreamWrapper>(&out.summary), apps);
        PptpTraceHelper::EnableEventCsv(Create<OutputStreamWrapper>(&out.csv), apps);
        log.Watch(apps.Get(0));
        log.Watch(apps.Get(1));
        Simulator::Stop(Seconds(40));
        Simulator::Run();
        Simulator::Destroy();
        Config::SetDefault("ns3::PptpControlConnection::DataPlane", BooleanValue(true));
        out.Parse();
    }

    /**
     * Checks that hold with or without the data plane: a summary line per
     * message sent, in the exact format; the CSV's header, its tx/rx rows, the
     * call ids, and its state, call-up, call-down, established and closed rows.
     */
    void CheckCommon(const Output& out, const MessageLog& log)
    {
        const auto& sent = log.Get();
        std::vector<std::string> lines = Lines(out.summary.str());
        PPTP_REQUIRE_EQ(lines.size(), sent.size(), "one summary line per message sent");
        PPTP_REQUIRE_GT_OR_EQ(sent.size(), 13u, "a whole session");
        const std::regex form(R"(^(\d+\.\d{6})  (PPTP Control Packet \(1\): .*)$)");
        for (size_t i = 0; i < lines.size(); ++i)
        {
            std::smatch m;
            PPTP_REQUIRE_EQ(std::regex_match(lines[i], m, form), true, lines[i]);
            NS_TEST_EXPECT_MSG_EQ(m[1].str(), Seconds6(sent[i].time), "time of line " << i);
            const PptpMessageInfo& info = sent[i].message.GetInfo();
            std::ostringstream text;
            text << "PPTP Control Packet (1): " << info.monitorName << " ("
                 << static_cast<uint16_t>(info.type) << ") " << sent[i].source << " "
                 << sent[i].destination;
            NS_TEST_EXPECT_MSG_EQ(m[2].str(), text.str(), "line " << i);
        }
        // The session's messages: creation, keepalive, deletion.
        using T = PptpMessageType;
        std::map<T, uint32_t> expected = {{T::START_CONTROL_CONNECTION_REQUEST, 1},
                                          {T::START_CONTROL_CONNECTION_REPLY, 1},
                                          {T::OUTGOING_CALL_REQUEST, 1},
                                          {T::OUTGOING_CALL_REPLY, 1},
                                          {T::SET_LINK_INFO, 3},
                                          {T::CALL_CLEAR_REQUEST, 1},
                                          {T::CALL_DISCONNECT_NOTIFY, 1},
                                          {T::STOP_CONTROL_CONNECTION_REQUEST, 1},
                                          {T::STOP_CONTROL_CONNECTION_REPLY, 1}};
        for (const auto& [type, n] : expected)
        {
            NS_TEST_EXPECT_MSG_EQ(log.Count(type), n, PptpGetMessageInfo(type).rfcName);
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(log.Count(T::ECHO_REQUEST), 1u, "keepalive");
        NS_TEST_EXPECT_MSG_EQ(log.Count(T::ECHO_REPLY), log.Count(T::ECHO_REQUEST), "answered");
        NS_TEST_EXPECT_MSG_EQ(lines.back().substr(lines.back().find("  ") + 2),
                              "PPTP Control Packet (1): Stop Session Reply (4) "
                                  + PeerText(m_pac, m_pns),
                              "the last line");

        // The CSV.
        NS_TEST_EXPECT_MSG_EQ(out.header, "time,node,peer,call_id,event,detail", "header");
        NS_TEST_EXPECT_MSG_EQ(out.csvWellFormed, true, "every row: six fields, time, node");
        PPTP_REQUIRE_GT(out.rows.size(), 2 * sent.size(), "rows");
        for (size_t i = 1; i < out.rows.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_LT_OR_EQ(std::stod(out.rows[i - 1].time),
                                        std::stod(out.rows[i].time),
                                        "rows in time order: " << out.rows[i].line);
        }
        for (const auto& r : out.rows)
        {
            bool pns = r.node == m_pnsNode;
            NS_TEST_EXPECT_MSG_EQ(pns || r.node == m_pacNode, true, "a node of ours: " << r.line);
            std::ostringstream peer;
            peer << (pns ? m_pac : m_pns);
            NS_TEST_EXPECT_MSG_EQ(r.peer, peer.str(), "the peer's address: " << r.line);
            NS_TEST_EXPECT_MSG_NE(r.event, "drop", "nothing dropped: " << r.line);
        }
        // The call ids, from the messages themselves.
        uint16_t pnsCallId = 0;
        uint16_t pacCallId = 0;
        for (const auto& s : sent)
        {
            if (const auto* ocrq = s.message.Find<PptpOutgoingCallRequest>())
            {
                pnsCallId = ocrq->callId;
            }
            if (const auto* ocrp = s.message.Find<PptpOutgoingCallReply>())
            {
                pacCallId = ocrp->callId;
            }
        }
        NS_TEST_EXPECT_MSG_NE(pnsCallId, 0, "the PNS's call id");
        NS_TEST_EXPECT_MSG_NE(pacCallId, 0, "the PAC's call id");
        std::string pns = std::to_string(pnsCallId);
        std::string pac = std::to_string(pacCallId);
        // tx rows: one per message sent, in order, on the sender's node, naming the call the
        // message names; rx rows: the same messages on the receiving node.
        std::vector<Row> tx = out.Rows("tx");
        std::vector<Row> rx = out.Rows("rx");
        PPTP_REQUIRE_EQ(tx.size(), sent.size(), "a tx row per message sent");
        NS_TEST_EXPECT_MSG_EQ(rx.size(), sent.size(), "an rx row per message (all received)");
        std::map<std::string, std::string> callIdOf = {
            {"Outgoing-Call-Request", pns},
            {"Outgoing-Call-Reply", pac},
            {"Call-Clear-Request", pns},
            {"Call-Disconnect-Notify", pac},
        };
        for (size_t i = 0; i < tx.size(); ++i)
        {
            const SentMessage& s = sent[i];
            std::string name = s.message.GetInfo().rfcName;
            NS_TEST_EXPECT_MSG_EQ(tx[i].detail, name, "tx row " << i);
            NS_TEST_EXPECT_MSG_EQ(tx[i].time, Seconds6(s.time), "tx row " << i);
            NS_TEST_EXPECT_MSG_EQ(
                tx[i].node, (s.source == m_pns ? m_pnsNode : m_pacNode), "sender " << tx[i].line);
            std::string callId;
            if (callIdOf.count(name))
            {
                callId = callIdOf[name];
            }
            else if (name == "Set-Link-Info") // names the receiver's call
            {
                callId = s.source == m_pns ? pac : pns;
            }
            NS_TEST_EXPECT_MSG_EQ(tx[i].callId, callId, "call id: " << tx[i].line);
        }
        for (const auto& r : rx)
        {
            if (r.detail == "Outgoing-Call-Request")
            {
                NS_TEST_EXPECT_MSG_EQ(r.callId, pns, "the PNS's call id: " << r.line);
                NS_TEST_EXPECT_MSG_EQ(r.node, m_pacNode, "received by the PAC: " << r.line);
            }
        }
        // Connection and call states.
        NS_TEST_EXPECT_MSG_EQ(Join(out.Details("state", m_pnsNode)),
                              "idle->wait-ctl-reply | wait-ctl-reply->established | "
                              "established->wait-stop-reply | wait-stop-reply->closed",
                              "PNS connection states");
        NS_TEST_EXPECT_MSG_EQ(Join(out.Details("state", m_pacNode)),
                              "idle->established | established->closed",
                              "PAC connection states");
        NS_TEST_EXPECT_MSG_EQ(Join(out.Details("call-state", m_pnsNode)),
                              "idle->wait-reply | wait-reply->established | "
                              "established->wait-disconnect | wait-disconnect->closed",
                              "PNS call states");
        NS_TEST_EXPECT_MSG_EQ(Join(out.Details("call-state", m_pacNode)),
                              "idle->established | established->closed",
                              "PAC call states");
        NS_TEST_EXPECT_MSG_EQ(Join(out.Details("established", m_pnsNode)), "", "one, no detail");
        NS_TEST_EXPECT_MSG_EQ(out.Details("established", m_pnsNode).size(), 1u, "PNS");
        NS_TEST_EXPECT_MSG_EQ(out.Details("established", m_pacNode).size(), 1u, "PAC");
        // Calls up and down, connections closed.
        const std::regex latency(R"(^latency \d+\.\d{6} s$)");
        std::vector<Row> up = out.Rows("call-up");
        PPTP_REQUIRE_EQ(up.size(), 2u, "call up on both sides");
        for (const auto& r : up)
        {
            NS_TEST_EXPECT_MSG_EQ(std::regex_match(r.detail, latency), true, r.line);
            NS_TEST_EXPECT_MSG_EQ(r.callId, (r.node == m_pnsNode ? pns : pac), r.line);
        }
        // The PAC's call is up as it answers; the PNS's, once the reply arrives.
        NS_TEST_EXPECT_MSG_EQ(
            Join(out.Details("call-up", m_pacNode)), "latency 0.000000 s", "PAC latency");
        std::vector<Row> down = out.Rows("call-down");
        PPTP_REQUIRE_EQ(down.size(), 2u, "call down on both sides");
        for (const auto& r : down)
        {
            NS_TEST_EXPECT_MSG_EQ(r.detail, "call-clear", r.line);
            NS_TEST_EXPECT_MSG_EQ(r.callId, (r.node == m_pnsNode ? pns : pac), r.line);
        }
        NS_TEST_EXPECT_MSG_EQ(Join(out.Details("closed", m_pnsNode)), "local-stop", "PNS stop");
        NS_TEST_EXPECT_MSG_EQ(Join(out.Details("closed", m_pacNode)), "peer-stop", "PAC saw it");
    }

    /// \param a source \param b destination \return "a b"
    static std::string PeerText(Ipv4Address a, Ipv4Address b)
    {
        std::ostringstream os;
        os << a << " " << b;
        return os.str();
    }

    bool m_dataPlane;      //!< PPP over GRE for the call
    Ipv4Address m_pns;     //!< the client's address
    Ipv4Address m_pac;     //!< the server's address
    uint32_t m_pnsNode{0}; //!< the client's node id
    uint32_t m_pacNode{0}; //!< the server's node id
};

/**
 * The control plane alone: the summary's first six lines exactly, times
 * included, the PNS's set-up latency, and no tunnel rows.
 */
class ControlPlaneSessionTestCase : public SessionTestCase
{
  public:
    ControlPlaneSessionTestCase()
        : SessionTestCase("control plane session: summary lines, times and event CSV", false)
    {
    }

  private:
    void DoRun() override
    {
        Output out;
        MessageLog log;
        RunSession(out, log);
        // Frames on the 10 Mb/s link take 0.8 us per byte: 2 bytes of PPP, 20 of IP, 32 of
        // TCP (with timestamps; 36 with the SYN's options), then the message. Each one
        // arrives 5 ms after it has been sent.
        //  1.000000 the PNS sends its SYN (58 bytes, 46.4 us); the SYN-ACK comes back:
        //  1.010093 (1.0100928) connected: the PNS sends its ACK (54 bytes, 43.2 us), then
        //           Start-Control-Connection-Request (156 + 54 bytes, 168 us);
        //  1.015304 (+43.2 + 168 us + 5 ms) the PAC's reply, behind an ACK of its own;
        //  1.020515 (+43.2 + 168 us + 5 ms) the PNS asks for a call (168 + 54 bytes);
        //  1.025693 (+177.6 us + 5 ms) the PAC answers and sends its Set-Link-Info, both
        //           in one TCP segment (32 + 24 + 54 bytes, 88 us);
        //  1.030781 (+88 us + 5 ms) the call is up at the PNS, which sends Set-Link-Info.
        std::vector<std::string> lines = Lines(out.summary.str());
        std::vector<std::string> first = {
            "1.010093  PPTP Control Packet (1): Start Session Request (1) 10.0.0.1 10.0.0.2",
            "1.015304  PPTP Control Packet (1): Start Session Reply (2) 10.0.0.2 10.0.0.1",
            "1.020515  PPTP Control Packet (1): Outgoing Call Request (7) 10.0.0.1 10.0.0.2",
            "1.025693  PPTP Control Packet (1): Outgoing Call Reply (8) 10.0.0.2 10.0.0.1",
            "1.025693  PPTP Control Packet (1): Set Link Info (15) 10.0.0.2 10.0.0.1",
            "1.030781  PPTP Control Packet (1): Set Link Info (15) 10.0.0.1 10.0.0.2",
        };
        PPTP_REQUIRE_GT_OR_EQ(lines.size(), first.size(), "summary lines");
        for (size_t i = 0; i < first.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(lines[i], first[i], "summary line " << i);
        }
        CheckCommon(out, log);
        NS_TEST_EXPECT_MSG_EQ(Join(out.Details("call-up", m_pnsNode)),
                              "latency 0.030781 s",
                              "PNS: from its connect to the reply");
        NS_TEST_EXPECT_MSG_EQ(out.Rows("tunnel-up").size(), 0u, "no data plane, no tunnel");
        NS_TEST_EXPECT_MSG_EQ(out.Rows("tunnel-down").size(), 0u, "no data plane, no tunnel");
    }
};

/** With PPP over GRE: the same, and tunnel-up / tunnel-down rows for both sides. */
class DataPlaneSessionTestCase : public SessionTestCase
{
  public:
    DataPlaneSessionTestCase()
        : SessionTestCase("data plane session: event CSV with tunnel rows", true)
    {
    }

  private:
    void DoRun() override
    {
        Output out;
        MessageLog log;
        RunSession(out, log);
        CheckCommon(out, log);
        const std::regex setup(R"(^setup \d+\.\d{6} s$)");
        std::vector<Row> up = out.Rows("tunnel-up");
        PPTP_REQUIRE_EQ(up.size(), 2u, "tunnel up on both sides");
        for (const auto& r : up)
        {
            NS_TEST_EXPECT_MSG_EQ(std::regex_match(r.detail, setup), true, r.line);
            NS_TEST_EXPECT_MSG_NE(r.callId, "", r.line);
        }
        std::vector<Row> down = out.Rows("tunnel-down");
        PPTP_REQUIRE_EQ(down.size(), 2u, "tunnel down on both sides");
        for (const auto& r : down)
        {
            NS_TEST_EXPECT_MSG_EQ(r.detail, "call-clear", r.line);
        }
        // Set-Link-Info waits for LCP: both come after the Outgoing-Call-Reply's time.
        const auto& sent = log.Get();
        PPTP_REQUIRE_GT(sent.size(), 5u, "messages");
        NS_TEST_EXPECT_MSG_EQ(sent[4].message.Is<PptpSetLinkInfo>(), true, "fifth: SLI");
        NS_TEST_EXPECT_MSG_GT(sent[4].time, sent[3].time, "after LCP, not with the reply");
    }
};

/**
 * A drop's detail holds a comma ("(state idle, role PAC)"): the CSV quotes
 * it. A raw TCP peer sends an Outgoing-Call-Request before any Start-Control-
 * Connection-Request; the PAC drops it as illegal in its state and answers
 * General Error.
 */
class QuotedDetailTestCase : public TestCase
{
  public:
    QuotedDetailTestCase()
        : TestCase("a drop detail with a comma is quoted in the CSV")
    {
    }

  private:
    void DoRun() override
    {
        Output out;
        StarTopology net(1);
        PptpServerHelper serverHelper;
        serverHelper.SetConnectionAttribute("ReplyTimeout", TimeValue(Seconds(5)));
        ApplicationContainer server = serverHelper.Install(net.server);
        PptpTraceHelper::EnableSummary(Create<OutputStreamWrapper>(&out.summary), server);
        PptpTraceHelper::EnableEventCsv(Create<OutputStreamWrapper>(&out.csv), server);
        RawPeer peer;
        Simulator::Schedule(
            Seconds(1), &RawPeer::Connect, &peer, net.clients.Get(0), net.serverAddresses[0]);
        PptpControlMessage ocrq = SampleMessages()[6].message; // Call ID 1275
        Simulator::Schedule(Seconds(1.5), &RawPeer::SendMessage, &peer, ocrq);
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        Simulator::Destroy();
        out.Parse();

        NS_TEST_EXPECT_MSG_EQ(out.csvWellFormed, true, "every row splits into six fields");
        std::vector<std::string> rows;
        for (const auto& r : out.rows)
        {
            rows.push_back(r.line.substr(r.line.find(',') + 1)); // without the time
        }
        // Received at 1.5 s plus a link; the server closes 5 s after it accepted (~1.015 s).
        std::vector<std::string> expected = {
            "0,10.0.0.1,1275,rx,Outgoing-Call-Request",
            "0,10.0.0.1,,drop,\"illegal-in-state: Outgoing-Call-Request before the control "
            "connection is established (state idle, role PAC)\"",
            "0,10.0.0.1,0,tx,Outgoing-Call-Reply",
            "0,10.0.0.1,,state,idle->closed",
            "0,10.0.0.1,,closed,protocol-error",
        };
        PPTP_REQUIRE_EQ(rows.size(), expected.size(), "rows: " << out.csv.str());
        for (size_t i = 0; i < expected.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(rows[i], expected[i], "row " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(out.rows[1].detail,
                              "illegal-in-state: Outgoing-Call-Request before the control "
                              "connection is established (state idle, role PAC)",
                              "the quoted field reads back whole");
        NS_TEST_EXPECT_MSG_EQ(out.rows[0].time, out.rows[2].time, "answered at once");
        std::vector<std::string> lines = Lines(out.summary.str());
        PPTP_REQUIRE_EQ(lines.size(), 1u, "one message sent");
        NS_TEST_EXPECT_MSG_EQ(
            lines[0].substr(lines[0].find("  ")),
            "  PPTP Control Packet (1): Outgoing Call Reply (8) 10.0.0.2 10.0.0.1",
            "the reply's summary");
    }
};

class PptpTraceHelperTestSuite : public TestSuite
{
  public:
    PptpTraceHelperTestSuite()
        : TestSuite("pptp-trace-helper", SYSTEM)
    {
        AddTestCase(new ControlPlaneSessionTestCase, TestCase::QUICK);
        AddTestCase(new DataPlaneSessionTestCase, TestCase::QUICK);
        AddTestCase(new QuotedDetailTestCase, TestCase::QUICK);
    }
};

/// The suite's one instance.
PptpTraceHelperTestSuite g_pptpTraceHelperTestSuite;

} // namespace
