/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SIM_RUNNER_H
#define PPTP_SIM_RUNNER_H

#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * The pptp-sim program: reads its options (PptpSimOptions), then runs one
 * scenario into a results folder (PptpScenario, PptpResultsFolder), or a
 * sweep of them as separate processes (PptpSweep), or only writes a sweep's
 * job list, or aggregates a sweep run elsewhere. Its Python scripts gather a
 * sweep's points into sweep.csv (pptp-aggregate.py) and draw the plots
 * (pptp-plot.py).
 *
 * Exit status: 0 done, 1 a run failed (a sweep point, an unwritable file),
 * 2 bad input (nothing is written).
 */
class PptpSimRunner
{
  public:
    /**
     * Run the program.
     * \param argc argument count
     * \param argv arguments
     * \return the exit status
     */
    static int Main(int argc, const char* const argv[]);

    /**
     * \return the folder of the Python scripts: $PPTP_SCRIPT_FOLDER, else utils/pptp-sim in
     *         the module's source folder, as found when the module was built
     */
    static std::string ScriptFolder();

    /// \return the Python that runs them: $PPTP_PYTHON, else /usr/bin/python3
    static std::string Python();
};

} // namespace ns3

#endif /* PPTP_SIM_RUNNER_H */
