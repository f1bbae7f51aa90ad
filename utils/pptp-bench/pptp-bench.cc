/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// pptp-bench: what PPTP tunnels cost to simulate.
//
// Control plane: 100, 1,000 and 10,000 clients, each with its own control connection
// and call, to one server for one simulated hour with 60 s keepalives; then 10 clients
// with 1,000 calls each. Data plane: a TCP bulk transfer and a UDP stream through a
// tunnel against the same flows on the same links without one. Each case runs in a
// process of its own, so that its peak memory is its own.
//
//   pptp-bench                      every case
//   pptp-bench --cases=control-100,data
//   pptp-bench --hours=0.25         shorter simulated time for the control-plane cases

#include "ns3/command-line.h"
#include "pptp-benchmark.h"

#include <cstdio>
#include <exception>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

/// What the parent keeps of a control-plane case run by a child.
struct ControlFigures
{
    std::string name;
    uint32_t tunnels{0};
    double wall{0};
    uint64_t events{0};
    double simulated{0};
    double peakMiB{0};
    double kibPerTunnel{0};
    bool ok{false};
};

double
MiB(uint64_t bytes)
{
    return bytes / (1024.0 * 1024.0);
}

std::string
Fixed(double value, int digits)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << value;
    return s.str();
}

/// Exit status of a child whose case could not be built (and of the program then).
const int EXIT_BAD_CASE = 2;

