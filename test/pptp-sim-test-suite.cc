/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The pptp-sim program itself, run as a separate process: bad input exits
// with status 2 and writes nothing; --help documents every option; the same
// seed and run give byte-identical summaries and another run differs; a small
// sweep runs its points as processes and aggregates them into sweep.csv and
// plots; a sweep written out as a job list (GNU parallel) and a Slurm script
// runs line by line and aggregates afterwards.
//
// The build gives the program's path (PPTP_SIM_EXECUTABLE); a case fails when the program
// is not there (none passes for want of something to run).

#include "ns3/test.h"
#include "pptp-sim/pptp-sim-options.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace ns3;

namespace
{

namespace fs = std::filesystem;

#ifdef PPTP_SIM_EXECUTABLE
const std::string g_program = PPTP_SIM_EXECUTABLE;
#else
const std::string g_program;
#endif

/**
 * A program under test must be there: its absence fails the case (loudly), it never
 * passes for want of anything to run.
 * \return true if pptp-sim can be run
 */
bool
ProgramBuilt()
{
    return !g_program.empty() && fs::exists(g_program);
}

/// What a command did.
struct Outcome
{
    int status{-1};     //!< exit status
    std::string output; //!< stdout and stderr
};

/// Run a shell command line.
Outcome
Shell(const std::string& command)
{
    Outcome o;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
    {
        return o;
    }
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0)
    {
        o.output.append(buffer, n);
    }
    int status = pclose(pipe);
    o.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return o;
}

/// Run pptp-sim with arguments (already shell-quoted where needed).
Outcome
Sim(const std::string& arguments)
{
    return Shell("'" + g_program + "' " + arguments);
}

std::string
Read(const std::string& file)
{
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

size_t
CountLines(const std::string& file)
{
    std::string text = Read(file);
    return std::count(text.begin(), text.end(), '\n');
}

/// A scratch folder, removed with the test case.
class Scratch
{
  public:
    explicit Scratch(const std::string& name)
        : m_path(fs::temp_directory_path() / ("pptp-sim-" + name + "-" + std::to_string(getpid())))
    {
        fs::remove_all(m_path);
        fs::create_directories(m_path);
    }

    ~Scratch()
    {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }

    std::string Path(const std::string& name = "") const
    {
        return name.empty() ? m_path.string() : (m_path / name).string();
    }

    /// \return how many entries the folder holds
    size_t Entries() const
    {
        return std::distance(fs::directory_iterator(m_path), fs::directory_iterator());
    }

  private:
    fs::path m_path;
};

/// \return true if the plots can be drawn here
bool
CanPlot()
{
    return Shell("/usr/bin/python3 -c 'import matplotlib'").status == 0;
}

class BadInputTestCase : public TestCase
{
  public:
    BadInputTestCase()
        : TestCase("bad input: exit status 2, a message, nothing in the results folder")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(ProgramBuilt(), true, "pptp-sim must be built: " << g_program);
        Scratch dir("bad");
        std::string out = " --out " + dir.Path("results");
        std::ofstream(dir.Path("bad.ini")) << "clients = 2\nwindow = 3\n";
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"--no-such-option 3", "no-such-option"},
            {"--clients=20000", "--clients=20000"},
            {"--echo-interval=60", "no unit"},
            {"--config " + dir.Path("missing.ini"), "cannot read"},
            {"--config " + dir.Path("bad.ini"), "unknown option 'window'"},
            {"--sweep loss-rate=0,1.5 --runs 2", "value '1.5'"},
            {"--sweep fault-clients=2,9", "--fault-clients=9"},
            {"--config /dev/zero", "not a regular file"},
            {"--sweep loss-rate=0,1% --emit-jobs " + dir.Path(), "is a folder"},
        };
        for (const auto& [arguments, expected] : cases)
        {
            Outcome o = Sim(arguments + out);
            NS_TEST_EXPECT_MSG_EQ(o.status, 2, arguments << ": " << o.output);
            NS_TEST_EXPECT_MSG_NE(
                o.output.find(expected), std::string::npos, arguments << ": " << o.output);
            NS_TEST_EXPECT_MSG_EQ(dir.Entries(), 1, "nothing written beside bad.ini");
        }
    }
};

