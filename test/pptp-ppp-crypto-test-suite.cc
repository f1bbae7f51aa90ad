/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The PPP authentication cryptography against published test vectors: the
// MD5 and MD4 test suites of RFC 1321 and RFC 1320, the SHA-1 examples of
// FIPS 180, DES known answers, and the MS-CHAPv2 examples of RFC 2759
// sections 9.2 and 9.3. Values not published in those documents were
// computed independently (Python's hashlib, the openssl command and iconv),
// never with the code under test.

#include "ns3/ppp-crypto.h"
#include "ns3/test.h"
#include "pptp-test-utils.h"

#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

/// \param text some text \return its bytes
std::vector<uint8_t>
Ascii(const std::string& text)
{
    return std::vector<uint8_t>(text.begin(), text.end());
}

/// \param bytes a digest or block \return it as lower-case hex
template<size_t N>
std::string
Hex(const std::array<uint8_t, N>& bytes)
{
    return ToHex(std::vector<uint8_t>(bytes.begin(), bytes.end()));
}

/// \param hex hex digits, either case, spaces allowed \return them in lower case without spaces
std::string
Expected(const std::string& hex)
{
    return ToHex(Bytes().Hex(hex).Get());
}

/// \param hex 2 * N hex digits \return the N bytes
template<size_t N>
std::array<uint8_t, N>
Array(const std::string& hex)
{
    std::vector<uint8_t> bytes = Bytes().Hex(hex).Get();
    std::array<uint8_t, N> out{};
    for (size_t i = 0; i < N && i < bytes.size(); ++i)
    {
        out[i] = bytes[i];
    }
    return out;
}

/// The seven strings of the test suites of RFC 1321 and RFC 1320 (appendix A.5).
const std::string RFC_STRINGS[7] = {
    "",
    "a",
    "abc",
    "message digest",
    "abcdefghijklmnopqrstuvwxyz",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
};

/** MD5: the test suite of RFC 1321 appendix A.5. */
class Md5TestCase : public TestCase
{
  public:
    Md5TestCase()
        : TestCase("MD5: RFC 1321 A.5 test suite")
    {
    }

  private:
    void DoRun() override
    {
        const std::string digests[7] = {
            "d41d8cd98f00b204e9800998ecf8427e",
            "0cc175b9c0f1b6a831c399e269772661",
            "900150983cd24fb0d6963f7d28e17f72",
            "f96b697d7cb7938d525a2f31aaf161d0",
            "c3fcd3d76192e4007dfb496cca67e13b",
            "d174ab98d277d9f5a5611c2c9f419d9f",
            "57edf4a22be3c955ac49da2e2107b67a",
        };
        for (unsigned i = 0; i < 7; ++i)
        {
            std::vector<uint8_t> message = Ascii(RFC_STRINGS[i]);
            NS_TEST_EXPECT_MSG_EQ(
                Hex(PppMd5(message)), digests[i], "MD5(\"" << RFC_STRINGS[i] << "\")");
            NS_TEST_EXPECT_MSG_EQ(Hex(PppMd5(message.data(), message.size())),
                                  digests[i],
                                  "MD5(\"" << RFC_STRINGS[i] << "\"), pointer form");
        }
    }
};

/** MD4: the test suite of RFC 1320 appendix A.5. */
class Md4TestCase : public TestCase
{
  public:
    Md4TestCase()
        : TestCase("MD4: RFC 1320 A.5 test suite")
    {
    }

  private:
    void DoRun() override
    {
        const std::string digests[7] = {
            "31d6cfe0d16ae931b73c59d7e0c089c0",
            "bde52cb31de33e46245e05fbdbd6fb24",
            "a448017aaf21d8525fc10ae87aa6729d",
            "d9130a8164549fe818874806e1c7014b",
            "d79e1c308aa5bbcdeea8ed63df412da9",
            "043f8582f241db351ce627e153e7f0e4",
            "e33b4ddc9c38f2199c3e7b164fcc0536",
        };
        for (unsigned i = 0; i < 7; ++i)
        {
            std::vector<uint8_t> message = Ascii(RFC_STRINGS[i]);
            NS_TEST_EXPECT_MSG_EQ(
                Hex(PppMd4(message)), digests[i], "MD4(\"" << RFC_STRINGS[i] << "\")");
            NS_TEST_EXPECT_MSG_EQ(Hex(PppMd4(message.data(), message.size())),
                                  digests[i],
                                  "MD4(\"" << RFC_STRINGS[i] << "\"), pointer form");
        }
    }
};

