/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-gre-l4-protocol.h"

#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "pptp-gre-channel.h"
#include "pptp-gre-header.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpGreL4Protocol");

NS_OBJECT_ENSURE_REGISTERED(PptpGreL4Protocol);

TypeId
PptpGreL4Protocol::GetTypeId()
{
    static TypeId tid
        = TypeId("ns3::PptpGreL4Protocol")
              .SetParent<IpL4Protocol>()
              .SetGroupName("Pptp")
              .AddConstructor<PptpGreL4Protocol>()
              .AddTraceSource("Drop",
                              "A received GRE packet was dropped, with the reason.",
                              MakeTraceSourceAccessor(&PptpGreL4Protocol::m_dropTrace),
                              "ns3::PptpGreL4Protocol::DropTracedCallback");
    return tid;
}

PptpGreL4Protocol::PptpGreL4Protocol() = default;

PptpGreL4Protocol::~PptpGreL4Protocol() = default;

Ptr<PptpGreL4Protocol>
PptpGreL4Protocol::Get(Ptr<Node> node)
{
    Ptr<PptpGreL4Protocol> gre = node->GetObject<PptpGreL4Protocol>();
    if (!gre)
    {
        NS_ABORT_MSG_UNLESS(node->GetObject<Ipv4L3Protocol>(),
                            "PPTP needs an Internet stack on node " << node->GetId());
        gre = CreateObject<PptpGreL4Protocol>();
        node->AggregateObject(gre); // registers with IPv4 in NotifyNewAggregate
    }
    return gre;
}

void
PptpGreL4Protocol::NotifyNewAggregate()
{
    if (!m_node)
    {
        m_node = GetObject<Node>();
    }
    Ptr<Ipv4L3Protocol> ipv4 = GetObject<Ipv4L3Protocol>();
    if (m_node && ipv4 && m_downTarget.IsNull())
    {
        ipv4->Insert(this);
        SetDownTarget(MakeCallback(&Ipv4L3Protocol::Send, ipv4));
    }
    IpL4Protocol::NotifyNewAggregate();
}

void
PptpGreL4Protocol::DoDispose()
{
    // Releasing a channel makes it unregister itself: empty the table before that happens.
    auto bindings = std::move(m_bindings);
    m_bindings.clear();
    bindings.clear();
    m_node = nullptr;
    m_downTarget.Nullify();
    m_downTarget6.Nullify();
    IpL4Protocol::DoDispose();
}

void
PptpGreL4Protocol::Register(uint16_t callId, Ipv4Address peer, Ptr<PptpGreChannel> channel)
{
    NS_LOG_FUNCTION(this << callId << peer);
    m_bindings[callId] = Binding{peer, channel};
}

void
PptpGreL4Protocol::Unregister(uint16_t callId)
{
    NS_LOG_FUNCTION(this << callId);
    m_bindings.erase(callId);
}

void
PptpGreL4Protocol::Send(Ptr<Packet> packet, Ipv4Address source, Ipv4Address destination)
{
    m_downTarget(packet, source, destination, PptpGreHeader::IP_PROTOCOL_NUMBER, nullptr);
}

void
PptpGreL4Protocol::Drop(Ptr<const Packet> packet,
                        Ipv4Address source,
                        PptpGreDropReason reason,
                        PptpDecodeError error)
{
    ++m_drops;
    NS_LOG_WARN("GRE packet from " << source << " dropped: " << PptpGreDropName(reason, error));
    m_dropTrace(packet, source, reason, error);
}

IpL4Protocol::RxStatus
PptpGreL4Protocol::Receive(Ptr<Packet> p, const Ipv4Header& header, Ptr<Ipv4Interface>)
{
    uint8_t bytes[PptpGreHeader::BASE_SIZE + 8];
    uint32_t available = p->CopyData(bytes, sizeof(bytes));
    PptpGreHeader gre;
    PptpDecodeResult result = PptpGreHeader::DecodePrefix(bytes, available, p->GetSize(), gre);
    if (!result.Ok())
    {
        Drop(p, header.GetSource(), PptpGreDropReason::MALFORMED, result.error);
        return IpL4Protocol::RX_OK; // a GRE packet all the same: no ICMP unreachable
    }
    auto it = m_bindings.find(gre.GetCallId());
    if (it == m_bindings.end())
    {
        Drop(p, header.GetSource(), PptpGreDropReason::UNKNOWN_CALL);
        return IpL4Protocol::RX_OK;
    }
    if (it->second.peer != header.GetSource())
    {
        Drop(p, header.GetSource(), PptpGreDropReason::WRONG_PEER);
        return IpL4Protocol::RX_OK;
    }
    p->RemoveAtStart(gre.GetSerializedSize());
    if (p->GetSize() > gre.GetPayloadLength())
    {
        p->RemoveAtEnd(p->GetSize() - gre.GetPayloadLength()); // link padding
    }
    // The channel may be released while it delivers (PPP ends the call, the call closes the
    // channel, the channel unregisters): it lives until its Receive returns.
    Ptr<PptpGreChannel> channel = it->second.channel;
    channel->Receive(p, gre);
    return IpL4Protocol::RX_OK;
}

IpL4Protocol::RxStatus
PptpGreL4Protocol::Receive(Ptr<Packet>, const Ipv6Header&, Ptr<Ipv6Interface>)
{
    return IpL4Protocol::RX_ENDPOINT_UNREACH; // PPTP is IPv4 only
}

void
PptpGreL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_downTarget = cb;
}

void
PptpGreL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
PptpGreL4Protocol::GetDownTarget() const
{
    return m_downTarget;
}

IpL4Protocol::DownTargetCallback6
PptpGreL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

int
PptpGreL4Protocol::GetProtocolNumber() const
{
    return PptpGreHeader::IP_PROTOCOL_NUMBER;
}

uint64_t
PptpGreL4Protocol::GetDropCount() const
{
    return m_drops;
}

} // namespace ns3
