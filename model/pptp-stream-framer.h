/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_STREAM_FRAMER_H
#define PPTP_STREAM_FRAMER_H

#include "ns3/ptr.h"

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace ns3
{

class Packet;

/**
 * \ingroup pptp
 * Cuts the TCP byte stream of a control connection into control messages.
 *
 * TCP may deliver a message in pieces or several messages at once. The framer
 * buffers bytes and, by the Length field, hands out whole messages in order.
 * A position is taken as the start of a message only if it carries the
 * Magic Cookie, PPTP Message Type 1 and a Length within [12, maxMessageSize];
 * otherwise the framer skips bytes up to the next position that does
 * (resynchronisation) and reports how many it discarded. When more than
 * maxDiscard bytes in a row have to be skipped the stream is declared
 * unrecoverable: the owner should close the connection.
 *
 * The framer only frames; the message contents are checked by
 * PptpControlMessage::Decode.
 */
class PptpStreamFramer
{
  public:
    /// What Next() found.
    enum class Event
    {
        NEED_MORE,    //!< no whole message buffered yet
        MESSAGE,      //!< a whole message is in the output vector
        DISCARDED,    //!< bytes were skipped to resynchronise (count in the output)
        UNRECOVERABLE //!< too much garbage: the stream should be closed
    };

    /// A framer with the default limits (messages up to 1024 bytes, 4096 bytes of garbage).
    PptpStreamFramer();

    /**
     * \param maxMessageSize largest Length accepted as the start of a message
     * \param maxDiscard how many bytes may be skipped in a row before giving up
     */
    PptpStreamFramer(uint32_t maxMessageSize, uint32_t maxDiscard);

    /**
     * Buffer bytes received from the stream.
     * \param data the bytes
     * \param size how many
     */
    void Append(const uint8_t* data, uint32_t size);

    /**
     * Buffer the contents of a packet received from a TCP socket.
     * \param packet the packet
     */
    void Append(Ptr<const Packet> packet);

    /**
     * Take the next framing event.
     * \param message receives a whole message's bytes on MESSAGE
     * \param discarded receives the number of skipped bytes on DISCARDED
     * \return what was found
     */
    Event Next(std::vector<uint8_t>& message, uint32_t& discarded);

    /// \return bytes buffered but not yet handed out
    uint32_t GetBufferedSize() const;
    /// \return total bytes discarded so far
    uint64_t GetTotalDiscarded() const;
    /// \return true once the stream was declared unrecoverable
    bool IsUnrecoverable() const;
    /// Forget all buffered bytes and the unrecoverable state.
    void Reset();

  private:
    /**
     * \param offset position in the buffer
     * \return true if a message may start at this position (enough bytes must be buffered)
     */
    bool LooksLikeMessageStart(uint32_t offset) const;

    std::deque<uint8_t> m_buffer; //!< bytes not yet handed out
    uint32_t m_maxMessageSize;    //!< largest plausible Length
    uint32_t m_maxDiscard;        //!< largest run of garbage tolerated
    uint32_t m_discardRun{0};     //!< garbage skipped since the last message
    uint64_t m_totalDiscarded{0}; //!< all garbage ever skipped
    bool m_unrecoverable{false};  //!< too much garbage seen
};

} // namespace ns3

#endif /* PPTP_STREAM_FRAMER_H */
