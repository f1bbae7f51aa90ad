/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Fuzz target: the scenario runner's config-file reader on arbitrary text.
// Properties: nothing crashes or hangs; a file that is refused gets one
// message that names the program and stays short (a huge value is not echoed
// whole); a file that is taken prints (--print-config) as a config file that
// reads back to the same configuration.

#include "pptp-sim/pptp-sim-options.h"
#include "pptp-fuzz-check.h"

#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace ns3;

namespace
{

/// A file of this process's own, rewritten for every input.
std::string
ScratchFile(const std::string& name)
{
    return "/tmp/pptp-fuzz-sim-config-" + std::to_string(getpid()) + "-" + name;
}

/// \return the printed configuration of settings read from a file of \p text
bool
ParseText(const PptpSimOptions& options,
          const std::string& file,
          const std::string& text,
          PptpSimSettings& settings,
          std::string& error)
{
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    const char* argv[] = {"pptp-sim", "--config", file.c_str()};
    return options.Parse(3, argv, settings, error);
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const PptpSimOptions options;
    static const std::string first = ScratchFile("a.ini");
    static const std::string second = ScratchFile("b.ini");
    std::string text(reinterpret_cast<const char*>(data), size);
    PptpSimSettings settings;
    std::string error;
    if (!ParseText(options, first, text, settings, error))
    {
        PPTP_FUZZ_CHECK(error.rfind("pptp-sim: ", 0) == 0, "the message names the program");
        PPTP_FUZZ_CHECK(error.size() <= 1000, "the message stays short");
        PPTP_FUZZ_CHECK(error.find('\n') == std::string::npos, "one line");
        return 0;
    }
    std::ostringstream printed;
    options.WriteConfig(printed, settings, true);
    PptpSimSettings again;
    std::string againError;
    PPTP_FUZZ_CHECK(ParseText(options, second, printed.str(), again, againError),
                    "the printed configuration reads back");
    std::ostringstream reprinted;
    options.WriteConfig(reprinted, again, true);
    PPTP_FUZZ_CHECK(reprinted.str() == printed.str(), "to the same configuration");
    return 0;
}
