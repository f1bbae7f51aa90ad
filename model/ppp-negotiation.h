/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_NEGOTIATION_H
#define PPP_NEGOTIATION_H

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ppp-control-packet.h"

#include <functional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * The option negotiation automaton of RFC 1661 section 4, shared by LCP and
 * IPCP: Configure-Request / Ack / Nak / Reject in both directions, with the
 * restart timer and the Max-Configure, Max-Terminate and Max-Failure counters,
 * and Terminate-Request / Ack.
 *
 * What the options mean is left to the protocol using it, through the
 * callbacks in Handler. The states kept are those a link between two peers
 * that both open at once goes through: Req-Sent, Ack-Rcvd, Ack-Sent, Opened,
 * Closing and Stopped (Initial before Open).
 */
class PppNegotiation
{
  public:
    /// Automaton states (RFC 1661 section 4.2).
    enum class State
    {
        INITIAL,
        REQ_SENT,
        ACK_RCVD,
        ACK_SENT,
        OPENED,
        CLOSING,
        STOPPED,
    };

    /// What the protocol using the automaton provides.
    struct Handler
    {
        /// Options for our next Configure-Request.
        std::function<std::vector<PppOption>()> buildRequest;
        /**
         * Judge the peer's Configure-Request: return PPP_CONFIGURE_ACK (reply unused),
         * PPP_CONFIGURE_NAK or PPP_CONFIGURE_REJECT with the options to put in the reply.
         */
        std::function<uint8_t(const std::vector<PppOption>& request, std::vector<PppOption>& reply)>
            checkRequest;
        /// Our request was acknowledged with these options.
        std::function<void(const std::vector<PppOption>&)> acked;
        /// Our request was Nak'd: adopt the values suggested.
        std::function<void(const std::vector<PppOption>&)> naked;
        /// Our request was rejected: stop asking for these options.
        std::function<void(const std::vector<PppOption>&)> rejected;
        /// Send a packet of this protocol.
        std::function<void(const PppControlPacket&)> send;
        /// Codes the automaton does not handle (Echo, Discard...): true if handled.
        std::function<bool(const PppControlPacket&)> otherCode;
        /// The protocol is up (entered Opened).
        std::function<void()> up;
        /// The protocol left Opened.
        std::function<void()> down;
        /// The automaton gave up or terminated (entered Stopped); the reason is given.
        std::function<void(const std::string&)> finished;
        /// State changed (old, new), for traces.
        std::function<void(State, State)> stateChanged;
    };

    /**
     * \param handler the protocol's callbacks
     * \param restart the restart timer (RFC 1661: 3 s)
     * \param maxConfigure Configure-Requests sent without answer before giving up (10)
     * \param maxTerminate Terminate-Requests sent without answer (2)
     * \param maxFailure Configure-Naks sent before Rejecting instead (5)
     */
    PppNegotiation(Handler handler,
                   Time restart = Seconds(3),
                   uint32_t maxConfigure = 10,
                   uint32_t maxTerminate = 2,
                   uint32_t maxFailure = 5);
    ~PppNegotiation();

    /// Start negotiating: send a Configure-Request.
    void Open();
    /// End: send Terminate-Request (if the peer may be listening) and wait for the Ack.
    void Close();
    /// Stop at once, without telling the peer (lower layer down).
    void Abort();
    /// \param packet a packet of this protocol from the peer
    void Receive(const PppControlPacket& packet);

    /// \return the state
    State GetState() const;
    /// \return true in Opened
    bool IsOpened() const;
    /// \param state a state \return its name
    static std::string StateName(State state);

  private:
    void SetState(State state);
    void SendConfigureRequest();
    void SendTerminateRequest();
    void StartTimer();
    void TimedOut();
    void ReceiveConfigureRequest(const PppControlPacket& packet);
    void ReceiveConfigureReply(const PppControlPacket& packet);
    void Finish(const std::string& reason);

    Handler m_handler;
    Time m_restart;
    uint32_t m_maxConfigure;
    uint32_t m_maxTerminate;
    uint32_t m_maxFailure;
    State m_state{State::INITIAL};
    uint8_t m_requestId{0}; //!< identifier of our last Configure- or Terminate-Request
    uint32_t m_counter{0};  //!< restart counter
    uint32_t m_failures{0}; //!< Naks sent in a row
    EventId m_timer;
};

} // namespace ns3

#endif /* PPP_NEGOTIATION_H */
