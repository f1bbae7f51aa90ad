/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Fuzz target: the capture reader behind pptp-trace-summary, on arbitrary
// files (read from memory). Properties: nothing crashes or overflows; no
// allocation grows with what a length field claims (libFuzzer's -rss_limit_mb
// and -malloc_limit_mb catch that); a file that ends cleanly reads as OK,
// otherwise the status says why; every line has a frame number within the
// records read and a time that is a number.

#include "pptp-trace-summary/pptp-capture-summary.h"
#include "pptp-fuzz-check.h"

#include <cmath>
#include <sstream>
#include <string>

using namespace ns3;

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    PptpCaptureSummary summary;
    std::string error;
    uint32_t lines = 0;
    uint32_t lastFrame = 0;
    PptpCaptureSummary::Status status = summary.Read(
        in,
        "input",
        [&](const PptpCaptureLine& line)
        {
            ++lines;
            PPTP_FUZZ_CHECK(line.frame >= lastFrame, "lines in frame order");
            PPTP_FUZZ_CHECK(line.frame >= 1 && line.frame <= size / 16, "a real frame number");
            PPTP_FUZZ_CHECK(std::isfinite(line.time), "a time");
            PPTP_FUZZ_CHECK(!line.text.empty(), "a line says something");
            lastFrame = line.frame;
        },
        error);
    PPTP_FUZZ_CHECK(status == PptpCaptureSummary::Status::OK || !error.empty(),
                    "a capture not read whole says why");
    PPTP_FUZZ_CHECK(status != PptpCaptureSummary::Status::UNREADABLE || lines == 0,
                    "nothing from an unreadable capture");
    return 0;
}
