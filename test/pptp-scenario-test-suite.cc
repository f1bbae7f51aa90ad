/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PptpScenario, in this process: tunnels come up on the star; a link going
// down kills the tunnels of the clients behind it, each side detects the dead
// peer within its keepalive bound, and the clients come back; a total loss
// window on the bottleneck hits every client; traffic gets through the
// tunnels; the server's channel limit refuses calls; the results folder is
// written whole (and only then) with its files; ns-3 defaults are restored.

#include "ns3/config.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"
#include "pptp-sim/pptp-json.h"
#include "pptp-sim/pptp-results-folder.h"
#include "pptp-sim/pptp-scenario.h"
#include "pptp-sim/pptp-sim-options.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace ns3;

namespace
{

namespace fs = std::filesystem;

/// A scratch folder, removed with the test case.
class Scratch
{
  public:
    explicit Scratch(const std::string& name)
        : m_path(fs::temp_directory_path()
                 / ("pptp-scenario-" + name + "-" + std::to_string(getpid())))
    {
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }

    ~Scratch()
    {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }

    std::string Path() const
    {
        return m_path.string();
    }

  private:
    fs::path m_path;
};

/// Run a scenario given as options; return its summary.json.
PptpJson
RunScenario(const std::vector<std::string>& args, const std::string& folder)
{
    std::vector<const char*> argv = {"pptp-sim"};
    for (const auto& a : args)
    {
        argv.push_back(a.c_str());
    }
    PptpSimOptions options;
    PptpSimSettings settings;
    std::string error;
    if (!options.Parse(static_cast<int>(argv.size()), argv.data(), settings, error))
    {
        NS_FATAL_ERROR("test scenario options rejected: " << error);
    }
    PptpScenario scenario(settings.scenario);
    scenario.Run(folder, options.GetParameters(settings));
    std::ifstream in(folder + "/summary.json");
    PptpJson summary = PptpJson::parse(in, nullptr, false);
    NS_ABORT_MSG_IF(summary.is_discarded(), "summary.json is not JSON");
    return summary;
}

/// \return the value at a dotted path ("faults.0.tunnels_hit") of summary.json
const PptpJson&
At(const PptpJson& summary, const std::string& path)
{
    const PptpJson* at = &summary;
    std::istringstream parts(path);
    std::string part;
    while (std::getline(parts, part, '.'))
    {
        if (at->is_array())
        {
            size_t index = std::stoul(part);
            NS_ABORT_MSG_IF(index >= at->size(), "no " << path << " in summary.json");
            at = &(*at)[index];
        }
        else
        {
            NS_ABORT_MSG_IF(!at->is_object() || !at->contains(part),
                            "no " << path << " in summary.json");
            at = &(*at)[part];
        }
    }
    return *at;
}

/// \return the figure at a dotted path, -1 for null
double
Number(const PptpJson& summary, const std::string& path)
{
    const PptpJson& at = At(summary, path);
    NS_ABORT_MSG_IF(!at.is_null() && !at.is_number(), path << " is not a number");
    return at.is_null() ? -1 : at.get<double>();
}

/// \return the string at a dotted path
std::string
Text(const PptpJson& summary, const std::string& path)
{
    const PptpJson& at = At(summary, path);
    NS_ABORT_MSG_IF(!at.is_string(), path << " is not a string");
    return at.get<std::string>();
}

/// \return the rows of a CSV file (header first)
std::vector<std::string>
Lines(const std::string& file)
{
    std::ifstream in(file);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line))
    {
        lines.push_back(line);
    }
    return lines;
}

/// \return the fields of a CSV row (no quoted fields in the files read here)
std::vector<std::string>
Split(const std::string& row)
{
    std::vector<std::string> fields;
    std::istringstream is(row);
    std::string field;
    while (std::getline(is, field, ','))
    {
        fields.push_back(field);
    }
    return fields;
}

