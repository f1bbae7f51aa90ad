/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_GRE_CHANNEL_H
#define PPTP_GRE_CHANNEL_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "pptp-deadline-timer.h"
#include "pptp-drop-reason.h"
#include "pptp-gre-header.h"

#include <deque>
#include <map>

namespace ns3
{

class PptpGreL4Protocol;
class Packet;

/**
 * \ingroup pptp
 * The data channel of one PPTP call: PPP frames in Enhanced GRE, with the
 * sequence numbers, acknowledgements and sliding window of RFC 2637 section
 * 4.2 and the adaptive acknowledgement time-out of its Appendix A.
 *
 * Sending: every frame gets the next sequence number (the first is 0). No more
 * than the peer's Packet Receive Window Size packets are ever unacknowledged;
 * beyond that, frames wait in a queue (QueueLimit) and are dropped when it is
 * full. An acknowledgement the channel owes rides on the next data packet; if
 * none is sent within AckDelay, an ack-only packet carries it. PPTP never
 * retransmits: when the oldest unacknowledged packet is not acknowledged
 * within the adaptive time-out, the packets in flight are given up as lost,
 * the time-out backs off (doubling, up to MaxAckTimeout) and the sending
 * window is halved; it grows back by one packet for each window's worth of
 * acknowledged packets, up to the peer's window.
 *
 * Receiving: a packet whose sequence number is the next expected, or later
 * (packets in between were lost), is delivered at once and acknowledged; a
 * packet at or before the last delivered one (duplicate or late) is dropped,
 * as Linux's pptp driver does. With ReorderTimeout set, a packet that leaves
 * a gap is held up to that long for the missing ones to arrive and delivered
 * in order, as pptp-linux does.
 */
class PptpGreChannel : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpGreChannel();
    ~PptpGreChannel() override;

    /**
     * Bind the channel to its call and start receiving. A call's channel is set
     * up as soon as this side has a Call ID, because the peer may start PPP
     * before this side learns the peer's Call ID (its first LCP packet can
     * overtake the Outgoing-Call-Reply); frames received before a receive
     * callback is set are held (a few) and handed over when it is.
     * \param gre the node's GRE protocol
     * \param localAddress this node's address on the control connection
     * \param peerAddress the peer's
     * \param localCallId this side's Call ID (what the peer puts in its GRE keys)
     */
    void Setup(Ptr<PptpGreL4Protocol> gre,
               Ipv4Address localAddress,
               Ipv4Address peerAddress,
               uint16_t localCallId);

    /**
     * What the peer announced when the call was established; sending needs it.
     * \param peerCallId the peer's Call ID (what this side puts in its GRE keys)
     * \param peerWindow the peer's Packet Receive Window Size
     * \param peerProcessingDelay the peer's Packet Processing Delay (1/10 s units)
     */
    void Connect(uint16_t peerCallId, uint16_t peerWindow, uint16_t peerProcessingDelay);

    /// Stop: unregister, cancel timers, drop what is queued.
    void Close();

    /**
     * Send a PPP frame (framing included) to the peer.
     * \param frame the frame
     * \return false if it was dropped because the window and the queue are full
     */
    bool Send(Ptr<Packet> frame);

    /// \param callback receives each PPP frame delivered, in sequence order
    void SetReceiveCallback(Callback<void, Ptr<Packet>> callback);

    /**
     * A GRE packet for this call, header already removed (called by PptpGreL4Protocol).
     * \param payload the PPP frame (empty for an ack-only packet)
     * \param header the GRE header
     */
    void Receive(Ptr<Packet> payload, const PptpGreHeader& header);

    /// \return packets sent and not yet acknowledged
    uint32_t GetUnacknowledged() const;
    /// \return the current sending window (at most the peer's window)
    uint32_t GetSendWindow() const;
    /// \return the current acknowledgement time-out
    Time GetAckTimeout() const;
    /// \return frames waiting for the window to open
    uint32_t GetQueueLength() const;

    /// Counters of one channel.
    struct Statistics
    {
        uint64_t txPackets{0};         //!< data packets sent
        uint64_t txBytes{0};           //!< PPP bytes sent
        uint64_t rxPackets{0};         //!< data packets delivered
        uint64_t rxBytes{0};           //!< PPP bytes delivered
        uint64_t ackOnlySent{0};       //!< ack-only packets sent
        uint64_t windowStalls{0};      //!< frames that had to wait for the window
        uint64_t queueDrops{0};        //!< frames dropped, window and queue full
        uint64_t duplicates{0};        //!< received packets dropped: already delivered
        uint64_t late{0};              //!< received packets dropped: arrived after later ones
        uint64_t gaps{0};              //!< sequence numbers never received (lost)
        uint64_t ackTimeouts{0};       //!< acknowledgement time-outs
        uint32_t maxUnacknowledged{0}; //!< most packets ever in flight at once
    };

