/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TEST_UTILS_H
#define PPTP_TEST_UTILS_H

// Small tools shared by the module's test suites.

#include "ns3/buffer.h"
#include "ns3/test.h"

#include <cstdint>
#include <iomanip>
#include <sstream>
#include <string>
#include <vector>

/*
 * ns-3 goes on after a failed NS_TEST_ASSERT_* unless the runner is given --stop-on-failure;
 * These end the check on failure in any case, for what follows indexes what they check.
 */
#define PPTP_REQUIRE_EQ(actual, limit, msg)        \
    do                                             \
    {                                              \
        NS_TEST_ASSERT_MSG_EQ(actual, limit, msg); \
        if (!((actual) == (limit)))                \
        {                                          \
            return;                                \
        }                                          \
    } while (false)
#define PPTP_REQUIRE_NE(actual, limit, msg)        \
    do                                             \
    {                                              \
        NS_TEST_ASSERT_MSG_NE(actual, limit, msg); \
        if ((actual) == (limit))                   \
        {                                          \
            return;                                \
        }                                          \
    } while (false)
#define PPTP_REQUIRE_GT_OR_EQ(actual, limit, msg)        \
    do                                                   \
    {                                                    \
        NS_TEST_ASSERT_MSG_GT_OR_EQ(actual, limit, msg); \
        if ((actual) < (limit))                          \
        {                                                \
            return;                                      \
        }                                                \
    } while (false)
#define PPTP_REQUIRE_GT(actual, limit, msg)        \
    do                                             \
    {                                              \
        NS_TEST_ASSERT_MSG_GT(actual, limit, msg); \
        if (!((actual) > (limit)))                 \
        {                                          \
            return;                                \
        }                                          \
    } while (false)

namespace ns3
{
namespace pptptest
{

/**
 * Builds expected wire bytes field by field, independently of the module's
 * encoders, so that test vectors are not derived from the code under test.
 */
class Bytes
{
  public:
    /// \param v a byte \return this
    Bytes& U8(uint8_t v)
    {
        m_bytes.push_back(v);
        return *this;
    }

    /// \param v a big-endian 16-bit value \return this
    Bytes& U16(uint16_t v)
    {
        return U8(v >> 8).U8(v & 0xFF);
    }

    /// \param v a big-endian 32-bit value \return this
    Bytes& U32(uint32_t v)
    {
        return U16(v >> 16).U16(v & 0xFFFF);
    }

    /// \param n how many zero bytes \return this
    Bytes& Zero(uint32_t n)
    {
        m_bytes.insert(m_bytes.end(), n, 0);
        return *this;
    }

    /// \param s text \param size field size, NUL-padded \return this
    Bytes& Text(const std::string& s, uint32_t size)
    {
        for (uint32_t i = 0; i < size; ++i)
        {
            U8(i < s.size() ? static_cast<uint8_t>(s[i]) : 0);
        }
        return *this;
    }

    /// \param hex bytes written as hex digits, spaces allowed \return this
    Bytes& Hex(const std::string& hex)
    {
        std::string digits;
        for (char c : hex)
        {
            if (c != ' ' && c != '\n')
            {
                digits += c;
            }
        }
        for (size_t i = 0; i + 1 < digits.size(); i += 2)
        {
            U8(static_cast<uint8_t>(std::stoul(digits.substr(i, 2), nullptr, 16)));
        }
        return *this;
    }

    /// \param other bytes to append \return this
    Bytes& Append(const std::vector<uint8_t>& other)
    {
        m_bytes.insert(m_bytes.end(), other.begin(), other.end());
        return *this;
    }

    /// \return the bytes
    const std::vector<uint8_t>& Get() const
    {
        return m_bytes;
    }

    /// \return the bytes
    operator const std::vector<uint8_t>&() const
    {
        return m_bytes;
    }

  private:
    std::vector<uint8_t> m_bytes; //!< built so far
};

/// The 12-byte common header of a control message of the given type and length.
inline Bytes
ControlHeader(uint16_t length, uint16_t type)
{
    Bytes b;
    b.U16(length).U16(1).U32(0x1A2B3C4D).U16(type).U16(0);
    return b;
}

/// \param bytes some bytes \return them as lower-case hex, for assertion messages
inline std::string
ToHex(const std::vector<uint8_t>& bytes)
{
    std::ostringstream os;
    for (uint8_t b : bytes)
    {
        os << std::hex << std::setw(2) << std::setfill('0') << +b;
    }
    return os.str();
}

/**
 * Run a header's Deserialize on raw bytes, as Packet::RemoveHeader does, but
 * without a Packet: a packet made of raw bytes has no header in its metadata,
 * and ns-3 builds with packet metadata checks reject removing one from it.
 * \param bytes the bytes
 * \param header receives the header
 * \return what Deserialize consumed
 */
template<class H>
uint32_t
DeserializeFrom(const std::vector<uint8_t>& bytes, H& header)
{
    Buffer buffer;
    buffer.AddAtStart(bytes.size());
    buffer.Begin().Write(bytes.data(), bytes.size());
    return header.Deserialize(buffer.Begin());
}

/**
 * \return the module's test/ folder, with a trailing slash: ns-3's own builds
 * define NS_TEST_SOURCEDIR for module tests (relative to the top of the tree,
 * where tests run); elsewhere the folder of this file is used.
 */
inline std::string
TestDir()
{
#ifdef NS_TEST_SOURCEDIR
    return std::string(NS_TEST_SOURCEDIR) + "/";
#else
    std::string file = __FILE__;
    return file.substr(0, file.find_last_of('/') + 1);
#endif
}

} // namespace pptptest
} // namespace ns3

#endif /* PPTP_TEST_UTILS_H */
