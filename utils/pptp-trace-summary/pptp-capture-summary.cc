/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-capture-summary.h"

#include "ns3/ipv4-address.h"
#include "ns3/pptp-byte-order.h"
#include "ns3/pptp-control-message.h"
#include "ns3/pptp-gre-header.h"
#include "ns3/ppp-frame-header.h"
#include "ns3/pptp-summary.h"
#include "pptp-pcap-reader.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

namespace
{

// pcap link types (tcpdump.org/linktypes.html).
constexpr uint32_t LINKTYPE_ETHERNET = 1;
constexpr uint32_t LINKTYPE_PPP = 9;
constexpr uint32_t LINKTYPE_RAW_BSD = 12;
constexpr uint32_t LINKTYPE_RAW_OPENBSD = 14;
constexpr uint32_t LINKTYPE_PPP_HDLC = 50;
constexpr uint32_t LINKTYPE_RAW = 101;
constexpr uint32_t LINKTYPE_LINUX_SLL = 113;
constexpr uint32_t LINKTYPE_IPV4 = 228;
constexpr uint32_t LINKTYPE_LINUX_SLL2 = 276;

constexpr uint16_t ETHERTYPE_IPV4 = 0x0800;
constexpr uint16_t ETHERTYPE_VLAN = 0x8100;
constexpr uint16_t ETHERTYPE_QINQ = 0x88A8;
constexpr uint8_t IP_PROTOCOL_TCP = 6;

/// Segments, and bytes, held ahead of a gap per stream before the gap is given up on.
constexpr size_t MAX_EARLY_SEGMENTS = 256;
constexpr size_t MAX_EARLY_BYTES = 1 << 20;
/// TCP streams followed at once; the first ones seen are kept.
constexpr size_t MAX_STREAMS = 4096;

/// Signed distance from b to a in 32-bit sequence space.
int32_t
SeqDiff(uint32_t a, uint32_t b)
{
    return static_cast<int32_t>(a - b);
}

} // namespace

bool
PptpCaptureSummary::IsSupportedLinkType(uint32_t linkType)
{
    switch (linkType)
    {
        case LINKTYPE_ETHERNET:
        case LINKTYPE_PPP:
        case LINKTYPE_PPP_HDLC:
        case LINKTYPE_RAW_BSD:
        case LINKTYPE_RAW_OPENBSD:
        case LINKTYPE_RAW:
        case LINKTYPE_IPV4:
        case LINKTYPE_LINUX_SLL:
        case LINKTYPE_LINUX_SLL2:
            return true;
    }
    return false;
}

PptpCaptureSummary::Status
PptpCaptureSummary::Read(const std::string& filename,
                         const std::function<void(const PptpCaptureLine&)>& sink,
                         std::string& error)
{
    PptpPcapReader file;
    if (!file.Open(filename, error))
    {
        return Status::UNREADABLE;
    }
    return ReadRecords(file, sink, error);
}

PptpCaptureSummary::Status
PptpCaptureSummary::Read(std::istream& in,
                         const std::string& name,
                         const std::function<void(const PptpCaptureLine&)>& sink,
                         std::string& error)
{
    PptpPcapReader file;
    if (!file.Open(in, name, error))
    {
        return Status::UNREADABLE;
    }
    return ReadRecords(file, sink, error);
}

PptpCaptureSummary::Status
PptpCaptureSummary::ReadRecords(PptpPcapReader& file,
                                const std::function<void(const PptpCaptureLine&)>& sink,
                                std::string& error)
{
    uint32_t linkType = file.GetLinkType();
    if (!IsSupportedLinkType(linkType))
    {
        std::ostringstream os;
        os << file.GetName() << ": link type " << linkType
           << " is not supported (Ethernet, PPP, raw IP, Linux cooked are)";
        error = os.str();
        return Status::UNREADABLE;
    }
    m_streams.clear();
    m_streamsDropped = 0;
    double firstTime = -1;
    PptpPcapReader::Record record;
    std::vector<PptpCaptureLine> lines;
    for (;;)
    {
        switch (file.ReadNext(record, error))
        {
            case PptpPcapReader::Result::END:
                return Status::OK;
            case PptpPcapReader::Result::ERROR:
                return Status::DAMAGED;
            case PptpPcapReader::Result::RECORD:
                break;
        }
        double time = record.seconds + record.fraction / file.GetFractionsPerSecond();
        if (firstTime < 0)
        {
            firstTime = time;
        }
        lines.clear();
        DecodeFrame(linkType,
                    record.number,
                    time - firstTime,
                    record.data.data(),
                    record.data.size(),
                    lines);
        for (const auto& line : lines)
        {
            sink(line);
        }
    }
}

