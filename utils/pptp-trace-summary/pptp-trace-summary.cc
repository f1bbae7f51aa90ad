/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Prints the PPTP summary lines of a pcap capture: every control message and
// GRE packet, decoded with the module's own codecs, in capture order.
//
//   pptp-trace-summary [--lines-only] FILE.pcap
//
// Exit status: 0 on success, 1 when the file is damaged part-way (the lines of the records
// before the damage are printed), 2 on a usage error or a file that is not a readable capture.

#include "pptp-capture-summary.h"

#include <cstdio>
#include <cstring>
#include <iostream>

int
main(int argc, char* argv[])
{
    bool linesOnly = false;
    const char* filename = nullptr;
    for (int i = 1; i < argc; ++i)
    {
        if (std::strcmp(argv[i], "--lines-only") == 0)
        {
            linesOnly = true;
        }
        else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0)
        {
            std::cout << "usage: " << argv[0] << " [--lines-only] FILE.pcap\n"
                      << "Prints one line per PPTP control message and GRE packet in the capture.\n"
                      << "  --lines-only  omit the frame number and time columns\n";
            return 0;
        }
        else if (argv[i][0] == '-' || filename != nullptr)
        {
            std::cerr << argv[0] << ": unexpected argument '" << argv[i] << "' (see --help)\n";
            return 2;
        }
        else
        {
            filename = argv[i];
        }
    }
    if (filename == nullptr)
    {
        std::cerr << argv[0] << ": no capture file given (see --help)\n";
        return 2;
    }

    // Lines are printed as they are decoded: a capture of any size is read in constant memory.
    ns3::PptpCaptureSummary summary;
    std::string error;
    auto print = [linesOnly](const ns3::PptpCaptureLine& line)
    {
        if (linesOnly)
        {
            std::printf("%s\n", line.text.c_str());
        }
        else
        {
            std::printf("%6u %12.6f  %s\n", line.frame, line.time, line.text.c_str());
        }
    };
    switch (summary.Read(filename, print, error))
    {
        case ns3::PptpCaptureSummary::Status::OK:
            return 0;
        case ns3::PptpCaptureSummary::Status::UNREADABLE:
            std::cerr << argv[0] << ": " << error << "\n";
            return 2;
        case ns3::PptpCaptureSummary::Status::DAMAGED:
            std::fflush(stdout);
            std::cerr << argv[0] << ": " << error
                      << " (the lines above are the records before it)\n";
            return 1;
    }
    return 1;
}
