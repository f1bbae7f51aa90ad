/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SCENARIO_CONFIG_H
#define PPTP_SCENARIO_CONFIG_H

#include "ns3/data-rate.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * A stretch of simulated time during which a fault is injected.
 */
struct PptpFaultWindow
{
    Time start;    //!< when the fault begins
    Time duration; //!< how long it lasts
};

/**
 * \ingroup pptp
 * Everything a PptpScenario is made of: the topology, the PPTP and PPP
 * settings, the calls, the traffic through the tunnels and the faults.
 * Defaults are those of a small scenario that runs in a second; the
 * scenario runner (pptp-sim) reads every field from its options.
 *
 * The topology is a star: each client (PNS) reaches the server (PAC) over
 * its own point-to-point access link, either directly or through a router
 * and a shared bottleneck link; a host behind the server, on a fast LAN,
 * receives the traffic that goes through the tunnels.
 */
struct PptpScenarioConfig
{
    /// Packet loss models of the access links.
    enum class LossModel
    {
        UNIFORM, //!< each packet is lost with the loss rate (ns3::RateErrorModel)
        BURST,   //!< bursts of 1..LossBurst packets, about the loss rate overall (BurstErrorModel)
    };

    /// How the loss rate is spread over the lossy clients.
    enum class LossProfile
    {
        SAME, //!< every lossy client's link has the loss rate
        RAMP, //!< from 0 on the first lossy client to the loss rate on the last
    };

    /// Traffic each client sends through its tunnel, to the host behind the server.
    enum class Traffic
    {
        NONE,  //!< control plane and PPP only
        ONOFF, //!< UDP on/off source (ns3::OnOffApplication)
        BULK,  //!< TCP bulk transfer (ns3::BulkSendApplication)
    };

    /// Which links the faults hit.
    enum class FaultLink
    {
        ACCESS,     //!< the access links of the first FaultClients clients
        BOTTLENECK, //!< the shared bottleneck link (every client)
    };

    /// PPP authentication the server asks for.
    enum class Auth
    {
        NONE,
        PAP,
        CHAP_MD5,
        MSCHAP_V2,
    };

    // Run.
    Time runTime{Seconds(300)};       //!< simulated time
    uint32_t seed{1};                 //!< ns-3 RNG seed
    uint64_t run{1};                  //!< ns-3 RNG run number
    Time sampleInterval{Seconds(10)}; //!< period of the time series (timeline, throughput)

    // Topology.
    uint32_t clients{4};                //!< client (PNS) nodes
    DataRate accessRate{10000000};      //!< access link rate
    Time accessDelay{MilliSeconds(20)}; //!< access link one-way delay
    uint32_t accessQueue{100};          //!< access link queue (packets)
    LossModel lossModel{LossModel::UNIFORM};
    double lossRate{0};    //!< packet loss on the lossy access links, both ways
    uint32_t lossBurst{4}; //!< BURST: longest burst (packets)
    LossProfile lossProfile{LossProfile::SAME};
    uint32_t lossClients{0};               //!< clients with lossy links, the first ones (0: all)
    bool bottleneck{false};                //!< clients reach the server through a shared link
    DataRate bottleneckRate{100000000};    //!< its rate
    Time bottleneckDelay{MilliSeconds(5)}; //!< its one-way delay
    uint32_t bottleneckQueue{100};         //!< its queue (packets)
    uint32_t serverMaxChannels{0};         //!< calls the server carries at once (0: no limit)

    // PPTP.
    Time echoInterval{Seconds(60)};   //!< control connection idle time before an Echo-Request
    Time echoTimeout{Seconds(60)};    //!< wait for the Echo-Reply
    uint32_t echoMisses{1};           //!< unanswered Echo-Requests before the peer is dead
    Time replyTimeout{Seconds(60)};   //!< wait for other expected replies
    Time pnsClearTimeout{Seconds(2)}; //!< a client's wait for CDN and Stop-Reply
    uint32_t greWindow{64};           //!< Packet Receive Window Size advertised
    bool dataPlane{true};             //!< PPP in GRE and a tunnel interface for each call
    uint32_t tcpRetries{6};           //!< TCP retransmissions before a connection fails
    bool tcpTimestamps{true};         //!< TCP timestamp option

    // PPP.
    Auth auth{Auth::MSCHAP_V2};       //!< authentication the server asks for
    Time lcpEchoInterval{Seconds(0)}; //!< LCP Echo-Request period (0: off)
    uint32_t lcpEchoFailure{4};       //!< unanswered LCP Echo-Requests before the link is down

    // Calls.
    uint32_t calls{1};                //!< calls (tunnels) per client
    Time callDuration{Seconds(0)};    //!< how long each is kept (0: until the end)
    Time startTime{Seconds(1)};       //!< when the clients start
    Time startSpread{Seconds(0)};     //!< clients start at random within this after startTime
    Time reconnectDelay{Seconds(10)}; //!< wait before reconnecting after a failure
    uint32_t reconnectAttempts{0};    //!< reconnections allowed per client

    // Traffic.
    Traffic traffic{Traffic::NONE};
    DataRate trafficRate{1000000}; //!< ONOFF: rate while on
    uint32_t packetSize{1000};     //!< bytes per send
    Time onTime{Seconds(1)};       //!< ONOFF: mean on period (exponential)
    Time offTime{Seconds(0)};      //!< ONOFF: mean off period (exponential; 0: always on)
    Time trafficStart{Seconds(0)}; //!< delay from a client's tunnel up to its traffic

    // Faults.
    FaultLink faultLink{FaultLink::ACCESS};
    uint32_t faultClients{0};                 //!< ACCESS: clients hit, the first ones (0: all)
    std::vector<PptpFaultWindow> linkDown;    //!< the links' interfaces go down
    std::vector<PptpFaultWindow> lossWindows; //!< the links lose every packet

    // Output.
    bool pcap{false};     //!< pcap of the server's links
    bool eventsCsv{true}; //!< events.csv of every PPTP event

    /// \return the clients whose access links are lossy
    uint32_t LossyClients() const;
    /// \param client a client index \return the loss rate of its access link
    double ClientLossRate(uint32_t client) const;
    /// \param client a client index \return true if the faults hit its path
    bool ClientFaulted(uint32_t client) const;
};

} // namespace ns3

#endif /* PPTP_SCENARIO_CONFIG_H */