class TunnelsUpTestCase : public TestCase
{
  public:
    TunnelsUpTestCase()
        : TestCase("three clients, two calls each: every tunnel comes up and the files say so")
    {
    }

  private:
    void DoRun() override
    {
        Scratch dir("up");
        auto s = RunScenario({"--clients=3", "--calls=2", "--run-time=30s"}, dir.Path());
        NS_TEST_EXPECT_MSG_EQ(Number(s, "tunnels.wanted"), 6, "wanted");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "tunnels.attempted"), 6, "attempted");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "tunnels.established"), 6, "established");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "tunnels.up_at_end"), 6, "up at the end");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "tunnels.failed"), 0, "failed");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "setup_latency_s.count"), 6, "latencies");
        // TCP handshake, two control exchanges, LCP, MS-CHAPv2 and IPCP over a 20 ms link:
        // a few tenths of a second.
        NS_TEST_EXPECT_MSG_GT(Number(s, "setup_latency_s.min"), 0.1, "latency");
        NS_TEST_EXPECT_MSG_LT(Number(s, "setup_latency_s.max"), 1.0, "latency");
        NS_TEST_EXPECT_MSG_GT(Number(s, "tunnels.availability"), 0.9, "availability");
        NS_TEST_EXPECT_MSG_GT(Number(s, "control.bytes"), 0, "control bytes");
        NS_TEST_EXPECT_MSG_GT(
            Number(s, "control.ip_bytes"), Number(s, "control.bytes"), "with TCP/IP headers");
        NS_TEST_EXPECT_MSG_GT(Number(s, "gre.ip_packets"), 0, "PPP in GRE");
        NS_TEST_EXPECT_MSG_EQ(Text(s, "parameters.clients"), "3", "parameters");
        for (const char* file : {"tunnels.csv",
                                 "timeline.csv",
                                 "throughput.csv",
                                 "clients.csv",
                                 "summary.json",
                                 "summary.txt",
                                 "events.csv"})
        {
            NS_TEST_EXPECT_MSG_EQ(fs::exists(dir.Path() + "/" + file), true, file);
        }
        auto tunnels = Lines(dir.Path() + "/tunnels.csv");
        NS_TEST_ASSERT_MSG_EQ(tunnels.size(), 13, "header, 6 placed, 6 up");
        NS_TEST_EXPECT_MSG_EQ(tunnels[0], "time,client,call_id,event,setup_s,cause", "header");
        auto timeline = Lines(dir.Path() + "/timeline.csv");
        NS_TEST_ASSERT_MSG_EQ(timeline.size(), 4, "a row every 10 s");
        NS_TEST_EXPECT_MSG_EQ(timeline[3], "30,6,3,0", "six tunnels on three connections");
        NS_TEST_EXPECT_MSG_EQ(Lines(dir.Path() + "/clients.csv").size(), 4, "a row per client");
        auto summary = Lines(dir.Path() + "/summary.txt");
        NS_TEST_ASSERT_MSG_GT(summary.size(), 0, "summary lines");
        NS_TEST_EXPECT_MSG_NE(
            summary[0].find("Start Session Request"), std::string::npos, summary[0]);
    }
};

class LinkDownTestCase : public TestCase
{
  public:
    LinkDownTestCase()
        : TestCase("link down: the faulted clients' tunnels die, each side detects it within "
                   "the keepalive bound, the clients come back when the link does")
    {
    }

