/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SCENARIO_H
#define PPTP_SCENARIO_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "pptp-scenario-config.h"
#include "pptp-scenario-metrics.h"

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

class ErrorModel;

/**
 * \ingroup pptp
 * One PPTP study, built from a PptpScenarioConfig, run, and written to a
 * results folder.
 *
 * Topology: client i (PNS, 10.X.Y.1 with X = 1 + i/256, Y = i%256) has its
 * own point-to-point access link to the server (PAC), or to a router that
 * reaches the server over a shared bottleneck link (172.31.0.0/24). A host
 * (172.30.0.2) sits behind the server on a fast LAN, the network each client
 * routes through its tunnels. Routing is static, set once (no global routing),
 * so that thousands of clients build in moments; the server hands out tunnel
 * addresses from 100.64.0.2 on.
 *
 * Loss: error models on both ends of the lossy access links. Faults: a link
 * going down (both ends' IPv4 interfaces down, as a cable pulled; its routes
 * come back with it) and total loss windows (every packet lost, interfaces
 * up). Traffic: each client, once it has a tunnel, sends to its own sink on
 * the host (port 20000 + i): a UDP on/off source, or a TCP bulk transfer
 * started anew each time the client's tunnel comes back (its address changes).
 *
 * Files written: tunnels.csv, timeline.csv, throughput.csv, clients.csv,
 * summary.json, summary.txt (summary lines of every control message),
 * events.csv (optional) and pcap/ (optional).
 */
class PptpScenario
{
  public:
    /// Receives the simulated time, the tunnels up and the tunnels wanted, now and then.
    using Progress = std::function<void(Time now, uint32_t up, uint32_t wanted)>;

    /// \param config the scenario
    explicit PptpScenario(const PptpScenarioConfig& config);
    ~PptpScenario();

    PptpScenario(const PptpScenario&) = delete;
    PptpScenario& operator=(const PptpScenario&) = delete;

    /**
     * Build the scenario, run it to its end, write its results and destroy the
     * simulation. ns-3 defaults it changes (TCP) are restored afterwards.
     * \param folder an existing folder for the results
     * \param parameters the options that made the scenario, for summary.json
     * \param progress called every 1/500 of the run (may be empty)
     * \throws std::runtime_error when a file cannot be written
     */
    void Run(const std::string& folder,
             const std::vector<std::pair<std::string, std::string>>& parameters,
             Progress progress = Progress());

    /// \return the figures of the run (after Run)
    PptpScenarioMetrics::Totals GetTotals() const;
    /// \return a few lines for a person to read (after Run)
    std::string GetText() const;

  private:
    /// A link faults can hit, and the static routes that go through it.
    struct Link
    {
        Ptr<Node> a;
        uint32_t interfaceA{0};
        Ptr<Node> b;
        uint32_t interfaceB{0};
        NetDeviceContainer devices;
        /// Routes to put back when the link comes up: node, network, mask, gateway, interface.
        std::vector<std::tuple<Ptr<Node>, Ipv4Address, Ipv4Mask, Ipv4Address, uint32_t>> routes;
        std::vector<Ptr<ErrorModel>> saved; //!< error models during a loss window
    };

    void BuildTopology();
    void InstallApplications(const std::string& folder);
    void ScheduleFaults();
    void SetLinkDown(bool down);
    void SetTotalLoss(bool lossy);
    void Sample();
    void ReportProgress();
    /// A client has a tunnel again: start its traffic (after the configured delay).
    static void ClientUp(PptpScenario* self, uint32_t client);
    void StartTraffic(uint32_t client);
    /// \return the links the faults hit
    std::vector<Link*> FaultedLinks();

    PptpScenarioConfig m_config;
    NodeContainer m_clients;
    NodeContainer m_server;
    NodeContainer m_host;
    NodeContainer m_router;
    std::vector<Link> m_access; //!< one per client
    Link m_bottleneck;
    std::vector<Ipv4Address> m_clientAddresses;
    std::vector<Ipv4Address> m_serverAddresses; //!< what each client connects to
    Ipv4Address m_hostAddress;
    std::vector<Ptr<Application>> m_onoff; //!< per client, once started
    std::unique_ptr<PptpScenarioMetrics> m_metrics;
    Progress m_progress;
    Time m_progressStep;
    std::string m_text;
};

} // namespace ns3

#endif /* PPTP_SCENARIO_H */
