/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_FSM_H
#define PPP_FSM_H

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
 * The option negotiation automaton of RFC 1661 section 4, shared by LCP, IPCP
 * and CCP (pppd keeps it in fsm.c for the same reason).
 *
 * All ten states and the events of the RFC's state transition table: Up and
 * Down (the lower layer), Open and Close (administrative), the restart timer's
 * TO+ and TO-, and the packets received: Configure-Request (acceptable or
 * not), -Ack, -Nak and -Reject, Terminate-Request and -Ack, unknown codes,
 * Code-Reject and Protocol-Reject (permitted or catastrophic) and the codes a
 * protocol adds (Echo, Discard, Reset). The restart timer runs in every state
 * that waits for the peer (Closing, Stopping, Req-Sent, Ack-Rcvd, Ack-Sent)
 * and in none other, so the automaton always ends in Initial, Starting,
 * Closed, Stopped or Opened once the peer falls silent.
 *
 * Counters as the RFC and pppd have them: Max-Configure Configure-Requests in
 * all (the first included) before giving up, Max-Terminate Terminate-Requests,
 * Max-Failure Configure-Naks before options the peer insists on are rejected.
 * A Configure-Request is sent again on a time-out with the same Identifier
 * (RFC 1661 allows it, pppd does it) and with a new one otherwise.
 *
 * Replies are checked as RFC 1661 section 5 asks: an Ack, Nak or Reject whose
 * Identifier is not that of the last Configure-Request is discarded, as is an
 * Ack whose options are not exactly those requested and a Reject naming an
 * option that was not requested. A Code-Reject sent is truncated to the
 * peer's MRU.
 *
 * What the options mean is the business of the protocol, through Handler.
 */
class PppFsm
{
  public:
    /// Automaton states (RFC 1661 section 4.2).
    enum class State : uint8_t
    {
        INITIAL,  //!< lower layer down, not opened
        STARTING, //!< opened, waiting for the lower layer
        CLOSED,   //!< lower layer up, not opened
        STOPPED,  //!< opened, negotiation ended (given up, or terminated), waiting
        CLOSING,  //!< Terminate-Request sent after Close
        STOPPING, //!< Terminate-Request sent (or received) without Close
        REQ_SENT, //!< Configure-Request sent
        ACK_RCVD, //!< our request acknowledged, the peer's not yet
        ACK_SENT, //!< the peer's request acknowledged, ours not yet
        OPENED,   //!< both acknowledged: the layer is up
    };

    /// Why the layer finished (This-Layer-Finished).
    enum class Finish : uint8_t
    {
        CLOSED,          //!< closed here before it got anywhere
        NO_ANSWER,       //!< Max-Configure Configure-Requests went unanswered
        TERMINATED,      //!< a Terminate-Request sent here was acknowledged, or timed out
        PEER_TERMINATED, //!< the peer sent a Terminate-Request
        PEER_REJECTED,   //!< the peer rejected the protocol or one of its essential codes
    };

    /// What the protocol using the automaton provides.
    struct Handler
    {
        /// Options for the next Configure-Request.
        std::function<std::vector<PppOption>()> buildRequest;
        /**
         * Judge the peer's Configure-Request: return PPP_CONFIGURE_ACK (reply unused),
         * PPP_CONFIGURE_NAK or PPP_CONFIGURE_REJECT with the options to put in the reply.
         * \p rejectInsteadOfNak is true once Max-Failure Naks were sent: options that would
         * be Nak'd are to be rejected instead.
         */
        std::function<uint8_t(const std::vector<PppOption>& request,
                              bool rejectInsteadOfNak,
                              std::vector<PppOption>& reply)>
            checkRequest;
        /// Our request was acknowledged (its options are what was agreed).
        std::function<void(const std::vector<PppOption>&)> acked;
        /// Our request was Nak'd: adopt the values suggested.
        std::function<void(const std::vector<PppOption>&)> naked;
        /// Our request was rejected: stop asking for these options.
        std::function<void(const std::vector<PppOption>&)> rejected;
        /// Send a packet of this protocol.
        std::function<void(const PppControlPacket&)> send;
        /**
         * Codes past Code-Reject that the protocol knows (Echo, Discard, Protocol-Reject,
         * Reset-Request...): true if handled, false to have the packet Code-Rejected.
         */
        std::function<bool(const PppControlPacket&)> otherCode;
        /// This-Layer-Up: entered Opened.
        std::function<void()> up;
        /// This-Layer-Down: left Opened.
        std::function<void()> down;
        /// This-Layer-Started: the automaton needs its lower layer.
        std::function<void()> started;
        /// This-Layer-Finished: the lower layer is no longer needed, and why.
        std::function<void(Finish)> finished;
        /// The peer asked to terminate (told at once; the layer finishes later).
        std::function<void()> peerTerminating;
        /// State changed (old, new), for traces.
        std::function<void(State, State)> stateChanged;
        /// The peer's MRU, to which a Code-Reject is truncated (default 1500).
        std::function<uint16_t()> peerMru;
    };

