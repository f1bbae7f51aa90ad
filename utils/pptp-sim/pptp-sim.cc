/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// pptp-sim: the scenario runner. Clients build PPTP tunnels to a server over
// lossy links, with traffic through the tunnels and injected faults; results
// (configuration, summary.json, CSV time series, plots) go to a folder.
// Sweeps run every combination of values as separate processes.
//
//   pptp-sim --help
//   pptp-sim --config examples/scenarios/default.ini --out results/default
//   pptp-sim --sweep loss-rate=0,1%,5% --runs 3 --out results/loss
//
// Everything is in the library (PptpSimRunner and the classes it uses), so
// that the test suites exercise the same code.

#include "pptp-sim-runner.h"

int
main(int argc, char* argv[])
{
    return ns3::PptpSimRunner::Main(argc, argv);
}