class HelpTestCase : public TestCase
{
  public:
    HelpTestCase()
        : TestCase("--help documents every option; --print-config prints a config file")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(ProgramBuilt(), true, "pptp-sim must be built: " << g_program);
        Outcome help = Sim("--help");
        NS_TEST_ASSERT_MSG_EQ(help.status, 0, help.output);
        PptpSimOptions options;
        for (const auto& o : options.GetOptions())
        {
            NS_TEST_EXPECT_MSG_NE(help.output.find("--" + o.name + " "),
                                  std::string::npos,
                                  "--help lacks --" << o.name);
        }
        NS_TEST_EXPECT_MSG_NE(help.output.find("Default: 60s"), std::string::npos, "defaults");
        Outcome config = Sim("--clients 7 --sweep loss-rate=0,1% --print-config");
        NS_TEST_ASSERT_MSG_EQ(config.status, 0, config.output);
        NS_TEST_EXPECT_MSG_NE(
            config.output.find("\nclients = 7\n"), std::string::npos, config.output);
        NS_TEST_EXPECT_MSG_NE(
            config.output.find("\nsweep = loss-rate=0,0.01\n"), std::string::npos, config.output);
    }
};

class DeterminismTestCase : public TestCase
{
  public:
    DeterminismTestCase()
        : TestCase("the same seed and run give byte-identical results; another run differs")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(ProgramBuilt(), true, "pptp-sim must be built: " << g_program);
        Scratch dir("same");
        std::string scenario = " --clients 3 --loss-rate 3% --traffic onoff --traffic-rate 200kbps"
                               " --off-time 1s --start-spread 5s --link-down 60s+30s"
                               " --fault-clients 1 --reconnect-attempts 5 --run-time 150s"
                               " --quiet --no-plots";
        for (const char* name : {"a", "b"})
        {
            Outcome o = Sim("--out " + dir.Path(name) + scenario);
            NS_TEST_ASSERT_MSG_EQ(o.status, 0, o.output);
        }
        Outcome o = Sim("--out " + dir.Path("c") + scenario + " --run 2");
        NS_TEST_ASSERT_MSG_EQ(o.status, 0, o.output);
        for (const char* file : {"summary.json", "tunnels.csv", "events.csv", "throughput.csv"})
        {
            std::string a = Read(dir.Path("a") + "/" + file);
            NS_TEST_EXPECT_MSG_GT(a.size(), 0, file);
            NS_TEST_EXPECT_MSG_EQ((a == Read(dir.Path("b") + "/" + file)),
                                  true,
                                  file << " differs between two runs with the same seed and run");
        }
        std::string a = Read(dir.Path("a/summary.json"));
        std::string c = Read(dir.Path("c/summary.json"));
        // Beyond the run number itself: the losses fall elsewhere.
        auto losses = [](const std::string& json)
        {
            size_t at = json.find("\"link:loss\"");
            return at == std::string::npos ? std::string() : json.substr(at, 30);
        };
        NS_TEST_EXPECT_MSG_NE(losses(a), "", "losses counted");
        NS_TEST_EXPECT_MSG_NE(losses(a), losses(c), "another run, other losses");
        NS_TEST_EXPECT_MSG_NE(Read(dir.Path("a/throughput.csv")),
                              Read(dir.Path("c/throughput.csv")),
                              "another run, another throughput");
    }
};

class SweepTestCase : public TestCase
{
  public:
    SweepTestCase()
        : TestCase("a small sweep: points as processes, sweep.csv with a row each, plots")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(ProgramBuilt(), true, "pptp-sim must be built: " << g_program);
        Scratch dir("sweep");
        std::string out = dir.Path("sweep");
        Outcome o = Sim("--sweep loss-rate=0,10% --runs 2 --jobs 2 --clients 2 --run-time 40s"
                        " --traffic onoff --traffic-rate 100kbps --link-down 20s+10s --quiet"
                        " --echo-interval 5s --echo-timeout 5s --out "
                        + out);
        NS_TEST_ASSERT_MSG_EQ(o.status, 0, o.output);
        std::string csv = Read(out + "/sweep.csv");
        NS_TEST_EXPECT_MSG_EQ(CountLines(out + "/sweep.csv"), 5, csv);
        NS_TEST_EXPECT_MSG_EQ(
            csv.rfind("point,run,status,loss-rate,simulated_s,clients,", 0), 0, csv);
        NS_TEST_EXPECT_MSG_NE(csv.find("\n1,1,ok,0,"), std::string::npos, csv);
        NS_TEST_EXPECT_MSG_NE(csv.find("\n4,2,ok,0.1,"), std::string::npos, csv);
        NS_TEST_EXPECT_MSG_NE(csv.find("dead_peer_detection_s.pns.mean"), std::string::npos, csv);
        for (const char* point : {"point-0001", "point-0002", "point-0003", "point-0004"})
        {
            NS_TEST_EXPECT_MSG_EQ(fs::exists(out + "/" + point + "/summary.json"), true, point);
            NS_TEST_EXPECT_MSG_EQ(fs::exists(out + "/logs/" + point + ".log"), true, point);
        }
        NS_TEST_EXPECT_MSG_EQ(CountLines(out + "/jobs.txt"), 4, "the job list");
        NS_TEST_EXPECT_MSG_EQ(fs::exists(out + "/base.ini"), true, "base.ini");
        NS_TEST_EXPECT_MSG_EQ(fs::exists(out + "/sweep.ini"), true, "sweep.ini");
        if (CanPlot())
        {
            for (const char* plot : {"sweep-goodput-vs-loss-rate.png",
                                     "sweep-detection-vs-loss-rate.png",
                                     "sweep-availability-vs-loss-rate.png"})
            {
                NS_TEST_EXPECT_MSG_EQ(fs::exists(out + "/plots/" + plot), true, plot);
            }
            // And one run's plots.
            Outcome single = Sim("--clients 2 --run-time 20s --quiet --out " + dir.Path("one"));
            NS_TEST_ASSERT_MSG_EQ(single.status, 0, single.output);
            for (const char* plot : {"tunnel-state.png",
                                     "setup-latency-cdf.png",
                                     "detection-vs-loss.png",
                                     "goodput-vs-loss.png",
                                     "throughput.png"})
            {
                NS_TEST_EXPECT_MSG_EQ(fs::exists(dir.Path("one/plots/") + plot), true, plot);
            }
        }
    }
};

