/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_GRE_L4_PROTOCOL_H
#define PPTP_GRE_L4_PROTOCOL_H

#include "ns3/ip-l4-protocol.h"
#include "ns3/ipv4-address.h"
#include "ns3/traced-callback.h"
#include "pptp-drop-reason.h"

#include <unordered_map>

namespace ns3
{

class Node;
class PptpGreChannel;

/**
 * \ingroup pptp
 * IP protocol 47 on a node: receives PPTP's Enhanced GRE packets and hands
 * each to the data channel of its call, in constant time, by the Call ID in
 * the GRE key; sends the channels' packets through Ipv4L3Protocol.
 *
 * PPTP Call IDs are unique per node (PptpNodeState), so the Call ID alone
 * finds the channel; the source address must then be the call's peer.
 * Packets that are malformed (any PptpDecodeError), for a Call ID no channel
 * has, or from an address that is not the call's peer are dropped, counted
 * and traced with their reason.
 */
class PptpGreL4Protocol : public IpL4Protocol
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpGreL4Protocol();
    ~PptpGreL4Protocol() override;

    /**
     * \param node a node with an Internet stack
     * \return its GRE protocol, created, aggregated and registered with IPv4 if it has none
     */
    static Ptr<PptpGreL4Protocol> Get(Ptr<Node> node);

    /**
     * Deliver packets for a Call ID to a channel.
     * \param callId this node's Call ID of the call
     * \param peer the address the call's packets come from
     * \param channel the call's data channel
     */
    void Register(uint16_t callId, Ipv4Address peer, Ptr<PptpGreChannel> channel);
    /// \param callId a Call ID no longer in use
    void Unregister(uint16_t callId);

    /**
     * Send a GRE packet (header included) to a peer.
     * \param packet the GRE packet
     * \param source this node's address
     * \param destination the peer
     */
    void Send(Ptr<Packet> packet, Ipv4Address source, Ipv4Address destination);

    /// \return GRE packets dropped on reception
    uint64_t GetDropCount() const;

    int GetProtocolNumber() const override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv4Header& header,
                                   Ptr<Ipv4Interface> incomingInterface) override;
    IpL4Protocol::RxStatus Receive(Ptr<Packet> p,
                                   const Ipv6Header& header,
                                   Ptr<Ipv6Interface> incomingInterface) override;
    void SetDownTarget(IpL4Protocol::DownTargetCallback cb) override;
    void SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb) override;
    IpL4Protocol::DownTargetCallback GetDownTarget() const override;
    IpL4Protocol::DownTargetCallback6 GetDownTarget6() const override;

    /**
     * TracedCallback signature for dropped GRE packets.
     * \param packet the packet (GRE header included)
     * \param source where it came from
     * \param reason why it was dropped (MALFORMED, UNKNOWN_CALL or WRONG_PEER)
     * \param error for a malformed packet, the decoder's error (NONE otherwise)
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet,
                                       Ipv4Address source,
                                       PptpGreDropReason reason,
                                       PptpDecodeError error);

  protected:
    void NotifyNewAggregate() override;
    void DoDispose() override;

  private:
    /// Where a Call ID's packets go.
    struct Binding
    {
        Ipv4Address peer;            //!< the only address allowed to send them
        Ptr<PptpGreChannel> channel; //!< the call's data channel
    };

    void Drop(Ptr<const Packet> packet,
              Ipv4Address source,
              PptpGreDropReason reason,
              PptpDecodeError error = PptpDecodeError::NONE);

    Ptr<Node> m_node;
    IpL4Protocol::DownTargetCallback m_downTarget;
    IpL4Protocol::DownTargetCallback6 m_downTarget6;
    std::unordered_map<uint16_t, Binding> m_bindings; //!< by this node's Call ID
    uint64_t m_drops{0};
    TracedCallback<Ptr<const Packet>, Ipv4Address, PptpGreDropReason, PptpDecodeError> m_dropTrace;
};

} // namespace ns3

#endif /* PPTP_GRE_L4_PROTOCOL_H */
