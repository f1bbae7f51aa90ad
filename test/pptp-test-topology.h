/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TEST_TOPOLOGY_H
#define PPTP_TEST_TOPOLOGY_H

// A star of point-to-point links for the control-plane tests: one server
// (PAC) node, any number of client (PNS) nodes, each on its own link with its
// own error model, and a recorder of every control message sent.

#include "ns3/application.h"
#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/error-model.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/pptp-control-connection.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <functional>
#include <vector>

namespace ns3
{
namespace pptptest
{

/// Calls a function object (what ScheduleCall schedules).
inline void
InvokeFunction(std::function<void()> f)
{
    f();
}

/**
 * Schedule a function object, a lambda say, `delay` from now. waf-era ns-3 (3.35 and
 * earlier) cannot schedule a lambda itself; through a plain function it can.
 * \param delay when, from now
 * \param f what to call
 * \return the event
 */
inline EventId
ScheduleCall(Time delay, std::function<void()> f)
{
    return Simulator::Schedule(delay, &InvokeFunction, f);
}

/**
 * For the tests of the control plane alone: calls carry no PPP while it
 * lives (the data plane has tests of its own), then the default is restored.
 */
class ControlPlaneOnly
{
  public:
    ControlPlaneOnly()
    {
        Config::SetDefault("ns3::PptpControlConnection::DataPlane", BooleanValue(false));
    }

    ~ControlPlaneOnly()
    {
        Config::SetDefault("ns3::PptpControlConnection::DataPlane", BooleanValue(true));
    }
};

/// One control message as it went on the wire.
struct SentMessage
{
    Time time;                  //!< when it was sent
    Ipv4Address source;         //!< sender
    Ipv4Address destination;    //!< receiver
    PptpControlMessage message; //!< the message
};

/// Records every message the applications it is connected to send.
class MessageLog
{
  public:
    /// \param app a PptpClient or PptpServer
    void Watch(Ptr<Application> app)
    {
        app->TraceConnectWithoutContext("Tx", MakeCallback(&MessageLog::Sent, this));
    }

    /// \return the messages, in sending order
    const std::vector<SentMessage>& Get() const
    {
        return m_sent;
    }

    /// \param type a message type \return how many of that type were sent
    uint32_t Count(PptpMessageType type) const
    {
        uint32_t n = 0;
        for (const auto& s : m_sent)
        {
            n += s.message.GetMessageType() == type ? 1 : 0;
        }
        return n;
    }

    /// \param type a message type \param source its sender \return how many were sent
    uint32_t Count(PptpMessageType type, Ipv4Address source) const
    {
        uint32_t n = 0;
        for (const auto& s : m_sent)
        {
            n += s.message.GetMessageType() == type && s.source == source ? 1 : 0;
        }
        return n;
    }

  private:
    void Sent(Ptr<const PptpControlConnection> c, const PptpControlMessage& m)
    {
        m_sent.push_back({Simulator::Now(), c->GetLocalAddress(), c->GetPeerAddress(), m});
    }

    std::vector<SentMessage> m_sent; //!< everything sent
};

/**
 * Node 0 is the server; nodes 1..N are clients, client i on link i with
 * addresses 10.(i/250).(i%250).1 (client) and .2 (server side).
 */
struct StarTopology
{
    NodeContainer server;                     //!< the PAC
    NodeContainer clients;                    //!< the PNSs
    std::vector<NetDeviceContainer> links;    //!< [client device, server device] per client
    std::vector<Ipv4Address> clientAddresses; //!< per client
    std::vector<Ipv4Address> serverAddresses; //!< the server's address on each link

    /**
     * \param nClients how many clients
     * \param delay one-way delay of every link
     */
    StarTopology(uint32_t nClients, Time delay = MilliSeconds(5))
    {
        server.Create(1);
        clients.Create(nClients);
        InternetStackHelper internet;
        internet.Install(server);
        internet.Install(clients);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
        p2p.SetChannelAttribute("Delay", TimeValue(delay));
        for (uint32_t i = 0; i < nClients; ++i)
        {
            NetDeviceContainer devices = p2p.Install(clients.Get(i), server.Get(0));
            links.push_back(devices);
            std::ostringstream base;
            base << "10." << (i / 250) << "." << (i % 250) << ".0";
            Ipv4AddressHelper address(base.str().c_str(), "255.255.255.0");
            Ipv4InterfaceContainer interfaces = address.Assign(devices);
            clientAddresses.push_back(interfaces.GetAddress(0));
            serverAddresses.push_back(interfaces.GetAddress(1));
        }
    }

    /**
     * Give both ends of a client's link a packet error model.
     * \param client the client index
     * \return the two error models (client side, server side), rate 0 until set
     */
    std::pair<Ptr<RateErrorModel>, Ptr<RateErrorModel>> AddLoss(uint32_t client)
    {
        Ptr<RateErrorModel> a = CreateObject<RateErrorModel>();
        Ptr<RateErrorModel> b = CreateObject<RateErrorModel>();
        for (auto& e : {a, b})
        {
            e->SetUnit(RateErrorModel::ERROR_UNIT_PACKET);
            e->SetRate(0);
        }
        links[client].Get(0)->SetAttribute("ReceiveErrorModel", PointerValue(a));
        links[client].Get(1)->SetAttribute("ReceiveErrorModel", PointerValue(b));
        return {a, b};
    }
};

} // namespace pptptest
} // namespace ns3

#endif /* PPTP_TEST_TOPOLOGY_H */
