/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The scenario runner's options: values with units, config files and their
// precedence, the printed configuration reading back to the same settings,
// every class of bad input with a message naming the option and what is
// allowed, JSON written and read back, and the expansion of a sweep into
// points, job lines and a Slurm script.

#include "ns3/test.h"
#include "pptp-sim/pptp-json.h"
#include "pptp-sim/pptp-sim-options.h"
#include "pptp-sim/pptp-sim-units.h"
#include "pptp-sim/pptp-sweep.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace ns3;

namespace
{

/// A scratch folder for the files of one test case, removed with it.
class Scratch
{
  public:
    explicit Scratch(const std::string& name)
        : m_path(std::filesystem::temp_directory_path()
                 / ("pptp-sim-options-" + name + "-" + std::to_string(getpid())))
    {
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }

    ~Scratch()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }

    /// \param name a file name \param text its content \return its path
    std::string Write(const std::string& name, const std::string& text) const
    {
        std::filesystem::path path = m_path / name;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path) << text;
        return path.string();
    }

    std::string Path(const std::string& name) const
    {
        return (m_path / name).string();
    }

  private:
    std::filesystem::path m_path;
};

/// Parse a command line (without the program name).
bool
Parse(std::vector<std::string> args, PptpSimSettings& settings, std::string& error)
{
    args.insert(args.begin(), "pptp-sim");
    std::vector<const char*> argv;
    for (const auto& a : args)
    {
        argv.push_back(a.c_str());
    }
    return PptpSimOptions().Parse(static_cast<int>(argv.size()), argv.data(), settings, error);
}

/// \return true if text contains every part
bool
Contains(const std::string& text, const std::vector<std::string>& parts)
{
    for (const auto& p : parts)
    {
        if (text.find(p) == std::string::npos)
        {
            return false;
        }
    }
    return true;
}

class UnitsTestCase : public TestCase
{
  public:
    UnitsTestCase()
        : TestCase("values with units: parsed exactly, printed back the same, errors say why")
    {
    }

  private:
    void DoRun() override
    {
        Time t;
        std::string problem;
        NS_TEST_ASSERT_MSG_EQ(PptpUnits::ParseTime("1.5s", t, problem), true, problem);
        NS_TEST_EXPECT_MSG_EQ(t.GetNanoSeconds(), 1500000000, "1.5s");
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::FormatTime(t), "1500ms", "printed");
        NS_TEST_ASSERT_MSG_EQ(PptpUnits::ParseTime("2min", t, problem), true, problem);
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::FormatTime(t), "120s", "2min");
        NS_TEST_ASSERT_MSG_EQ(PptpUnits::ParseTime(" 20 ms ", t, problem), true, problem);
        NS_TEST_EXPECT_MSG_EQ(t, MilliSeconds(20), "spaces around");
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::ParseTime("60", t, problem), false, "no unit");
        NS_TEST_EXPECT_MSG_EQ(Contains(problem, {"no unit"}), true, problem);
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::ParseTime("60kg", t, problem), false, "bad unit");
        NS_TEST_EXPECT_MSG_EQ(Contains(problem, {"'kg' is not a unit of time"}), true, problem);
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::ParseTime("-1s", t, problem), false, "negative");
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::ParseTime("0.1ns", t, problem), false, "too fine");

        DataRate r;
        NS_TEST_ASSERT_MSG_EQ(PptpUnits::ParseRate("1.5Mbps", r, problem), true, problem);
        NS_TEST_EXPECT_MSG_EQ(r.GetBitRate(), 1500000, "1.5Mbps");
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::FormatRate(r), "1500kbps", "printed");
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::ParseRate("10MB", r, problem), false, "bytes");
        NS_TEST_EXPECT_MSG_EQ(Contains(problem, {"not a unit of data rate"}), true, problem);

        double f = 0;
        NS_TEST_ASSERT_MSG_EQ(PptpUnits::ParseFraction("2.5%", f, problem), true, problem);
        NS_TEST_EXPECT_MSG_EQ_TOL(f, 0.025, 1e-12, "2.5%");
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::ParseFraction("0.1x", f, problem), false, "junk");

        uint64_t n = 0;
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::ParseUnsigned("12a", n, problem), false, "not whole");
        NS_TEST_EXPECT_MSG_EQ(
            PptpUnits::ParseUnsigned("99999999999999999999", n, problem), false, "too large");
        bool b = false;
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::ParseBool("Yes", b, problem) && b, true, "yes");
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::ParseBool("maybe", b, problem), false, "maybe");

        NS_TEST_EXPECT_MSG_EQ(PptpUnits::FormatNumber(300), "300", "integer");
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::FormatNumber(0.05), "0.05", "short");
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::FormatNumber(1.0 / 3), "0.3333333333333333", "exact");
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::FormatNumber(std::nan("")), "null", "NaN");
        NS_TEST_EXPECT_MSG_EQ(PptpUnits::FormatFixed(0.2125, 6), "0.2125", "fixed");
    }
};

