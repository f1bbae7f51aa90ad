/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-sim-runner.h"

#include "pptp-results-folder.h"
#include "pptp-scenario.h"
#include "pptp-sim-options.h"
#include "pptp-sim-units.h"
#include "pptp-sweep.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace ns3
{

namespace
{

/// Exit statuses.
const int EXIT_DONE = 0;
const int EXIT_FAILED = 1;
const int EXIT_BAD_INPUT = 2;

/// Exit status of the plotting script when matplotlib cannot be imported.
const int PLOT_NO_MATPLOTLIB = 3;

/// \return this program's own file, to run the points of a sweep with
std::string
SelfExecutable()
{
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : self.string();
}

/**
 * Prints "simulated 1234/3600 s (34%), tunnels up 10/12" on stderr now and
 * then, once a run has taken more than a second: on one line rewritten in
 * place on a terminal, every ten seconds otherwise.
 */
class ProgressLine
{
  public:
    ProgressLine(Time end, bool enabled)
        : m_end(end)
        , m_enabled(enabled)
        , m_tty(isatty(STDERR_FILENO))
        , m_start(std::chrono::steady_clock::now())
        , m_last(m_start)
    {
    }

    void Update(Time now, uint32_t up, uint32_t wanted)
    {
        auto wall = std::chrono::steady_clock::now();
        if (!m_enabled || wall - m_start < std::chrono::seconds(1)
            || wall - m_last < (m_tty ? std::chrono::milliseconds(500) : std::chrono::seconds(10)))
        {
            return;
        }
        m_last = wall;
        m_printed = true;
        std::cerr << (m_tty ? "\r" : "") << "pptp-sim: simulated "
                  << PptpUnits::FormatFixed(now.GetSeconds(), 0) << "/"
                  << PptpUnits::FormatFixed(m_end.GetSeconds(), 0) << " s ("
                  << PptpUnits::FormatFixed(100.0 * now.GetSeconds() / m_end.GetSeconds(), 0)
                  << "%), tunnels up " << up << "/" << wanted << ", " << Elapsed() << " s"
                  << (m_tty ? "   " : "\n") << std::flush;
    }

    void Done()
    {
        if (m_printed && m_tty)
        {
            std::cerr << "\n";
        }
    }

    std::string Elapsed() const
    {
        std::chrono::duration<double> d = std::chrono::steady_clock::now() - m_start;
        return PptpUnits::FormatFixed(d.count(), 1);
    }

  private:
    Time m_end;
    bool m_enabled;
    bool m_tty;
    bool m_printed{false};
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_last;
};

/**
 * Run one of the module's Python scripts and wait for it.
 * \param name the script's file name (in PptpSimRunner::ScriptFolder())
 * \param arguments its arguments
 * \param quiet send its standard output to /dev/null
 * \param output when given, receives its standard output instead
 * \return its exit status; 127 when it cannot be run
 */
int
RunScript(const std::string& name,
          const std::vector<std::string>& arguments,
          bool quiet,
          std::string* output = nullptr)
{
    std::string script = PptpSimRunner::ScriptFolder() + "/" + name;
    std::string python = PptpSimRunner::Python();
    std::error_code ec;
    if (!fs::exists(script, ec))
    {
        return 127;
    }
    std::vector<std::string> argv = {python, script};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    int pipeEnds[2] = {-1, -1};
    if (output && pipe(pipeEnds) != 0)
    {
        return 127;
    }
    pid_t pid = fork();
    if (pid == 0)
    {
        if (output)
        {
            dup2(pipeEnds[1], STDOUT_FILENO);
            close(pipeEnds[0]);
            close(pipeEnds[1]);
        }
        else if (quiet)
        {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, STDOUT_FILENO);
        }
        std::vector<char*> args;
        for (auto& a : argv)
        {
            args.push_back(a.data());
        }
        args.push_back(nullptr);
        execv(python.c_str(), args.data());
        _exit(127);
    }
    if (output)
    {
        close(pipeEnds[1]);
        char buffer[512];
        ssize_t n = 0;
        while (pid > 0 && (n = read(pipeEnds[0], buffer, sizeof(buffer))) > 0)
        {
            output->append(buffer, static_cast<size_t>(n));
        }
        close(pipeEnds[0]);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
    {
        return 127;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/**
 * Run the plotting script on a results folder.
 * \return true if the plots were drawn (a warning is printed otherwise)
 */
bool
Plot(const std::vector<std::string>& arguments, bool quiet)
{
    int code = RunScript("pptp-plot.py", arguments, quiet);
    if (code == PLOT_NO_MATPLOTLIB)
    {
        std::cerr << "pptp-sim: warning: no plots: " << PptpSimRunner::Python()
                  << " has no matplotlib (Debian: apt-get install python3-matplotlib; make deps)\n";
        return false;
    }
    if (code == 127)
    {
        std::cerr << "pptp-sim: warning: no plots: cannot run " << PptpSimRunner::Python() << " "
                  << PptpSimRunner::ScriptFolder() << "/pptp-plot.py (set PPTP_SCRIPT_FOLDER, "
                  << "PPTP_PYTHON)\n";
        return false;
    }
    if (code != 0)
    {
        std::cerr << "pptp-sim: warning: the plotting script failed (status " << code << ")\n";
        return false;
    }
    return true;
}

/// Write a file through a temporary name, so that it is whole or absent.
bool
WriteWhole(const std::string& path, const std::string& text)
{
    std::string temporary = path + ".tmp";
    std::error_code ec;
    {
        std::ofstream out(temporary);
        out << text;
        if (!out)
        {
            fs::remove(temporary, ec); // nothing is left beside the path
            return false;
        }
    }
    fs::rename(temporary, path, ec);
    if (ec)
    {
        std::error_code ignored;
        fs::remove(temporary, ignored);
    }
    return !ec;
}

int
RunSingle(const PptpSimOptions& options, const PptpSimSettings& settings)
{
    const PptpScenarioConfig& c = settings.scenario;
    if (!settings.quiet)
    {
        std::cout << "pptp-sim: " << c.clients << " client" << (c.clients == 1 ? "" : "s") << " x "
                  << c.calls << " call" << (c.calls == 1 ? "" : "s") << ", "
                  << PptpUnits::FormatTime(c.runTime) << " simulated, seed " << c.seed << " run "
                  << c.run << std::endl;
    }
    std::unique_ptr<PptpResultsFolder> folder;
    try
    {
        folder = std::make_unique<PptpResultsFolder>(settings.out);
    }
    catch (const std::exception& e)
    {
        std::cerr << "pptp-sim: --out=" << settings.out << ": " << e.what() << "\n";
        return EXIT_BAD_INPUT;
    }
    ProgressLine progress(c.runTime, !settings.quiet);
    PptpScenario scenario(c);
    try
    {
        std::ostringstream config;
        config << "# The configuration of this run. Run it again with:\n"
               << "#   pptp-sim --config config.ini --out DIR\n";
        options.WriteConfig(config, settings, false);
        if (!WriteWhole(folder->GetPath() + "/config.ini", config.str()))
        {
            throw std::runtime_error("cannot write config.ini");
        }
        scenario.Run(folder->GetPath(),
                     options.GetParameters(settings),
                     [&progress](Time now, uint32_t up, uint32_t wanted)
                     {
                         progress.Update(now, up, wanted);
                     });
        progress.Done();
        if (settings.plots)
        {
            Plot({"run", folder->GetPath()}, settings.quiet);
        }
        folder->Commit();
    }
    catch (const std::exception& e)
    {
        progress.Done();
        std::cerr << "pptp-sim: " << e.what() << "\n";
        return EXIT_FAILED;
    }
    if (!settings.quiet)
    {
        std::cout << scenario.GetText();
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(folder->GetFinalPath()))
        {
            std::string name = entry.path().filename().string();
            if (name.front() != '.') // the folder's mark is not a result
            {
                names.push_back(name + (entry.is_directory() ? "/" : ""));
            }
        }
        std::sort(names.begin(), names.end());
        std::string files;
        for (const auto& name : names)
        {
            files += (files.empty() ? "" : " ") + name;
        }
        std::cout << "results    " << settings.out << "/: " << files << "\n"
                  << "           (" << progress.Elapsed() << " s of wall-clock time)\n";
    }
    return EXIT_DONE;
}

/**
 * Write sweep.csv in root (the points listed in points.csv, gathered by pptp-aggregate.py)
 * and draw the sweep's plots.
 * \return the points without results
 */
uint32_t
AggregateInto(const PptpSweep& sweep, const std::string& root, const PptpSimSettings& settings)
{
    std::ostringstream points;
    sweep.WritePoints(points);
    if (!WriteWhole(root + "/points.csv", points.str()))
    {
        throw std::runtime_error("cannot write " + root + "/points.csv");
    }
    std::string output;
    int code = RunScript("pptp-aggregate.py", {root}, false, &output);
    unsigned found = 0;
    unsigned total = 0;
    if (code != 0 || std::sscanf(output.c_str(), "aggregated %u of %u", &found, &total) != 2
        || total != sweep.GetPoints().size() || found > total)
    {
        throw std::runtime_error("cannot aggregate the sweep into " + root + "/sweep.csv: "
                                 + PptpSimRunner::Python() + " " + PptpSimRunner::ScriptFolder()
                                 + "/pptp-aggregate.py ended with status " + std::to_string(code));
    }
    if (settings.plots)
    {
        std::string params;
        for (const auto& name : sweep.GetSweptNames())
        {
            params += (params.empty() ? "" : ",") + name;
        }
        Plot({"sweep", root, "--params", params}, settings.quiet);
    }
    return total - found;
}

int
RunSweep(const PptpSimOptions& options, const PptpSimSettings& settings)
{
    PptpSweep sweep(options, settings);
    std::string error;
    if (!sweep.Expand(error))
    {
        std::cerr << error << "\n";
        return EXIT_BAD_INPUT;
    }
    std::string executable = SelfExecutable();
    size_t n = sweep.GetPoints().size();
    if (!settings.emitJobs.empty() || !settings.emitSlurm.empty())
    {
        std::string root = fs::absolute(settings.out).lexically_normal().string();
        std::error_code ec;
        fs::create_directories(root, ec);
        if (ec || !PptpResultsFolder::Mark(root) || !sweep.WriteDefinition(root))
        {
            std::cerr << "pptp-sim: --out=" << settings.out << ": cannot write in it\n";
            return EXIT_BAD_INPUT;
        }
        std::string jobs = settings.emitJobs.empty()
                               ? root + "/jobs.txt"
                               : fs::absolute(settings.emitJobs).lexically_normal().string();
        std::ostringstream list;
        sweep.WriteJobs(list, executable, root);
        if (!WriteWhole(jobs, list.str()))
        {
            std::cerr << "pptp-sim: cannot write the job list " << jobs << "\n";
            return EXIT_BAD_INPUT;
        }
        std::cout << "pptp-sim: " << n << " jobs in " << jobs << "\n";
        if (!settings.emitSlurm.empty())
        {
            std::ostringstream script;
            sweep.WriteSlurm(script, jobs, root, executable);
            if (!WriteWhole(settings.emitSlurm, script.str()))
            {
                std::cerr << "pptp-sim: cannot write " << settings.emitSlurm << "\n";
                return EXIT_BAD_INPUT;
            }
            fs::permissions(settings.emitSlurm,
                            fs::perms::owner_exec | fs::perms::group_exec,
                            fs::perm_options::add,
                            ec);
            std::cout << "pptp-sim: Slurm job array in " << settings.emitSlurm
                      << "; submit it with: sbatch " << settings.emitSlurm << "\n";
        }
        else
        {
            std::cout << "pptp-sim: run them, e.g. with GNU parallel: parallel --jobs "
                      << settings.jobs << " < " << jobs << "\n";
        }
        std::cout << "pptp-sim: then aggregate: "
                  << PptpSweep::ShellLine({executable, "--aggregate", root}) << "\n";
        return EXIT_DONE;
    }

    if (executable.empty())
    {
        std::cerr << "pptp-sim: cannot find this program's own file (/proc/self/exe) to run "
                     "the sweep's points\n";
        return EXIT_FAILED;
    }
    std::unique_ptr<PptpResultsFolder> folder;
    try
    {
        folder = std::make_unique<PptpResultsFolder>(settings.out);
    }
    catch (const std::exception& e)
    {
        std::cerr << "pptp-sim: --out=" << settings.out << ": " << e.what() << "\n";
        return EXIT_BAD_INPUT;
    }
    if (!settings.quiet)
    {
        std::cout << "pptp-sim: sweep of " << n << " points (" << n / settings.runs
                  << " combinations x " << settings.runs << " runs), " << settings.jobs
                  << " at a time" << std::endl;
    }
    auto start = std::chrono::steady_clock::now();
    uint32_t failed = 0;
    uint32_t missing = 0;
    try
    {
        std::string root = folder->GetPath();
        if (!sweep.WriteDefinition(root))
        {
            throw std::runtime_error("cannot write the sweep's definition");
        }
        // The job list names the final folder: it reruns any point there.
        std::ostringstream list;
        sweep.WriteJobs(list, executable, folder->GetFinalPath());
        WriteWhole(root + "/jobs.txt", list.str());
        failed = sweep.RunLocally(executable, root, settings.jobs, !settings.quiet);
        missing = AggregateInto(sweep, root, settings);
        folder->Commit();
    }
    catch (const std::exception& e)
    {
        std::cerr << "pptp-sim: " << e.what() << "\n";
        return EXIT_FAILED;
    }
    std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
    if (!settings.quiet || failed > 0)
    {
        std::cout << "pptp-sim: " << n - failed << " of " << n << " points done";
        if (failed > 0)
        {
            std::cout << ", " << failed << " failed (see " << settings.out << "/logs/)";
        }
        std::cout << " in " << PptpUnits::FormatFixed(wall.count(), 1) << " s\n"
                  << "results    " << settings.out << "/sweep.csv (one row per point), "
                  << settings.out << "/plots/, " << settings.out << "/point-*/\n";
    }
    return failed > 0 || missing > 0 ? EXIT_FAILED : EXIT_DONE;
}

int
RunAggregate(const PptpSimOptions& options, const PptpSimSettings& given)
{
    std::string root = fs::absolute(given.aggregate).lexically_normal().string();
    std::string definition = root + "/sweep.ini";
    std::error_code ec;
    if (!fs::exists(definition, ec))
    {
        std::cerr << "pptp-sim: --aggregate=" << given.aggregate
                  << ": no sweep.ini in it (not a sweep folder)\n";
        return EXIT_BAD_INPUT;
    }
    std::vector<std::string> args = {"pptp-sim", "--config", definition, "--out", root};
    std::vector<const char*> argv;
    for (const auto& a : args)
    {
        argv.push_back(a.c_str());
    }
    PptpSimSettings settings;
    std::string error;
    if (!options.Parse(static_cast<int>(argv.size()), argv.data(), settings, error))
    {
        std::cerr << error << "\n";
        return EXIT_BAD_INPUT;
    }
    settings.plots = given.plots;
    settings.quiet = given.quiet;
    PptpSweep sweep(options, settings);
    if (!sweep.Expand(error))
    {
        std::cerr << error << "\n";
        return EXIT_BAD_INPUT;
    }
    uint32_t missing = 0;
    try
    {
        missing = AggregateInto(sweep, root, settings);
    }
    catch (const std::exception& e)
    {
        std::cerr << "pptp-sim: " << e.what() << "\n";
        return EXIT_FAILED;
    }
    size_t n = sweep.GetPoints().size();
    std::cout << "pptp-sim: " << n - missing << " of " << n << " points aggregated into " << root
              << "/sweep.csv";
    if (missing > 0)
    {
        std::cout << " (" << missing << " without results: not run yet, or failed)";
    }
    std::cout << "\n";
    return missing > 0 ? EXIT_FAILED : EXIT_DONE;
}

} // namespace

std::string
PptpSimRunner::ScriptFolder()
{
    const char* env = std::getenv("PPTP_SCRIPT_FOLDER");
    if (env && *env)
    {
        return env;
    }
#ifdef PPTP_SCRIPT_FOLDER_PATH
    return PPTP_SCRIPT_FOLDER_PATH;
#else
    return "utils/pptp-sim";
#endif
}

std::string
PptpSimRunner::Python()
{
    const char* env = std::getenv("PPTP_PYTHON");
    return env && *env ? env : "/usr/bin/python3";
}

int
PptpSimRunner::Main(int argc, const char* const argv[])
{
    PptpSimOptions options;
    PptpSimSettings settings;
    std::string error;
    if (!options.Parse(argc, argv, settings, error))
    {
        std::cerr << error << "\n";
        return EXIT_BAD_INPUT;
    }
    if (settings.help)
    {
        options.PrintHelp(std::cout);
        return EXIT_DONE;
    }
    if (settings.printConfig)
    {
        options.WriteConfig(std::cout, settings, true);
        return EXIT_DONE;
    }
    if (!settings.aggregate.empty())
    {
        return RunAggregate(options, settings);
    }
    if (settings.IsSweep())
    {
        return RunSweep(options, settings);
    }
    return RunSingle(options, settings);
}

} // namespace ns3
