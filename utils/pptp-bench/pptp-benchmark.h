/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_BENCHMARK_H
#define PPTP_BENCHMARK_H

#include "ns3/data-rate.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <map>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * A control-plane benchmark case: clients (PNS), each with its own control
 * connection, place calls to one server (PAC), keep them for a while with
 * keepalives, then clear them and stop. No PPP and no data (DataPlane off).
 */
struct PptpBenchmarkControlCase
{
    std::string name{"control"};    //!< shown in the output
    uint32_t clients{100};          //!< client nodes, each with one control connection
    uint32_t callsPerClient{1};     //!< calls on each control connection
    Time duration{Hours(1)};        //!< how long the tunnels are kept (simulated)
    Time echoInterval{Seconds(60)}; //!< keepalive: idle time before an Echo-Request
    Time startSpread{Seconds(60)};  //!< the clients start evenly over this
    Time teardown{Seconds(30)};     //!< simulated time left after the clients stop
    bool interfaceTcp{true};        //!< the server has a TCP instance per interface
    uint32_t clientsPerRouter{0};   //!< clients behind each edge router (0: about sqrt(N/2))
    /// The server and the routers find routes with Ipv4PrefixRouting (one hash probe per
    /// prefix length in use); false: Ipv4StaticRouting (a look through every route)
    bool prefixRouting{true};
    /// Star: each client on its own link to the server, no routers (pptp-sim's topology)
    bool star{false};
};

/**
 * \ingroup pptp
 * What a control-plane case did and what it cost.
 */
struct PptpBenchmarkControlResult
{
    uint32_t clients{0};       //!< client nodes
    uint32_t tunnelsWanted{0}; //!< clients x calls
    uint32_t routers{0};       //!< edge routers of the tree
    // Correctness, counted through the applications' trace sources.
    uint32_t connectionsUp{0};                  //!< client control connections established
    uint32_t connectionsDown{0};                //!< client control connections closed
    uint32_t connectionsStopped{0};             //!< of those, closed by the client's own stop
    uint32_t callsUp{0};                        //!< calls established (client side)
    uint32_t callsDown{0};                      //!< calls ended (client side)
    uint32_t serverCallsUp{0};                  //!< calls established (server side)
    uint32_t serverCallsDown{0};                //!< calls ended (server side)
    uint32_t serverConnectionsDown{0};          //!< server control connections closed
    uint64_t echoRequests{0};                   //!< Echo-Requests sent, both sides
    uint64_t messages{0};                       //!< control messages sent, both sides
    uint64_t drops{0};                          //!< bytes or messages dropped, both sides
    std::map<std::string, uint32_t> downCauses; //!< client-side call down causes
    // Cost.
    double buildSeconds{0};     //!< wall time to build the topology and applications
    double runSeconds{0};       //!< wall time of Simulator::Run
    uint64_t events{0};         //!< simulator events executed
    double simulatedSeconds{0}; //!< simulated time covered
    uint64_t rssBeforeBytes{0}; //!< resident memory before building
    uint64_t rssPeakBytes{0};   //!< peak resident memory of the process so far
    uint64_t nodes{0};          //!< nodes built

    /// \return true if every tunnel came up and was torn down by its client (calls
    ///         cleared, control connections stopped), with nothing dropped
    bool AllTornDown() const;
};

/**
 * \ingroup pptp
 * A data-plane benchmark case: the same TCP bulk transfer and UDP stream
 * cross the same links twice, once through a PPTP tunnel and once as plain
 * IP, one after the other in one run, so that the cost of a tunneled packet
 * can be compared with that of the same packet untunneled.
 */
struct PptpBenchmarkDataCase
{
    std::string name{"data"};          //!< shown in the output
    DataRate accessRate{100000000};    //!< client - server link
    Time accessDelay{MilliSeconds(5)}; //!< its one-way delay
    Time window{Seconds(10)};          //!< how long each flow sends
    Time drain{Seconds(2)};            //!< quiet time after each flow
    /// GRE receive window both ends advertise. One-way traffic gets its acknowledgements
    /// alone, AckDelay (0.5 s) late: a window of W packets carries at most 2W packets/s.
    uint32_t greWindow{1024};
    DataRate udpRate{8000000}; //!< UDP stream rate (1000 packets/s of 1000 bytes)
    uint32_t udpSize{1000};    //!< UDP payload bytes
};

/**
 * \ingroup pptp
 * The cost of one flow over one window.
 */
struct PptpBenchmarkFlowCost
{
    uint64_t packets{0};   //!< data packets delivered to the sink
    uint64_t events{0};    //!< simulator events in the window and its drain
    double wallSeconds{0}; //!< wall time of the window and its drain

    /// \return events per delivered packet
    double EventsPerPacket() const;
    /// \return wall microseconds per delivered packet
    double MicrosPerPacket() const;
};

/**
 * \ingroup pptp
 * What a data-plane case measured.
 */
struct PptpBenchmarkDataResult
{
    bool tunnelUp{false};            //!< the tunnel was up before the windows began
    PptpBenchmarkFlowCost tcpPlain;  //!< TCP bulk, no tunnel
    PptpBenchmarkFlowCost tcpTunnel; //!< TCP bulk, through the tunnel
    PptpBenchmarkFlowCost udpPlain;  //!< UDP, no tunnel
    PptpBenchmarkFlowCost udpTunnel; //!< UDP, through the tunnel
    uint64_t events{0};              //!< simulator events in all
    double runSeconds{0};            //!< wall time of Simulator::Run
    uint64_t rssPeakBytes{0};        //!< peak resident memory of the process so far
};

/**
 * \ingroup pptp
 * The cases of pptp-bench, built and run in the calling process (one case
 * per process gives a meaningful peak memory figure).
 *
 * The control-plane topology is a two-level tree so that nothing in the set
 * up or in a packet's path grows faster than sqrt(N) with N clients: the
 * server has one link to each of about sqrt(2N) edge routers, each router
 * about sqrt(N/2) clients on links of their own; routes are static (each client a default
 * route, each router and the server only its connected networks), and the
 * server has a TCP instance per interface (InterfaceTcpHelper).
 */
class PptpBenchmark
{
  public:
    /**
     * Run a control-plane case: build it, run it, count.
     * \param c the case
     * \return what it did and cost
     */
    static PptpBenchmarkControlResult RunControl(const PptpBenchmarkControlCase& c);

    /**
     * Run a data-plane case.
     * \param c the case
     * \return what it measured
     */
    static PptpBenchmarkDataResult RunData(const PptpBenchmarkDataCase& c);

    /// \return the resident memory of this process now, in bytes (0 if unknown)
    static uint64_t CurrentRss();
    /// \return the peak resident memory of this process, in bytes (0 if unknown)
    static uint64_t PeakRss();
};

} // namespace ns3

#endif /* PPTP_BENCHMARK_H */