  private:
    void DoRun() override
    {
        Scratch dir("down");
        auto s = RunScenario({"--clients=4",
                              "--fault-clients=2",
                              "--link-down=50s+100s",
                              "--echo-interval=10s",
                              "--echo-timeout=10s",
                              "--tcp-retries=30",
                              "--reconnect-attempts=100",
                              "--reconnect-delay=5s",
                              "--run-time=200s"},
                             dir.Path());
        NS_TEST_EXPECT_MSG_EQ(Number(s, "faults.0.tunnels_hit"), 2, "two tunnels behind it");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "faults.0.tunnels_lost"), 2, "both lost");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "tunnels.lost_by_cause.keepalive-timeout"), 2, "cause");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "dead_peer_detection_s.pns.count"), 2, "client side");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "dead_peer_detection_s.pac.count"), 2, "server side");
        // Declared dead 20 s (interval + timeout) after the last message heard, which came at
        // most an interval before the link went down.
        NS_TEST_EXPECT_MSG_GT(Number(s, "dead_peer_detection_s.pns.min"), 10, "not before");
        NS_TEST_EXPECT_MSG_LT(Number(s, "dead_peer_detection_s.pns.max"), 20.5, "within");
        NS_TEST_EXPECT_MSG_LT(Number(s, "dead_peer_detection_s.pac.max"), 20.5, "within");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "dead_peer_detection_s.without_fault"), 0, "no other");
        // Reconnections into a down link fail at once (no route), then succeed.
        NS_TEST_EXPECT_MSG_GT(Number(s, "tunnels.failed_by_cause.tcp-failure"), 0, "refused");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "tunnels.up_at_end"), 4, "all back");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "tunnels.established"), 6, "4 + 2 again");
        NS_TEST_EXPECT_MSG_GT(Number(s, "drops.ip:no-route"), 0, "dropped for want of a route");
        auto clients = Lines(dir.Path() + "/clients.csv");
        NS_TEST_ASSERT_MSG_EQ(clients.size(), 5, "clients");
        // client,address,loss_rate,faulted,attempted,established,failed,lost,up_at_end,...
        auto first = Split(clients[1]);
        auto last = Split(clients[4]);
        NS_TEST_EXPECT_MSG_EQ(first[3], "1", "client 0 is behind the fault: " << clients[1]);
        NS_TEST_EXPECT_MSG_EQ(first[7], "1", "and lost its tunnel: " << clients[1]);
        NS_TEST_EXPECT_MSG_EQ(last[3], "0", "client 3 is not: " << clients[4]);
        NS_TEST_EXPECT_MSG_EQ(last[7], "0", "and kept its tunnel: " << clients[4]);
    }
};

class LossWindowTestCase : public TestCase
{
  public:
    LossWindowTestCase()
        : TestCase("a total loss window on the shared bottleneck hits every client; the links "
                   "heal after it")
    {
    }

  private:
    void DoRun() override
    {
        Scratch dir("window");
        auto s = RunScenario({"--clients=3",
                              "--bottleneck-rate=5Mbps",
                              "--fault-link=bottleneck",
                              "--loss-windows=40s+60s",
                              "--echo-interval=10s",
                              "--echo-timeout=5s",
                              "--echo-misses=2",
                              "--tcp-retries=30",
                              "--reconnect-attempts=20",
                              "--reconnect-delay=2s",
                              "--run-time=200s"},
                             dir.Path());
        NS_TEST_EXPECT_MSG_EQ(Text(s, "faults.0.kind"), "loss-window", "kind");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "faults.0.clients"), 3, "every client");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "faults.0.tunnels_lost"), 3, "every tunnel");
        NS_TEST_EXPECT_MSG_LT(
            Number(s, "dead_peer_detection_s.pns.max"), 20.5, "interval + 2 x timeout");
        NS_TEST_EXPECT_MSG_GT(Number(s, "drops.link:loss"), 0, "lost on the link");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "tunnels.up_at_end"), 3, "back after the window");
    }
};

class TrafficTestCase : public TestCase
{
  public:
    TrafficTestCase()
        : TestCase("traffic through the tunnels: UDP on-off at its rate, TCP bulk near the link")
    {
    }