class CommandLineTestCase : public TestCase
{
  public:
    CommandLineTestCase()
        : TestCase("command line: defaults, every kind of value, flags")
    {
    }

  private:
    void DoRun() override
    {
        PptpSimSettings s;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(Parse({}, s, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(s.scenario.clients, 4, "default clients");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.echoInterval, Seconds(60), "default echo interval");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.pnsClearTimeout, Seconds(2), "pptp-linux's 2 s");
        NS_TEST_EXPECT_MSG_EQ(s.IsSweep(), false, "no sweep");
        NS_TEST_EXPECT_MSG_GT(s.jobs, 0, "jobs default to the cores");

        NS_TEST_ASSERT_MSG_EQ(Parse({"--clients=12",
                                     "--access-rate",
                                     "512kbps",
                                     "--loss-rate=1%",
                                     "--loss-model=burst",
                                     "--echo-interval=1.5s",
                                     "--pns-clear-timeout=0s",
                                     "--bottleneck-rate=20Mbps",
                                     "--link-down=100s+20s 250s+10s",
                                     "--fault-clients=3",
                                     "--traffic=bulk",
                                     "--auth=pap",
                                     "--quiet",
                                     "--pcap=false",
                                     "--no-plots"},
                                    s,
                                    error),
                              true,
                              error);
        NS_TEST_EXPECT_MSG_EQ(s.scenario.clients, 12, "clients");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.accessRate.GetBitRate(), 512000, "rate");
        NS_TEST_EXPECT_MSG_EQ_TOL(s.scenario.lossRate, 0.01, 1e-12, "loss");
        NS_TEST_EXPECT_MSG_EQ(
            (s.scenario.lossModel == PptpScenarioConfig::LossModel::BURST), true, "loss model");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.echoInterval, MilliSeconds(1500), "echo interval");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.pnsClearTimeout, Seconds(0), "pns clear timeout");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.bottleneck, true, "bottleneck");
        NS_TEST_ASSERT_MSG_EQ(s.scenario.linkDown.size(), 2, "two windows");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.linkDown[1].start, Seconds(250), "second window");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.linkDown[1].duration, Seconds(10), "its length");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.faultClients, 3, "fault clients");
        NS_TEST_EXPECT_MSG_EQ(
            (s.scenario.traffic == PptpScenarioConfig::Traffic::BULK), true, "traffic");
        NS_TEST_EXPECT_MSG_EQ((s.scenario.auth == PptpScenarioConfig::Auth::PAP), true, "auth");
        NS_TEST_EXPECT_MSG_EQ(s.quiet, true, "a flag alone is true");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.pcap, false, "a flag with a value");
        NS_TEST_EXPECT_MSG_EQ(s.plots, false, "no-plots");
    }
};

class ConfigFilesTestCase : public TestCase
{
  public:
    ConfigFilesTestCase()
        : TestCase("config files: sections, comments, later files override earlier ones, the "
                   "command line overrides them all")
    {
    }

  private:
    void DoRun() override
    {
        Scratch dir("files");
        std::string a = dir.Write("a.ini",
                                  "# first\n"
                                  "[topology]\n"
                                  "clients = 5   # five\n"
                                  "loss-rate = 0.1\n"
                                  "[pptp]\n"
                                  "echo-interval = 30s\n"
                                  "[sweep]\n"
                                  "sweep = echo-timeout=10s,20s\n"
                                  "sweep = loss-rate=0,0.2\n");
        std::string b = dir.Write("b.ini", "clients = 6\naccess-delay = 5ms\n");
        PptpSimSettings s;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(Parse({"--config", a, "--config", b}, s, error), true, error);
        NS_TEST_EXPECT_MSG_EQ(s.scenario.clients, 6, "the later file wins");
        NS_TEST_EXPECT_MSG_EQ_TOL(s.scenario.lossRate, 0.1, 1e-12, "from the first file");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.echoInterval, Seconds(30), "from the first file");
        NS_TEST_EXPECT_MSG_EQ(s.scenario.accessDelay, MilliSeconds(5), "from the second file");
        NS_TEST_EXPECT_MSG_EQ(s.configFiles.size(), 2, "both files");