/** SHA-1: the one-block and two-block examples of FIPS 180, and a million 'a'. */
class Sha1TestCase : public TestCase
{
  public:
    Sha1TestCase()
        : TestCase("SHA-1: FIPS 180 examples and 1,000,000 'a'")
    {
    }

  private:
    void DoRun() override
    {
        NS_TEST_EXPECT_MSG_EQ(Hex(PppSha1(Ascii("abc"))),
                              "a9993e364706816aba3e25717850c26c9cd0d89d",
                              "SHA1(\"abc\")");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(PppSha1(Ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
            "SHA1 of the 448-bit message");
        std::vector<uint8_t> million(1000000, 'a');
        NS_TEST_EXPECT_MSG_EQ(Hex(PppSha1(million.data(), million.size())),
                              "34aa973cd4c4daa4f61eeb2bdbad27316534016f",
                              "SHA1 of 1,000,000 'a'");
    }
};

/**
 * The three hashes around the padding boundaries: 55 bytes leave room for
 * the length in the last block, 56 to 63 do not, 64 and 65 start a new one.
 * Expected values from Python's hashlib (MD5, SHA-1) and openssl (MD4).
 */
class PaddingBoundaryTestCase : public TestCase
{
  public:
    PaddingBoundaryTestCase()
        : TestCase("MD5, MD4, SHA-1 at the padding boundaries")
    {
    }

  private:
    void DoRun() override
    {
        struct Row
        {
            size_t length;
            std::string md5;
            std::string md4;
            std::string sha1;
        };

        const Row rows[] = {
            {55,
             "ef1772b6dff9a122358552954ad0df65",
             "c889c81dd86c4d2e025778944ea02881",
             "c1c8bbdc22796e28c0e15163d20899b65621d65a"},
            {56,
             "3b0c8ac703f828b04c6c197006d17218",
             "d5f9a9e9257077a5f08b0b92f348b0ad",
             "c2db330f6083854c99d4b5bfb6e8f29f201be699"},
            {63,
             "b06521f39153d618550606be297466d5",
             "7ea3da77432d44c323671097d1348fc8",
             "03f09f5b158a7a8cdad920bddc29b81c18a551f5"},
            {64,
             "014842d480b571495a4a0363793f7367",
             "52f5076fabd22680234a3fa9f9dc5732",
             "0098ba824b5c16427bd7a1122a5a442a25ec644d"},
            {65,
             "c743a45e0d2e6a95cb859adae0248435",
             "330e377bf231f3cacfecc2c182fe7e5b",
             "11655326c708d70319be2610e8a57d9a5b959d3b"},
        };
        for (const Row& row : rows)
        {
            std::vector<uint8_t> message(row.length, 'a');
            NS_TEST_EXPECT_MSG_EQ(Hex(PppMd5(message)), row.md5, "MD5 of " << row.length);
            NS_TEST_EXPECT_MSG_EQ(Hex(PppMd4(message)), row.md4, "MD4 of " << row.length);
            NS_TEST_EXPECT_MSG_EQ(Hex(PppSha1(message)), row.sha1, "SHA-1 of " << row.length);
        }
    }
};

/** DES with 8-byte keys: known answers. */
class DesTestCase : public TestCase
{
  public:
    DesTestCase()
        : TestCase("DES: known-answer vectors")
    {
    }

