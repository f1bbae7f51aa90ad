/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_LCP_H
#define PPP_LCP_H

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"
#include "ppp-auth.h"
#include "ppp-fsm.h"

#include <functional>
#include <memory>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * The Link Control Protocol of RFC 1661: the options it negotiates (MRU,
 * ACCM, the authentication protocol, the magic number, protocol and
 * address/control field compression), what the peer asked for, LCP Echo as
 * pppd's lcp-echo-interval and lcp-echo-failure have it, and Protocol-Reject
 * both ways. The negotiation itself is PppFsm's.
 */
class PppLcp
{
  public:
    /// What LCP is configured with.
    struct Config
    {
        bool authenticator{false};           //!< this side authenticates the peer
        uint16_t mru{1400};                  //!< the MRU to ask for
        PppAuthProtocol auth{PPP_AUTH_NONE}; //!< authenticator: the protocol to ask for
        bool requestCompression{true};       //!< ask for PFC and ACFC
        Time echoInterval;                   //!< LCP Echo-Request period (0: none)
        uint32_t echoFailure{4};             //!< unanswered echoes that end the link
        Time restart;                        //!< the restart timer
        uint32_t maxConfigure{10};           //!< Configure-Requests in all before giving up
    };

    /// What LCP tells its session.
    struct Handler
    {
        /// Send an LCP packet.
        std::function<void(const PppControlPacket&)> send;
        /// LCP is up (This-Layer-Up).
        std::function<void()> up;
        /// LCP left Opened (This-Layer-Down): the network layer goes down.
        std::function<void()> down;
        /// LCP finished, and why.
        std::function<void(PppFsm::Finish)> finished;
        /// The peer asked to terminate the link.
        std::function<void()> peerTerminating;
        /// The peer rejected a protocol (Protocol-Reject).
        std::function<void(uint16_t)> protocolRejected;
        /// LCP Echo-Requests went unanswered: the link is dead.
        std::function<void()> echoFailed;
        /// The automaton changed state (old, new).
        std::function<void(PppFsm::State, PppFsm::State)> stateChanged;
    };

    /**
     * \param config what to negotiate
     * \param random the session's random stream (magic numbers)
     * \param handler what to tell the session
     */
    PppLcp(const Config& config, Ptr<UniformRandomVariable> random, Handler handler);

    /// Open LCP on a lower layer that is up: the first Configure-Request goes out.
    void Start();
    /// Close the link (Terminate-Request).
    void Close();
    /// Stop at once, telling the peer nothing.
    void Abort();
    /// \param packet an LCP packet from the peer
    void Receive(const PppControlPacket& packet);

    /// Start the LCP echoes (pppd sends the first as LCP opens, before authentication).
    void StartEcho();
    /// Stop them.
    void StopEcho();

    /**
     * Answer a frame of a protocol not spoken here with a Protocol-Reject (once LCP is open).
     * \param protocol the protocol
     * \param information the frame's contents (cut to the peer's MRU)
     */
    void SendProtocolReject(uint16_t protocol, const std::vector<uint8_t>& information);

    /// \return the automaton's state
    PppFsm::State GetState() const;
    /// \return true when LCP is open
    bool IsOpened() const;
    /// \return the MRU the peer asked for (what this side may send)
    uint16_t GetPeerMru() const;
    /// \return the ACCM the peer asked for (this side's send ACCM)
    uint32_t GetPeerAccm() const;
    /// \return the ACCM this side asked for (its receive ACCM)
    uint32_t GetLocalAccm() const;
    /// \return true if the peer accepted PFC and ACFC from this side: frames go compressed
    bool IsCompressing() const;
    /// \return the protocol in force: the one asked for (authenticator) or asked of us (peer)
    PppAuthProtocol GetAuthProtocol() const;
    /// \return LCP Echo-Requests unanswered in a row
    uint32_t GetEchoMisses() const;

  private:
    std::vector<PppOption> BuildRequest();
    uint8_t CheckRequest(const std::vector<PppOption>& request,
                         bool rejectInsteadOfNak,
                         std::vector<PppOption>& reply);
    void Naked(const std::vector<PppOption>& options);
    void Rejected(const std::vector<PppOption>& options);
    bool OtherCode(const PppControlPacket& packet);
    void SendEcho();

    Config m_config;
    Ptr<UniformRandomVariable> m_random;
    Handler m_handler;
    std::unique_ptr<PppFsm> m_fsm;
    uint32_t m_magic{0};
    bool m_sendMru{true};
    bool m_sendAccm{true};
    bool m_sendMagic{true};
    bool m_sendCompression{true};
    uint16_t m_peerMru{1500};
    uint32_t m_peerAccm{0xFFFFFFFF};
    uint32_t m_localAccm{0};
    bool m_compress{false};                         //!< the peer accepts PFC and ACFC
    PppAuthProtocol m_peerWantsAuth{PPP_AUTH_NONE}; //!< peer: the protocol asked of us
    EventId m_echoTimer;
    uint32_t m_echoMisses{0};
    uint8_t m_echoNumber{0}; //!< identifier of the next Echo-Request (0 after LCP opens)
    uint8_t m_rejectId{0};   //!< identifier of the last Protocol-Reject
};

} // namespace ns3

#endif /* PPP_LCP_H */
