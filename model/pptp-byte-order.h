/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_BYTE_ORDER_H
#define PPTP_BYTE_ORDER_H

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pptp
 * \param p two bytes in network order
 * \return their value
 */
inline uint16_t
PptpReadU16(const uint8_t* p)
{
    return static_cast<uint16_t>((p[0] << 8) | p[1]);
}

/**
 * \ingroup pptp
 * \param p four bytes in network order
 * \return their value
 */
inline uint32_t
PptpReadU32(const uint8_t* p)
{
    return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16)
           | (static_cast<uint32_t>(p[2]) << 8) | p[3];
}

} // namespace ns3

#endif /* PPTP_BYTE_ORDER_H */