  private:
    void DoRun() override
    {
        struct Row
        {
            std::string key;
            std::string clear;
            std::string cypher;
        };

        const Row rows[] = {
            // The worked example often used to teach DES (key with parity bits set).
            {"133457799BBCDFF1", "0123456789ABCDEF", "85E813540F0AB405"},
            // NBS known answer giving an all-zero block.
            {"0E329232EA6D0D73", "8787878787878787", "0000000000000000"},
            // Random keys and blocks, ciphertexts from `openssl enc -des-ecb -nopad`.
            {"8AEFA254E1563A5C", "08192BAAC8A670F6", "BCF48145500123D9"},
            {"182EEF3FA815DF3B", "1E7406D208394919", "FFC3C5A99F4EC0D7"},
            {"DB9EB2C662F51CEB", "58AA23C771D781E3", "A4A951D5FAAAF2B3"},
            {"23DAE47BDF8BD5C7", "D9322F889361D4A6", "E41BF953B3A2D37C"},
            {"33602B416B9F8610", "BDC15B37421162A1", "6D9DF4E0F28044F3"},
            {"8937E42ECED5CF75", "D3EA8696763D0FF6", "7A91F360B1D63581"},
        };
        for (const Row& row : rows)
        {
            std::array<uint8_t, 8> key = Array<8>(row.key);
            std::array<uint8_t, 8> clear = Array<8>(row.clear);
            NS_TEST_EXPECT_MSG_EQ(Hex(PppDesEncryptBlock(clear, key)),
                                  Expected(row.cypher),
                                  "DES key " << row.key << " block " << row.clear);
            // DES ignores the parity bits: flipping them all changes nothing.
            for (uint8_t& byte : key)
            {
                byte ^= 1;
            }
            NS_TEST_EXPECT_MSG_EQ(Hex(PppDesEncryptBlock(clear, key)),
                                  Expected(row.cypher),
                                  "DES key " << row.key << " with its parity bits flipped");
        }
    }
};

/** The 7-byte to 8-byte key expansion: RFC 2759 section 9.3. */
class DesKeyExpansionTestCase : public TestCase
{
  public:
    DesKeyExpansionTestCase()
        : TestCase("DES key expansion: RFC 2759 9.3 example")
    {
    }

  private:
    void DoRun() override
    {
        // PasswordHash of "MyPw", whose halves are the two raw keys.
        std::array<uint8_t, 16> passwordHash = MsChapNtPasswordHash("MyPw");
        NS_TEST_ASSERT_MSG_EQ(Hex(passwordHash),
                              Expected("FC 15 6A F7 ED CD 6C 0E DD E3 33 7D 42 7F 4E AC"),
                              "PasswordHash of MyPw");
        NS_TEST_EXPECT_MSG_EQ(Hex(PppDesExpandKey(passwordHash.data())),
                              Expected("FD 0B 5B 5E 7F 6E 34 D9"),
                              "first parity-corrected key");
        NS_TEST_EXPECT_MSG_EQ(Hex(PppDesExpandKey(passwordHash.data() + 7)),
                              Expected("0E 6E 79 67 37 EA 08 FE"),
                              "second parity-corrected key");

        // Every expanded byte has odd parity.
        const uint8_t ones[7] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
        const uint8_t zeros[7] = {};
        NS_TEST_EXPECT_MSG_EQ(
            Hex(PppDesExpandKey(ones)), "fefefefefefefefe", "all-ones key: parity bits clear");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(PppDesExpandKey(zeros)), "0101010101010101", "all-zeros key: parity bits set");

        // DesEncrypt with a 7-byte key is DES with the expanded key.
        std::array<uint8_t, 8> clear = Array<8>("0123456789ABCDEF");
        NS_TEST_EXPECT_MSG_EQ(Hex(PppDesEncrypt(clear, passwordHash.data())),
                              Hex(PppDesEncryptBlock(clear, Array<8>("FD0B5B5E7F6E34D9"))),
                              "DesEncrypt of RFC 2759 8.6");
    }
};

/**
 * CHAP with MD5 (RFC 1994): MD5(Identifier || secret || Challenge). Expected
 * value from Python: hashlib.md5(bytes([0x2a]) + b"s3cr3t" +
 * bytes.fromhex("0123456789abcdeffedcba9876543210")).hexdigest().
 */
