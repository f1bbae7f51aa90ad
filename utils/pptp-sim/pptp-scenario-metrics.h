/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SCENARIO_METRICS_H
#define PPTP_SCENARIO_METRICS_H

#include "ns3/callback.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/nstime.h"
#include "ns3/pptp-call.h"
#include "ns3/pptp-drop-reason.h"
#include "ns3/ptr.h"
#include "pptp-scenario-config.h"

#include <cstdint>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class Ipv4;
class Ipv4Header;
class NetDevice;
class Node;
class Packet;
class PacketSink;
class PptpClient;
class PptpControlConnection;
class PptpControlMessage;
class PptpServer;

/**
 * \ingroup pptp
 * Count, mean and quantiles of a set of samples (seconds, bit/s, ...).
 */
struct PptpDistribution
{
    uint64_t count{0}; //!< samples
    double mean{0};    //!< their mean (NaN without samples)
    double min{0};     //!< smallest
    double p50{0};     //!< median (nearest rank)
    double p90{0};     //!< 90th percentile
    double p99{0};     //!< 99th percentile
    double max{0};     //!< largest

    /// \param samples the samples (any order) \return their distribution
    static PptpDistribution Of(std::vector<double> samples);
};

/**
 * \ingroup pptp
 * Measures a PptpScenario from the traces of its applications, nodes and
 * links: every tunnel a client attempts and what became of it, set-up
 * latencies, tunnels lost and why, the time each side took to declare a
 * dead peer after a fault, control and GRE bytes, goodput, and drops by
 * reason. It writes the time series as the simulation runs and the summary
 * at the end.
 *
 * A tunnel is one call a client asks for. It is attempted when the client
 * places it (or would have: a TCP connection to the server that cannot be
 * opened counts as a failed attempt for each call it was to carry), up when
 * its tunnel interface comes up (IPCP; the call itself without data plane),
 * failed if it ends before that, lost if it goes down for any cause other
 * than local-stop and call-clear. Dead-peer detection is the time from the
 * start of a fault on a client's path to the moment a side ends a tunnel
 * that was up when the fault began, with cause keepalive-timeout,
 * tcp-failure or ppp-down.
 */
class PptpScenarioMetrics
{
  public:
    /**
     * \param config the scenario
     * \param clientAddresses each client's address on its access link
     */
    PptpScenarioMetrics(const PptpScenarioConfig& config,
                        const std::vector<Ipv4Address>& clientAddresses);

    /**
     * Write the time series to these streams as the simulation runs (any may be null).
     * \param tunnels tunnels.csv: time,client,call_id,event,setup_s,cause
     * \param timeline timeline.csv: time,tunnels_up,connections_up,goodput_bps
     * \param throughput throughput.csv: time,client,goodput_bps
     */
    void SetStreams(std::ostream* tunnels, std::ostream* timeline, std::ostream* throughput);

    /// \param client a client index \param app its PptpClient
    void WatchClient(uint32_t client, Ptr<PptpClient> app);
    /// \param app the PptpServer
    void WatchServer(Ptr<PptpServer> app);
    /// \param node a node: IP drops, GRE drops and, if pptp, the PPTP bytes it sends
    /// \param pptp true for clients and the server
    void WatchNode(Ptr<Node> node, bool pptp);
    /// \param device a point-to-point device: losses on its link and queue overflows
    void WatchDevice(Ptr<NetDevice> device);
    /// \param client a client index \param sink the sink of its traffic, at the host
    void SetSink(uint32_t client, Ptr<PacketSink> sink);
    /// \param client a client index \param start when it starts (tunnel-time is wanted from then)
    void SetClientStart(uint32_t client, Time start);

    /**
     * Called when a client's first tunnel comes up and when its last goes down.
     * \param up receives the client index when it has a tunnel again
     * \param down receives the client index when it has none left
     */
    void SetClientCallbacks(Callback<void, uint32_t> up, Callback<void, uint32_t> down);

    /**
     * A fault begins (the scenario calls this at its start time).
     * \param kind "link-down" or "loss-window"
     * \param window when
     */
    void FaultBegins(const std::string& kind, PptpFaultWindow window);

    /// Write a row of the time series (called every sample interval).
    void Sample();
    /// The simulation is over: account for what is still up.
    void Finish();

