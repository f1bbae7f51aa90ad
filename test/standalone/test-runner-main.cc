/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The standalone build's test runner: ns-3's TestRunner over the module's suites
// (--list, --suite=NAME, --verbose; exit status 1 when an assertion fails).

#include "ns3/test.h"

int
main(int argc, char* argv[])
{
    return ns3::TestRunner::Run(argc, argv);
}
