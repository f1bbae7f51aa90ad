/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-sim-options.h"

#include "pptp-results-folder.h"
#include "pptp-sim-units.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <thread>

namespace po = boost::program_options;

namespace ns3
{

namespace
{

using Config = PptpScenarioConfig;
using Settings = PptpSimSettings;

/// Most tunnels a scenario may ask for: Call IDs are 16 bits on the server.
const uint64_t MAX_TUNNELS = 60000;

uint32_t
DefaultJobs()
{
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

/// Parse a whole number within [min, max]; false with the problem otherwise.
bool
ParseCount(const std::string& text, uint64_t min, uint64_t max, uint64_t& v, std::string& problem)
{
    if (!PptpUnits::ParseUnsigned(text, v, problem))
    {
        return false;
    }
    if (v < min || v > max)
    {
        problem = "out of range";
        return false;
    }
    return true;
}

/// The values of a count option from min to max.
std::string
CountAllowed(uint64_t min, uint64_t max)
{
    return "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
}

PptpSimOption
TimeOption(const std::string& name,
           const std::string& group,
           const std::string& help,
           Time Config::*member,
           Time min,
           Time max)
{
    PptpSimOption o;
    o.name = name;
    o.group = group;
    o.valueName = "TIME";
    o.help = help;
    o.allowed = "a time from " + PptpUnits::FormatTime(min) + " to " + PptpUnits::FormatTime(max);
    o.scenario = true;
    o.get = [member](const Settings& s)
    {
        return PptpUnits::FormatTime(s.scenario.*member);
    };
    o.set = [member, min, max](Settings& s, const std::string& text, std::string& problem)
    {
        Time t;
        if (!PptpUnits::ParseTime(text, t, problem))
        {
            return false;
        }
        if (t < min || t > max)
        {
            problem = "out of range";
            return false;
        }
        s.scenario.*member = t;
        return true;
    };
    return o;
}

template<typename T>
PptpSimOption
CountOption(const std::string& name,
            const std::string& group,
            const std::string& valueName,
            const std::string& help,
            T Config::*member,
            uint64_t min,
            uint64_t max)
{
    PptpSimOption o;
    o.name = name;
    o.group = group;
    o.valueName = valueName;
    o.help = help;
    o.allowed = CountAllowed(min, max);
    o.scenario = true;
    o.get = [member](const Settings& s)
    {
        return std::to_string(s.scenario.*member);
    };
    o.set = [member, min, max](Settings& s, const std::string& text, std::string& problem)
    {
        uint64_t v = 0;
        if (!ParseCount(text, min, max, v, problem))
        {
            return false;
        }
        s.scenario.*member = static_cast<T>(v);
        return true;
    };
    return o;
}

PptpSimOption
RateOption(const std::string& name,
           const std::string& group,
           const std::string& help,
           DataRate Config::*member,
           uint64_t min,
           uint64_t max)
{
    PptpSimOption o;
    o.name = name;
    o.group = group;
    o.valueName = "RATE";
    o.help = help;
    o.allowed = "a data rate from " + PptpUnits::FormatRate(DataRate(min)) + " to "
                + PptpUnits::FormatRate(DataRate(max));
    o.scenario = true;
    o.get = [member](const Settings& s)
    {
        return PptpUnits::FormatRate(s.scenario.*member);
    };
    o.set = [member, min, max](Settings& s, const std::string& text, std::string& problem)
    {
        DataRate r;
        if (!PptpUnits::ParseRate(text, r, problem))
        {
            return false;
        }
        if (r.GetBitRate() < min || r.GetBitRate() > max)
        {
            problem = "out of range";
            return false;
        }
        s.scenario.*member = r;
        return true;
    };
    return o;
}

PptpSimOption
BoolOption(const std::string& name,
           const std::string& group,
           const std::string& help,
           bool Config::*member)
{
    PptpSimOption o;
    o.name = name;
    o.group = group;
    o.valueName = "BOOL";
    o.help = help;
    o.allowed = "true or false (yes/no, on/off, 1/0)";
    o.flag = true;
    o.scenario = true;
    o.get = [member](const Settings& s)
    {
        return std::string(s.scenario.*member ? "true" : "false");
    };
    o.set = [member](Settings& s, const std::string& text, std::string& problem)
    {
        return PptpUnits::ParseBool(text, s.scenario.*member, problem);
    };
    return o;
}

template<typename E>
PptpSimOption
ChoiceOption(const std::string& name,
             const std::string& group,
             const std::string& help,
             E Config::*member,
             std::vector<std::pair<std::string, E>> choices)
{
    PptpSimOption o;
    o.name = name;
    o.group = group;
    std::string names;
    for (const auto& [text, value] : choices)
    {
        names += (names.empty() ? "" : "|") + text;
    }
    o.valueName = names;
    o.help = help;
    o.allowed = "one of " + names;
    o.scenario = true;
    o.get = [member, choices](const Settings& s)
    {
        for (const auto& [text, value] : choices)
        {
            if (value == s.scenario.*member)
            {
                return text;
            }
        }
        return std::string("?");
    };
    o.set = [member, choices](Settings& s, const std::string& raw, std::string& problem)
    {
        std::string text = PptpUnits::Trim(raw);
        for (const auto& [name, value] : choices)
        {
            if (text == name)
            {
                s.scenario.*member = value;
                return true;
            }
        }
        problem = "'" + raw + "' is not a choice";
        return false;
    };
    return o;
}

/// A count of clients where 0 (printed "all") means every client.
PptpSimOption
ClientsOption(const std::string& name,
              const std::string& group,
              const std::string& help,
              uint32_t Config::*member)
{
    PptpSimOption o;
    o.name = name;
    o.group = group;
    o.valueName = "N|all";
    o.help = help;
    o.allowed = "all, or a whole number from 1 to the number of clients";
    o.scenario = true;
    o.get = [member](const Settings& s)
    {
        uint32_t v = s.scenario.*member;
        return v == 0 ? std::string("all") : std::to_string(v);
    };
    o.set = [member](Settings& s, const std::string& raw, std::string& problem)
    {
        std::string text = PptpUnits::Trim(raw);
        if (text == "all")
        {
            s.scenario.*member = 0;
            return true;
        }
        uint64_t v = 0;
        if (!ParseCount(text, 1, 10000, v, problem))
        {
            return false;
        }
        s.scenario.*member = static_cast<uint32_t>(v);
        return true;
    };
    return o;
}

/// Fault windows: "START+DURATION ..." or none.
PptpSimOption
WindowsOption(const std::string& name,
              const std::string& help,
              std::vector<PptpFaultWindow> Config::*member)
{
    PptpSimOption o;
    o.name = name;
    o.group = "faults";
    o.valueName = "WINDOWS";
    o.help = help;
    o.allowed = "none, or START+DURATION windows (times) separated by spaces, e.g. 1200s+300s";
    o.scenario = true;
    o.get = [member](const Settings& s)
    {
        std::string text;
        for (const auto& w : s.scenario.*member)
        {
            text += (text.empty() ? "" : " ") + PptpUnits::FormatTime(w.start) + "+"
                    + PptpUnits::FormatTime(w.duration);
        }
        return text.empty() ? std::string("none") : text;
    };
    o.set = [member](Settings& s, const std::string& raw, std::string& problem)
    {
        std::vector<PptpFaultWindow> windows;
        std::istringstream words(raw);
        std::string word;
        while (words >> word)
        {
            if (word == "none")
            {
                continue;
            }
            size_t plus = word.find('+');
            if (plus == std::string::npos)
            {
                problem = "'" + word + "' is not START+DURATION";
                return false;
            }
            PptpFaultWindow w;
            if (!PptpUnits::ParseTime(word.substr(0, plus), w.start, problem)
                || !PptpUnits::ParseTime(word.substr(plus + 1), w.duration, problem))
            {
                problem = "in '" + word + "': " + problem;
                return false;
            }
            if (!w.duration.IsStrictlyPositive())
            {
                problem = "in '" + word + "': the duration must be above 0";
                return false;
            }
            windows.push_back(w);
        }
        std::sort(windows.begin(),
                  windows.end(),
                  [](const auto& a, const auto& b)
                  {
                      return a.start < b.start;
                  });
        s.scenario.*member = windows;
        return true;
    };
    return o;
}

/// An option of the run itself (not of the scenario).
PptpSimOption
RunOption(const std::string& name,
          const std::string& group,
          const std::string& valueName,
          const std::string& help,
          const std::string& allowed,
          std::function<std::string(const Settings&)> get,
          std::function<bool(Settings&, const std::string&, std::string&)> set)
{
    PptpSimOption o;
    o.name = name;
    o.group = group;
    o.valueName = valueName;
    o.help = help;
    o.allowed = allowed;
    o.get = get;
    o.set = set;
    return o;
}

/// A whole number of the run itself, from min to max.
PptpSimOption
RunCountOption(const std::string& name,
               const std::string& group,
               const std::string& valueName,
               const std::string& help,
               uint32_t Settings::*member,
               uint64_t min,
               uint64_t max)
{
    return RunOption(
        name,
        group,
        valueName,
        help,
        CountAllowed(min, max),
        [member](const Settings& s)
        {
            return std::to_string(s.*member);
        },
        [member, min, max](Settings& s, const std::string& text, std::string& problem)
        {
            uint64_t v = 0;
            if (!ParseCount(text, min, max, v, problem))
            {
                return false;
            }
            s.*member = static_cast<uint32_t>(v);
            return true;
        });
}

PptpSimOption
RunFlag(const std::string& name,
        const std::string& group,
        const std::string& help,
        std::function<bool&(Settings&)> field,
        std::function<bool(const Settings&)> read)
{
    PptpSimOption o = RunOption(
        name,
        group,
        "BOOL",
        help,
        "true or false (yes/no, on/off, 1/0)",
        [read](const Settings& s)
        {
            return std::string(read(s) ? "true" : "false");
        },
        [field](Settings& s, const std::string& text, std::string& problem)
        {
            return PptpUnits::ParseBool(text, field(s), problem);
        });
    o.flag = true;
    return o;
}

/// A file or folder name.
bool
SetPath(std::string& field, const std::string& raw, std::string& problem)
{
    std::string text = PptpUnits::Trim(raw);
    if (text.empty())
    {
        problem = "empty value";
        return false;
    }
    field = text;
    return true;
}

/// A config file, read as Boost reads it, with [section] headers taken out.
struct ConfigText
{
    std::string text; //!< what Boost parses
    /// (key, value, line) of each option line, for messages
    std::vector<std::tuple<std::string, std::string, uint32_t>> lines;
};

} // namespace

bool
PptpSimSettings::IsSweep() const
{
    return !sweep.empty() || runs > 1;
}

const std::vector<std::pair<std::string, std::string>>&
PptpSimOptions::GetGroups()
{
    static const std::vector<std::pair<std::string, std::string>> groups = {
        {"run", "Run"},
        {"topology", "Topology: clients, access links, bottleneck, server"},
        {"pptp", "PPTP control connection and GRE"},
        {"ppp", "PPP"},
        {"calls", "Calls (tunnels)"},
        {"traffic", "Traffic through the tunnels (client to a host behind the server)"},
        {"faults", "Fault injection"},
        {"output", "Output"},
        {"sweep", "Sweeps"},
        {"program", "Program"},
    };
    return groups;
}

PptpSimOptions::PptpSimOptions()
{
    using LM = Config::LossModel;
    using LP = Config::LossProfile;
    using TR = Config::Traffic;
    using FL = Config::FaultLink;
    using AU = Config::Auth;
    const Time day = Seconds(86400);
    const Time month = Seconds(86400 * 30);

    // Run.
    m_options.push_back(
        TimeOption("run-time", "run", "Simulated time.", &Config::runTime, Seconds(1), month));
    m_options.push_back(CountOption("seed",
                                    "run",
                                    "N",
                                    "RNG seed (ns-3 RngSeedManager::SetSeed).",
                                    &Config::seed,
                                    1,
                                    4294967295ULL));
    {
        PptpSimOption run = CountOption("run",
                                        "run",
                                        "N",
                                        "RNG run number (ns-3 RngSeedManager::SetRun); "
                                        "--runs K uses this one and the K-1 that follow.",
                                        &Config::run,
                                        0,
                                        1000000000000ULL);
        run.scenario = true;
        m_options.push_back(run);
    }
    m_options.push_back(TimeOption("sample-interval",
                                   "run",
                                   "Period of the time series (timeline.csv, throughput.csv).",
                                   &Config::sampleInterval,
                                   MilliSeconds(100),
                                   day));

    // Topology.
    m_options.push_back(CountOption("clients",
                                    "topology",
                                    "N",
                                    "Client (PNS) nodes, each on its own access link.",
                                    &Config::clients,
                                    1,
                                    10000));
    m_options.push_back(RateOption("access-rate",
                                   "topology",
                                   "Rate of each access link.",
                                   &Config::accessRate,
                                   1000,
                                   100000000000ULL));
    m_options.push_back(TimeOption("access-delay",
                                   "topology",
                                   "One-way delay of each access link.",
                                   &Config::accessDelay,
                                   Seconds(0),
                                   Seconds(10)));
    m_options.push_back(CountOption("access-queue",
                                    "topology",
                                    "PACKETS",
                                    "Queue of each access link, each way.",
                                    &Config::accessQueue,
                                    1,
                                    100000));
    m_options.push_back(ChoiceOption<LM>("loss-model",
                                         "topology",
                                         "Packet loss on the lossy access links, both ways: "
                                         "uniform (each packet independently) or burst (bursts "
                                         "of 1..loss-burst packets, about loss-rate overall).",
                                         &Config::lossModel,
                                         {{"uniform", LM::UNIFORM}, {"burst", LM::BURST}}));
    {
        PptpSimOption o;
        o.name = "loss-rate";
        o.group = "topology";
        o.valueName = "PROB";
        o.help = "Fraction of packets lost on each lossy access link, each way.";
        o.allowed = "a fraction from 0 to below 1, e.g. 0.01 or 1%";
        o.scenario = true;
        o.get = [](const Settings& s)
        {
            return PptpUnits::FormatNumber(s.scenario.lossRate);
        };
        o.set = [](Settings& s, const std::string& text, std::string& problem)
        {
            double v = 0;
            if (!PptpUnits::ParseFraction(text, v, problem))
            {
                return false;
            }
            if (v < 0 || v >= 1)
            {
                problem = "out of range";
                return false;
            }
            s.scenario.lossRate = v;
            return true;
        };
        m_options.push_back(o);
    }
    m_options.push_back(CountOption("loss-burst",
                                    "topology",
                                    "PACKETS",
                                    "Longest loss burst of the burst model.",
                                    &Config::lossBurst,
                                    1,
                                    1000));
    m_options.push_back(ChoiceOption<LP>("loss-profile",
                                         "topology",
                                         "same: every lossy link has loss-rate; ramp: from 0 on "
                                         "the first lossy client to loss-rate on the last.",
                                         &Config::lossProfile,
                                         {{"same", LP::SAME}, {"ramp", LP::RAMP}}));
    m_options.push_back(ClientsOption("loss-clients",
                                      "topology",
                                      "Clients whose access links are lossy (the first N).",
                                      &Config::lossClients));
    {
        PptpSimOption o = RateOption("bottleneck-rate",
                                     "topology",
                                     "Rate of a link shared by all clients between a router, "
                                     "where the access links end, and the server; none: the "
                                     "access links end at the server.",
                                     &Config::bottleneckRate,
                                     1000,
                                     100000000000ULL);
        auto rateGet = o.get;
        auto rateSet = o.set;
        o.valueName = "RATE|none";
        o.allowed = "none, or " + o.allowed;
        o.get = [rateGet](const Settings& s)
        {
            return s.scenario.bottleneck ? rateGet(s) : std::string("none");
        };
        o.set = [rateSet](Settings& s, const std::string& text, std::string& problem)
        {
            if (PptpUnits::Trim(text) == "none")
            {
                s.scenario.bottleneck = false;
                return true;
            }
            if (!rateSet(s, text, problem))
            {
                return false;
            }
            s.scenario.bottleneck = true;
            return true;
        };
        m_options.push_back(o);
    }
    m_options.push_back(TimeOption("bottleneck-delay",
                                   "topology",
                                   "One-way delay of the bottleneck link.",
                                   &Config::bottleneckDelay,
                                   Seconds(0),
                                   Seconds(10)));
    m_options.push_back(CountOption("bottleneck-queue",
                                    "topology",
                                    "PACKETS",
                                    "Queue of the bottleneck link, each way.",
                                    &Config::bottleneckQueue,
                                    1,
                                    100000));
    m_options.push_back(CountOption("server-max-channels",
                                    "topology",
                                    "N",
                                    "Calls the server carries at once; more are refused "
                                    "(server-full). 0: no limit.",
                                    &Config::serverMaxChannels,
                                    0,
                                    65535));

    // PPTP.
    m_options.push_back(TimeOption("echo-interval",
                                   "pptp",
                                   "Idle time on a control connection before an Echo-Request.",
                                   &Config::echoInterval,
                                   MilliSeconds(100),
                                   day));
    m_options.push_back(TimeOption("echo-timeout",
                                   "pptp",
                                   "Wait for an Echo-Reply before counting a miss.",
                                   &Config::echoTimeout,
                                   MilliSeconds(100),
                                   day));
    m_options.push_back(CountOption("echo-misses",
                                    "pptp",
                                    "N",
                                    "Misses in a row before the peer is declared dead (0: no "
                                    "keepalive).",
                                    &Config::echoMisses,
                                    0,
                                    1000));
    m_options.push_back(TimeOption("reply-timeout",
                                   "pptp",
                                   "Wait for other expected replies (call set-up, stop).",
                                   &Config::replyTimeout,
                                   Seconds(1),
                                   day));
    m_options.push_back(TimeOption("pns-clear-timeout",
                                   "pptp",
                                   "A client's wait for Call-Disconnect-Notify and for "
                                   "Stop-Control-Connection-Reply when it ends a call (pptp-linux: "
                                   "2 s; 0s: reply-timeout).",
                                   &Config::pnsClearTimeout,
                                   Seconds(0),
                                   day));
    m_options.push_back(CountOption("gre-window",
                                    "pptp",
                                    "PACKETS",
                                    "GRE Packet Receive Window Size both sides advertise.",
                                    &Config::greWindow,
                                    1,
                                    65535));
    m_options.push_back(BoolOption("data-plane",
                                   "pptp",
                                   "PPP in GRE and a tunnel interface for each call; false: "
                                   "control plane only (no traffic possible).",
                                   &Config::dataPlane));
    m_options.push_back(CountOption("tcp-retries",
                                    "pptp",
                                    "N",
                                    "TCP retransmissions before a connection fails "
                                    "(ns3::TcpSocket::DataRetries; Linux uses 15).",
                                    &Config::tcpRetries,
                                    1,
                                    1000));
    m_options.push_back(BoolOption("tcp-timestamps",
                                   "pptp",
                                   "TCP timestamp option (ns3::TcpSocketBase::Timestamp).",
                                   &Config::tcpTimestamps));

    // PPP.
    m_options.push_back(ChoiceOption<AU>("auth",
                                         "ppp",
                                         "Authentication the server asks for.",
                                         &Config::auth,
                                         {{"none", AU::NONE},
                                          {"pap", AU::PAP},
                                          {"chap-md5", AU::CHAP_MD5},
                                          {"mschapv2", AU::MSCHAP_V2}}));
    m_options.push_back(TimeOption("lcp-echo-interval",
                                   "ppp",
                                   "LCP Echo-Request period on both sides (0s: off, as pppd).",
                                   &Config::lcpEchoInterval,
                                   Seconds(0),
                                   day));
    m_options.push_back(CountOption("lcp-echo-failure",
                                    "ppp",
                                    "N",
                                    "Unanswered LCP Echo-Requests before the link is down.",
                                    &Config::lcpEchoFailure,
                                    1,
                                    1000));

    // Calls.
    m_options.push_back(CountOption("calls",
                                    "calls",
                                    "N",
                                    "Calls (tunnels) each client asks for on its control "
                                    "connection.",
                                    &Config::calls,
                                    1,
                                    1000));
    m_options.push_back(TimeOption("call-duration",
                                   "calls",
                                   "How long each call is kept before the client clears it "
                                   "and, with all cleared, stops (0s: until the end).",
                                   &Config::callDuration,
                                   Seconds(0),
                                   month));
    m_options.push_back(TimeOption(
        "start-time", "calls", "When the clients start.", &Config::startTime, Seconds(0), month));
    m_options.push_back(TimeOption("start-spread",
                                   "calls",
                                   "Each client starts at a uniformly random time within this "
                                   "after start-time.",
                                   &Config::startSpread,
                                   Seconds(0),
                                   day));
    m_options.push_back(TimeOption("reconnect-delay",
                                   "calls",
                                   "Wait before a client reconnects after a failure.",
                                   &Config::reconnectDelay,
                                   Seconds(0),
                                   day));
    m_options.push_back(CountOption("reconnect-attempts",
                                    "calls",
                                    "N",
                                    "Reconnections each client may make after failures.",
                                    &Config::reconnectAttempts,
                                    0,
                                    1000000));

    // Traffic.
    m_options.push_back(
        ChoiceOption<TR>("traffic",
                         "traffic",
                         "What each client sends through its tunnel once it is "
                         "up: none, onoff (UDP on/off source), bulk (TCP bulk "
                         "transfer).",
                         &Config::traffic,
                         {{"none", TR::NONE}, {"onoff", TR::ONOFF}, {"bulk", TR::BULK}}));
    m_options.push_back(RateOption("traffic-rate",
                                   "traffic",
                                   "onoff: sending rate while on.",
                                   &Config::trafficRate,
                                   1000,
                                   10000000000ULL));
    m_options.push_back(CountOption("packet-size",
                                    "traffic",
                                    "BYTES",
                                    "Bytes per send (a UDP datagram's payload; TCP segments "
                                    "are 1348 bytes, filling the tunnel's MTU).",
                                    &Config::packetSize,
                                    12,
                                    1372));
    m_options.push_back(TimeOption("on-time",
                                   "traffic",
                                   "onoff: mean on period (exponential).",
                                   &Config::onTime,
                                   MilliSeconds(1),
                                   day));
    m_options.push_back(TimeOption("off-time",
                                   "traffic",
                                   "onoff: mean off period (exponential; 0s: always on).",
                                   &Config::offTime,
                                   Seconds(0),
                                   day));
    m_options.push_back(TimeOption("traffic-start",
                                   "traffic",
                                   "Delay from a client's tunnel coming up to its traffic.",
                                   &Config::trafficStart,
                                   Seconds(0),
                                   day));

    // Faults.
    m_options.push_back(ChoiceOption<FL>("fault-link",
                                         "faults",
                                         "Which links the faults hit: access (the access links "
                                         "of fault-clients) or bottleneck (every client).",
                                         &Config::faultLink,
                                         {{"access", FL::ACCESS}, {"bottleneck", FL::BOTTLENECK}}));
    m_options.push_back(ClientsOption("fault-clients",
                                      "faults",
                                      "Clients whose access links the faults hit (the first N).",
                                      &Config::faultClients));
    m_options.push_back(WindowsOption("link-down",
                                      "The links go down (both ends' interfaces, routes through "
                                      "them removed) for each window.",
                                      &Config::linkDown));
    m_options.push_back(WindowsOption("loss-windows",
                                      "The links lose every packet, both ways, for each window "
                                      "(the interfaces stay up).",
                                      &Config::lossWindows));

    // Output.
    m_options.push_back(RunOption(
        "out",
        "output",
        "DIR",
        "Results folder (replaced if it holds earlier results; written whole or not at all).",
        "a folder name",
        [](const Settings& s)
        {
            return s.out;
        },
        [](Settings& s, const std::string& v, std::string& p)
        {
            return SetPath(s.out, v, p);
        }));
    for (auto [name, help, member] :
         {std::make_tuple(
              "pcap", "pcap of the server's links in pcap/ (at most 32 of them).", &Config::pcap),
          std::make_tuple(
              "events-csv", "events.csv: every PPTP event of every node.", &Config::eventsCsv)})
    {
        PptpSimOption o = BoolOption(name, "output", help, member);
        o.scenario = false; // output only: not a parameter of the results
        m_options.push_back(o);
    }
    m_options.push_back(RunFlag(
        "quiet",
        "output",
        "No progress line and no summary on the terminal.",
        [](Settings& s) -> bool&
        {
            return s.quiet;
        },
        [](const Settings& s)
        {
            return s.quiet;
        }));
    {
        PptpSimOption o;
        o.name = "no-plots";
        o.group = "output";
        o.valueName = "BOOL";
        o.help = "Do not draw the PNG plots.";
        o.allowed = "true or false (yes/no, on/off, 1/0)";
        o.flag = true;
        o.get = [](const Settings& s)
        {
            return std::string(s.plots ? "false" : "true");
        };
        o.set = [](Settings& s, const std::string& text, std::string& problem)
        {
            bool no = false;
            if (!PptpUnits::ParseBool(text, no, problem))
            {
                return false;
            }
            s.plots = !no;
            return true;
        };
        m_options.push_back(o);
    }

    // Sweeps.
    {
        PptpSimOption o;
        o.name = "sweep";
        o.group = "sweep";
        o.valueName = "NAME=V1,V2,...";
        o.help = "Run the scenario for each value of option NAME; repeat for more options "
                 "(every combination runs). Each point runs as its own process.";
        o.allowed = "a scenario option, '=', and values separated by commas";
        o.repeatable = true;
        m_options.push_back(o); // read by Parse, not by a setter
    }
    m_options.push_back(
        RunCountOption("runs",
                       "sweep",
                       "K",
                       "Independent RNG runs of each point (run numbers run, run+1, ...).",
                       &Settings::runs,
                       1,
                       10000));
    m_options.push_back(RunCountOption(
        "jobs", "sweep", "N", "Points run at once on this machine.", &Settings::jobs, 1, 1024));
    m_options.push_back(RunOption(
        "emit-jobs",
        "sweep",
        "FILE",
        "Write one command line per point to FILE (for GNU parallel) instead of running them; "
        "then: pptp-sim --aggregate DIR.",
        "a file name",
        [](const Settings& s)
        {
            return s.emitJobs;
        },
        [](Settings& s, const std::string& v, std::string& p)
        {
            return SetPath(s.emitJobs, v, p);
        }));
    m_options.push_back(RunOption(
        "emit-slurm",
        "sweep",
        "FILE",
        "Write a Slurm job-array script to FILE that runs the points (and the job list to "
        "DIR/jobs.txt unless --emit-jobs names it) instead of running them.",
        "a file name",
        [](const Settings& s)
        {
            return s.emitSlurm;
        },
        [](Settings& s, const std::string& v, std::string& p)
        {
            return SetPath(s.emitSlurm, v, p);
        }));

    // Program.
    {
        PptpSimOption o;
        o.name = "config";
        o.group = "program";
        o.valueName = "FILE";
        o.help = "Read options from an INI-style file (name = value, # comments, optional "
                 "[group] headers). Repeatable: later files override earlier ones, the command "
                 "line overrides them all.";
        o.allowed = "a readable file";
        o.repeatable = true;
        o.commandLineOnly = true;
        m_options.push_back(o);
    }
    {
        PptpSimOption o = RunOption(
            "aggregate",
            "program",
            "DIR",
            "Aggregate the sweep in DIR (its points run elsewhere, e.g. by GNU parallel or "
            "Slurm) into DIR/sweep.csv and plots; runs nothing.",
            "a folder name",
            [](const Settings& s)
            {
                return s.aggregate;
            },
            [](Settings& s, const std::string& v, std::string& p)
            {
                return SetPath(s.aggregate, v, p);
            });
        o.commandLineOnly = true;
        m_options.push_back(o);
    }
    {
        PptpSimOption o = RunFlag(
            "print-config",
            "program",
            "Print the effective configuration (as a config file) and exit.",
            [](Settings& s) -> bool&
            {
                return s.printConfig;
            },
            [](const Settings& s)
            {
                return s.printConfig;
            });
        o.commandLineOnly = true;
        m_options.push_back(o);
    }
    {
        PptpSimOption o = RunFlag(
            "help",
            "program",
            "Print this help and exit.",
            [](Settings& s) -> bool&
            {
                return s.help;
            },
            [](const Settings& s)
            {
                return s.help;
            });
        o.commandLineOnly = true;
        m_options.push_back(o);
    }
}

const std::vector<PptpSimOption>&
PptpSimOptions::GetOptions() const
{
    return m_options;
}

const PptpSimOption*
PptpSimOptions::Find(const std::string& name) const
{
    for (const auto& o : m_options)
    {
        if (o.name == name)
        {
            return &o;
        }
    }
    return nullptr;
}

namespace
{

/// The Boost description of the options, for the command line or for files.
po::options_description
Describe(const std::vector<PptpSimOption>& options, bool commandLine, bool forHelp)
{
    po::options_description all("", 100, 50);
    for (const auto& [group, title] : PptpSimOptions::GetGroups())
    {
        po::options_description section(title, 100, 50);
        for (const auto& o : options)
        {
            if (o.group != group || (o.commandLineOnly && !commandLine))
            {
                continue;
            }
            std::string names = o.name == "help" ? "help,h" : o.name;
            if (o.repeatable)
            {
                auto* v = po::value<std::vector<std::string>>()->value_name(o.valueName);
                section.add_options()(names.c_str(), v, o.help.c_str());
                continue;
            }
            auto* v = po::value<std::string>()->value_name(o.valueName);
            if (o.flag)
            {
                v->implicit_value("true");
            }
            std::string text = o.help;
            if (forHelp)
            {
                text += " Allowed: " + o.allowed + ".";
                if (o.get && o.name != "help" && o.name != "print-config" && o.name != "aggregate"
                    && o.name != "emit-jobs" && o.name != "emit-slurm")
                {
                    PptpSimSettings defaults;
                    std::string shown = o.get(defaults);
                    if (o.name == "jobs")
                    {
                        shown = "cores (" + std::to_string(DefaultJobs()) + " here)";
                    }
                    text += " Default: " + shown + ".";
                }
            }
            section.add_options()(names.c_str(), v, text.c_str());
        }
        all.add(section);
    }
    return all;
}

/// The largest config file read (the ready-made ones are a few KiB).
constexpr off_t MAX_CONFIG_FILE_SIZE = 1 << 20;

/**
 * Read a config file: Boost parses it, after [section] headers (which only
 * group the options for the reader) are checked and taken out.
 */
bool
ReadConfigFile(const std::string& file,
               const po::options_description& description,
               std::vector<std::tuple<std::string, std::string, std::string>>& entries,
               std::string& error)
{
    // Only a regular file of a sensible size: a FIFO or a device would hang or never end.
    struct stat info;
    if (stat(file.c_str(), &info) != 0)
    {
        error = "pptp-sim: --config " + file + ": cannot read it: " + std::strerror(errno);
        return false;
    }
    if (!S_ISREG(info.st_mode))
    {
        error = "pptp-sim: --config " + file
                + ": not a regular file (a config file is a text "
                  "file of options)";
        return false;
    }
    if (info.st_size > MAX_CONFIG_FILE_SIZE)
    {
        error = "pptp-sim: --config " + file + ": " + std::to_string(info.st_size)
                + " bytes; allowed: a config file of at most "
                + std::to_string(MAX_CONFIG_FILE_SIZE) + " bytes";
        return false;
    }
    std::ifstream in(file);
    if (!in)
    {
        error = "pptp-sim: --config " + file + ": cannot read it: " + std::strerror(errno);
        return false;
    }
    std::ostringstream cleaned;
    std::vector<std::tuple<std::string, std::string, uint32_t>> lines;
    std::string line;
    uint32_t number = 0;
    while (std::getline(in, line))
    {
        ++number;
        std::string text = PptpUnits::Trim(line.substr(0, line.find('#')));
        if (!text.empty() && text.front() == '[' && text.back() == ']')
        {
            std::string section = PptpUnits::Trim(text.substr(1, text.size() - 2));
            bool known = false;
            std::string names;
            for (const auto& [group, title] : PptpSimOptions::GetGroups())
            {
                known = known || (group == section && group != "program");
                names += group == "program" ? "" : (names.empty() ? "" : ", ") + group;
            }
            if (!known)
            {
                error = "pptp-sim: " + file + ":" + std::to_string(number) + ": unknown section ["
                        + section + "] (sections are optional; known: " + names + ")";
                return false;
            }
            cleaned << "\n";
            continue;
        }
        size_t eq = text.find('=');
        if (eq != std::string::npos)
        {
            lines.emplace_back(
                PptpUnits::Trim(text.substr(0, eq)), PptpUnits::Trim(text.substr(eq + 1)), number);
        }
        cleaned << line << "\n";
    }
    if (in.bad())
    {
        error = "pptp-sim: --config " + file + ": cannot read it: " + std::strerror(errno);
        return false;
    }
    auto lineOf = [&lines](const std::string& key, const std::string& value)
    {
        for (const auto& [k, v, n] : lines)
        {
            if (k == key && (value.empty() || v == value))
            {
                return ":" + std::to_string(n);
            }
        }
        return std::string();
    };
    po::parsed_options parsed(&description);
    try
    {
        std::istringstream stream(cleaned.str());
        parsed = po::parse_config_file(stream, description, false);
    }
    catch (const po::unknown_option& e)
    {
        std::string name = e.get_option_name();
        error = "pptp-sim: " + file + lineOf(name, "") + ": unknown option '" + name
                + "' (pptp-sim --help lists the options)";
        return false;
    }
    catch (const po::error& e)
    {
        error = "pptp-sim: " + file + ": " + e.what();
        return false;
    }
    for (const auto& o : parsed.options)
    {
        for (const auto& v : o.value)
        {
            entries.emplace_back(o.string_key, v, file + lineOf(o.string_key, PptpUnits::Trim(v)));
        }
        if (o.value.empty())
        {
            entries.emplace_back(o.string_key, "", file + lineOf(o.string_key, ""));
        }
    }
    return true;
}

/// The message for a value that is not allowed.
std::string
BadValue(const PptpSimOption& o,
         const std::string& value,
         const std::string& origin,
         const std::string& problem)
{
    return "pptp-sim: --" + o.name + "=" + value + " (" + origin + "): " + problem
           + "; allowed: " + o.allowed;
}

} // namespace

bool
PptpSimOptions::Set(PptpSimSettings& settings,
                    const std::string& name,
                    const std::string& value,
                    std::string& error) const
{
    const PptpSimOption* o = Find(name);
    if (!o || !o->set)
    {
        error = "pptp-sim: unknown option '" + name + "'";
        return false;
    }
    std::string problem;
    if (!o->set(settings, value, problem))
    {
        error = PptpUnits::ClipMessage(BadValue(*o, value, "sweep", problem));
        return false;
    }
    return true;
}

bool
PptpSimOptions::Parse(int argc,
                      const char* const argv[],
                      PptpSimSettings& settings,
                      std::string& error) const
{
    // What the user typed is quoted in messages: never a 10 MB value whole.
    bool ok = DoParse(argc, argv, settings, error);
    if (!ok)
    {
        error = PptpUnits::ClipMessage(error);
    }
    return ok;
}

bool
PptpSimOptions::DoParse(int argc,
                        const char* const argv[],
                        PptpSimSettings& settings,
                        std::string& error) const
{
    settings = PptpSimSettings();
    settings.jobs = DefaultJobs();

    // (option, value, where it was given)
    using Entry = std::tuple<std::string, std::string, std::string>;
    std::vector<Entry> commandLine;
    po::options_description cmdDescription = Describe(m_options, true, false);
    try
    {
        int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
        po::parsed_options parsed
            = po::command_line_parser(argc, argv).options(cmdDescription).style(style).run();
        for (const auto& o : parsed.options)
        {
            if (o.string_key.empty() || o.position_key != -1)
            {
                error = "pptp-sim: unexpected argument '"
                        + (o.original_tokens.empty() ? std::string() : o.original_tokens[0])
                        + "' (options start with --; pptp-sim --help lists them)";
                return false;
            }
            if (o.value.empty())
            {
                commandLine.emplace_back(o.string_key, "true", "command line");
            }
            for (const auto& v : o.value)
            {
                commandLine.emplace_back(o.string_key, v, "command line");
            }
        }
    }
    catch (const po::error& e)
    {
        error = std::string("pptp-sim: ") + e.what() + " (pptp-sim --help lists the options)";
        return false;
    }

    // Sources from lowest to highest priority: the files in order, then the command line.
    std::vector<std::vector<Entry>> sources;
    po::options_description fileDescription = Describe(m_options, false, false);
    for (const auto& [name, value, origin] : commandLine)
    {
        if (name == "config")
        {
            std::vector<Entry> entries;
            if (!ReadConfigFile(value, fileDescription, entries, error))
            {
                return false;
            }
            settings.configFiles.push_back(value);
            sources.push_back(entries);
        }
    }
    sources.push_back(commandLine);

    std::map<std::string, Entry> chosen;
    std::vector<std::pair<std::string, Entry>> axes; // by swept option, in order of appearance
    for (const auto& source : sources)
    {
        std::set<std::string> seen;
        std::set<std::string> seenAxes;
        for (const auto& entry : source)
        {
            const auto& [name, value, origin] = entry;
            if (name == "config")
            {
                continue;
            }
            if (name == "sweep")
            {
                std::string axis = PptpUnits::Trim(value.substr(0, value.find('=')));
                if (!seenAxes.insert(axis).second)
                {
                    error = "pptp-sim: --sweep " + axis + " is given twice (" + origin + ")";
                    return false;
                }
                auto it = std::find_if(axes.begin(),
                                       axes.end(),
                                       [&axis](const auto& a)
                                       {
                                           return a.first == axis;
                                       });
                if (it == axes.end())
                {
                    axes.emplace_back(axis, entry);
                }
                else
                {
                    it->second = entry; // a higher-priority source redefines it
                }
                continue;
            }
            if (!seen.insert(name).second)
            {
                error = "pptp-sim: --" + name + " is given twice (" + origin + ")";
                return false;
            }
            chosen[name] = entry;
        }
    }

    for (const auto& o : m_options)
    {
        auto it = chosen.find(o.name);
        if (it == chosen.end() || !o.set)
        {
            continue;
        }
        const auto& [name, value, origin] = it->second;
        std::string problem;
        if (!o.set(settings, value, problem))
        {
            error = BadValue(o, value, origin, problem);
            return false;
        }
    }

    // Values are checked on a copy without the axes read so far: copying those for every
    // value made reading a large sweep quadratic (4 x 65,536 values: a minute).
    PptpSimSettings base = settings;
    base.sweep.clear();
    for (const auto& [axisName, entry] : axes)
    {
        const auto& [name, value, origin] = entry;
        const PptpSimOption* sweep = Find("sweep");
        size_t eq = value.find('=');
        const PptpSimOption* o = Find(axisName);
        if (eq == std::string::npos)
        {
            error = "pptp-sim: --sweep " + value + " (" + origin + "): no '='; allowed: "
                    + sweep->allowed + ", e.g. --sweep loss-rate=0,0.01,0.05";
            return false;
        }
        if (!o || !o->scenario || axisName == "run")
        {
            error = "pptp-sim: --sweep " + value + " (" + origin + "): '" + axisName
                    + "' is not a scenario option"
                    + (axisName == "run" ? " (--runs K gives independent runs)" : "")
                    + "; allowed: " + sweep->allowed;
            return false;
        }
        PptpSweepAxis axis;
        axis.name = axisName;
        std::string list = value.substr(eq + 1);
        size_t start = 0;
        while (true)
        {
            size_t comma = list.find(',', start);
            std::string item = PptpUnits::Trim(list.substr(start, comma - start));
            PptpSimSettings probe = base;
            std::string problem;
            if (item.empty())
            {
                error = "pptp-sim: --sweep " + value + " (" + origin + "): an empty value";
                return false;
            }
            if (!o->set(probe, item, problem))
            {
                error = "pptp-sim: --sweep " + value + " (" + origin + "): value '" + item
                        + "': " + problem + "; allowed for " + axisName + ": " + o->allowed;
                return false;
            }
            axis.values.push_back(o->get(probe));
            if (comma == std::string::npos)
            {
                break;
            }
            start = comma + 1;
        }
        settings.sweep.push_back(axis);
    }
    if (!Validate(settings, error))
    {
        return false;
    }
    if (settings.aggregate.empty() && !settings.help && !settings.printConfig)
    {
        std::string problem;
        if (!PptpResultsFolder::CanReplace(settings.out, problem))
        {
            error = "pptp-sim: --out=" + settings.out + ": " + problem;
            return false;
        }
    }
    return true;
}

bool
PptpSimOptions::Validate(const PptpSimSettings& settings, std::string& error) const
{
    const Config& c = settings.scenario;
    auto fail = [&error](const std::string& message)
    {
        error = "pptp-sim: " + message;
        return false;
    };
    if (static_cast<uint64_t>(c.clients) * c.calls > MAX_TUNNELS)
    {
        return fail("--clients=" + std::to_string(c.clients) + " x --calls="
                    + std::to_string(c.calls) + " asks for more than " + std::to_string(MAX_TUNNELS)
                    + " tunnels (the server's Call IDs are 16 bits); allowed: clients x calls "
                      "up to "
                    + std::to_string(MAX_TUNNELS));
    }
    if (c.lossClients > c.clients)
    {
        return fail("--loss-clients=" + std::to_string(c.lossClients)
                    + " is more than --clients=" + std::to_string(c.clients)
                    + "; allowed: all, or 1 to " + std::to_string(c.clients));
    }
    if (c.faultClients > c.clients)
    {
        return fail("--fault-clients=" + std::to_string(c.faultClients)
                    + " is more than --clients=" + std::to_string(c.clients)
                    + "; allowed: all, or 1 to " + std::to_string(c.clients));
    }
    if (c.faultLink == Config::FaultLink::BOTTLENECK && !c.bottleneck
        && (!c.linkDown.empty() || !c.lossWindows.empty()))
    {
        return fail("--fault-link=bottleneck needs a bottleneck: set --bottleneck-rate");
    }
    if (c.startTime >= c.runTime)
    {
        return fail("--start-time=" + PptpUnits::FormatTime(c.startTime)
                    + " is not before the end of the run (--run-time="
                    + PptpUnits::FormatTime(c.runTime) + ")");
    }
    for (const auto& [name, windows] :
         {std::make_pair(std::string("link-down"), &c.linkDown),
          std::make_pair(std::string("loss-windows"), &c.lossWindows)})
    {
        for (const auto& w : *windows)
        {
            if (w.start >= c.runTime)
            {
                return fail("--" + name + ": the window starting at "
                            + PptpUnits::FormatTime(w.start)
                            + " begins after the end of the run (--run-time="
                            + PptpUnits::FormatTime(c.runTime) + ")");
            }
        }
        for (size_t i = 1; i < windows->size(); ++i)
        {
            if ((*windows)[i].start < (*windows)[i - 1].start + (*windows)[i - 1].duration)
            {
                return fail("--" + name + ": windows overlap ("
                            + PptpUnits::FormatTime((*windows)[i].start)
                            + " starts before the "
                              "previous one ends)");
            }
        }
    }
    if (c.traffic != Config::Traffic::NONE && !c.dataPlane)
    {
        return fail("--traffic="
                    + std::string(c.traffic == Config::Traffic::BULK ? "bulk" : "onoff")
                    + " needs tunnels: --data-plane=false carries no traffic");
    }
    if ((!settings.emitJobs.empty() || !settings.emitSlurm.empty()) && !settings.IsSweep())
    {
        return fail("--emit-jobs and --emit-slurm need a sweep: give --sweep or --runs");
    }
    for (const auto& [name, path] : {std::make_pair("emit-jobs", settings.emitJobs),
                                     std::make_pair("emit-slurm", settings.emitSlurm)})
    {
        std::error_code ec;
        if (!path.empty() && std::filesystem::is_directory(path, ec))
        {
            return fail(std::string("--") + name + "=" + path
                        + ": is a folder; allowed: the path of the file to write");
        }
    }
    return true;
}

void
PptpSimOptions::PrintHelp(std::ostream& os) const
{
    os << "pptp-sim: PPTP scenarios in ns-3: clients build tunnels to a server over lossy "
          "links,\n"
          "with traffic and faults; results go to a folder (config.ini, summary.json, CSV time\n"
          "series, plots). Sweeps run every combination of values as separate processes.\n\n"
          "Usage: pptp-sim [--config FILE]... [--NAME=VALUE]... [--sweep NAME=V1,V2,...]...\n\n"
          "Every option also goes in a config file as 'NAME = VALUE'. Units are required:\n"
          "  TIME  a number and ns, us, ms, s, min or h     (20ms, 1.5s, 2min)\n"
          "  RATE  a number and bps, kbps, Mbps or Gbps     (10Mbps, 512kbps)\n"
          "  PROB  a fraction or a percentage              (0.01, 1%)\n"
          "Exit status: 0 done, 1 a run failed, 2 bad input (nothing written).\n";
    os << Describe(m_options, true, true) << "\n";
    os << "Examples:\n"
          "  pptp-sim --config examples/scenarios/default.ini --out results/default\n"
          "  pptp-sim --clients 20 --loss-rate 2% --link-down 300s+200s --run-time 900s\n"
          "  pptp-sim --config examples/scenarios/keepalive-vs-loss.ini --jobs 4\n"
          "  pptp-sim --sweep loss-rate=0,1%,5% --runs 5 --emit-jobs jobs.txt --out results/s\n"
          "  parallel < jobs.txt && pptp-sim --aggregate results/s\n";
}

void
PptpSimOptions::WriteConfig(std::ostream& os, const PptpSimSettings& settings, bool withSweep) const
{
    os << "# pptp-sim configuration. Read it back with: pptp-sim --config FILE\n";
    for (const auto& [group, title] : GetGroups())
    {
        bool any = false;
        for (const auto& o : m_options)
        {
            if (o.group != group || o.commandLineOnly || !o.get || o.name == "out"
                || o.name == "quiet" || o.name == "no-plots" || o.name == "emit-jobs"
                || o.name == "emit-slurm" || o.name == "jobs" || (group == "sweep" && !withSweep))
            {
                continue;
            }
            if (!any)
            {
                os << "\n[" << group << "]  # " << title << "\n";
                any = true;
            }
            os << o.name << " = " << o.get(settings) << "\n";
        }
        if (group == "sweep" && withSweep)
        {
            for (const auto& axis : settings.sweep)
            {
                os << "sweep = " << axis.name << "=";
                for (size_t i = 0; i < axis.values.size(); ++i)
                {
                    os << (i ? "," : "") << axis.values[i];
                }
                os << "\n";
            }
        }
    }
}

std::vector<std::pair<std::string, std::string>>
PptpSimOptions::GetParameters(const PptpSimSettings& settings) const
{
    std::vector<std::pair<std::string, std::string>> parameters;
    for (const auto& o : m_options)
    {
        if (o.scenario)
        {
            parameters.emplace_back(o.name, o.get(settings));
        }
    }
    return parameters;
}

} // namespace ns3