  private:
    void DoRun() override
    {
        Scratch dir("traffic");
        auto udp = RunScenario(
            {"--clients=2", "--traffic=onoff", "--traffic-rate=500kbps", "--run-time=41s"},
            dir.Path());
        // 500 kbit/s from the tunnel up (about 1.3 s) to the end, over 40 s from the start.
        double perClient = Number(udp, "goodput.per_client_bps.mean");
        NS_TEST_EXPECT_MSG_GT(perClient, 0.95 * 500e3 * 38.7 / 40, "goodput");
        NS_TEST_EXPECT_MSG_LT(perClient, 500e3 * 1.01, "goodput");
        NS_TEST_EXPECT_MSG_EQ_TOL(Number(udp, "goodput.total_bps"), 2 * perClient, 1, "total");
        auto rows = Lines(dir.Path() + "/throughput.csv");
        NS_TEST_EXPECT_MSG_EQ(rows.size(), 1 + 2 * 5, "two clients, five samples");

        auto tcp = RunScenario({"--clients=1", "--traffic=bulk", "--run-time=21s"}, dir.Path());
        NS_TEST_EXPECT_MSG_GT(Number(tcp, "goodput.total_bps"), 2e6, "TCP fills the tunnel");
        NS_TEST_EXPECT_MSG_LT(Number(tcp, "goodput.total_bps"), 10e6, "not more than the link");
    }
};

class ServerFullTestCase : public TestCase
{
  public:
    ServerFullTestCase()
        : TestCase("the server's channel limit refuses calls beyond it (server-full); without "
                   "data plane, calls are the tunnels")
    {
    }

  private:
    void DoRun() override
    {
        Scratch dir("full");
        auto s = RunScenario({"--clients=4",
                              "--server-max-channels=3",
                              "--data-plane=false",
                              "--start-spread=2s",
                              "--run-time=20s"},
                             dir.Path());
        NS_TEST_EXPECT_MSG_EQ(Number(s, "tunnels.established"), 3, "three channels");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "tunnels.failed_by_cause.server-full"), 1, "refused");
        NS_TEST_EXPECT_MSG_EQ(Number(s, "gre.ip_packets"), 0, "no data plane");
    }
};

class ResultsFolderTestCase : public TestCase
{
  public:
    ResultsFolderTestCase()
        : TestCase("results folder: whole or absent, replaces earlier results only")
    {
    }

