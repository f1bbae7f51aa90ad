/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-crypto.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ns3
{

namespace
{

uint32_t
Rotl(uint32_t x, unsigned s)
{
    return (x << s) | (x >> (32 - s));
}

uint32_t
LoadLe32(const uint8_t* p)
{
    return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

uint32_t
LoadBe32(const uint8_t* p)
{
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

/**
 * Gives compress() the message 64 bytes at a time, then the padding MD4, MD5
 * and SHA-1 share: a 1 bit, zeros, and the message length in bits as 64 bits
 * (little-endian for MD4 and MD5, big-endian for SHA-1).
 */
template<class Compress>
void
ForEachPaddedBlock(const uint8_t* data, size_t size, bool bigEndianLength, Compress compress)
{
    size_t full = size / 64;
    for (size_t i = 0; i < full; ++i)
    {
        compress(data + 64 * i);
    }
    uint8_t tail[128] = {};
    size_t rest = size % 64;
    if (rest > 0)
    {
        std::memcpy(tail, data + 64 * full, rest);
    }
    tail[rest] = 0x80;
    // The length needs 8 bytes after the 0x80: a second block when they do not fit.
    size_t tailSize = (rest + 1 + 8 <= 64) ? 64 : 128;
    uint64_t bits = static_cast<uint64_t>(size) * 8;
    for (unsigned i = 0; i < 8; ++i)
    {
        unsigned shift = bigEndianLength ? 56 - 8 * i : 8 * i;
        tail[tailSize - 8 + i] = static_cast<uint8_t>(bits >> shift);
    }
    compress(tail);
    if (tailSize == 128)
    {
        compress(tail + 64);
    }
}

// ---- MD5 (RFC 1321) -------------------------------------------------------------

/// T[i] = floor(4294967296 * |sin(i + 1)|), RFC 1321 section 3.4; computed as the RFC defines it.
const std::array<uint32_t, 64>&
Md5SineTable()
{
    static const std::array<uint32_t, 64> table = []
    {
        std::array<uint32_t, 64> t{};
        for (unsigned i = 0; i < 64; ++i)
        {
            t[i] = static_cast<uint32_t>(std::floor(std::fabs(std::sin(i + 1.0)) * 4294967296.0));
        }
        return t;
    }();
    return table;
}

void
Md5Compress(std::array<uint32_t, 4>& state, const uint8_t* block)
{
    static const unsigned shifts[4][4]
        = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
    const std::array<uint32_t, 64>& t = Md5SineTable();
    uint32_t x[16];
    for (unsigned i = 0; i < 16; ++i)
    {
        x[i] = LoadLe32(block + 4 * i);
    }
    uint32_t a = state[0];
    uint32_t b = state[1];
    uint32_t c = state[2];
    uint32_t d = state[3];
    for (unsigned i = 0; i < 64; ++i)
    {
        unsigned round = i / 16;
        uint32_t f;
        unsigned k;
        switch (round)
        {
            case 0:
                f = (b & c) | (~b & d);
                k = i;
                break;
            case 1:
                f = (b & d) | (c & ~d);
                k = (1 + 5 * i) % 16;
                break;
            case 2:
                f = b ^ c ^ d;
                k = (5 + 3 * i) % 16;
                break;
            default:
                f = c ^ (b | ~d);
                k = (7 * i) % 16;
                break;
        }
        // The RFC's four operations per round, written once with the words rotating.
        uint32_t sum = a + f + x[k] + t[i];
        a = d;
        d = c;
        c = b;
        b = b + Rotl(sum, shifts[round][i % 4]);
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
}

// ---- MD4 (RFC 1320) -------------------------------------------------------------

void
Md4Compress(std::array<uint32_t, 4>& state, const uint8_t* block)
{
    static const unsigned shifts[3][4] = {{3, 7, 11, 19}, {3, 5, 9, 13}, {3, 9, 11, 15}};
    static const unsigned order2[16] = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
    static const unsigned order3[16] = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
    uint32_t x[16];
    for (unsigned i = 0; i < 16; ++i)
    {
        x[i] = LoadLe32(block + 4 * i);
    }
    uint32_t a = state[0];
    uint32_t b = state[1];
    uint32_t c = state[2];
    uint32_t d = state[3];
    for (unsigned i = 0; i < 48; ++i)
    {
        unsigned round = i / 16;
        unsigned j = i % 16;
        uint32_t f;
        unsigned k;
        uint32_t constant;
        switch (round)
        {
            case 0:
                f = (b & c) | (~b & d);
                k = j;
                constant = 0;
                break;
            case 1:
                f = (b & c) | (b & d) | (c & d);
                k = order2[j];
                constant = 0x5A827999;
                break;
            default:
                f = b ^ c ^ d;
                k = order3[j];
                constant = 0x6ED9EBA1;
                break;
        }
        uint32_t next = Rotl(a + f + x[k] + constant, shifts[round][j % 4]);
        a = d;
        d = c;
        c = b;
        b = next;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
}

/// MD4 and MD5 share their initial state, padding and output order.
template<void (*compress)(std::array<uint32_t, 4>&, const uint8_t*)>
std::array<uint8_t, 16>
MdDigest(const uint8_t* data, size_t size)
{
    std::array<uint32_t, 4> state = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476};
    ForEachPaddedBlock(data,
                       size,
                       false,
                       [&state](const uint8_t* block)
                       {
                           compress(state, block);
                       });
    std::array<uint8_t, 16> digest;
    for (unsigned i = 0; i < 16; ++i)
    {
        digest[i] = static_cast<uint8_t>(state[i / 4] >> (8 * (i % 4)));
    }
    return digest;
}

// ---- SHA-1 (FIPS 180-1) ---------------------------------------------------------

void
Sha1Compress(std::array<uint32_t, 5>& state, const uint8_t* block)
{
    uint32_t w[80];
    for (unsigned t = 0; t < 16; ++t)
    {
        w[t] = LoadBe32(block + 4 * t);
    }
    for (unsigned t = 16; t < 80; ++t)
    {
        w[t] = Rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    }
    uint32_t a = state[0];
    uint32_t b = state[1];
    uint32_t c = state[2];
    uint32_t d = state[3];
    uint32_t e = state[4];
    for (unsigned t = 0; t < 80; ++t)
    {
        uint32_t f;
        uint32_t k;
        if (t < 20)
        {
            f = (b & c) | (~b & d);
            k = 0x5A827999;
        }
        else if (t < 40)
        {
            f = b ^ c ^ d;
            k = 0x6ED9EBA1;
        }
        else if (t < 60)
        {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8F1BBCDC;
        }
        else
        {
            f = b ^ c ^ d;
            k = 0xCA62C1D6;
        }
        uint32_t temp = Rotl(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = Rotl(b, 30);
        b = a;
        a = temp;
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
}

// ---- DES (FIPS 46-3) ------------------------------------------------------------
// Tables number bits from 1, the most significant bit of the input first, and are laid out
// as FIPS 46-3 prints them, to be checked against it.
// clang-format off
constexpr uint8_t DES_IP[64] = {
    58, 50, 42, 34, 26, 18, 10, 2,
    60, 52, 44, 36, 28, 20, 12, 4,
    62, 54, 46, 38, 30, 22, 14, 6,
    64, 56, 48, 40, 32, 24, 16, 8,
    57, 49, 41, 33, 25, 17,  9, 1,
    59, 51, 43, 35, 27, 19, 11, 3,
    61, 53, 45, 37, 29, 21, 13, 5,
    63, 55, 47, 39, 31, 23, 15, 7};

constexpr uint8_t DES_E[48] = {
    32,  1,  2,  3,  4,  5,
     4,  5,  6,  7,  8,  9,
     8,  9, 10, 11, 12, 13,
    12, 13, 14, 15, 16, 17,
    16, 17, 18, 19, 20, 21,
    20, 21, 22, 23, 24, 25,
    24, 25, 26, 27, 28, 29,
    28, 29, 30, 31, 32,  1};

constexpr uint8_t DES_P[32] = {
    16,  7, 20, 21,
    29, 12, 28, 17,
     1, 15, 23, 26,
     5, 18, 31, 10,
     2,  8, 24, 14,
    32, 27,  3,  9,
    19, 13, 30,  6,
    22, 11,  4, 25};

constexpr uint8_t DES_PC1[56] = {
    57, 49, 41, 33, 25, 17,  9,
     1, 58, 50, 42, 34, 26, 18,
    10,  2, 59, 51, 43, 35, 27,
    19, 11,  3, 60, 52, 44, 36,
    63, 55, 47, 39, 31, 23, 15,
     7, 62, 54, 46, 38, 30, 22,
    14,  6, 61, 53, 45, 37, 29,
    21, 13,  5, 28, 20, 12,  4};

constexpr uint8_t DES_PC2[48] = {
    14, 17, 11, 24,  1,  5,
     3, 28, 15,  6, 21, 10,
    23, 19, 12,  4, 26,  8,
    16,  7, 27, 20, 13,  2,
    41, 52, 31, 37, 47, 55,
    30, 40, 51, 45, 33, 48,
    44, 49, 39, 56, 34, 53,
    46, 42, 50, 36, 29, 32};

constexpr uint8_t DES_SHIFTS[16] = {1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1};

/// S1..S8, each as 4 rows of 16 entries.
constexpr uint8_t DES_S[8][64] = {
    {14,  4, 13,  1,  2, 15, 11,  8,  3, 10,  6, 12,  5,  9,  0,  7,
      0, 15,  7,  4, 14,  2, 13,  1, 10,  6, 12, 11,  9,  5,  3,  8,
      4,  1, 14,  8, 13,  6,  2, 11, 15, 12,  9,  7,  3, 10,  5,  0,
     15, 12,  8,  2,  4,  9,  1,  7,  5, 11,  3, 14, 10,  0,  6, 13},
    {15,  1,  8, 14,  6, 11,  3,  4,  9,  7,  2, 13, 12,  0,  5, 10,
      3, 13,  4,  7, 15,  2,  8, 14, 12,  0,  1, 10,  6,  9, 11,  5,
      0, 14,  7, 11, 10,  4, 13,  1,  5,  8, 12,  6,  9,  3,  2, 15,
     13,  8, 10,  1,  3, 15,  4,  2, 11,  6,  7, 12,  0,  5, 14,  9},
    {10,  0,  9, 14,  6,  3, 15,  5,  1, 13, 12,  7, 11,  4,  2,  8,
     13,  7,  0,  9,  3,  4,  6, 10,  2,  8,  5, 14, 12, 11, 15,  1,
     13,  6,  4,  9,  8, 15,  3,  0, 11,  1,  2, 12,  5, 10, 14,  7,
      1, 10, 13,  0,  6,  9,  8,  7,  4, 15, 14,  3, 11,  5,  2, 12},
    { 7, 13, 14,  3,  0,  6,  9, 10,  1,  2,  8,  5, 11, 12,  4, 15,
     13,  8, 11,  5,  6, 15,  0,  3,  4,  7,  2, 12,  1, 10, 14,  9,
     10,  6,  9,  0, 12, 11,  7, 13, 15,  1,  3, 14,  5,  2,  8,  4,
      3, 15,  0,  6, 10,  1, 13,  8,  9,  4,  5, 11, 12,  7,  2, 14},
    { 2, 12,  4,  1,  7, 10, 11,  6,  8,  5,  3, 15, 13,  0, 14,  9,
     14, 11,  2, 12,  4,  7, 13,  1,  5,  0, 15, 10,  3,  9,  8,  6,
      4,  2,  1, 11, 10, 13,  7,  8, 15,  9, 12,  5,  6,  3,  0, 14,
     11,  8, 12,  7,  1, 14,  2, 13,  6, 15,  0,  9, 10,  4,  5,  3},
    {12,  1, 10, 15,  9,  2,  6,  8,  0, 13,  3,  4, 14,  7,  5, 11,
     10, 15,  4,  2,  7, 12,  9,  5,  6,  1, 13, 14,  0, 11,  3,  8,
      9, 14, 15,  5,  2,  8, 12,  3,  7,  0,  4, 10,  1, 13, 11,  6,
      4,  3,  2, 12,  9,  5, 15, 10, 11, 14,  1,  7,  6,  0,  8, 13},
    { 4, 11,  2, 14, 15,  0,  8, 13,  3, 12,  9,  7,  5, 10,  6,  1,
     13,  0, 11,  7,  4,  9,  1, 10, 14,  3,  5, 12,  2, 15,  8,  6,
      1,  4, 11, 13, 12,  3,  7, 14, 10, 15,  6,  8,  0,  5,  9,  2,
      6, 11, 13,  8,  1,  4, 10,  7,  9,  5,  0, 15, 14,  2,  3, 12},
    {13,  2,  8,  4,  6, 15, 11,  1, 10,  9,  3, 14,  5,  0, 12,  7,
      1, 15, 13,  8, 10,  3,  7,  4, 12,  5,  6, 11,  0, 14,  9,  2,
      7, 11,  4,  1,  9, 12, 14,  2,  0,  6, 10, 13, 15,  3,  5,  8,
      2,  1, 14,  7,  4, 10,  8, 13, 15, 12,  9,  0,  3,  5,  6, 11},
};
// clang-format on

/// Output bit i is input bit table[i] of an inBits-wide input.
uint64_t
Permute(uint64_t input, unsigned inBits, const uint8_t* table, unsigned outBits)
{
    uint64_t out = 0;
    for (unsigned i = 0; i < outBits; ++i)
    {
        out = (out << 1) | ((input >> (inBits - table[i])) & 1);
    }
    return out;
}

/// The final permutation is the inverse of the initial one (FIPS 46-3).
const uint8_t*
DesFinalPermutation()
{
    static const std::array<uint8_t, 64> table = []
    {
        std::array<uint8_t, 64> t{};
        for (unsigned i = 0; i < 64; ++i)
        {
            t[DES_IP[i] - 1] = static_cast<uint8_t>(i + 1);
        }
        return t;
    }();
    return table.data();
}

/// The cipher function f(R, K).
uint32_t
DesF(uint32_t r, uint64_t subkey)
{
    uint64_t x = Permute(r, 32, DES_E, 48) ^ subkey;
    uint32_t out = 0;
    for (unsigned i = 0; i < 8; ++i)
    {
        unsigned six = static_cast<unsigned>(x >> (42 - 6 * i)) & 0x3F;
        // The outer two bits choose the row, the middle four the column.
        unsigned row = ((six >> 4) & 2) | (six & 1);
        unsigned column = (six >> 1) & 0xF;
        out = (out << 4) | DES_S[i][row * 16 + column];
    }
    return static_cast<uint32_t>(Permute(out, 32, DES_P, 32));
}

uint64_t
LoadBe64(const uint8_t* p)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < 8; ++i)
    {
        v = (v << 8) | p[i];
    }
    return v;
}

// ---- MS-CHAPv2 helpers ----------------------------------------------------------

/// UTF-8 text as UTF-16LE; a byte that does not start a valid UTF-8 sequence is one Latin-1
/// character.
std::vector<uint8_t>
Utf16Le(const std::string& text)
{
    std::vector<uint8_t> out;
    auto put = [&out](uint32_t unit)
    {
        out.push_back(static_cast<uint8_t>(unit & 0xFF));
        out.push_back(static_cast<uint8_t>(unit >> 8));
    };
    static const uint32_t shortest[5] = {0, 0, 0x80, 0x800, 0x10000};
    size_t i = 0;
    while (i < text.size())
    {
        uint8_t lead = static_cast<uint8_t>(text[i]);
        uint32_t cp = 0;
        size_t length = 0;
        if (lead < 0x80)
        {
            cp = lead;
            length = 1;
        }
        else if ((lead & 0xE0) == 0xC0)
        {
            cp = lead & 0x1F;
            length = 2;
        }
        else if ((lead & 0xF0) == 0xE0)
        {
            cp = lead & 0x0F;
            length = 3;
        }
        else if ((lead & 0xF8) == 0xF0)
        {
            cp = lead & 0x07;
            length = 4;
        }
        bool valid = length > 0 && i + length <= text.size();
        for (size_t j = 1; valid && j < length; ++j)
        {
            uint8_t next = static_cast<uint8_t>(text[i + j]);
            valid = (next & 0xC0) == 0x80;
            cp = (cp << 6) | (next & 0x3F);
        }
        if (valid && (cp < shortest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
        {
            valid = false; // overlong, out of range or a surrogate
        }
        if (!valid)
        {
            put(lead);
            ++i;
            continue;
        }
        if (cp >= 0x10000)
        {
            cp -= 0x10000;
            put(0xD800 + (cp >> 10));
            put(0xDC00 + (cp & 0x3FF));
        }
        else
        {
            put(cp);
        }
        i += length;
    }
    return out;
}

std::string
UpperHex(const uint8_t* bytes, size_t size)
{
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (size_t i = 0; i < size; ++i)
    {
        out += digits[bytes[i] >> 4];
        out += digits[bytes[i] & 0xF];
    }
    return out;
}

} // namespace

std::array<uint8_t, 16>
PppMd5(const uint8_t* data, size_t size)
{
    return MdDigest<Md5Compress>(data, size);
}

std::array<uint8_t, 16>
PppMd5(const std::vector<uint8_t>& data)
{
    return PppMd5(data.data(), data.size());
}

std::array<uint8_t, 16>
PppMd4(const uint8_t* data, size_t size)
{
    return MdDigest<Md4Compress>(data, size);
}

std::array<uint8_t, 16>
PppMd4(const std::vector<uint8_t>& data)
{
    return PppMd4(data.data(), data.size());
}

std::array<uint8_t, 20>
PppSha1(const uint8_t* data, size_t size)
{
    std::array<uint32_t, 5> state = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    ForEachPaddedBlock(data,
                       size,
                       true,
                       [&state](const uint8_t* block)
                       {
                           Sha1Compress(state, block);
                       });
    std::array<uint8_t, 20> digest;
    for (unsigned i = 0; i < 20; ++i)
    {
        digest[i] = static_cast<uint8_t>(state[i / 4] >> (24 - 8 * (i % 4)));
    }
    return digest;
}

std::array<uint8_t, 20>
PppSha1(const std::vector<uint8_t>& data)
{
    return PppSha1(data.data(), data.size());
}

std::array<uint8_t, 8>
PppDesEncryptBlock(const std::array<uint8_t, 8>& clear, const std::array<uint8_t, 8>& key)
{
    // Key schedule: PC-1 drops the parity bits, C and D rotate, PC-2 picks 48 bits a round.
    uint64_t cd = Permute(LoadBe64(key.data()), 64, DES_PC1, 56);
    uint32_t c = static_cast<uint32_t>(cd >> 28);
    uint32_t d = static_cast<uint32_t>(cd & 0x0FFFFFFF);
    uint64_t subkeys[16];
    for (unsigned round = 0; round < 16; ++round)
    {
        unsigned s = DES_SHIFTS[round];
        c = ((c << s) | (c >> (28 - s))) & 0x0FFFFFFF;
        d = ((d << s) | (d >> (28 - s))) & 0x0FFFFFFF;
        subkeys[round] = Permute((uint64_t(c) << 28) | d, 56, DES_PC2, 48);
    }

    uint64_t block = Permute(LoadBe64(clear.data()), 64, DES_IP, 64);
    uint32_t left = static_cast<uint32_t>(block >> 32);
    uint32_t right = static_cast<uint32_t>(block);
    for (unsigned round = 0; round < 16; ++round)
    {
        uint32_t next = left ^ DesF(right, subkeys[round]);
        left = right;
        right = next;
    }
    // The last round's halves are not swapped: R16 L16 goes into the final permutation.
    uint64_t preOutput = (uint64_t(right) << 32) | left;
    uint64_t out = Permute(preOutput, 64, DesFinalPermutation(), 64);
    std::array<uint8_t, 8> cypher;
    for (unsigned i = 0; i < 8; ++i)
    {
        cypher[i] = static_cast<uint8_t>(out >> (56 - 8 * i));
    }
    return cypher;
}

std::array<uint8_t, 8>
PppDesExpandKey(const uint8_t* key7)
{
    uint64_t bits = 0;
    for (unsigned i = 0; i < 7; ++i)
    {
        bits = (bits << 8) | key7[i];
    }
    std::array<uint8_t, 8> key;
    for (unsigned i = 0; i < 8; ++i)
    {
        uint8_t seven = static_cast<uint8_t>((bits >> (49 - 7 * i)) & 0x7F);
        uint8_t byte = static_cast<uint8_t>(seven << 1);
        unsigned ones = 0;
        for (uint8_t v = seven; v != 0; v >>= 1)
        {
            ones += v & 1;
        }
        // Odd parity: the low bit makes the count of ones in the byte odd.
        key[i] = (ones % 2 == 0) ? byte | 1 : byte;
    }
    return key;
}

std::array<uint8_t, 8>
PppDesEncrypt(const std::array<uint8_t, 8>& clear, const uint8_t* key7)
{
    return PppDesEncryptBlock(clear, PppDesExpandKey(key7));
}

std::array<uint8_t, 16>
PppChapMd5Response(uint8_t identifier,
                   const std::string& secret,
                   const std::vector<uint8_t>& challenge)
{
    // RFC 1994: MD5 of identifier, secret, challenge.
    std::vector<uint8_t> input(1 + secret.size() + challenge.size());
    input[0] = identifier;
    auto next = std::copy(secret.begin(), secret.end(), input.begin() + 1);
    std::copy(challenge.begin(), challenge.end(), next);
    return PppMd5(input);
}

std::array<uint8_t, 8>
MsChapV2ChallengeHash(const std::array<uint8_t, 16>& peerChallenge,
                      const std::array<uint8_t, 16>& authenticatorChallenge,
                      const std::string& userName)
{
    size_t backslash = userName.rfind('\\');
    std::string name = (backslash == std::string::npos) ? userName : userName.substr(backslash + 1);
    std::vector<uint8_t> input(peerChallenge.begin(), peerChallenge.end());
    input.insert(input.end(), authenticatorChallenge.begin(), authenticatorChallenge.end());
    input.insert(input.end(), name.begin(), name.end());
    std::array<uint8_t, 20> digest = PppSha1(input);
    std::array<uint8_t, 8> challenge;
    std::copy(digest.begin(), digest.begin() + 8, challenge.begin());
    return challenge;
}

std::array<uint8_t, 16>
MsChapNtPasswordHash(const std::string& password)
{
    return PppMd4(Utf16Le(password));
}

std::array<uint8_t, 16>
MsChapHashNtPasswordHash(const std::array<uint8_t, 16>& passwordHash)
{
    return PppMd4(passwordHash.data(), passwordHash.size());
}

std::array<uint8_t, 24>
MsChapChallengeResponse(const std::array<uint8_t, 8>& challenge,
                        const std::array<uint8_t, 16>& passwordHash)
{
    uint8_t zPasswordHash[21] = {};
    std::copy(passwordHash.begin(), passwordHash.end(), zPasswordHash);
    std::array<uint8_t, 24> response;
    for (unsigned i = 0; i < 3; ++i)
    {
        std::array<uint8_t, 8> part = PppDesEncrypt(challenge, zPasswordHash + 7 * i);
        std::copy(part.begin(), part.end(), response.begin() + 8 * i);
    }
    return response;
}

std::array<uint8_t, 24>
GenerateNtResponse(const std::array<uint8_t, 16>& authenticatorChallenge,
                   const std::array<uint8_t, 16>& peerChallenge,
                   const std::string& userName,
                   const std::string& password)
{
    return MsChapChallengeResponse(
        MsChapV2ChallengeHash(peerChallenge, authenticatorChallenge, userName),
        MsChapNtPasswordHash(password));
}

std::string
GenerateAuthenticatorResponse(const std::string& password,
                              const std::array<uint8_t, 24>& ntResponse,
                              const std::array<uint8_t, 16>& peerChallenge,
                              const std::array<uint8_t, 16>& authenticatorChallenge,
                              const std::string& userName)
{
    // The two "magic" constants of RFC 2759 section 8.7, as ASCII without a terminator.
    static const std::string magic1 = "Magic server to client signing constant";
    static const std::string magic2 = "Pad to make it do more than one iteration";

    std::array<uint8_t, 16> passwordHashHash
        = MsChapHashNtPasswordHash(MsChapNtPasswordHash(password));
    std::vector<uint8_t> input(passwordHashHash.begin(), passwordHashHash.end());
    input.insert(input.end(), ntResponse.begin(), ntResponse.end());
    input.insert(input.end(), magic1.begin(), magic1.end());
    std::array<uint8_t, 20> digest = PppSha1(input);

    std::array<uint8_t, 8> challenge
        = MsChapV2ChallengeHash(peerChallenge, authenticatorChallenge, userName);
    input.assign(digest.begin(), digest.end());
    input.insert(input.end(), challenge.begin(), challenge.end());
    input.insert(input.end(), magic2.begin(), magic2.end());
    digest = PppSha1(input);

    return "S=" + UpperHex(digest.data(), digest.size());
}

bool
CheckAuthenticatorResponse(const std::string& password,
                           const std::array<uint8_t, 24>& ntResponse,
                           const std::array<uint8_t, 16>& peerChallenge,
                           const std::array<uint8_t, 16>& authenticatorChallenge,
                           const std::string& userName,
                           const std::string& receivedResponse)
{
    return receivedResponse
           == GenerateAuthenticatorResponse(
               password, ntResponse, peerChallenge, authenticatorChallenge, userName);
}

} // namespace ns3
