/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-stream-framer.h"

#include "ns3/log.h"
#include "ns3/packet.h"
#include "pptp-control-message.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpStreamFramer");

namespace
{
/// Bytes needed to recognise a message start: Length, PPTP Message Type, Magic Cookie.
constexpr uint32_t START_PATTERN_SIZE = 8;
} // namespace

PptpStreamFramer::PptpStreamFramer()
    : PptpStreamFramer(1024, 4096)
{
}

PptpStreamFramer::PptpStreamFramer(uint32_t maxMessageSize, uint32_t maxDiscard)
    : m_maxMessageSize(maxMessageSize)
    , m_maxDiscard(maxDiscard)
{
}

void
PptpStreamFramer::Append(const uint8_t* data, uint32_t size)
{
    m_buffer.insert(m_buffer.end(), data, data + size);
}

void
PptpStreamFramer::Append(Ptr<const Packet> packet)
{
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), bytes.size());
    Append(bytes.data(), bytes.size());
}

bool
PptpStreamFramer::LooksLikeMessageStart(uint32_t offset) const
{
    auto byte = [this, offset](uint32_t i) -> uint32_t
    {
        return m_buffer[offset + i];
    };
    uint32_t length = (byte(0) << 8) | byte(1);
    uint32_t pptpType = (byte(2) << 8) | byte(3);
    uint32_t cookie = (byte(4) << 24) | (byte(5) << 16) | (byte(6) << 8) | byte(7);
    return cookie == PPTP_MAGIC_COOKIE && pptpType == PPTP_CONTROL_MESSAGE
           && length >= PPTP_CONTROL_HEADER_SIZE && length <= m_maxMessageSize;
}

PptpStreamFramer::Event
PptpStreamFramer::Next(std::vector<uint8_t>& message, uint32_t& discarded)
{
    if (m_unrecoverable)
    {
        return Event::UNRECOVERABLE;
    }
    // Find the first position that can start a message; everything before it is garbage.
    uint32_t skip = 0;
    while (m_buffer.size() - skip >= START_PATTERN_SIZE && !LooksLikeMessageStart(skip))
    {
        ++skip;
    }
    if (m_buffer.size() - skip < START_PATTERN_SIZE)
    {
        // Keep the tail: a message start may still be completed by the next segment.
        uint32_t keep = std::min<uint32_t>(m_buffer.size() - skip, START_PATTERN_SIZE - 1);
        skip = m_buffer.size() - keep;
    }
    if (skip > 0)
    {
        m_buffer.erase(m_buffer.begin(), m_buffer.begin() + skip);
        m_discardRun += skip;
        m_totalDiscarded += skip;
        discarded = skip;
        NS_LOG_LOGIC("discarded " << skip << " bytes to resynchronise");
        if (m_discardRun > m_maxDiscard)
        {
            NS_LOG_WARN("more than " << m_maxDiscard << " bytes without a control message");
            m_unrecoverable = true;
            return Event::UNRECOVERABLE;
        }
        return Event::DISCARDED;
    }
    if (m_buffer.size() < START_PATTERN_SIZE)
    {
        return Event::NEED_MORE;
    }
    uint32_t length = (static_cast<uint32_t>(m_buffer[0]) << 8) | m_buffer[1];
    if (m_buffer.size() < length)
    {
        return Event::NEED_MORE;
    }
    message.assign(m_buffer.begin(), m_buffer.begin() + length);
    m_buffer.erase(m_buffer.begin(), m_buffer.begin() + length);
    m_discardRun = 0;
    return Event::MESSAGE;
}

uint32_t
PptpStreamFramer::GetBufferedSize() const
{
    return m_buffer.size();
}

uint64_t
PptpStreamFramer::GetTotalDiscarded() const
{
    return m_totalDiscarded;
}

bool
PptpStreamFramer::IsUnrecoverable() const
{
    return m_unrecoverable;
}

void
PptpStreamFramer::Reset()
{
    m_buffer.clear();
    m_discardRun = 0;
    m_unrecoverable = false;
}

} // namespace ns3