  private:
    void DoRun() override
    {
        Scratch dir("folder");
        std::string final = dir.Path() + "/results";
        std::string temporary;
        {
            PptpResultsFolder folder(final);
            temporary = folder.GetPath();
            std::ofstream(temporary + "/summary.json") << "{}";
            NS_TEST_EXPECT_MSG_EQ(fs::exists(final), false, "not there before Commit");
        }
        NS_TEST_EXPECT_MSG_EQ(fs::exists(temporary), false, "an uncommitted folder is removed");
        NS_TEST_EXPECT_MSG_EQ(fs::exists(final), false, "and nothing is left");
        {
            PptpResultsFolder folder(final);
            std::ofstream(folder.GetPath() + "/summary.json") << "{\"first\": 1}";
            folder.Commit();
        }
        NS_TEST_EXPECT_MSG_EQ(fs::exists(final + "/summary.json"), true, "committed");
        {
            PptpResultsFolder folder(final);
            std::ofstream(folder.GetPath() + "/summary.json") << "{\"second\": 2}";
            folder.Commit();
        }
        std::ifstream in(final + "/summary.json");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        NS_TEST_EXPECT_MSG_EQ(text, "{\"second\": 2}", "earlier results replaced");
        NS_TEST_EXPECT_MSG_EQ(
            std::distance(fs::directory_iterator(dir.Path()), fs::directory_iterator()),
            1,
            "no temporary folder left beside it");

        // An interrupted run's temporary folder (its process is gone) goes with the next
        // run to the same folder; a running process's, and other names, stay.
        pid_t gone = fork();
        if (gone == 0)
        {
            _exit(0);
        }
        waitpid(gone, nullptr, 0);
        std::string stale = dir.Path() + "/.results.tmp-" + std::to_string(gone);
        std::string running = dir.Path() + "/.results.tmp-" + std::to_string(getppid());
        std::string previous = dir.Path() + "/.results.old-" + std::to_string(gone);
        for (const std::string& folder : {stale, running, previous})
        {
            fs::create_directories(folder);
            std::ofstream(folder + "/summary.json") << "{}";
        }
        {
            PptpResultsFolder folder(final);
            NS_TEST_EXPECT_MSG_EQ(fs::exists(stale), false, "a dead run's temporary removed");
            NS_TEST_EXPECT_MSG_EQ(fs::exists(running), true, "a running one's kept");
            NS_TEST_EXPECT_MSG_EQ(fs::exists(previous), true, "earlier results kept");
        }
        fs::remove_all(running);
        fs::remove_all(previous);

        std::string problem;
        fs::create_directories(dir.Path() + "/precious");
        std::ofstream(dir.Path() + "/precious/thesis.tex") << "...";
        NS_TEST_EXPECT_MSG_EQ(PptpResultsFolder::CanReplace(dir.Path() + "/precious", problem),
                              false,
                              "a folder of something else is never replaced");
        NS_TEST_EXPECT_MSG_EQ(PptpResultsFolder::CanReplace("/", problem), false, "root");
        // A folder that merely holds a summary.json or a sweep.ini is not ours either: only
        // the mark every results folder gets says so.
        std::ofstream(dir.Path() + "/precious/summary.json") << "{}";
        std::ofstream(dir.Path() + "/precious/sweep.ini") << "";
        NS_TEST_EXPECT_MSG_EQ(PptpResultsFolder::CanReplace(dir.Path() + "/precious", problem),
                              false,
                              "a summary.json does not make a results folder");
        NS_TEST_EXPECT_MSG_NE(problem.find(PptpResultsFolder::MARK), std::string::npos, problem);
        NS_TEST_EXPECT_MSG_EQ(
            fs::exists(final + "/" + PptpResultsFolder::MARK), true, "results are marked");
        NS_TEST_EXPECT_MSG_EQ(
            PptpResultsFolder::CanReplace(final, problem), true, "and replaceable");
    }
};

class DefaultsRestoredTestCase : public TestCase
{
  public:
    DefaultsRestoredTestCase()
        : TestCase("a run leaves ns-3's defaults as it found them")
    {
    }

  private:
    static std::string Default(const std::string& type, const std::string& name)
    {
        TypeId::AttributeInformation info;
        TypeId::LookupByName(type).LookupAttributeByName(name, &info);
        return info.initialValue->SerializeToString(info.checker);
    }

    void DoRun() override
    {
        std::string retries = Default("ns3::TcpSocket", "DataRetries");
        std::string segment = Default("ns3::TcpSocket", "SegmentSize");
        Scratch dir("defaults");
        RunScenario({"--clients=1", "--tcp-retries=40", "--run-time=5s"}, dir.Path());
        NS_TEST_EXPECT_MSG_EQ(Default("ns3::TcpSocket", "DataRetries"), retries, "retries");
        NS_TEST_EXPECT_MSG_EQ(Default("ns3::TcpSocket", "SegmentSize"), segment, "segment");
    }
};

class PptpScenarioTestSuite : public TestSuite
{
  public:
    PptpScenarioTestSuite()
        : TestSuite("pptp-scenario", SYSTEM)
    {
        AddTestCase(new TunnelsUpTestCase, TestCase::QUICK);
        AddTestCase(new LinkDownTestCase, TestCase::QUICK);
        AddTestCase(new LossWindowTestCase, TestCase::QUICK);
        AddTestCase(new TrafficTestCase, TestCase::QUICK);
        AddTestCase(new ServerFullTestCase, TestCase::QUICK);
        AddTestCase(new ResultsFolderTestCase, TestCase::QUICK);
        AddTestCase(new DefaultsRestoredTestCase, TestCase::QUICK);
    }
};

PptpScenarioTestSuite g_pptpScenarioTestSuite;

} // namespace
