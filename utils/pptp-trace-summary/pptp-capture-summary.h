/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CAPTURE_SUMMARY_H
#define PPTP_CAPTURE_SUMMARY_H

#include "ns3/pptp-stream-framer.h"

#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * One decoded packet of a capture.
 */
struct PptpCaptureLine
{
    uint32_t frame;   //!< 1-based frame number in the capture
    double time;      //!< seconds since the first frame of the capture
    std::string text; //!< the PptpSummary line
};

/**
 * \ingroup pptp
 * Reads a pcap capture and decodes every PPTP control message and GRE packet
 * in it with the module's own codecs, giving the summary lines in capture order.
 *
 * Link types: Ethernet (with 802.1Q tags), PPP (what ns-3 point-to-point
 * links write), raw IPv4, Linux cooked (SLL and SLL2). The TCP streams of port
 * 1723 are reassembled per direction (out of order segments are held,
 * retransmitted bytes trimmed), so control messages split over segments or
 * sharing one are decoded whole; a message's line carries the frame that
 * completed it. Malformed control messages and GRE packets get a line saying
 * why, and decoding goes on.
 */
class PptpCaptureSummary
{
  public:
    /// How reading a capture ended.
    enum class Status
    {
        OK,         //!< every record was decoded
        UNREADABLE, //!< not a pcap file, or an unsupported link type: nothing was decoded
        DAMAGED,    //!< a record is truncated or impossible: the records before it were decoded
    };

    /**
     * Decode a capture file, handing each line on as soon as it is decoded (a capture of
     * any size is read in constant memory, but for the TCP streams' reassembly state).
     * \param filename the pcap file
     * \param sink receives the lines, in order
     * \param error receives the reason when the status is not OK
     * \return how it ended
     */
    Status Read(const std::string& filename,
                const std::function<void(const PptpCaptureLine&)>& sink,
                std::string& error);

    /**
     * Decode a capture held in a stream, as Read(filename, ...) does.
     * \param in the capture
     * \param name what to call it in messages
     * \param sink receives the lines, in order
     * \param error receives the reason when the status is not OK
     * \return how it ended
     */
    Status Read(std::istream& in,
                const std::string& name,
                const std::function<void(const PptpCaptureLine&)>& sink,
                std::string& error);

    /**
     * Decode a capture file into a list of lines.
     * \param filename the pcap file
     * \param lines receives the lines, in order
     * \param error receives the reason when the file cannot be read whole
     * \return false unless the status is OK (lines then holds what was decoded)
     */
    bool Read(const std::string& filename, std::vector<PptpCaptureLine>& lines, std::string& error);

    /**
     * Decode one captured frame.
     * \param linkType the pcap link type of the frame
     * \param frame the frame number
     * \param time the time of the frame
     * \param data the bytes
     * \param size how many
     * \param lines receives any lines the frame produced
     */
    void DecodeFrame(uint32_t linkType,
                     uint32_t frame,
                     double time,
                     const uint8_t* data,
                     uint32_t size,
                     std::vector<PptpCaptureLine>& lines);

    /**
     * \param linkType a pcap link type
     * \return true if DecodeFrame understands it
     */
    static bool IsSupportedLinkType(uint32_t linkType);

  private:
    /// Decode the records of an opened capture.
    Status ReadRecords(class PptpPcapReader& file,
                       const std::function<void(const PptpCaptureLine&)>& sink,
                       std::string& error);

    /// One direction of a TCP connection to or from port 1723.
    struct Stream
    {
        bool synchronised{false};                       //!< nextSeq is known
        uint32_t nextSeq{0};                            //!< next in-order byte expected
        std::map<uint32_t, std::vector<uint8_t>> early; //!< segments ahead of nextSeq
        size_t earlyBytes{0};                           //!< bytes held in early
        PptpStreamFramer framer;                        //!< cuts the bytes into messages
        bool reportedUnrecoverable{false};              //!< said once that the stream is lost
    };

    /// (source address, source port, destination address, destination port)
    using StreamKey = std::tuple<uint32_t, uint16_t, uint32_t, uint16_t>;

    /**
     * Decode an IPv4 packet.
     * \param frame the frame number
     * \param time the frame time
     * \param data the IPv4 header and what follows
     * \param size how many bytes
     * \param lines receives the lines
     */
    void DecodeIpv4(uint32_t frame,
                    double time,
                    const uint8_t* data,
                    uint32_t size,
                    std::vector<PptpCaptureLine>& lines);

    /**
     * Decode a TCP segment from or to port 1723.
     * \param key the stream
     * \param frame the frame number
     * \param time the frame time
     * \param data the TCP header and payload
     * \param size how many bytes
     * \param lines receives the lines
     */
    void DecodeTcp(const StreamKey& key,
                   uint32_t frame,
                   double time,
                   const uint8_t* data,
                   uint32_t size,
                   std::vector<PptpCaptureLine>& lines);

    /**
     * Hand out every whole message the stream holds.
     * \param key the stream
     * \param stream its state
     * \param frame the frame number
     * \param time the frame time
     * \param lines receives the lines
     */
    void DrainStream(const StreamKey& key,
                     Stream& stream,
                     uint32_t frame,
                     double time,
                     std::vector<PptpCaptureLine>& lines);

    std::map<StreamKey, Stream> m_streams; //!< TCP streams seen so far
    uint32_t m_streamsDropped{0};          //!< streams not followed: too many at once
};

} // namespace ns3

#endif /* PPTP_CAPTURE_SUMMARY_H */