class ChapMd5TestCase : public TestCase
{
  public:
    ChapMd5TestCase()
        : TestCase("CHAP-MD5 response")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<uint8_t> challenge = Bytes().Hex("0123456789abcdeffedcba9876543210");
        NS_TEST_EXPECT_MSG_EQ(Hex(PppChapMd5Response(0x2A, "s3cr3t", challenge)),
                              "1e020fe9e52f0a45233a7b2ad556cfc6",
                              "response to identifier 0x2a");
        NS_TEST_EXPECT_MSG_EQ((PppChapMd5Response(0x2B, "s3cr3t", challenge)
                               == PppChapMd5Response(0x2A, "s3cr3t", challenge)),
                              false,
                              "the identifier is part of the hash");

        // The definition, with the module's MD5.
        std::vector<uint8_t> input = Bytes().U8(7).Append(Ascii("pw")).Append(challenge);
        NS_TEST_EXPECT_MSG_EQ(Hex(PppChapMd5Response(7, "pw", challenge)),
                              Hex(PppMd5(input)),
                              "MD5(Identifier || secret || Challenge)");
    }
};

/** MS-CHAPv2: the complete example of RFC 2759 section 9.2. */
class MsChapV2TestCase : public TestCase
{
  public:
    MsChapV2TestCase()
        : TestCase("MS-CHAPv2: RFC 2759 9.2 example")
    {
    }

  private:
    void DoRun() override
    {
        const std::string userName = "User";
        const std::string password = "clientPass";
        const std::array<uint8_t, 16> authenticatorChallenge
            = Array<16>("5B 5D 7C 7D 7B 3F 2F 3E 3C 2C 60 21 32 26 26 28");
        const std::array<uint8_t, 16> peerChallenge
            = Array<16>("21 40 23 24 25 5E 26 2A 28 29 5F 2B 3A 33 7C 7E");

        // The password in Unicode, as the RFC lists it.
        std::vector<uint8_t> unicode
            = Bytes().Hex("63 00 6C 00 69 00 65 00 6E 00 74 00 50 00 61 00 73 00 73 00");
        NS_TEST_EXPECT_MSG_EQ(Hex(MsChapNtPasswordHash(password)),
                              Hex(PppMd4(unicode)),
                              "the password is hashed as UTF-16LE");

        std::array<uint8_t, 8> challenge
            = MsChapV2ChallengeHash(peerChallenge, authenticatorChallenge, userName);
        NS_TEST_EXPECT_MSG_EQ(Hex(challenge), Expected("D0 2E 43 86 BC E9 12 26"), "ChallengeHash");

        std::array<uint8_t, 16> passwordHash = MsChapNtPasswordHash(password);
        NS_TEST_EXPECT_MSG_EQ(Hex(passwordHash),
                              Expected("44 EB BA 8D 53 12 B8 D6 11 47 44 11 F5 69 89 AE"),
                              "PasswordHash");

        const std::string ntExpected = Expected("82 30 9E CD 8D 70 8B 5E A0 8F AA 39 "
                                                "81 CD 83 54 42 33 11 4A 3D 85 D6 DF");
        NS_TEST_EXPECT_MSG_EQ(
            Hex(MsChapChallengeResponse(challenge, passwordHash)), ntExpected, "ChallengeResponse");
        std::array<uint8_t, 24> ntResponse
            = GenerateNtResponse(authenticatorChallenge, peerChallenge, userName, password);
        NS_TEST_EXPECT_MSG_EQ(Hex(ntResponse), ntExpected, "NT-Response");

        NS_TEST_EXPECT_MSG_EQ(Hex(MsChapHashNtPasswordHash(passwordHash)),
                              Expected("41 C0 0C 58 4B D2 D9 1C 40 17 A2 A1 2F A5 9F 3F"),
                              "PasswordHashHash");

        const std::string authenticatorResponse = "S=407A5589115FD0D6209F510FE9C04566932CDA56";
        NS_TEST_EXPECT_MSG_EQ(
            GenerateAuthenticatorResponse(
                password, ntResponse, peerChallenge, authenticatorChallenge, userName),
            authenticatorResponse,
            "AuthenticatorResponse");

        // The peer's check (RFC 2759 8.8).
        NS_TEST_EXPECT_MSG_EQ(CheckAuthenticatorResponse(password,
                                                         ntResponse,
                                                         peerChallenge,
                                                         authenticatorChallenge,
                                                         userName,
                                                         authenticatorResponse),
                              true,
                              "the right authenticator response is accepted");
        NS_TEST_EXPECT_MSG_EQ(CheckAuthenticatorResponse("wrongPass",
                                                         ntResponse,
                                                         peerChallenge,
                                                         authenticatorChallenge,
                                                         userName,
                                                         authenticatorResponse),
                              false,
                              "an authenticator without the password is rejected");
        NS_TEST_EXPECT_MSG_EQ(
            CheckAuthenticatorResponse(password,
                                       ntResponse,
                                       peerChallenge,
                                       authenticatorChallenge,
                                       userName,
                                       "S=407a5589115fd0d6209f510fe9c04566932cda56"),
            false,
            "hex digits must be upper case");

        // Only the account name is hashed, not a "DOMAIN\" prefix (RFC 2759 8.2).
        NS_TEST_EXPECT_MSG_EQ(
            Hex(GenerateNtResponse(authenticatorChallenge, peerChallenge, "BIGCO\\User", password)),
            ntExpected,
            "domain prefix left out of ChallengeHash");
        NS_TEST_EXPECT_MSG_EQ(
            (Hex(GenerateNtResponse(authenticatorChallenge, peerChallenge, "user", password))
             == ntExpected),
            false,
            "the user name is case-sensitive");
    }
};