        // The command line wins wherever it is, before the files or after them.
        NS_TEST_ASSERT_MSG_EQ(
            Parse({"--clients=7", "--config", a, "--config", b, "--sweep", "loss-rate=0.3"},
                  s,
                  error),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(s.scenario.clients, 7, "the command line wins");
        NS_TEST_ASSERT_MSG_EQ(s.sweep.size(), 2, "two swept options");
        NS_TEST_EXPECT_MSG_EQ(s.sweep[0].name, "echo-timeout", "in order of appearance");
        NS_TEST_EXPECT_MSG_EQ(s.sweep[1].name, "loss-rate", "second");
        NS_TEST_ASSERT_MSG_EQ(s.sweep[1].values.size(), 1, "the command line's values");
        NS_TEST_EXPECT_MSG_EQ(s.sweep[1].values[0], "0.3", "replace the file's");
        NS_TEST_EXPECT_MSG_EQ(s.IsSweep(), true, "a sweep");

        // What --print-config writes reads back to the same configuration.
        PptpSimOptions options;
        std::ostringstream printed;
        options.WriteConfig(printed, s, true);
        std::string again = dir.Write("printed.ini", printed.str());
        PptpSimSettings t;
        NS_TEST_ASSERT_MSG_EQ(Parse({"--config", again}, t, error), true, error);
        std::ostringstream reprinted;
        options.WriteConfig(reprinted, t, true);
        NS_TEST_EXPECT_MSG_EQ(reprinted.str(), printed.str(), "read back the same");
        NS_TEST_EXPECT_MSG_EQ(options.GetParameters(t).size(),
                              options.GetParameters(s).size(),
                              "the same parameters");
    }
};

/// One bad input and what its message must say.
struct BadInput
{
    std::vector<std::string> args;
    std::vector<std::string> expected;
};

class BadInputTestCase : public TestCase
{
  public:
    BadInputTestCase()
        : TestCase("bad input: each class is refused with a message naming the option, where it "
                   "was given and what is allowed")
    {
    }