bool
PptpCaptureSummary::Read(const std::string& filename,
                         std::vector<PptpCaptureLine>& lines,
                         std::string& error)
{
    return Read(
               filename,
               [&lines](const PptpCaptureLine& line)
               {
                   lines.push_back(line);
               },
               error)
           == Status::OK;
}

void
PptpCaptureSummary::DecodeFrame(uint32_t linkType,
                                uint32_t frame,
                                double time,
                                const uint8_t* data,
                                uint32_t size,
                                std::vector<PptpCaptureLine>& lines)
{
    uint32_t offset = 0;
    switch (linkType)
    {
        case LINKTYPE_ETHERNET:
        {
            if (size < 14)
            {
                return;
            }
            uint16_t etherType = PptpReadU16(data + 12);
            offset = 14;
            while ((etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ)
                   && size >= offset + 4)
            {
                etherType = PptpReadU16(data + offset + 2);
                offset += 4;
            }
            if (etherType != ETHERTYPE_IPV4)
            {
                return;
            }
            break;
        }
        case LINKTYPE_PPP:
        case LINKTYPE_PPP_HDLC:
        {
            PppFrameHeader ppp;
            if (!PppFrameHeader::Decode(data, size, ppp).Ok()
                || ppp.GetProtocol() != PPP_PROTOCOL_IPV4)
            {
                return;
            }
            offset = ppp.GetSerializedSize();
            break;
        }
        case LINKTYPE_LINUX_SLL:
            if (size < 16 || PptpReadU16(data + 14) != ETHERTYPE_IPV4)
            {
                return;
            }
            offset = 16;
            break;
        case LINKTYPE_LINUX_SLL2:
            if (size < 20 || PptpReadU16(data) != ETHERTYPE_IPV4)
            {
                return;
            }
            offset = 20;
            break;
        default: // raw IP
            break;
    }
    if (size > offset)
    {
        DecodeIpv4(frame, time, data + offset, size - offset, lines);
    }
}

void
PptpCaptureSummary::DecodeIpv4(uint32_t frame,
                               double time,
                               const uint8_t* data,
                               uint32_t size,
                               std::vector<PptpCaptureLine>& lines)
{
    if (size < 20 || (data[0] >> 4) != 4)
    {
        return;
    }
    uint32_t headerLength = (data[0] & 0x0F) * 4u;
    uint32_t totalLength = PptpReadU16(data + 2);
    uint8_t protocol = data[9];
    if (protocol != PptpGreHeader::IP_PROTOCOL_NUMBER && protocol != IP_PROTOCOL_TCP)
    {
        return;
    }
    Ipv4Address source(PptpReadU32(data + 12));
    Ipv4Address destination(PptpReadU32(data + 16));
    // Trailing link padding is not part of the packet; a snapped capture may hold less.
    uint32_t end = std::min(size, totalLength);
    if (headerLength < 20 || end < headerLength)
    {
        return;
    }
    bool fragment = (PptpReadU16(data + 6) & 0x3FFF) != 0; // MF set or a non-zero offset
    if (fragment)
    {
        std::ostringstream os;
        os << "IPv4 fragment of a PPTP packet, not reassembled " << source << " " << destination;
        lines.push_back({frame, time, os.str()});
        return;
    }
    const uint8_t* payload = data + headerLength;
    uint32_t payloadSize = end - headerLength;
    if (protocol == IP_PROTOCOL_TCP)
    {
        if (payloadSize < 20)
        {
            return;
        }
        uint16_t sourcePort = PptpReadU16(payload);
        uint16_t destinationPort = PptpReadU16(payload + 2);
        if (sourcePort != PPTP_TCP_PORT && destinationPort != PPTP_TCP_PORT)
        {
            return;
        }
        StreamKey key{source.Get(), sourcePort, destination.Get(), destinationPort};
        DecodeTcp(key, frame, time, payload, payloadSize, lines);
        return;
    }

    PptpGreHeader gre;
    PptpDecodeResult result = PptpGreHeader::Decode(payload, payloadSize, gre);
    if (!result.Ok())
    {
        lines.push_back(
            {frame, time, PptpSummary::Malformed("PPTP GRE Packet", result, source, destination)});
        return;
    }
    uint16_t pppProtocol = 0;
    if (gre.GetPayloadLength() > 0)
    {
        PppFrameHeader ppp;
        result
            = PppFrameHeader::Decode(payload + gre.GetSerializedSize(), gre.GetPayloadLength(), ppp);
        if (!result.Ok())
        {
            lines.push_back(
                {frame,
                 time,
                 PptpSummary::Malformed("PPTP GRE Packet", result, source, destination)});
            return;
        }
        pppProtocol = ppp.GetProtocol();
    }
    lines.push_back({frame, time, PptpSummary::Gre(gre, pppProtocol, source, destination)});
}

