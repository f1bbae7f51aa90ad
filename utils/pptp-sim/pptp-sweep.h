/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SWEEP_H
#define PPTP_SWEEP_H

#include "pptp-sim-options.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * One point of a sweep: a value for each swept option and a run number.
 */
struct PptpSweepPoint
{
    uint32_t index{0};                                       //!< 1-based
    std::vector<std::pair<std::string, std::string>> values; //!< swept option, value
    uint64_t run{0};                                         //!< RNG run number
    std::string folder;                                      //!< "point-0003"
};

/**
 * \ingroup pptp
 * A sweep: the cartesian product of the swept values, each combination run
 * with K RNG run numbers, every point as its own pptp-sim process writing its
 * own results folder (DIR/point-NNNN), then one CSV with a row per point
 * (sweep.csv, gathered by utils/pptp-sim/pptp-aggregate.py from points.csv).
 *
 * The points run on this machine, N at once (a pool of child processes, not a
 * scheduler), or are written out as a job list, one shell command per line,
 * for GNU parallel (locally or across hosts over ssh), or as a Slurm job-array
 * script whose task i runs line i of the job list. Either way the folder has
 * base.ini (the scenario without the sweep, which every point reads),
 * sweep.ini (the whole definition, which --aggregate reads back) and logs/.
 */
class PptpSweep
{
  public:
    /**
     * \param options the option table
     * \param settings the settings with the sweep
     */
    PptpSweep(const PptpSimOptions& options, const PptpSimSettings& settings);

    /**
     * List the points and check every one's settings.
     * \param error receives the message when a point's settings are not valid
     * \return true if every point is valid
     */
    bool Expand(std::string& error);

    /// \return the points, in order (first swept option slowest, runs fastest)
    const std::vector<PptpSweepPoint>& GetPoints() const;

    /**
     * \param point a point
     * \param executable the pptp-sim program
     * \param root the sweep folder
     * \return the point's command line
     */
    std::vector<std::string> Command(const PptpSweepPoint& point,
                                     const std::string& executable,
                                     const std::string& root) const;

    /// \param argv a command line \return it as one shell-quoted line
    static std::string ShellLine(const std::vector<std::string>& argv);

    /**
     * Write base.ini and sweep.ini and create logs/ in the sweep folder.
     * \param root the sweep folder (it exists)
     * \return false if a file cannot be written
     */
    bool WriteDefinition(const std::string& root) const;

    /**
     * \param os where to write the job list, one command line per point
     * \param executable the pptp-sim program
     * \param root the sweep folder the commands write to
     */
    void WriteJobs(std::ostream& os, const std::string& executable, const std::string& root) const;

    /**
     * \param os where to write the Slurm job-array script
     * \param jobs the job list it reads (absolute path)
     * \param root the sweep folder
     * \param executable the pptp-sim program (for the aggregation hint)
     */
    void WriteSlurm(std::ostream& os,
                    const std::string& jobs,
                    const std::string& root,
                    const std::string& executable) const;

    /**
     * Run the points here, at most jobs at once, each as a child process whose
     * output goes to root/logs/point-NNNN.log.
     * \param executable the pptp-sim program
     * \param root the sweep folder
     * \param jobs processes at once
     * \param progress print a progress line on stderr
     * \return the points that failed
     */
    uint32_t RunLocally(const std::string& executable,
                        const std::string& root,
                        uint32_t jobs,
                        bool progress);

    /**
     * Write points.csv, what pptp-aggregate.py needs to build sweep.csv: one row per point
     * (point, run, folder, its exit status when run here, else empty; then the swept values).
     * \param os where to write
     */
    void WritePoints(std::ostream& os) const;
    /// \return the swept options, in order
    std::vector<std::string> GetSweptNames() const;

  private:
    const PptpSimOptions& m_options;
    PptpSimSettings m_settings;
    std::vector<PptpSweepPoint> m_points;
    std::vector<int> m_status; //!< per point: exit status when run here (-1: not run)
};

} // namespace ns3

#endif /* PPTP_SWEEP_H */