    /// \return tunnels up now
    uint32_t GetTunnelsUp() const;
    /// \param client a client index \return its tunnels up now
    uint32_t GetTunnelsUp(uint32_t client) const;
    /// \return tunnels the clients want (clients x calls)
    uint32_t GetTunnelsWanted() const;

    /**
     * Write summary.json.
     * \param os where
     * \param parameters the scenario's options and their values
     */
    void WriteSummary(std::ostream& os,
                      const std::vector<std::pair<std::string, std::string>>& parameters) const;
    /// \param os where to write clients.csv, one row per client
    void WriteClients(std::ostream& os) const;
    /// \param os where to write a few lines for a person to read
    void WriteText(std::ostream& os) const;

    /// The figures of a run, as summary.json gives them.
    struct Totals
    {
        uint64_t attempted{0};   //!< tunnels attempted
        uint64_t established{0}; //!< came up
        uint64_t failed{0};      //!< ended before coming up
        uint64_t pending{0};     //!< neither, at the end
        uint64_t lost{0};        //!< went down, cause other than local-stop and call-clear
        uint64_t closed{0};      //!< went down with local-stop or call-clear
        uint64_t upAtEnd{0};     //!< still up at the end
        double availability{0};  //!< tunnel-time up / tunnel-time wanted
        std::map<std::string, uint64_t> failedBy; //!< by cause
        std::map<std::string, uint64_t> lostBy;   //!< by cause
        PptpDistribution setup;                   //!< set-up latency (s)
        PptpDistribution detectionPns;            //!< dead peer detection, client side (s)
        PptpDistribution detectionPac;            //!< dead peer detection, server side (s)
        uint64_t detectionsWithoutFault{0};       //!< keepalive/TCP/PPP failures with no fault
        uint64_t goodputBytes{0};                 //!< bytes received through the tunnels
        double goodputBps{0};                     //!< over the run, from the clients' start
        PptpDistribution clientGoodput;           //!< per client (bit/s)
    };

    /// \return the figures (after Finish)
    Totals GetTotals() const;

  private:
    /// A tunnel a client attempted.
    struct Tunnel
    {
        uint32_t client{0};
        uint16_t callId{0};
        Time placed;
        Time up{Seconds(-1)};
        bool isUp{false};
        bool ended{false};
        std::string cause;
    };

    /// What one client did.
    struct Client
    {
        Ipv4Address address;
        double lossRate{0};
        bool faulted{false};
        uint32_t tunnelsUp{0};
        uint64_t attempted{0};
        uint64_t established{0};
        uint64_t failed{0};
        uint64_t lost{0};
        Time start;  //!< when the client starts
        Time upTime; //!< tunnel-time up, accumulated
        std::vector<double> setup;
        std::vector<double> detectPns;
        std::vector<double> detectPac;
        Ptr<PacketSink> sink;
        uint64_t lastRx{0};        //!< sink bytes at the last sample
        Time firstUp{Seconds(-1)}; //!< when its first tunnel came up
    };

    /// A fault, as it hits the tunnels.
    struct Fault
    {
        std::string kind;
        PptpFaultWindow window;
        uint64_t hit{0};  //!< client tunnels up when it began
        uint64_t lost{0}; //!< of those, ended by a detection it caused (client side)
    };

