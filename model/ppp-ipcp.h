/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_IPCP_H
#define PPP_IPCP_H

#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ppp-fsm.h"

#include <functional>
#include <memory>

namespace ns3
{

/**
 * \ingroup pptp
 * The IP Control Protocol of RFC 1332 as a PPTP link uses it: the
 * authenticator (the PAC) gives the peer its address (it Naks what the peer
 * asks for with the address it is to have) and asks for its own; the peer
 * asks for 0.0.0.0, takes what it is given and acknowledges the
 * authenticator's address. Compression and DNS options are rejected.
 */
class PppIpcp
{
  public:
    /// What IPCP is configured with.
    struct Config
    {
        bool authenticator{false}; //!< this side assigns the addresses
        Ipv4Address localAddress;  //!< authenticator: its own; peer: what it asks for
        Ipv4Address peerAddress;   //!< authenticator: what the peer is to have
        Time restart;              //!< the restart timer
        uint32_t maxConfigure{10}; //!< Configure-Requests in all before giving up
    };

    /// What IPCP tells its session.
    struct Handler
    {
        /// Send an IPCP packet.
        std::function<void(const PppControlPacket&)> send;
        /// IPCP is up.
        std::function<void()> up;
        /// IPCP finished, and why.
        std::function<void(PppFsm::Finish)> finished;
        /// The automaton changed state (old, new).
        std::function<void(PppFsm::State, PppFsm::State)> stateChanged;
        /// The peer's MRU (a Code-Reject is cut to it).
        std::function<uint16_t()> peerMru;
    };

    /**
     * \param config what to negotiate
     * \param handler what to tell the session
     */
    PppIpcp(const Config& config, Handler handler);

    /// The link starts: IPCP is opened, and waits for the network phase.
    void Open();
    /// The network phase begins (authentication is done): the first request goes out.
    void Up();
    /// LCP left Opened: the network layer goes down with it.
    void Down();
    /// Stop at once, telling the peer nothing.
    void Abort();
    /// The peer rejected IPCP (LCP Protocol-Reject).
    void ProtocolRejected();
    /// \param packet an IPCP packet from the peer (discarded before the network phase)
    void Receive(const PppControlPacket& packet);

    /// \return the automaton's state
    PppFsm::State GetState() const;
    /// \return true when IPCP is open
    bool IsOpened() const;
    /// \return this side's address (what was agreed, once open)
    Ipv4Address GetLocalAddress() const;
    /// \return the peer's address (what was agreed, once open)
    Ipv4Address GetPeerAddress() const;

  private:
    std::vector<PppOption> BuildRequest();
    uint8_t CheckRequest(const std::vector<PppOption>& request,
                         bool rejectInsteadOfNak,
                         std::vector<PppOption>& reply);
    void Naked(const std::vector<PppOption>& options);

    Config m_config;
    Handler m_handler;
    std::unique_ptr<PppFsm> m_fsm;
};

} // namespace ns3

#endif /* PPP_IPCP_H */