void
PptpCaptureSummary::DecodeTcp(const StreamKey& key,
                              uint32_t frame,
                              double time,
                              const uint8_t* data,
                              uint32_t size,
                              std::vector<PptpCaptureLine>& lines)
{
    uint32_t headerLength = (data[12] >> 4) * 4u;
    if (headerLength < 20 || headerLength > size)
    {
        return;
    }
    uint32_t seq = PptpReadU32(data + 4);
    uint8_t flags = data[13];
    constexpr uint8_t TCP_SYN = 0x02;
    auto found = m_streams.find(key);
    if (found == m_streams.end() && m_streams.size() >= MAX_STREAMS)
    {
        if (m_streamsDropped++ == 0)
        {
            std::ostringstream os;
            os << "more than " << MAX_STREAMS << " TCP streams on port 1723: later ones not "
               << "followed";
            lines.push_back({frame, time, os.str()});
        }
        return;
    }
    Stream& stream = found != m_streams.end() ? found->second : m_streams[key];
    if (flags & TCP_SYN)
    {
        // A new connection on the same addresses and ports starts afresh.
        stream = Stream{};
        stream.synchronised = true;
        stream.nextSeq = seq + 1;
        return;
    }
    uint32_t length = size - headerLength;
    if (length == 0)
    {
        return;
    }
    if (!stream.synchronised)
    {
        // The capture started inside the connection: take the first data seen as its start.
        stream.synchronised = true;
        stream.nextSeq = seq;
    }
    const uint8_t* payload = data + headerLength;
    int32_t ahead = SeqDiff(seq, stream.nextSeq);
    if (ahead > 0)
    {
        if (stream.early.size() < MAX_EARLY_SEGMENTS
            && stream.earlyBytes + length <= MAX_EARLY_BYTES && stream.early.count(seq) == 0)
        {
            stream.early[seq].assign(payload, payload + length);
            stream.earlyBytes += length;
        }
        return;
    }
    // Bytes before nextSeq were already delivered (a retransmission): trim them. (Unsigned
    // distance: a segment 2^31 bytes behind must not overflow a signed negation.)
    uint32_t old = stream.nextSeq - seq;
    if (old < length)
    {
        stream.framer.Append(payload + old, length - old);
        stream.nextSeq += length - old;
    }
    // Segments that were ahead of a gap may now be in order.
    for (auto it = stream.early.begin(); it != stream.early.end();)
    {
        int32_t offset = SeqDiff(it->first, stream.nextSeq);
        if (offset > 0)
        {
            ++it;
            continue;
        }
        uint32_t skip = stream.nextSeq - it->first;
        if (skip < it->second.size())
        {
            stream.framer.Append(it->second.data() + skip, it->second.size() - skip);
            stream.nextSeq += it->second.size() - skip;
        }
        stream.earlyBytes -= it->second.size();
        it = stream.early.erase(it);
        it = stream.early.begin(); // nextSeq moved: look again from the start
    }
    DrainStream(key, stream, frame, time, lines);
}

void
PptpCaptureSummary::DrainStream(const StreamKey& key,
                                Stream& stream,
                                uint32_t frame,
                                double time,
                                std::vector<PptpCaptureLine>& lines)
{
    Ipv4Address source(std::get<0>(key));
    Ipv4Address destination(std::get<2>(key));
    std::vector<uint8_t> bytes;
    uint32_t discarded = 0;
    for (;;)
    {
        switch (stream.framer.Next(bytes, discarded))
        {
            case PptpStreamFramer::Event::NEED_MORE:
                return;
            case PptpStreamFramer::Event::MESSAGE:
            {
                PptpControlMessage message;
                PptpDecodeResult result
                    = PptpControlMessage::Decode(bytes.data(), bytes.size(), message);
                lines.push_back({frame,
                                 time,
                                 result.Ok()
                                     ? PptpSummary::Control(message, source, destination)
                                     : PptpSummary::Malformed(
                                         "PPTP Control Packet", result, source, destination)});
                break;
            }
            case PptpStreamFramer::Event::DISCARDED:
            {
                std::ostringstream os;
                os << discarded << " bytes skipped to find the next control message";
                lines.push_back(
                    {frame,
                     time,
                     PptpSummary::Malformed(
                         "PPTP Control Stream",
                         PptpDecodeResult::Fail(PptpDecodeError::BAD_MAGIC_COOKIE, os.str()),
                         source,
                         destination)});
                break;
            }
            case PptpStreamFramer::Event::UNRECOVERABLE:
                if (!stream.reportedUnrecoverable)
                {
                    stream.reportedUnrecoverable = true;
                    lines.push_back({frame,
                                     time,
                                     PptpSummary::Malformed(
                                         "PPTP Control Stream",
                                         PptpDecodeResult::Fail(PptpDecodeError::BAD_MAGIC_COOKIE,
                                                                "no control message found, stream "
                                                                "abandoned"),
                                         source,
                                         destination)});
                }
                return;
        }
    }
}

} // namespace ns3