/// Run a function in a child process; the text it returns comes back in reply.
/// \return the child's exit status (-1 if it could not run or did not exit)
template<typename F>
int
InChild(F body, std::string& reply)
{
    int fds[2];
    if (pipe(fds) != 0)
    {
        return -1;
    }
    std::cout.flush();
    pid_t pid = fork();
    if (pid < 0)
    {
        return -1;
    }
    if (pid == 0)
    {
        close(fds[0]);
        std::string text;
        try
        {
            text = body();
        }
        catch (const std::exception& e)
        {
            std::cout.flush();
            std::cerr << "pptp-bench: " << e.what() << "\n";
            _exit(EXIT_BAD_CASE);
        }
        std::cout.flush();
        ssize_t written = write(fds[1], text.data(), text.size());
        _exit(written == static_cast<ssize_t>(text.size()) ? 0 : 1);
    }
    close(fds[1]);
    char buffer[4096];
    ssize_t n;
    while ((n = read(fds[0], buffer, sizeof(buffer))) > 0)
    {
        reply.append(buffer, n);
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string
RunControlCase(const PptpBenchmarkControlCase& c)
{
    PptpBenchmarkControlResult r = PptpBenchmark::RunControl(c);
    double wall = r.buildSeconds + r.runSeconds;
    double kib = (r.rssPeakBytes - r.rssBeforeBytes) / 1024.0 / r.tunnelsWanted;
    std::cout << std::left << std::setw(16) << c.name << std::right << std::setw(7)
              << r.tunnelsWanted << std::setw(9) << Fixed(r.buildSeconds, 2) << std::setw(9)
              << Fixed(r.runSeconds, 2) << std::setw(12) << r.events << std::setw(11)
              << Fixed(r.events / r.runSeconds / 1e6, 2) << std::setw(10)
              << Fixed(r.simulatedSeconds / wall, 0) << std::setw(9)
              << Fixed(MiB(r.rssPeakBytes), 0) << std::setw(9) << Fixed(kib, 1) << std::setw(9)
              << r.echoRequests << "  " << (r.AllTornDown() ? "ok" : "FAILED") << "\n";
    if (!r.AllTornDown())
    {
        std::cout << "  connections up " << r.connectionsUp << ", down " << r.connectionsDown
                  << " (stopped " << r.connectionsStopped << "), calls up " << r.callsUp
                  << ", down " << r.callsDown << ", server calls up " << r.serverCallsUp
                  << ", down " << r.serverCallsDown << ", drops " << r.drops << "\n";
        for (const auto& [cause, count] : r.downCauses)
        {
            std::cout << "  call down: " << cause << " x" << count << "\n";
        }
    }
    std::ostringstream reply;
    reply << r.tunnelsWanted << " " << wall << " " << r.events << " " << r.simulatedSeconds << " "
          << MiB(r.rssPeakBytes) << " " << kib << " " << r.AllTornDown();
    return reply.str();
}

std::string
RunDataCase(const PptpBenchmarkDataCase& c)
{
    PptpBenchmarkDataResult r = PptpBenchmark::RunData(c);
    std::cout << "\nData plane (" << c.name << "): the same flows on the same links, without and "
              << "with a tunnel (tunnel " << (r.tunnelUp ? "up" : "NOT UP") << ")\n";
    std::cout << std::left << std::setw(10) << "flow" << std::right << std::setw(10) << "packets"
              << std::setw(12) << "events" << std::setw(12) << "events/pkt" << std::setw(10)
              << "us/pkt"
              << "\n";
    bool ok = r.tunnelUp;
    auto row = [](const char* name, const PptpBenchmarkFlowCost& f)
    {
        std::cout << std::left << std::setw(10) << name << std::right << std::setw(10) << f.packets
                  << std::setw(12) << f.events << std::setw(12) << Fixed(f.EventsPerPacket(), 2)
                  << std::setw(10) << Fixed(f.MicrosPerPacket(), 2) << "\n";
    };
    auto ratio = [&ok](const char* name,
                       const PptpBenchmarkFlowCost& plain,
                       const PptpBenchmarkFlowCost& tunnel)
    {
        double events = tunnel.EventsPerPacket() / plain.EventsPerPacket();
        double wall = tunnel.MicrosPerPacket() / plain.MicrosPerPacket();
        ok = ok && plain.packets > 0 && tunnel.packets > 0;
        std::cout << "  " << name << " tunneled/plain per delivered packet: events x"
                  << Fixed(events, 2) << ", wall time x" << Fixed(wall, 2) << "\n";
    };
    row("tcp", r.tcpPlain);
    row("tcp+pptp", r.tcpTunnel);
    row("udp", r.udpPlain);
    row("udp+pptp", r.udpTunnel);
    ratio("TCP", r.tcpPlain, r.tcpTunnel);
    ratio("UDP", r.udpPlain, r.udpTunnel);
    std::cout << "  peak memory " << Fixed(MiB(r.rssPeakBytes), 0) << " MiB, "
              << Fixed(r.runSeconds, 2) << " s in all\n";
    return ok ? "1" : "0";
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string cases = "control-100,control-1000,control-10000,calls-10x1000,data";
    double hours = 1;
    uint32_t clientsPerRouter = 0;
    bool interfaceTcp = true;
    bool prefixRouting = true;
    std::string topology = "tree";
    CommandLine cmd(__FILE__);
    cmd.Usage("What PPTP tunnels cost to simulate: wall time, events, memory per tunnel.");
    cmd.AddValue("cases",
                 "Cases to run, comma-separated: control-N (N clients, one call each), "
                 "calls-CxK (C clients, K calls each), data",
                 cases);
    cmd.AddValue("hours", "Simulated hours of the control-plane cases", hours);
    cmd.AddValue("clients-per-router",
                 "Clients behind each edge router of the control-plane topology (0: about "
                 "sqrt(N/2) for N clients)",
                 clientsPerRouter);
    cmd.AddValue("interface-tcp",
                 "Give the server a TCP instance per interface (InterfaceTcpHelper); false: "
                 "one for all its connections, as ns-3 does by default",
                 interfaceTcp);
    cmd.AddValue("prefix-routing",
                 "The server and the routers find routes in hash tables by prefix length "
                 "(Ipv4PrefixRouting); false: Ipv4StaticRouting, which looks through them all",
                 prefixRouting);
    cmd.AddValue("topology",
                 "Control-plane topology: tree (clients behind edge routers) or star (each "
                 "client on its own link to the server)",
                 topology);
    cmd.Parse(argc, argv);
    if (topology != "tree" && topology != "star")
    {
        std::cerr << "pptp-bench: --topology must be tree or star, not '" << topology << "'\n";
        return 2;
    }
    if (!(hours > 0 && hours <= 1000))
    {
        std::cerr << "pptp-bench: --hours must be above 0 and at most 1000\n";
        return 2;
    }

    std::vector<PptpBenchmarkControlCase> control;
    std::vector<PptpBenchmarkDataCase> data;
    std::istringstream list(cases);
    std::string name;
    while (std::getline(list, name, ','))
    {
        unsigned a = 0;
        unsigned b = 0;
        char end = 0;
        PptpBenchmarkControlCase c;
        c.name = name;
        c.duration = Seconds(hours * 3600);
        c.clientsPerRouter = clientsPerRouter;
        c.interfaceTcp = interfaceTcp;
        c.prefixRouting = prefixRouting;
        c.star = topology == "star";
        if (std::sscanf(name.c_str(), "control-%u%c", &a, &end) == 1 && a > 0 && a <= 60000)
        {
            c.clients = a;
            control.push_back(c);
        }
        else if (std::sscanf(name.c_str(), "calls-%ux%u%c", &a, &b, &end) == 2 && a > 0 && b > 0
                 && a <= 1000 && b <= 60000)
        {
            c.clients = a;
            c.callsPerClient = b;
            control.push_back(c);
        }
        else if (name == "data")
        {
            data.emplace_back();
        }
        else
        {
            std::cerr << "pptp-bench: --cases: unknown case '" << name
                      << "' (control-N, calls-CxK or data)\n";
            return 2;
        }
    }

    bool ok = true;
    bool badCase = false;
    std::vector<ControlFigures> figures;
    if (!control.empty())
    {
        std::cout << "Control plane: " << Fixed(hours, 2)
                  << " simulated hour(s), 60 s keepalives, no data; wall = build + run\n";
        std::cout << std::left << std::setw(16) << "case" << std::right << std::setw(7) << "tunnels"
                  << std::setw(9) << "build s" << std::setw(9) << "run s" << std::setw(12)
                  << "events" << std::setw(11) << "Mevents/s" << std::setw(10) << "sim/wall"
                  << std::setw(9) << "peak MiB" << std::setw(9) << "KiB/tun" << std::setw(9)
                  << "echoes"
                  << "  torn down\n";
    }
    for (const auto& c : control)
    {
        std::string reply;
        ControlFigures f;
        f.name = c.name;
        auto run = [&c]()
        {
            return RunControlCase(c);
        };
        int status = InChild(run, reply);
        if (status != 0)
        {
            badCase = badCase || status == EXIT_BAD_CASE;
            std::cout << std::left << std::setw(16) << c.name
                      << (status == EXIT_BAD_CASE ? " not run (see above)\n"
                                                  : " FAILED (the run did not end)\n");
            ok = false;
            continue;
        }
        std::istringstream in(reply);
        in >> f.tunnels >> f.wall >> f.events >> f.simulated >> f.peakMiB >> f.kibPerTunnel >> f.ok;
        ok = ok && f.ok;
        figures.push_back(f);
    }

    // Scaling: the cost per tunnel of each control-plane case against the first one's.
    if (figures.size() > 1)
    {
        std::cout << "\nScaling (per tunnel, against " << figures[0].name << ")\n";
        std::cout << std::left << std::setw(16) << "case" << std::right << std::setw(9) << "tunnels"
                  << std::setw(14) << "wall ms/tun" << std::setw(9) << "x" << std::setw(14)
                  << "events/tun" << std::setw(9) << "x" << std::setw(11) << "KiB/tun"
                  << "\n";
        const ControlFigures& base = figures[0];
        double baseWall = base.wall / base.tunnels;
        double baseEvents = static_cast<double>(base.events) / base.tunnels;
        for (const auto& f : figures)
        {
            double wall = f.wall / f.tunnels;
            double events = static_cast<double>(f.events) / f.tunnels;
            std::cout << std::left << std::setw(16) << f.name << std::right << std::setw(9)
                      << f.tunnels << std::setw(14) << Fixed(wall * 1e3, 3) << std::setw(9)
                      << Fixed(wall / baseWall, 2) << std::setw(14) << Fixed(events, 0)
                      << std::setw(9) << Fixed(events / baseEvents, 2) << std::setw(11)
                      << Fixed(f.kibPerTunnel, 1) << "\n";
        }
    }

    for (const auto& c : data)
    {
        std::string reply;
        auto run = [&c]()
        {
            return RunDataCase(c);
        };
        ok = InChild(run, reply) == 0 && reply == "1" && ok;
    }
    return badCase ? EXIT_BAD_CASE : (ok ? 0 : 1);
}
