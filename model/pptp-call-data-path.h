/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CALL_DATA_PATH_H
#define PPTP_CALL_DATA_PATH_H

#include "ns3/ipv4-address.h"
#include "ns3/object-factory.h"
#include "ns3/object.h"
#include "ppp-session.h"
#include "pptp-tunnel.h"

#include <functional>
#include <vector>

namespace ns3
{

class Node;
class PptpGreChannel;

/**
 * \ingroup pptp
 * The data path of one call, which the call owns: its GRE channel (from the
 * moment the call has a Call ID), the PPP session over it (once the call is
 * up), the tunnel interface (once IPCP is up) and, on a PAC, the tunnel
 * address leased to the peer from the server's pool (given back when the
 * path stops).
 *
 * It wires them together and passes on what PPP reports; what that means for
 * the call (a Set-Link-Info, a clear, a cause in the traces) is the call's
 * business.
 */
class PptpCallDataPath : public Object
{
  public:
    /// What the data path reports to its call.
    struct Owner
    {
        /// LCP is up: the send and receive ACCM it agreed.
        std::function<void(uint32_t, uint32_t)> linkUp;
        /// IPCP is up (told once the packet that opened it has been handled).
        std::function<void()> ipUp;
        /// PPP went down, and why.
        std::function<void(PppDownReason)> pppDown;
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpCallDataPath();
    ~PptpCallDataPath() override;

    /**
     * Make the call's GRE channel and register it for the call's Call ID, so that frames the
     * peer sends before the call is up are kept.
     * \param channelFactory makes the channel
     * \param node the node
     * \param localAddress this side's address on the control connection
     * \param peerAddress the peer's
     * \param localCallId this side's Call ID
     * \param owner what to tell the call
     */
    void Setup(const ObjectFactory& channelFactory,
               Ptr<Node> node,
               Ipv4Address localAddress,
               Ipv4Address peerAddress,
               uint16_t localCallId,
               Owner owner);

    /**
     * Lease the peer's tunnel address (PAC), for as long as the path runs.
     * \param allocate gives a pool address (0.0.0.0: none left)
     * \param release takes it back
     * \return false if none is left
     */
    bool LeaseAddress(const std::function<Ipv4Address()>& allocate,
                      std::function<void(Ipv4Address)> release);

    /**
     * The call is up: connect the channel to the peer and start PPP over it.
     * \param pppFactory makes the PPP session
     * \param pppRandom what it draws from (null: a variable of its own)
     * \param authenticator true on the PAC side (it authenticates the peer, gives its address)
     * \param localTunnelAddress the PAC's tunnel address (a PNS lets the PAC choose its own)
     * \param peerCallId the peer's Call ID
     * \param peerWindow the peer's Packet Receive Window Size
     * \param peerProcessingDelay the peer's Packet Processing Delay
     */
    void Start(const ObjectFactory& pppFactory,
               Ptr<UniformRandomVariable> pppRandom,
               bool authenticator,

               Ipv4Address localTunnelAddress,
               uint16_t peerCallId,
               uint16_t peerWindow,
               uint16_t peerProcessingDelay);

    /**
     * Bring the tunnel interface up with what IPCP agreed (again, when IPCP renegotiated).
     * \param routes networks routed through it
     * \return true if the interface was already up (a renegotiation), false if it came up now
     */
    bool OpenTunnel(const std::vector<PptpTunnel::Route>& routes);

    /// \return true if the tunnel interface was up (it is down now)
    bool CloseTunnel();

    /// \return true while PPP runs (started and not down)
    bool IsPppRunning() const;
    /// \return true while IPCP is open
    bool IsIpUp() const;

    /**
     * End PPP politely (LCP Terminate-Request/Ack), then call \p done.
     * \param done called once PPP is down
     */
    void TerminatePpp(std::function<void()> done);

    /// Stop everything at once: PPP, the channel; the leased address goes back.
    void Stop();

    /// \return the GRE channel (null without data plane)
    Ptr<PptpGreChannel> GetChannel() const;
    /// \return the PPP session (null until the call is up)
    Ptr<PppSession> GetPppSession() const;
    /// \return the tunnel (null until IPCP was up)
    Ptr<PptpTunnel> GetTunnel() const;
    /// \return the address leased to the peer (0.0.0.0: none)
    Ipv4Address GetLeasedAddress() const;

  private:
    void DoDispose() override;

    void LinkUp(uint32_t sendAccm, uint32_t receiveAccm);
    void IpUp(Ipv4Address local, Ipv4Address peer, uint16_t mtu);
    /// IPCP's news, after the packet that opened it.
    void IpUpAfterPacket();
    void PppDown(PppDownReason reason);
    void PppTerminated();
    void ReleaseAddress();

    Owner m_owner;
    Ptr<Node> m_node;
    Ptr<PptpGreChannel> m_channel;
    Ptr<PppSession> m_session;
    Ptr<PptpTunnel> m_tunnel;
    Ipv4Address m_tunnelLocal;                         //!< what IPCP agreed, for the tunnel
    Ipv4Address m_tunnelPeer;                          //!< likewise
    uint16_t m_mtu{0};                                 //!< likewise
    Ipv4Address m_leased{Ipv4Address::GetAny()};       //!< PAC: the peer's pool address
    std::function<void(Ipv4Address)> m_releaseAddress; //!< gives it back
    std::function<void()> m_terminated;                //!< after TerminatePpp
};

} // namespace ns3

#endif /* PPTP_CALL_DATA_PATH_H */