    // Trace sinks (static, with the bound arguments first, as MakeBoundCallback binds them).
    static void CallState(PptpScenarioMetrics* self,
                          uint32_t client,
                          Ptr<const PptpCall> call,
                          PptpCall::State from,
                          PptpCall::State to);
    static void TunnelUp(PptpScenarioMetrics* self,
                         uint32_t client,
                         Ptr<const PptpCall> call,
                         Time latency);
    static void CallUp(PptpScenarioMetrics* self,
                       uint32_t client,
                       Ptr<const PptpCall> call,
                       Time latency);
    static void TunnelDown(PptpScenarioMetrics* self,
                           uint32_t client,
                           Ptr<const PptpCall> call,
                           PptpDownCause cause);
    static void CallDown(PptpScenarioMetrics* self,
                         uint32_t client,
                         Ptr<const PptpCall> call,
                         PptpDownCause cause);
    static void ServerCallDown(PptpScenarioMetrics* self,
                               Ptr<const PptpCall> call,
                               PptpDownCause cause);
    static void ServerCallState(PptpScenarioMetrics* self,
                                Ptr<const PptpCall> call,
                                PptpCall::State from,
                                PptpCall::State to);
    static void ConnectFailed(PptpScenarioMetrics* self, uint32_t client, Ipv4Address server);
    static void Established(PptpScenarioMetrics* self,
                            Ptr<const PptpControlConnection> connection,
                            PptpDownCause cause);
    static void Closed(PptpScenarioMetrics* self,
                       Ptr<const PptpControlConnection> connection,
                       PptpDownCause cause);
    static void ControlTx(PptpScenarioMetrics* self,
                          Ptr<const PptpControlConnection> connection,
                          const PptpControlMessage& message);
    static void ControlDrop(PptpScenarioMetrics* self,
                            Ptr<const PptpControlConnection> connection,
                            PptpControlDropReason reason,
                            PptpDecodeError error,
                            const std::string& detail);
    static void ChannelDrop(PptpScenarioMetrics* self,
                            Ptr<const Packet> packet,
                            PptpGreDropReason reason);
    static void GreDrop(PptpScenarioMetrics* self,
                        Ptr<const Packet> packet,
                        Ipv4Address source,
                        PptpGreDropReason reason,
                        PptpDecodeError error);
    static void IpTx(PptpScenarioMetrics* self,
                     Ptr<const Packet> packet,
                     Ptr<Ipv4> ipv4,
                     uint32_t interface);
    static void IpDrop(PptpScenarioMetrics* self,
                       const Ipv4Header& header,
                       Ptr<const Packet> packet,
                       Ipv4L3Protocol::DropReason reason,
                       Ptr<Ipv4> ipv4,
                       uint32_t interface);
    static void DeviceDrop(PptpScenarioMetrics* self, std::string reason, Ptr<const Packet> packet);

    /// \return the tunnel of a call, created (attempted) on first sight
    Tunnel& Track(uint32_t client, Ptr<const PptpCall> call);
    /// A tunnel comes up.
    void MarkUp(uint32_t client, Ptr<const PptpCall> call, Time latency);
    /// A tunnel goes down or fails.
    void MarkDown(uint32_t client, Ptr<const PptpCall> call, PptpDownCause cause);
    /// A tunnel row of tunnels.csv.
    void TunnelRow(uint32_t client,
                   int callId,
                   const std::string& event,
                   double setup,
                   const std::string& cause);
    /// \return the fault a detection at now, of a tunnel up since upSince, is due to (-1: none)
    int Attribute(uint32_t client, Time upSince) const;
    /// Count a drop.
    void Drop(const std::string& reason);
    /// Connect a channel's drops (once per channel).
    void WatchChannel(Ptr<const PptpCall> call);

    PptpScenarioConfig m_config;
    std::vector<Client> m_clients;
    std::vector<Ptr<PptpClient>> m_clientApps;
    std::map<uint32_t, uint32_t> m_clientByAddress; //!< access address -> client index
    std::vector<Tunnel> m_tunnels;
    std::map<const PptpCall*, std::pair<Ptr<const PptpCall>, size_t>> m_active; //!< live calls
    std::set<const void*> m_watchedChannels;
    std::vector<Fault> m_faults;
    uint32_t m_tunnelsUp{0};
    std::set<const PptpControlConnection*> m_connectionsUp; //!< client side, established
    uint64_t m_connectFailed{0};
    uint64_t m_connectionsEstablished{0};
    std::map<std::string, uint64_t> m_connectionsClosedBy;
    uint64_t m_controlMessages{0};
    uint64_t m_controlBytes{0};
    uint64_t m_controlIpPackets{0};
    uint64_t m_controlIpBytes{0};
    uint64_t m_greIpPackets{0};
    uint64_t m_greIpBytes{0};
    std::map<std::string, uint64_t> m_drops;
    uint64_t m_detectionsWithoutFault{0};
    std::vector<double> m_detectPns;
    std::vector<double> m_detectPac;
    Time m_lastSample;
    Time m_end;
    bool m_finished{false};
    std::ostream* m_tunnelsCsv{nullptr};
    std::ostream* m_timelineCsv{nullptr};
    std::ostream* m_throughputCsv{nullptr};
    Callback<void, uint32_t> m_clientUp;
    Callback<void, uint32_t> m_clientDown;
};

} // namespace ns3

#endif /* PPTP_SCENARIO_METRICS_H */