class JobListTestCase : public TestCase
{
  public:
    JobListTestCase()
        : TestCase("a sweep written out as a job list and a Slurm script, run line by line, "
                   "then aggregated")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_ASSERT_MSG_EQ(ProgramBuilt(), true, "pptp-sim must be built: " << g_program);
        Scratch dir("jobs");
        std::string out = dir.Path("sweep");
        std::string jobs = dir.Path("jobs.txt");
        std::string slurm = dir.Path("sweep.slurm");
        Outcome o = Sim("--sweep clients=1,2 --run-time 10s --out " + out + " --emit-jobs " + jobs
                        + " --emit-slurm " + slurm);
        NS_TEST_ASSERT_MSG_EQ(o.status, 0, o.output);
        NS_TEST_EXPECT_MSG_EQ(CountLines(jobs), 2, Read(jobs));
        std::string script = Read(slurm);
        NS_TEST_EXPECT_MSG_NE(script.find("#SBATCH --array=1-2"), std::string::npos, script);
        NS_TEST_EXPECT_MSG_NE(script.find(jobs), std::string::npos, script);
        NS_TEST_EXPECT_MSG_EQ(fs::exists(out + "/logs"), true, "Slurm writes its logs there");

        // Before the jobs ran: nothing to aggregate yet.
        Outcome early = Sim("--aggregate " + out + " --no-plots");
        NS_TEST_EXPECT_MSG_EQ(early.status, 1, early.output);
        NS_TEST_EXPECT_MSG_NE(Read(out + "/sweep.csv").find("\n1,1,missing,1\n"),
                              std::string::npos,
                              Read(out + "/sweep.csv"));

        // What GNU parallel or a Slurm task does with a line: run it with a shell.
        std::ifstream list(jobs);
        std::string line;
        while (std::getline(list, line))
        {
            Outcome job = Shell(line);
            NS_TEST_EXPECT_MSG_EQ(job.status, 0, line << ": " << job.output);
        }
        Outcome done = Sim("--aggregate " + out + " --no-plots");
        NS_TEST_EXPECT_MSG_EQ(done.status, 0, done.output);
        std::string csv = Read(out + "/sweep.csv");
        NS_TEST_EXPECT_MSG_NE(csv.find("\n1,1,ok,1,"), std::string::npos, csv);
        NS_TEST_EXPECT_MSG_NE(csv.find("\n2,1,ok,2,"), std::string::npos, csv);
    }
};

class PptpSimTestSuite : public TestSuite
{
  public:
    PptpSimTestSuite()
        : TestSuite("pptp-sim", SYSTEM)
    {
        AddTestCase(new BadInputTestCase, TestCase::QUICK);
        AddTestCase(new HelpTestCase, TestCase::QUICK);
        AddTestCase(new DeterminismTestCase, TestCase::QUICK);
        AddTestCase(new SweepTestCase, TestCase::EXTENSIVE);
        AddTestCase(new JobListTestCase, TestCase::QUICK);
    }
};

PptpSimTestSuite g_pptpSimTestSuite;

} // namespace