/**
 * NtPasswordHash of passwords that are not ASCII. Expected values from
 * `iconv -t UTF-16LE | openssl dgst -md4`.
 */
class NtPasswordHashUnicodeTestCase : public TestCase
{
  public:
    NtPasswordHashUnicodeTestCase()
        : TestCase("NtPasswordHash of non-ASCII passwords")
    {
    }

  private:
    void DoRun() override
    {
        // U+00E4, U+00F6, U+20AC and U+1D11E (a surrogate pair), in UTF-8.
        const std::string password = "p\xC3\xA4ssw\xC3\xB6rd"
                                     "\xE2\x82\xAC"
                                     "\xF0\x9D\x84\x9E";
        NS_TEST_EXPECT_MSG_EQ(Hex(MsChapNtPasswordHash(password)),
                              "0b92ab89d8e0ec0bb35132664c2167c5",
                              "UTF-8 password");
        // A lone 0xE9 is not UTF-8: it is taken as Latin-1 e-acute.
        NS_TEST_EXPECT_MSG_EQ(Hex(MsChapNtPasswordHash("caf\xE9")),
                              "b1db12409c00d1fc586fc48ecadc36a1",
                              "Latin-1 fallback");
    }
};

/** The suite. */
class PptpPppCryptoTestSuite : public TestSuite
{
  public:
    PptpPppCryptoTestSuite();
};

PptpPppCryptoTestSuite::PptpPppCryptoTestSuite()
    : TestSuite("pptp-ppp-crypto", UNIT)
{
    AddTestCase(new Md5TestCase, TestCase::QUICK);
    AddTestCase(new Md4TestCase, TestCase::QUICK);
    AddTestCase(new Sha1TestCase, TestCase::QUICK);
    AddTestCase(new PaddingBoundaryTestCase, TestCase::QUICK);
    AddTestCase(new DesTestCase, TestCase::QUICK);
    AddTestCase(new DesKeyExpansionTestCase, TestCase::QUICK);
    AddTestCase(new ChapMd5TestCase, TestCase::QUICK);
    AddTestCase(new MsChapV2TestCase, TestCase::QUICK);
    AddTestCase(new NtPasswordHashUnicodeTestCase, TestCase::QUICK);
}

PptpPppCryptoTestSuite g_pptpPppCryptoTestSuite;

} // namespace
