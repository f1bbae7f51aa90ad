/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-control-stream.h"

#include "ns3/packet.h"
#include "ns3/socket.h"

#include <sstream>

namespace ns3
{

void
PptpControlStream::Attach(Ptr<Socket> socket,
                          uint32_t maxMessageSize,
                          uint32_t maxSendQueue,
                          Handler handler)
{
    m_socket = socket;
    m_framer = PptpStreamFramer(maxMessageSize, 4096);
    m_maxSendQueue = maxSendQueue;
    m_handler = std::move(handler);
    m_attached = true;
}

void
PptpControlStream::Detach()
{
    m_attached = false;
    m_queue.clear();
    m_queuedBytes = 0;
}

void
PptpControlStream::Read()
{
    Ptr<Packet> packet;
    while (m_attached && (packet = m_socket->Recv()))
    {
        if (packet->GetSize() == 0)
        {
            break;
        }
        m_framer.Append(packet);
        std::vector<uint8_t> bytes;
        uint32_t discarded = 0;
        bool more = true;
        while (more && m_attached)
        {
            switch (m_framer.Next(bytes, discarded))
            {
                case PptpStreamFramer::Event::NEED_MORE:
                    more = false;
                    break;
                case PptpStreamFramer::Event::MESSAGE:
                    Decode(bytes);
                    break;
                case PptpStreamFramer::Event::DISCARDED:
                {
                    std::ostringstream os;
                    os << discarded << " bytes with no control message header skipped";
                    m_handler.drop(PptpControlDropReason::RESYNC, PptpDecodeError::NONE, os.str());
                    break;
                }
                case PptpStreamFramer::Event::UNRECOVERABLE:
                    Break(PptpControlDropReason::UNRECOVERABLE_STREAM,
                          PptpDecodeError::NONE,
                          "no control message header found in the stream");
                    more = false;
                    break;
            }
        }
    }
}

void
PptpControlStream::Decode(const std::vector<uint8_t>& bytes)
{
    PptpControlMessage message;
    PptpDecodeResult result = PptpControlMessage::Decode(bytes.data(), bytes.size(), message);
    if (!result.Ok())
    {
        // RFC 2637 section 3: a malformed message leaves the peers in an unknown state; the
        // control connection is closed (and may be set up again).
        Break(PptpControlDropReason::MALFORMED, result.error, result.detail);
        return;
    }
    m_handler.message(message);
}

void
PptpControlStream::Break(PptpControlDropReason reason,
                         PptpDecodeError error,
                         const std::string& detail)
{
    m_handler.drop(reason, error, detail);
    m_handler.broken();
}

void
PptpControlStream::Send(const PptpControlMessage& message)
{
    if (!m_attached)
    {
        return;
    }
    std::vector<uint8_t> bytes = message.Encode();
    m_queue.push_back(Create<Packet>(bytes.data(), bytes.size()));
    m_queuedBytes += bytes.size();
    Flush();
    if (m_queuedBytes > m_maxSendQueue && m_attached)
    {
        // TCP's buffer is full and so is ours: the peer does not read what it asks for.
        std::ostringstream os;
        os << m_queuedBytes << " bytes wait to be sent (MaxSendQueue " << m_maxSendQueue
           << "): the peer does not read";
        m_queue.clear();
        m_queuedBytes = 0;
        Break(PptpControlDropReason::SEND_QUEUE_FULL, PptpDecodeError::NONE, os.str());
    }
}

void
PptpControlStream::Flush()
{
    while (!m_queue.empty() && m_socket->GetTxAvailable() >= m_queue.front()->GetSize())
    {
        if (m_socket->Send(m_queue.front()) < 0)
        {
            break;
        }
        m_queuedBytes -= m_queue.front()->GetSize();
        m_queue.pop_front();
    }
}

uint32_t
PptpControlStream::GetQueuedBytes() const
{
    return m_queuedBytes;
}

} // namespace ns3
