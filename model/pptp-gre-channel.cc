/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-gre-channel.h"

#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"
#include "pptp-gre-l4-protocol.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpGreChannel");

NS_OBJECT_ENSURE_REGISTERED(PptpGreChannel);

namespace
{

/// a is after b in 32-bit sequence space.
bool
After(uint32_t a, uint32_t b)
{
    return static_cast<int32_t>(a - b) > 0;
}

} // namespace

TypeId
PptpGreChannel::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpGreChannel")
              .SetParent<Object>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpGreChannel>()
              .AddAttribute("AckDelay",
                            "How long an acknowledgement may wait for a data packet to ride on "
                            "before it is sent alone (pptp-linux: about 0.5 s).",
                            TimeValue(MilliSeconds(500)),
                            MakeTimeAccessor(&PptpGreChannel::m_ackDelay),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("InitialAckTimeout",
                            "Acknowledgement time-out before any round-trip time was measured.",
                            TimeValue(Seconds(1)),
                            MakeTimeAccessor(&PptpGreChannel::m_initialAckTimeout),
                            MakeTimeChecker(MilliSeconds(1)))
              .AddAttribute("MinAckTimeout",
                            "Lower bound of the adaptive acknowledgement time-out: a peer may "
                            "hold an acknowledgement for its own ack delay before sending it, so "
                            "the round trip alone is too short.",
                            TimeValue(Seconds(1)),
                            MakeTimeAccessor(&PptpGreChannel::m_minAckTimeout),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("MaxAckTimeout",
                            "Upper bound of the adaptive acknowledgement time-out (MaxTimeOut of "
                            "RFC 2637 Appendix A).",
                            TimeValue(Seconds(10)),
                            MakeTimeAccessor(&PptpGreChannel::m_maxAckTimeout),
                            MakeTimeChecker(MilliSeconds(1)))
              .AddAttribute("QueueLimit",
                            "Frames that may wait for the window to open; more are dropped.",
                            UintegerValue(64),
                            MakeUintegerAccessor(&PptpGreChannel::m_queueLimit),
                            MakeUintegerChecker<uint32_t>())
              .AddAttribute("ReorderTimeout",
                            "How long a packet that leaves a sequence gap is held for the "
                            "missing ones (0: deliver at once and drop late packets, as Linux's "
                            "pptp driver does).",
                            TimeValue(Seconds(0)),
                            MakeTimeAccessor(&PptpGreChannel::m_reorderTimeout),
                            MakeTimeChecker(Seconds(0)))
              .AddAttribute("ReorderLimit",
                            "Packets held at most while waiting for a gap to fill.",
                            UintegerValue(16),
                            MakeUintegerAccessor(&PptpGreChannel::m_reorderLimit),
                            MakeUintegerChecker<uint32_t>(1))
              .AddTraceSource("Tx",
                              "A GRE packet was sent (payload and header).",
                              MakeTraceSourceAccessor(&PptpGreChannel::m_txTrace),
                              "ns3::PptpGreChannel::GreTracedCallback")
              .AddTraceSource("Rx",
                              "A GRE packet for this call was received (payload and header).",
                              MakeTraceSourceAccessor(&PptpGreChannel::m_rxTrace),
                              "ns3::PptpGreChannel::GreTracedCallback")
              .AddTraceSource("Drop",
                              "A frame was dropped by the channel, with the reason.",
                              MakeTraceSourceAccessor(&PptpGreChannel::m_dropTrace),
                              "ns3::PptpGreChannel::DropTracedCallback")
              .AddTraceSource("WindowStall",
                              "A frame had to wait for the peer's window to open.",
                              MakeTraceSourceAccessor(&PptpGreChannel::m_stallTrace),
                              "ns3::PptpGreChannel::StallTracedCallback");
    return tid;
}

PptpGreChannel::PptpGreChannel()
{
    m_ackTimer.SetFunction(MakeCallback(&PptpGreChannel::AckTimedOut, this));
    m_ackOnlyTimer.SetFunction(MakeCallback(&PptpGreChannel::SendAckOnly, this));
}

PptpGreChannel::~PptpGreChannel() = default;

void
PptpGreChannel::DoDispose()
{
    Close();
    m_gre = nullptr;
    m_receive = Callback<void, Ptr<Packet>>();
    Object::DoDispose();
}

void
PptpGreChannel::Setup(Ptr<PptpGreL4Protocol> gre,
                      Ipv4Address localAddress,
                      Ipv4Address peerAddress,
                      uint16_t localCallId)
{
    NS_LOG_FUNCTION(this << localAddress << peerAddress << localCallId);
    m_gre = gre;
    m_localAddress = localAddress;
    m_peerAddress = peerAddress;
    m_localCallId = localCallId;
    m_ackTimeout = m_initialAckTimeout;
    m_open = true;
    gre->Register(localCallId, peerAddress, this);
}

void
PptpGreChannel::Connect(uint16_t peerCallId, uint16_t peerWindow, uint16_t peerProcessingDelay)
{
    NS_LOG_FUNCTION(this << peerCallId << peerWindow << peerProcessingDelay);
    m_peerCallId = peerCallId;
    m_peerWindow = std::max<uint32_t>(peerWindow, 1);
    // RFC 2637 section 4.4: start conservatively, at half the peer's window (rounded up, so
    // never below one packet), and grow from there.
    m_sendWindow = (m_peerWindow + 1) / 2;
    m_peerProcessingDelay = MilliSeconds(100) * peerProcessingDelay;
}

void
PptpGreChannel::Close()
{
    if (!m_open)
    {
        return;
    }
    m_open = false;
    m_ackTimer.Cancel();
    m_ackOnlyTimer.Cancel();
    m_reorderTimer.Cancel();
    m_queue.clear();
    m_held.clear();
    m_inFlight.clear();
    m_early.clear();
    if (m_gre)
    {
        m_gre->Unregister(m_localCallId);
    }
}

void
PptpGreChannel::SetReceiveCallback(Callback<void, Ptr<Packet>> callback)
{
    m_receive = callback;
    while (!m_early.empty() && !m_receive.IsNull())
    {
        Ptr<Packet> frame = m_early.front();
        m_early.pop_front();
        m_receive(frame);
    }
}

// ---- sending --------------------------------------------------------------------------

bool
PptpGreChannel::Send(Ptr<Packet> frame)
{
    if (!m_open)
    {
        return false;
    }
    if (m_unacked < m_sendWindow && m_queue.empty())
    {
        Transmit(frame);
        return true;
    }
    if (m_queue.size() >= m_queueLimit)
    {
        ++m_stats.queueDrops;
        m_dropTrace(frame, PptpGreDropReason::WINDOW_FULL);
        return false;
    }
    m_queue.push_back(frame);
    ++m_stats.windowStalls;
    m_stallTrace(m_queue.size());
    return true;
}

void
PptpGreChannel::AddAck(PptpGreHeader& header)
{
    if (m_ackOwed)
    {
        header.SetAcknowledgment(m_lastDelivered);
        m_ackOwed = false; // the ack-only timer, if running, finds nothing owed
    }
}

void
PptpGreChannel::Transmit(Ptr<Packet> frame)
{
    PptpGreHeader header;
    header.SetCallId(m_peerCallId);
    header.SetPayloadLength(frame->GetSize());
    header.SetSequenceNumber(m_nextSequence);
    AddAck(header);
    m_inFlight.emplace_back(m_nextSequence, Simulator::Now());
    ++m_nextSequence;
    ++m_unacked;
    m_stats.maxUnacknowledged = std::max(m_stats.maxUnacknowledged, m_unacked);
    ++m_stats.txPackets;
    m_stats.txBytes += frame->GetSize();
    m_txTrace(frame, header);
    Ptr<Packet> packet = frame->Copy();
    packet->AddHeader(header);
    m_gre->Send(packet, m_localAddress, m_peerAddress);
    RestartAckTimer();
}

void
PptpGreChannel::SendQueued()
{
    while (!m_queue.empty() && m_unacked < m_sendWindow)
    {
        Ptr<Packet> frame = m_queue.front();
        m_queue.pop_front();
        Transmit(frame);
    }
}

void
PptpGreChannel::SendAckOnly()
{
    if (!m_open || !m_ackOwed)
    {
        return; // an ack rode on data meanwhile
    }
    PptpGreHeader header;
    header.SetCallId(m_peerCallId);
    AddAck(header);
    ++m_stats.ackOnlySent;
    Ptr<Packet> packet = Create<Packet>();
    m_txTrace(packet, header);
    packet->AddHeader(header);
    m_gre->Send(packet, m_localAddress, m_peerAddress);
}

void
PptpGreChannel::RestartAckTimer()
{
    if (!m_inFlight.empty())
    {
        // The oldest packet in flight has had part of its time already.
        m_ackTimer.SetDeadline(m_inFlight.front().second + m_ackTimeout);
    }
}

void
PptpGreChannel::ProcessAck(uint32_t ack)
{
    if (m_inFlight.empty() || After(m_inFlight.front().first, ack))
    {
        return; // nothing in flight is acknowledged by it (old or repeated ack)
    }
    if (!After(m_nextSequence, ack))
    {
        return; // acknowledges packets never sent: ignore
    }
    // RFC 2637 Appendix A: adapt the time-out from the round trip of the newest packet acked.
    Time sample;
    uint32_t acked = 0;
    while (!m_inFlight.empty() && !After(m_inFlight.front().first, ack))
    {
        sample = Simulator::Now() - m_inFlight.front().second;
        m_inFlight.pop_front();
        ++acked;
    }
    m_unacked -= std::min(m_unacked, acked);
    if (!m_rttValid)
    {
        m_rtt = sample;
        m_deviation = sample / 2;
        m_rttValid = true;
    }
    else
    {
        Time diff = sample - m_rtt;
        m_rtt += diff / 8;                            // alpha = 1/8
        m_deviation += (Abs(diff) - m_deviation) / 4; // beta = 1/4
    }
    m_ackTimeout
        = std::min(std::max(m_peerProcessingDelay + m_rtt + m_deviation * 4, m_minAckTimeout),
                   m_maxAckTimeout);
    // Open the window again, one packet per window of acknowledged packets.
    m_ackedInWindow += acked;
    while (m_sendWindow < m_peerWindow && m_ackedInWindow >= m_sendWindow)
    {
        m_ackedInWindow -= m_sendWindow;
        ++m_sendWindow;
    }
    RestartAckTimer();
    SendQueued();
}

void
PptpGreChannel::AckTimedOut()
{
    if (m_inFlight.empty())
    {
        return;
    }
    NS_LOG_INFO("call " << m_localCallId << ": no acknowledgement for " << m_inFlight.size()
                        << " packets in " << m_ackTimeout.As(Time::MS));
    ++m_stats.ackTimeouts;
    // PPTP does not retransmit: what is in flight is given up as lost.
    m_inFlight.clear();
    m_unacked = 0;
    m_ackTimeout = std::min(m_ackTimeout * 2, m_maxAckTimeout);
    m_sendWindow = (m_sendWindow + 1) / 2; // halved, fractions rounded up (at least one)
    m_ackedInWindow = 0;
    SendQueued();
}

// ---- receiving ------------------------------------------------------------------------

void
PptpGreChannel::Receive(Ptr<Packet> payload, const PptpGreHeader& header)
{
    if (!m_open)
    {
        return;
    }
    m_rxTrace(payload, header);
    if (header.HasAcknowledgment())
    {
        ProcessAck(header.GetAcknowledgment());
    }
    if (!header.HasSequenceNumber())
    {
        return; // ack-only
    }
    uint32_t sequence = header.GetSequenceNumber();
    if (!m_received)
    {
        m_received = true;
        m_lastDelivered = sequence - 1;
    }
    if (!After(sequence, m_lastDelivered))
    {
        bool duplicate = sequence == m_lastDelivered || m_held.count(sequence) > 0;
        ++(duplicate ? m_stats.duplicates : m_stats.late);
        m_dropTrace(payload, duplicate ? PptpGreDropReason::DUPLICATE : PptpGreDropReason::LATE);
        return;
    }
    if (sequence == m_lastDelivered + 1 || m_reorderTimeout.IsZero())
    {
        Deliver(sequence, payload);
        DeliverHeld(false);
        return;
    }
    // A gap: hold the packet for the missing ones, for a while.
    if (m_held.count(sequence) > 0)
    {
        ++m_stats.duplicates;
        m_dropTrace(payload, PptpGreDropReason::DUPLICATE);
        return;
    }
    m_held[sequence] = payload;
    if (m_held.size() > m_reorderLimit)
    {
        DeliverHeld(true);
    }
    else if (!m_reorderTimer.IsRunning())
    {
        m_reorderTimer
            = Simulator::Schedule(m_reorderTimeout, &PptpGreChannel::DeliverHeld, this, true);
    }
}

void
PptpGreChannel::Deliver(uint32_t sequence, Ptr<Packet> frame)
{
    m_stats.gaps += sequence - m_lastDelivered - 1;
    m_lastDelivered = sequence;
    ++m_stats.rxPackets;
    m_stats.rxBytes += frame->GetSize();
    if (!m_ackOwed)
    {
        m_ackOwed = true;
        m_ackOnlyTimer.SetDeadline(Simulator::Now() + m_ackDelay);
    }
    if (!m_receive.IsNull())
    {
        m_receive(frame);
    }
    else if (m_early.size() < m_reorderLimit)
    {
        m_early.push_back(frame);
    }
}

void
PptpGreChannel::DeliverHeld(bool expired)
{
    while (!m_held.empty() && m_open)
    {
        // The held packet nearest to the last one delivered.
        auto next = m_held.begin();
        for (auto it = m_held.begin(); it != m_held.end(); ++it)
        {
            if (it->first - m_lastDelivered < next->first - m_lastDelivered)
            {
                next = it;
            }
        }
        if (next->first != m_lastDelivered + 1 && !expired)
        {
            break;
        }
        uint32_t sequence = next->first;
        Ptr<Packet> frame = next->second;
        m_held.erase(next);
        if (!After(sequence, m_lastDelivered))
        {
            continue;
        }
        Deliver(sequence, frame);
        expired = false; // after skipping one gap, deliver only what is then in order
    }
    m_reorderTimer.Cancel();
    if (!m_held.empty() && m_open)
    {
        m_reorderTimer
            = Simulator::Schedule(m_reorderTimeout, &PptpGreChannel::DeliverHeld, this, true);
    }
}

// ---- accessors ------------------------------------------------------------------------

uint32_t
PptpGreChannel::GetUnacknowledged() const
{
    return m_unacked;
}

uint32_t
PptpGreChannel::GetSendWindow() const
{
    return m_sendWindow;
}

Time
PptpGreChannel::GetAckTimeout() const
{
    return m_ackTimeout;
}

uint32_t
PptpGreChannel::GetQueueLength() const
{
    return m_queue.size();
}

const PptpGreChannel::Statistics&
PptpGreChannel::GetStatistics() const
{
    return m_stats;
}

} // namespace ns3
