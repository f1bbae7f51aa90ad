/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CONTROL_STREAM_H
#define PPTP_CONTROL_STREAM_H

#include "ns3/ptr.h"
#include "pptp-control-message.h"
#include "pptp-drop-reason.h"
#include "pptp-stream-framer.h"

#include <deque>
#include <functional>
#include <string>

namespace ns3
{

class Packet;
class Socket;

/**
 * \ingroup pptp
 * The TCP byte stream of one control connection, both ways.
 *
 * In: the bytes TCP delivers are cut into messages by a PptpStreamFramer and
 * decoded; each well-formed message is handed on, bytes skipped to find the
 * next message are reported as drops, and a stream that cannot be made sense
 * of (too much garbage, a malformed message) is reported broken: RFC 2637
 * section 3 has the connection closed then.
 *
 * Out: messages are encoded and queued while TCP's send buffer is full; when
 * more than MaxSendQueue bytes wait, the peer is not reading what it asks for
 * and the stream is broken too.
 */
class PptpControlStream
{
  public:
    /// What the stream tells its connection.
    struct Handler
    {
        /// A well-formed message arrived.
        std::function<void(const PptpControlMessage&)> message;
        /// Something received or queued was dropped (reason, decode error, detail).
        std::function<void(PptpControlDropReason, PptpDecodeError, const std::string&)> drop;
        /// The stream cannot go on (the drop that broke it was reported just before).
        std::function<void()> broken;
    };

    /**
     * \param socket the connected TCP socket
     * \param maxMessageSize largest Length taken as the start of a message
     * \param maxSendQueue bytes that may wait for TCP's buffer
     * \param handler what to tell the connection
     */
    void Attach(Ptr<Socket> socket,
                uint32_t maxMessageSize,
                uint32_t maxSendQueue,
                Handler handler);

    /// Stop reading and sending (the connection is closed); what is queued is dropped.
    void Detach();

    /// Read what TCP holds and hand on the messages it completes.
    void Read();

    /**
     * Encode a message and send it, or queue it while TCP's buffer is full.
     * \param message the message
     */
    void Send(const PptpControlMessage& message);

    /// Send what waits, as far as TCP's buffer allows.
    void Flush();

    /// \return bytes waiting for room in TCP's send buffer
    uint32_t GetQueuedBytes() const;

  private:
    /// Decode one framed message and hand it on.
    void Decode(const std::vector<uint8_t>& bytes);
    void Break(PptpControlDropReason reason, PptpDecodeError error, const std::string& detail);

    Ptr<Socket> m_socket;
    PptpStreamFramer m_framer;
    uint32_t m_maxSendQueue{0};
    Handler m_handler;
    bool m_attached{false};
    std::deque<Ptr<Packet>> m_queue; //!< waiting for room in TCP's buffer
    uint32_t m_queuedBytes{0};       //!< bytes in m_queue
};

} // namespace ns3

#endif /* PPTP_CONTROL_STREAM_H */