  private:
    void DoRun() override
    {
        Scratch dir("bad");
        std::string unknown = dir.Write("unknown.ini", "clients = 3\n\ncolour = red\n");
        std::string range = dir.Write("range.ini", "# comment\nloss-rate = 150%\n");
        std::string section = dir.Write("section.ini", "[nonsense]\nclients = 3\n");
        std::string garbage = dir.Write("garbage.ini", "this line is no option\n");
        std::string twice = dir.Write("twice.ini", "clients = 3\nclients = 4\n");
        dir.Write("other/file.txt", ""); // a folder that holds something else
        std::vector<BadInput> cases = {
            {{"--no-such-option=1"}, {"no-such-option", "--help"}},
            {{"--config", unknown}, {"unknown.ini:3", "unknown option 'colour'"}},
            {{"--loss-rate=1.5"},
             {"--loss-rate=1.5", "command line", "out of range", "from 0 to below 1"}},
            {{"--config", range}, {"--loss-rate=150%", "range.ini:2", "out of range"}},
            {{"--clients=0"}, {"--clients=0", "from 1 to 10000"}},
            {{"--clients=many"}, {"--clients=many", "not a whole number"}},
            {{"--echo-interval=60"}, {"--echo-interval=60", "no unit", "from 100ms to 86400s"}},
            {{"--echo-interval=60kg"}, {"'kg' is not a unit of time"}},
            {{"--access-rate=10MB"}, {"--access-rate=10MB", "not a unit of data rate"}},
            {{"--access-delay=11s"}, {"--access-delay=11s", "out of range", "from 0s to 10s"}},
            {{"--traffic=video"}, {"--traffic=video", "one of none|onoff|bulk"}},
            {{"--link-down=100s"}, {"--link-down=100s", "START+DURATION"}},
            {{"--link-down=100s+0s"}, {"the duration must be above 0"}},
            {{"--config", dir.Path("missing.ini")}, {"missing.ini", "cannot read"}},
            {{"--config", section}, {"section.ini:1", "unknown section [nonsense]"}},
            {{"--config", garbage}, {"garbage.ini", "invalid line"}},
            {{"--config", twice}, {"--clients", "given twice", "twice.ini"}},
            {{"--clients=3", "--clients=4"}, {"--clients", "given twice", "command line"}},
            {{"extra"}, {"unexpected argument 'extra'"}},
            {{"--clients"}, {"clients"}},
            {{"--sweep", "loss-rate"}, {"--sweep loss-rate", "no '='"}},
            {{"--sweep", "colour=1,2"}, {"'colour' is not a scenario option"}},
            {{"--sweep", "run=1,2"}, {"--runs K"}},
            {{"--sweep", "loss-rate=0,2"}, {"value '2'", "out of range", "loss-rate"}},
            {{"--sweep", "loss-rate=0,,1%"}, {"an empty value"}},
            {{"--runs=0"}, {"--runs=0", "from 1 to 10000"}},
            {{"--jobs=5000"}, {"--jobs=5000", "from 1 to 1024"}},
            {{"--fault-clients=5"}, {"--fault-clients=5", "more than --clients=4"}},
            {{"--loss-clients=9"}, {"--loss-clients=9", "more than --clients=4"}},
            {{"--fault-link=bottleneck", "--link-down=10s+5s"}, {"--bottleneck-rate"}},
            {{"--link-down=400s+10s"}, {"--link-down", "after the end of the run"}},
            {{"--link-down=10s+50s 20s+5s"}, {"--link-down", "overlap"}},
            {{"--start-time=300s"}, {"--start-time=300s", "--run-time=300s"}},
            {{"--clients=1000", "--calls=100"}, {"--clients=1000", "--calls=100", "60000"}},
            {{"--traffic=onoff", "--data-plane=false"}, {"--traffic=onoff", "data-plane"}},
            {{"--emit-jobs=jobs.txt"}, {"--emit-jobs", "need a sweep"}},
            {{"--out", dir.Path("other")}, {"--out=", "not a pptp-sim results folder"}},
        };
        for (const auto& c : cases)
        {
            PptpSimSettings s;
            std::string error;
            std::string line;
            for (const auto& a : c.args)
            {
                line += " " + a;
            }
            bool ok = Parse(c.args, s, error);
            NS_TEST_EXPECT_MSG_EQ(ok, false, "accepted:" << line);
            NS_TEST_EXPECT_MSG_EQ(
                Contains(error, c.expected), true, "for" << line << ": the message is: " << error);
            NS_TEST_EXPECT_MSG_EQ(error.rfind("pptp-sim: ", 0), 0, "prefixed: " << error);
        }
    }
};

class JsonTestCase : public TestCase
{
  public:
    JsonTestCase()
        : TestCase("JSON: members in the order added, figures as summary.json writes them")
    {
    }

  private:
    void DoRun() override
    {
        PptpJson json;
        json["name"] = "a \"quoted\"\tvalue";
        json["n"] = uint64_t(3);
        json["x"] = PptpJsonNumber(0.25);
        json["whole"] = PptpJsonNumber(3600.0);
        json["negative"] = PptpJsonNumber(-0.0);
        json["huge"] = PptpJsonNumber(1e300);
        json["micro"] = PptpJsonNumber(60.329542);
        json["small"] = PptpJsonNumber(0.00005);
        json["none"] = PptpJsonNumber(std::nan(""));
        json["infinite"] = PptpJsonNumber(HUGE_VAL);
        json["list"] = PptpJson::array({PptpJson{{"k", true}}});
        json["empty"] = PptpJson::object();
        json["bytes"] = std::string("ok\xff");
        std::ostringstream os;
        PptpWriteJson(os, json);
        NS_TEST_EXPECT_MSG_EQ(os.str(),
                              "{\n"
                              "  \"name\": \"a \\\"quoted\\\"\\tvalue\",\n"
                              "  \"n\": 3,\n"
                              "  \"x\": 0.25,\n"
                              "  \"whole\": 3600,\n"
                              "  \"negative\": 0,\n"
                              "  \"huge\": 1e+300,\n"
                              "  \"micro\": 60.329542,\n"
                              "  \"small\": 0.00005,\n"
                              "  \"none\": null,\n"
                              "  \"infinite\": null,\n"
                              "  \"list\": [\n"
                              "    {\n"
                              "      \"k\": true\n"
                              "    }\n"
                              "  ],\n"
                              "  \"empty\": {},\n"
                              "  \"bytes\": \"ok\xef\xbf\xbd\"\n"
                              "}\n",
                              "layout");
        // What is written reads back as the same values.
        PptpJson back = PptpJson::parse(os.str());
        NS_TEST_EXPECT_MSG_EQ(back["x"].get<double>(), 0.25, "number");
        NS_TEST_EXPECT_MSG_EQ(back["list"][0]["k"].get<bool>(), true, "nested");
        NS_TEST_EXPECT_MSG_EQ(back.begin().key(), "name", "first member first");
    }
};