    /// \return the counters
    const Statistics& GetStatistics() const;

    /**
     * TracedCallback signature for GRE packets sent or received.
     * \param packet the PPP frame (empty for ack-only)
     * \param header the GRE header
     */
    typedef void (*GreTracedCallback)(Ptr<const Packet> packet, const PptpGreHeader& header);
    /**
     * TracedCallback signature for frames dropped by the channel.
     * \param packet the frame
     * \param reason WINDOW_FULL, DUPLICATE or LATE
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, PptpGreDropReason reason);
    /**
     * TracedCallback signature for window stalls.
     * \param queued frames waiting, this one included
     */
    typedef void (*StallTracedCallback)(uint32_t queued);

  private:
    void DoDispose() override;

    /// Send one frame now, with the next sequence number.
    void Transmit(Ptr<Packet> frame);
    /// Send what waits, as far as the window allows.
    void SendQueued();
    /// Send the acknowledgement owed, alone (AckDelay after it became owed).
    void SendAckOnly();
    /// Put the acknowledgement owed, if any, on a header.
    void AddAck(PptpGreHeader& header);
    void ProcessAck(uint32_t ack);
    /// The oldest packet in flight has waited its time-out: give up what is in flight.
    void AckTimedOut();
    /// Set the acknowledgement timer to the oldest packet's time-out.
    void RestartAckTimer();
    /// Deliver a frame upward and note it must be acknowledged.
    void Deliver(uint32_t sequence, Ptr<Packet> frame);
    /// Deliver held frames that are now in order (or whose wait has expired).
    void DeliverHeld(bool expired);

    // Attributes.
    Time m_ackDelay;
    Time m_initialAckTimeout;
    Time m_minAckTimeout;
    Time m_maxAckTimeout;
    uint32_t m_queueLimit;
    Time m_reorderTimeout;
    uint32_t m_reorderLimit;

    // Binding.
    Ptr<PptpGreL4Protocol> m_gre;
    Ipv4Address m_localAddress;
    Ipv4Address m_peerAddress;
    uint16_t m_localCallId{0};
    uint16_t m_peerCallId{0};
    uint32_t m_peerWindow{1};
    Time m_peerProcessingDelay;
    bool m_open{false};
    Callback<void, Ptr<Packet>> m_receive;
    std::deque<Ptr<Packet>> m_early; //!< frames received before the receive callback was set

    // Sending.
    uint32_t m_nextSequence{0};                       //!< sequence number of the next data packet
    uint32_t m_unacked{0};                            //!< packets in flight
    uint32_t m_sendWindow{1};                         //!< current window, 1..m_peerWindow
    uint32_t m_ackedInWindow{0};                      //!< acknowledged since the window last grew
    std::deque<std::pair<uint32_t, Time>> m_inFlight; //!< sequence and send time, oldest first
    std::deque<Ptr<Packet>> m_queue;
    PptpDeadlineTimer m_ackTimer; //!< acknowledgement time-out of the oldest packet in flight
    Time m_ackTimeout;            //!< current adaptive time-out
    Time m_rtt;                   //!< smoothed round-trip time
    Time m_deviation;             //!< smoothed deviation
    bool m_rttValid{false};       //!< a sample was taken

    // Receiving.
    bool m_received{false};                 //!< a data packet was received
    uint32_t m_lastDelivered{0};            //!< highest sequence number delivered
    bool m_ackOwed{false};                  //!< delivered packets not yet acknowledged
    PptpDeadlineTimer m_ackOnlyTimer;       //!< sends the owed ack alone after AckDelay
    std::map<uint32_t, Ptr<Packet>> m_held; //!< out of order, by distance from m_lastDelivered
    EventId m_reorderTimer;

    Statistics m_stats;
    TracedCallback<Ptr<const Packet>, const PptpGreHeader&> m_txTrace;
    TracedCallback<Ptr<const Packet>, const PptpGreHeader&> m_rxTrace;
    TracedCallback<Ptr<const Packet>, PptpGreDropReason> m_dropTrace;
    TracedCallback<uint32_t> m_stallTrace;
};

} // namespace ns3

#endif /* PPTP_GRE_CHANNEL_H */