    /**
     * \param handler the protocol's callbacks
     * \param restart the restart timer (RFC 1661: 3 s)
     * \param maxConfigure Configure-Requests sent in all before giving up (10)
     * \param maxTerminate Terminate-Requests sent in all (2)
     * \param maxFailure Configure-Naks sent before rejecting instead (5)
     */
    PppFsm(Handler handler,
           Time restart = Seconds(3),
           uint32_t maxConfigure = 10,
           uint32_t maxTerminate = 2,
           uint32_t maxFailure = 5);
    ~PppFsm();

    PppFsm(const PppFsm&) = delete;
    PppFsm& operator=(const PppFsm&) = delete;

    /// Event Up: the lower layer is ready.
    void Up();
    /// Event Down: the lower layer is gone.
    void Down();
    /// Event Open: the layer may come up.
    void Open();
    /// Event Close: the layer is to go down (Terminate-Request if it is up or negotiating).
    void Close();
    /// Stop at once, for a session that is discarded: Initial, no timer, no packet sent.
    void Abort();
    /// \param packet a packet of this protocol from the peer
    void Receive(const PppControlPacket& packet);
    /// Event RXJ-: the peer sent a Protocol-Reject for this protocol.
    void ProtocolRejected();

    /// \return the state
    State GetState() const;
    /// \return true in Opened
    bool IsOpened() const;
    /// \return Configure-Requests sent since the automaton was made (retransmissions included)
    uint32_t GetConfigureRequestsSent() const;
    /// \param state a state \return its name ("req-sent", ...)
    static std::string StateName(State state);
    /// \param finish a reason \return its name ("no-answer", ...)
    static std::string FinishName(Finish finish);

  private:
    /// Which request a restart counter counts.
    enum class Counter
    {
        CONFIGURE,
        TERMINATE,
    };

    void SetState(State state);
    /// Initialize-Restart-Count.
    void InitializeRestartCount(Counter counter);
    /// Zero-Restart-Count: one more time-out, then finish.
    void ZeroRestartCount();
    /// Send-Configure-Request (a retransmission keeps the Identifier).
    void SendConfigureRequest(bool retransmission = false);
    void SendConfigureReply(uint8_t code,
                            const PppControlPacket& request,
                            const std::vector<PppOption>& options);
    void SendTerminateRequest();
    void SendTerminateAck(uint8_t identifier);
    void SendCodeReject(const PppControlPacket& packet);
    void StartTimer();
    void TimedOut();
    void LayerUp();
    void LayerDown();
    void LayerStarted();
    void LayerFinished(Finish reason);

    void ReceiveConfigureRequest(const PppControlPacket& packet);
    void ReceiveConfigureAck(const PppControlPacket& packet);
    void ReceiveConfigureNakOrReject(const PppControlPacket& packet);
    void ReceiveTerminateRequest(const PppControlPacket& packet);
    void ReceiveTerminateAck();
    void ReceiveCodeReject(const PppControlPacket& packet);
    /// Events RXJ+ and RXJ-.
    void ReceiveReject(bool catastrophic);
    /// Events RCA and RCN in Closed and Stopped: tell the peer the layer is down.
    bool AnswerInClosedOrStopped(const PppControlPacket& packet);

    Handler m_handler;
    Time m_restart;
    uint32_t m_maxConfigure;
    uint32_t m_maxTerminate;
    uint32_t m_maxFailure;
    State m_state{State::INITIAL};
    uint8_t m_nextId{0};                       //!< Identifier of the next new request
    uint8_t m_requestId{0};                    //!< Identifier of the last Configure-Request
    std::vector<uint8_t> m_requestOptions;     //!< the options of the last Configure-Request
    bool m_requestAnswered{false};             //!< an Ack, Nak or Reject of it was taken
    uint32_t m_counter{0};                     //!< restart counter
    Finish m_finishReason{Finish::TERMINATED}; //!< reported when a termination completes
    uint32_t m_failures{0};                    //!< Naks sent without an Ack between
    uint32_t m_configureRequestsSent{0};
    EventId m_timer;
};

} // namespace ns3

#endif /* PPP_FSM_H */
