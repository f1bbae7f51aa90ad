/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CAPTURE_BUILDER_H
#define PPTP_CAPTURE_BUILDER_H

// Writes pcap files of PPTP traffic (IPv4 over a PPP link, as ns-3's
// point-to-point devices capture) from the module's own encoders, for the
// tests that read captures back: ours and tshark's.

#include "ns3/ipv4-header.h"
#include "ns3/packet.h"
#include "ns3/pcap-file.h"
#include "ns3/ppp-header.h"
#include "ns3/pptp-control-message.h"
#include "ns3/pptp-gre-header.h"
#include "ns3/tcp-header.h"

#include <string>
#include <vector>

namespace ns3
{
namespace pptptest
{

/// pcap link type of PPP, what ns-3 point-to-point devices write.
constexpr uint32_t DLT_PPP = 9;

/** Writes IPv4-over-PPP frames into a pcap file, one millisecond apart. */
class CaptureBuilder
{
  public:
    /// \param filename the pcap file to create
    explicit CaptureBuilder(const std::string& filename)
    {
        m_file.Open(filename, std::ios::out);
        m_file.Init(DLT_PPP);
    }

    ~CaptureBuilder()
    {
        m_file.Close();
    }

    /**
     * Write one IPv4 packet.
     * \param src source
     * \param dst destination
     * \param protocol IP protocol
     * \param payload what the IP header carries
     */
    void Ip(Ipv4Address src, Ipv4Address dst, uint8_t protocol, Ptr<Packet> payload)
    {
        Ipv4Header ip;
        ip.SetSource(src);
        ip.SetDestination(dst);
        ip.SetProtocol(protocol);
        ip.SetPayloadSize(payload->GetSize());
        ip.SetTtl(64);
        ip.SetIdentification(m_ipId++);
        ip.EnableChecksum();
        payload->AddHeader(ip);
        PppHeader ppp;
        ppp.SetProtocol(0x0021);
        payload->AddHeader(ppp);
        m_file.Write(m_usec / 1000000, m_usec % 1000000, payload);
        m_usec += 1000;
    }

    /**
     * Write one GRE packet.
     * \param src source
     * \param dst destination
     * \param gre the GRE header (its payload length is set here)
     * \param ppp the PPP frame carried, framing included
     */
    void Gre(Ipv4Address src, Ipv4Address dst, PptpGreHeader gre, const std::vector<uint8_t>& ppp)
    {
        Ptr<Packet> p = Create<Packet>(ppp.data(), ppp.size());
        gre.SetPayloadLength(ppp.size());
        p->AddHeader(gre);
        Ip(src, dst, PptpGreHeader::IP_PROTOCOL_NUMBER, p);
    }

  private:
    friend class TcpFlow;
    PcapFile m_file;    //!< the capture
    uint64_t m_usec{0}; //!< time of the next frame
    uint16_t m_ipId{1}; //!< next IP identification
};

/** One direction of a TCP connection, keeping its sequence numbers right. */
class TcpFlow
{
  public:
    /**
     * \param capture where to write
     * \param src source address
     * \param srcPort source port
     * \param dst destination address
     * \param dstPort destination port
     * \param isn initial sequence number
     */
    TcpFlow(CaptureBuilder& capture,
            Ipv4Address src,
            uint16_t srcPort,
            Ipv4Address dst,
            uint16_t dstPort,
            uint32_t isn)
        : m_capture(capture)
        , m_src(src)
        , m_dst(dst)
        , m_srcPort(srcPort)
        , m_dstPort(dstPort)
        , m_next(isn)
    {
    }

    /// Send the SYN (or SYN-ACK when \p ack).
    void Syn(bool ack = false)
    {
        Segment(m_next, {}, TcpHeader::SYN | (ack ? TcpHeader::ACK : 0));
        m_next += 1;
    }

    /// Send bytes in one segment, in order.
    void Send(const std::vector<uint8_t>& bytes)
    {
        Segment(m_next, bytes, TcpHeader::PSH | TcpHeader::ACK);
        m_next += bytes.size();
    }

    /// Send bytes in one segment at an explicit sequence number (retransmission, reordering).
    void SendAt(uint32_t seq, const std::vector<uint8_t>& bytes)
    {
        Segment(seq, bytes, TcpHeader::PSH | TcpHeader::ACK);
    }

    /// Pretend bytes were sent without writing them (for reordering tests).
    uint32_t Reserve(uint32_t size)
    {
        uint32_t seq = m_next;
        m_next += size;
        return seq;
    }

    /// \return the next sequence number
    uint32_t Next() const
    {
        return m_next;
    }

  private:
    void Segment(uint32_t seq, const std::vector<uint8_t>& bytes, uint8_t flags)
    {
        Ptr<Packet> p = Create<Packet>(bytes.data(), bytes.size());
        TcpHeader tcp;
        tcp.SetSourcePort(m_srcPort);
        tcp.SetDestinationPort(m_dstPort);
        tcp.SetSequenceNumber(SequenceNumber32(seq));
        tcp.SetAckNumber(SequenceNumber32(flags & TcpHeader::ACK ? 1 : 0));
        tcp.SetFlags(flags);
        tcp.SetWindowSize(65535);
        tcp.EnableChecksums();
        tcp.InitializeChecksum(m_src, m_dst, 6);
        p->AddHeader(tcp);
        m_capture.Ip(m_src, m_dst, 6, p);
    }

    CaptureBuilder& m_capture; //!< where to write
    Ipv4Address m_src;         //!< source address
    Ipv4Address m_dst;         //!< destination address
    uint16_t m_srcPort;        //!< source port
    uint16_t m_dstPort;        //!< destination port
    uint32_t m_next;           //!< next sequence number
};

/// A PPP frame: FF 03 (unless compressed), the protocol, then the bytes given.
inline std::vector<uint8_t>
PppFrame(uint16_t protocol, const std::vector<uint8_t>& info, bool acfc = false, bool pfc = false)
{
    std::vector<uint8_t> frame;
    if (!acfc)
    {
        frame.push_back(0xFF);
        frame.push_back(0x03);
    }
    if (!(pfc && protocol < 0x100))
    {
        frame.push_back(protocol >> 8);
    }
    frame.push_back(protocol & 0xFF);
    frame.insert(frame.end(), info.begin(), info.end());
    return frame;
}

/// An LCP Configure-Request with MRU and Magic-Number options.
inline std::vector<uint8_t>
LcpConfigureRequest(uint8_t id, uint16_t mru, uint32_t magic)
{
    return {0x01,
            id,
            0x00,
            0x0E,
            0x01,
            0x04,
            static_cast<uint8_t>(mru >> 8),
            static_cast<uint8_t>(mru),
            0x05,
            0x06,
            static_cast<uint8_t>(magic >> 24),
            static_cast<uint8_t>(magic >> 16),
            static_cast<uint8_t>(magic >> 8),
            static_cast<uint8_t>(magic)};
}

} // namespace pptptest
} // namespace ns3

#endif /* PPTP_CAPTURE_BUILDER_H */
