/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_FUZZ_CHECK_H
#define PPTP_FUZZ_CHECK_H

// What the fuzz targets share: a property check that stops the fuzzer with a
// message (libFuzzer then saves the input that broke it), and a reader that
// takes bytes from the front of the input to steer a target.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

/// A property of the code under test: when it does not hold, stop with the input saved.
#define PPTP_FUZZ_CHECK(condition, message)                                                      \
    do                                                                                           \
    {                                                                                            \
        if (!(condition))                                                                        \
        {                                                                                        \
            std::fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, message); \
            std::abort();                                                                        \
        }                                                                                        \
    } while (false)

namespace ns3
{
namespace pptpfuzz
{

/// Takes bytes off the front of a fuzz input.
class InputReader
{
  public:
    InputReader(const uint8_t* data, size_t size)
        : m_data(data)
        , m_size(size)
    {
    }

    /// \return the next byte, or 0 past the end
    uint8_t Byte()
    {
        return m_offset < m_size ? m_data[m_offset++] : 0;
    }

    /// \param n bytes wanted \return how many are actually there (at most n), then skip them
    size_t Take(size_t n, const uint8_t*& bytes)
    {
        size_t available = m_size - m_offset;
        size_t taken = n < available ? n : available;
        bytes = m_data + m_offset;
        m_offset += taken;
        return taken;
    }

    /// \return true once every byte was taken
    bool Done() const
    {
        return m_offset >= m_size;
    }

  private:
    const uint8_t* m_data;
    size_t m_size;
    size_t m_offset{0};
};

} // namespace pptpfuzz
} // namespace ns3

#endif /* PPTP_FUZZ_CHECK_H */
