/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-sweep.h"

#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ns3
{

namespace
{

/// A CSV field, quoted when it must be.
std::string
CsvField(const std::string& text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
    {
        return text;
    }
    std::string out = "\"";
    for (char c : text)
    {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

} // namespace

PptpSweep::PptpSweep(const PptpSimOptions& options, const PptpSimSettings& settings)
    : m_options(options)
    , m_settings(settings)
{
}

bool
PptpSweep::Expand(std::string& error)
{
    m_points.clear();
    // Counted with a stop at the limit: four axes of 65,536 values must not wrap to zero.
    constexpr uint64_t MAX_POINTS = 1000000;
    uint64_t combinations = 1;
    std::string sizes;
    for (const auto& axis : m_settings.sweep)
    {
        sizes += (sizes.empty() ? "" : " x ") + std::to_string(axis.values.size());
        combinations = axis.values.empty() || combinations > MAX_POINTS / axis.values.size()
                           ? MAX_POINTS + 1
                           : combinations * axis.values.size();
    }
    uint64_t total = combinations > MAX_POINTS / m_settings.runs ? MAX_POINTS + 1
                                                                 : combinations * m_settings.runs;
    if (total > MAX_POINTS || total == 0)
    {
        error = "pptp-sim: the sweep has " + (sizes.empty() ? std::string("1") : sizes)
                + " combinations x " + std::to_string(m_settings.runs) + " runs; allowed: at most "
                + std::to_string(MAX_POINTS) + " points";
        return false;
    }
    size_t width = std::max<size_t>(4, std::to_string(total).size());
    std::vector<size_t> digit(m_settings.sweep.size(), 0);
    for (uint64_t combination = 0; combination < combinations; ++combination)
    {
        // The odometer: the last swept option turns fastest.
        uint64_t rest = combination;
        for (size_t a = m_settings.sweep.size(); a-- > 0;)
        {
            digit[a] = rest % m_settings.sweep[a].values.size();
            rest /= m_settings.sweep[a].values.size();
        }
        for (uint32_t r = 0; r < m_settings.runs; ++r)
        {
            PptpSweepPoint point;
            point.index = static_cast<uint32_t>(m_points.size() + 1);
            for (size_t a = 0; a < m_settings.sweep.size(); ++a)
            {
                point.values.emplace_back(m_settings.sweep[a].name,
                                          m_settings.sweep[a].values[digit[a]]);
            }
            point.run = m_settings.scenario.run + r;
            std::string number = std::to_string(point.index);
            point.folder = "point-" + std::string(width - number.size(), '0') + number;

            // Every point must be valid before anything runs.
            PptpSimSettings probe = m_settings;
            for (const auto& [name, value] : point.values)
            {
                if (!m_options.Set(probe, name, value, error))
                {
                    return false;
                }
            }
            probe.scenario.run = point.run;
            probe.emitJobs.clear();
            probe.emitSlurm.clear();
            probe.sweep.clear();
            probe.runs = 1;
            probe.out = ".";
            if (!m_options.Validate(probe, error))
            {
                std::string where;
                for (const auto& [name, value] : point.values)
                {
                    where += (where.empty() ? "" : ", ") + name + "=" + value;
                }
                error += " (in the sweep point " + where + ")";
                return false;
            }
            m_points.push_back(point);
        }
    }
    m_status.assign(m_points.size(), -1);
    return true;
}

const std::vector<PptpSweepPoint>&
PptpSweep::GetPoints() const
{
    return m_points;
}

std::vector<std::string>
PptpSweep::GetSweptNames() const
{
    std::vector<std::string> names;
    for (const auto& axis : m_settings.sweep)
    {
        names.push_back(axis.name);
    }
    return names;
}

std::vector<std::string>
PptpSweep::Command(const PptpSweepPoint& point,
                   const std::string& executable,
                   const std::string& root) const
{
    std::vector<std::string> argv = {executable, "--config", root + "/base.ini"};
    for (const auto& [name, value] : point.values)
    {
        argv.push_back("--" + name + "=" + value);
    }
    argv.push_back("--run=" + std::to_string(point.run));
    argv.push_back("--out=" + root + "/" + point.folder);
    argv.push_back("--quiet");
    argv.push_back("--no-plots");
    return argv;
}

std::string
PptpSweep::ShellLine(const std::vector<std::string>& argv)
{
    std::string line;
    for (const auto& arg : argv)
    {
        bool plain = !arg.empty()
                     && arg.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                              "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                              "0123456789-_=+./:,%@")
                            == std::string::npos;
        std::string quoted = "'";
        for (char c : arg)
        {
            quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        }
        quoted += "'";
        line += (line.empty() ? "" : " ") + (plain ? arg : quoted);
    }
    return line;
}

bool
PptpSweep::WriteDefinition(const std::string& root) const
{
    std::error_code ec;
    fs::create_directories(root + "/logs", ec);
    std::ofstream base(root + "/base.ini");
    PptpSimSettings settings = m_settings;
    base << "# The scenario of every point of this sweep; each point adds its swept values.\n";
    m_options.WriteConfig(base, settings, false);
    std::ofstream sweep(root + "/sweep.ini");
    sweep << "# This sweep: the scenario and the swept values (pptp-sim --aggregate reads it).\n";
    m_options.WriteConfig(sweep, settings, true);
    return !ec && base.good() && sweep.good();
}

void
PptpSweep::WriteJobs(std::ostream& os, const std::string& executable, const std::string& root) const
{
    for (const auto& point : m_points)
    {
        os << ShellLine(Command(point, executable, root)) << "\n";
    }
}

void
PptpSweep::WriteSlurm(std::ostream& os,
                      const std::string& jobs,
                      const std::string& root,
                      const std::string& executable) const
{
    os << "#!/bin/bash\n"
          "# pptp-sim sweep of "
       << m_points.size()
       << " points: array task i runs line i of the job list.\n"
          "#   sbatch "
       << "THIS_FILE\n"
          "# When every task is done, aggregate the points into sweep.csv and plots:\n"
          "#   "
       << ShellLine({executable, "--aggregate", root})
       << "\n"
          "# (or submit that with: sbatch --dependency=afterany:JOBID --wrap '...').\n"
          "# Add #SBATCH lines for your site (partition, time limit) below.\n"
          "#SBATCH --job-name=pptp-sim\n"
          "#SBATCH --array=1-"
       << m_points.size()
       << "\n"
          "#SBATCH --ntasks=1\n"
          "#SBATCH --cpus-per-task=1\n"
          "#SBATCH --output="
       << root
       << "/logs/slurm-%a.log\n"
          "set -euo pipefail\n"
          "line=$(sed -n \"${SLURM_ARRAY_TASK_ID}p\" "
       << ShellLine({jobs})
       << ")\n"
          "exec bash -c \"$line\"\n";
}

uint32_t
PptpSweep::RunLocally(const std::string& executable,
                      const std::string& root,
                      uint32_t jobs,
                      bool progress)
{
    std::map<pid_t, size_t> running;
    size_t next = 0;
    uint32_t done = 0;
    uint32_t failed = 0;
    bool tty = isatty(STDERR_FILENO);
    auto start = std::chrono::steady_clock::now();
    auto lastPrint = start - std::chrono::hours(1);
    auto report = [&](bool force)
    {
        auto now = std::chrono::steady_clock::now();
        if (!progress || (!force && now - lastPrint < std::chrono::seconds(tty ? 1 : 10)))
        {
            return;
        }
        lastPrint = now;
        long seconds = std::chrono::duration_cast<std::chrono::seconds>(now - start).count();
        std::cerr << (tty ? "\r" : "") << "sweep: " << done << "/" << m_points.size()
                  << " points done, " << running.size() << " running, " << failed << " failed, "
                  << seconds << " s elapsed" << (tty ? "   " : "\n") << std::flush;
    };
    while (next < m_points.size() || !running.empty())
    {
        while (running.size() < jobs && next < m_points.size())
        {
            std::vector<std::string> argv = Command(m_points[next], executable, root);
            std::string log = root + "/logs/" + m_points[next].folder + ".log";
            pid_t pid = fork();
            if (pid == 0)
            {
                int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
                int null = open("/dev/null", O_RDONLY);
                if (fd >= 0)
                {
                    dup2(fd, STDOUT_FILENO);
                    dup2(fd, STDERR_FILENO);
                }
                if (null >= 0)
                {
                    dup2(null, STDIN_FILENO);
                }
                std::vector<char*> args;
                for (auto& a : argv)
                {
                    args.push_back(a.data());
                }
                args.push_back(nullptr);
                execv(executable.c_str(), args.data());
                _exit(127);
            }
            if (pid < 0)
            {
                m_status[next] = 127;
                ++failed;
                ++done;
            }
            else
            {
                running[pid] = next;
            }
            ++next;
        }
        report(false);
        if (running.empty())
        {
            continue;
        }
        int status = 0;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0)
        {
            break;
        }
        auto it = running.find(pid);
        if (it == running.end())
        {
            continue; // not one of ours
        }
        int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        m_status[it->second] = code;
        failed += code != 0 ? 1 : 0;
        ++done;
        running.erase(it);
    }
    report(true);
    if (progress && tty)
    {
        std::cerr << "\n";
    }
    return failed;
}

void
PptpSweep::WritePoints(std::ostream& os) const
{
    os << "point,run,folder,exit_status";
    for (const auto& axis : m_settings.sweep)
    {
        os << "," << CsvField(axis.name);
    }
    os << "\n";
    for (size_t i = 0; i < m_points.size(); ++i)
    {
        os << m_points[i].index << "," << m_points[i].run << "," << m_points[i].folder << ","
           << (m_status[i] >= 0 ? std::to_string(m_status[i]) : std::string());
        for (const auto& [name, value] : m_points[i].values)
        {
            os << "," << CsvField(value);
        }
        os << "\n";
    }
}

} // namespace ns3
