/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SIM_OPTIONS_H
#define PPTP_SIM_OPTIONS_H

#include "pptp-scenario-config.h"

#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * One swept parameter: an option and the values it takes, in order.
 */
struct PptpSweepAxis
{
    std::string name;                //!< the option ("loss-rate")
    std::vector<std::string> values; //!< its values, as printed by the option
};

/**
 * \ingroup pptp
 * What a pptp-sim command line (with its config files) asks for: the
 * scenario, where its results go, and how to run it (once, or as a sweep).
 */
struct PptpSimSettings
{
    PptpScenarioConfig scenario;          //!< the scenario
    std::string out{"results/pptp-sim"};  //!< results folder
    bool quiet{false};                    //!< no progress line, no summary on stdout
    bool plots{true};                     //!< draw the PNG plots
    std::vector<PptpSweepAxis> sweep;     //!< swept parameters (cartesian product)
    uint32_t runs{1};                     //!< independent RNG runs per sweep point
    uint32_t jobs{1};                     //!< points run at once on this machine
    std::string emitJobs;                 //!< write the job list there instead of running
    std::string emitSlurm;                //!< write a Slurm job-array script there
    std::string aggregate;                //!< aggregate the sweep in this folder, run nothing
    bool help{false};                     //!< print the options and exit
    bool printConfig{false};              //!< print the effective configuration and exit
    std::vector<std::string> configFiles; //!< --config files, in the order given

    /// \return true if this is a sweep (several points or runs)
    bool IsSweep() const;
};

/**
 * \ingroup pptp
 * One option of pptp-sim: its name, group, help, allowed values, and how it
 * reads its value into PptpSimSettings and prints it back.
 */
struct PptpSimOption
{
    std::string name;       //!< "loss-rate": --loss-rate on the command line, loss-rate = in files
    std::string group;      //!< section: run, topology, pptp, ppp, calls, traffic, faults, ...
    std::string valueName;  //!< TIME, RATE, N, ... in --help
    std::string help;       //!< what it does
    std::string allowed;    //!< the values allowed, for --help and error messages
    bool flag{false};       //!< may be given without a value on the command line (means true)
    bool repeatable{false}; //!< may be given several times
    bool commandLineOnly{false}; //!< not allowed in config files
    bool scenario{false};        //!< part of the scenario: written to config.ini, sweepable
    /// Prints the value (empty function: the option has no value to print).
    std::function<std::string(const PptpSimSettings&)> get;
    /// Reads a value; false with the problem when it is not allowed.
    std::function<bool(PptpSimSettings&, const std::string&, std::string&)> set;
};

/**
 * \ingroup pptp
 * The options of the scenario runner, built on Boost.Program_options.
 *
 * Every option can be given on the command line (--name=value or --name
 * value) and in INI-style config files (name = value, # comments, optional
 * [section] headers naming the option groups). Several --config files may be
 * given: a later file overrides an earlier one, and the command line
 * overrides them all. Values carry their units (20ms, 10Mbps, 1%); a value
 * out of range, without its unit or with a wrong one, an unknown option, an
 * option given twice in one place or a file that cannot be read is an error
 * whose message names the option, where it was given and what is allowed.
 */
class PptpSimOptions
{
  public:
    PptpSimOptions();

    /**
     * Read a command line and the config files it names.
     * \param argc argument count
     * \param argv arguments (argv[0] is the program)
     * \param settings receives the settings
     * \param error receives the message when the input is bad
     * \return true if the settings are complete and valid
     */
    bool Parse(int argc,
               const char* const argv[],
               PptpSimSettings& settings,
               std::string& error) const;

    /**
     * Set one option from text, as a sweep point does.
     * \param settings the settings to change
     * \param name the option
     * \param value its value
     * \param error receives the message when the value is not allowed
     * \return true if it was set
     */
    bool Set(PptpSimSettings& settings,
             const std::string& name,
             const std::string& value,
             std::string& error) const;

    /**
     * Check what no single option can: values that must agree with each other.
     * \param settings the settings
     * \param error receives the message naming the options involved
     * \return true if they agree
     */
    bool Validate(const PptpSimSettings& settings, std::string& error) const;

    /// \param os where to print the --help text
    void PrintHelp(std::ostream& os) const;

    /**
     * Write the configuration as a config file that reads back to the same settings.
     * \param os where to write
     * \param settings the settings
     * \param withSweep also write the sweep options
     */
    void WriteConfig(std::ostream& os, const PptpSimSettings& settings, bool withSweep) const;

    /**
     * \param settings the settings
     * \return every scenario option and its value, in --help order
     */
    std::vector<std::pair<std::string, std::string>> GetParameters(
        const PptpSimSettings& settings) const;

    /// \param name an option \return it, or null if there is none of that name
    const PptpSimOption* Find(const std::string& name) const;

    /// \return every option, in --help order
    const std::vector<PptpSimOption>& GetOptions() const;

    /// \return the option groups, in order, as (name, title)
    static const std::vector<std::pair<std::string, std::string>>& GetGroups();

  private:
    /// Parse without clipping the message (see Parse).
    bool DoParse(int argc,
                 const char* const argv[],
                 PptpSimSettings& settings,
                 std::string& error) const;

    std::vector<PptpSimOption> m_options;
};

} // namespace ns3

#endif /* PPTP_SIM_OPTIONS_H */