class SweepTestCase : public TestCase
{
  public:
    SweepTestCase()
        : TestCase("a sweep: the cartesian product times the runs, each point's command line, "
                   "the job list and the Slurm script")
    {
    }

  private:
    void DoRun() override
    {
        PptpSimSettings s;
        std::string error;
        NS_TEST_ASSERT_MSG_EQ(Parse({"--sweep",
                                     "loss-rate=0,1%",
                                     "--sweep",
                                     "link-down=100s+10s,100s+20s,100s+40s",
                                     "--runs=2",
                                     "--run=5"},
                                    s,
                                    error),
                              true,
                              error);
        PptpSimOptions options;
        PptpSweep sweep(options, s);
        NS_TEST_ASSERT_MSG_EQ(sweep.Expand(error), true, error);
        const auto& points = sweep.GetPoints();
        NS_TEST_ASSERT_MSG_EQ(points.size(), 12, "2 x 3 values x 2 runs");
        NS_TEST_EXPECT_MSG_EQ(points[0].folder, "point-0001", "folder");
        NS_TEST_EXPECT_MSG_EQ(points[0].run, 5, "first run");
        NS_TEST_EXPECT_MSG_EQ(points[1].run, 6, "runs turn fastest");
        NS_TEST_EXPECT_MSG_EQ(points[1].values[1].second, "100s+10s", "same values");
        NS_TEST_EXPECT_MSG_EQ(points[2].values[1].second, "100s+20s", "then the last option");
        NS_TEST_EXPECT_MSG_EQ(points[6].values[0].second, "0.01", "the first option slowest");
        auto argv = sweep.Command(points[3], "/bin/pptp-sim", "/r");
        std::string line = PptpSweep::ShellLine(argv);
        NS_TEST_EXPECT_MSG_EQ(line,
                              "/bin/pptp-sim --config /r/base.ini --loss-rate=0 "
                              "--link-down=100s+20s --run=6 --out=/r/point-0004 --quiet "
                              "--no-plots",
                              "job line");
        std::ostringstream jobs;
        sweep.WriteJobs(jobs, "/bin/pptp-sim", "/r");
        std::string list = jobs.str();
        NS_TEST_EXPECT_MSG_EQ(std::count(list.begin(), list.end(), '\n'), 12, "a line per point");
        std::ostringstream slurm;
        sweep.WriteSlurm(slurm, "/r/jobs.txt", "/r", "/bin/pptp-sim");
        NS_TEST_EXPECT_MSG_EQ(Contains(slurm.str(),
                                       {"#!/bin/bash",
                                        "#SBATCH --array=1-12",
                                        "sed -n \"${SLURM_ARRAY_TASK_ID}p\" /r/jobs.txt",
                                        "/bin/pptp-sim --aggregate /r"}),
                              true,
                              slurm.str());
        NS_TEST_EXPECT_MSG_EQ(PptpSweep::ShellLine({"it's"}), "'it'\\''s'", "quote in quotes");

        // A point that is invalid stops the sweep before anything runs.
        NS_TEST_ASSERT_MSG_EQ(
            Parse({"--sweep", "fault-clients=2,8", "--clients=4"}, s, error), true, error);
        PptpSweep bad(options, s);
        NS_TEST_EXPECT_MSG_EQ(bad.Expand(error), false, "fault-clients=8 of 4 clients");
        NS_TEST_EXPECT_MSG_EQ(
            Contains(error, {"--fault-clients=8", "in the sweep point"}), true, error);
    }
};

/**
 * Hostile input, the reproducers of defects found by trying: a config "file" that never ends
 * or never opens, a huge value, a sweep whose point count overflows, output paths that
 * name folders.
 */
class HostileInputTestCase : public TestCase
{
  public:
    HostileInputTestCase()
        : TestCase("hostile input: the zero device and FIFO configs, a 10 MB value, an "
                   "overflowing sweep, --emit-jobs naming a folder")
    {
    }

  private:
    void DoRun() override
    {
        Scratch dir("hostile");
        PptpSimSettings s;
        std::string error;
        NS_TEST_EXPECT_MSG_EQ(Parse({"--config", "/dev/zero"}, s, error), false, "/dev/zero");
        NS_TEST_EXPECT_MSG_EQ(Contains(error, {"/dev/zero", "not a regular file"}), true, error);
        std::string fifo = dir.Path("fifo.ini");
        NS_TEST_ASSERT_MSG_EQ(mkfifo(fifo.c_str(), 0600), 0, "mkfifo");
        NS_TEST_EXPECT_MSG_EQ(Parse({"--config", fifo}, s, error), false, "a FIFO, not opened");
        NS_TEST_EXPECT_MSG_EQ(Contains(error, {"fifo.ini", "not a regular file"}), true, error);
        std::string big = dir.Path("big.ini");
        std::ofstream(big) << std::string(2 << 20, '#');
        NS_TEST_EXPECT_MSG_EQ(Parse({"--config", big}, s, error), false, "2 MiB of comments");
        NS_TEST_EXPECT_MSG_EQ(Contains(error, {"big.ini", "at most 1048576 bytes"}), true, error);

        std::string huge(10 << 20, '7');
        NS_TEST_EXPECT_MSG_EQ(Parse({"--clients=" + huge}, s, error), false, "a 10 MB value");
        NS_TEST_EXPECT_MSG_LT(error.size(), 700u, "the message does not echo it whole");
        NS_TEST_EXPECT_MSG_EQ(Contains(error, {"--clients=7777", "characters)"}), true, error);
        std::string spaced;
        for (int i = 0; i < 200000; ++i)
        {
            spaced += "1s ";
        }
        NS_TEST_EXPECT_MSG_EQ(Parse({"--link-down", spaced}, s, error), false, "many words");
        NS_TEST_EXPECT_MSG_LT(error.size(), 700u, "clipped as a whole too");

        // Four axes of 65,536 values: 2^64 combinations, which wrapped to 0 points.
        std::string zeros = "0";
        std::string ones = "1";
        for (int i = 1; i < 65536; ++i)
        {
            zeros += ",0";
            ones += ",1";
        }
        std::vector<std::string> args;
        for (const char* axis : {"loss-rate", "echo-misses", "lcp-echo-failure", "calls"})
        {
            args.push_back("--sweep");
            args.push_back(std::string(axis) + "="
                           + (axis[0] == 'l' && axis[1] == 'o' ? zeros : ones));
        }
        args.push_back("--out");
        args.push_back(dir.Path("sweep"));
        NS_TEST_ASSERT_MSG_EQ(Parse(args, s, error), true, error);
        PptpSweep sweep(PptpSimOptions(), s);
        NS_TEST_EXPECT_MSG_EQ(sweep.Expand(error), false, "refused, not 0 points");
        NS_TEST_EXPECT_MSG_EQ(
            Contains(error, {"65536 x 65536 x 65536 x 65536 combinations", "at most 1000000"}),
            true,
            error);
        NS_TEST_EXPECT_MSG_EQ(sweep.GetPoints().size(), 0u, "nothing expanded");

        NS_TEST_EXPECT_MSG_EQ(
            Parse(
                {"--sweep", "loss-rate=0,1%", "--emit-jobs", dir.Path(""), "--out", dir.Path("s")},
                s,
                error),
            false,
            "--emit-jobs naming a folder");
        NS_TEST_EXPECT_MSG_EQ(Contains(error, {"--emit-jobs=", "is a folder"}), true, error);
    }
};

class PptpSimOptionsTestSuite : public TestSuite
{
  public:
    PptpSimOptionsTestSuite()
        : TestSuite("pptp-sim-options", UNIT)
    {
        AddTestCase(new UnitsTestCase, TestCase::QUICK);
        AddTestCase(new CommandLineTestCase, TestCase::QUICK);
        AddTestCase(new ConfigFilesTestCase, TestCase::QUICK);
        AddTestCase(new BadInputTestCase, TestCase::QUICK);
        AddTestCase(new HostileInputTestCase, TestCase::QUICK);
        AddTestCase(new JsonTestCase, TestCase::QUICK);
        AddTestCase(new SweepTestCase, TestCase::QUICK);
    }
};

PptpSimOptionsTestSuite g_pptpSimOptionsTestSuite;

} // namespace
