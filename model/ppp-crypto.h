/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_CRYPTO_H
#define PPP_CRYPTO_H

// The cryptography PPP authentication needs (CHAP-MD5, MS-CHAPv2), written
// here from the public specifications so that the module depends on no
// crypto library. These primitives are for simulation: MD4, MD5, SHA-1 and
// single DES are long broken and none of this is constant-time.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * MD5 message digest (RFC 1321).
 * \param data the message
 * \param size its length in bytes
 * \return the 16-byte digest
 */
std::array<uint8_t, 16> PppMd5(const uint8_t* data, size_t size);

/**
 * \ingroup pptp
 * \param data the message
 * \return its MD5 digest (RFC 1321)
 */
std::array<uint8_t, 16> PppMd5(const std::vector<uint8_t>& data);

/**
 * \ingroup pptp
 * MD4 message digest (RFC 1320), the hash of Windows NT passwords.
 * \param data the message
 * \param size its length in bytes
 * \return the 16-byte digest
 */
std::array<uint8_t, 16> PppMd4(const uint8_t* data, size_t size);

/**
 * \ingroup pptp
 * \param data the message
 * \return its MD4 digest (RFC 1320)
 */
std::array<uint8_t, 16> PppMd4(const std::vector<uint8_t>& data);

/**
 * \ingroup pptp
 * SHA-1 message digest (FIPS 180-1).
 * \param data the message
 * \param size its length in bytes
 * \return the 20-byte digest
 */
std::array<uint8_t, 20> PppSha1(const uint8_t* data, size_t size);

/**
 * \ingroup pptp
 * \param data the message
 * \return its SHA-1 digest (FIPS 180-1)
 */
std::array<uint8_t, 20> PppSha1(const std::vector<uint8_t>& data);

/**
 * \ingroup pptp
 * DES (FIPS 46-3) encryption of one block with a 64-bit key, as published
 * test vectors give it. The low bit of each key byte is a parity bit, which
 * DES ignores.
 * \param clear the 8-byte plaintext block
 * \param key the 8-byte key, parity bits included
 * \return the 8-byte ciphertext block
 */
std::array<uint8_t, 8> PppDesEncryptBlock(const std::array<uint8_t, 8>& clear,
                                          const std::array<uint8_t, 8>& key);

/**
 * \ingroup pptp
 * Spreads a 56-bit key over 8 bytes, 7 key bits then an odd-parity bit in
 * each (RFC 2759 sections 8.6 and 9.3).
 * \param key7 the 7-byte key
 * \return the 8-byte DES key
 */
std::array<uint8_t, 8> PppDesExpandKey(const uint8_t* key7);

/**
 * \ingroup pptp
 * DesEncrypt(Clear, Key, Cypher) of RFC 2759 section 8.6: DES of one block
 * with a 7-byte key (expanded with PppDesExpandKey).
 * \param clear the 8-byte plaintext block
 * \param key7 the 7-byte key
 * \return the 8-byte ciphertext block
 */
std::array<uint8_t, 8> PppDesEncrypt(const std::array<uint8_t, 8>& clear, const uint8_t* key7);

/**
 * \ingroup pptp
 * The CHAP Response value for the MD5 algorithm (RFC 1994 section 4.1):
 * MD5(Identifier || secret || Challenge).
 * \param identifier the Identifier of the Challenge packet
 * \param secret the secret shared by both peers
 * \param challenge the Challenge Value
 * \return the 16-byte Response Value
 */
std::array<uint8_t, 16> PppChapMd5Response(uint8_t identifier,
                                           const std::string& secret,
                                           const std::vector<uint8_t>& challenge);

/**
 * \ingroup pptp
 * ChallengeHash() of RFC 2759 section 8.2: the first 8 bytes of
 * SHA1(PeerChallenge || AuthenticatorChallenge || UserName). A
 * "DOMAIN\user" name is hashed without its domain, as the RFC requires.
 * \param peerChallenge the Peer-Challenge of the Response packet
 * \param authenticatorChallenge the Challenge of the Challenge packet
 * \param userName the peer's user name
 * \return the 8-byte challenge
 */
std::array<uint8_t, 8> MsChapV2ChallengeHash(const std::array<uint8_t, 16>& peerChallenge,
                                             const std::array<uint8_t, 16>& authenticatorChallenge,
                                             const std::string& userName);

/**
 * \ingroup pptp
 * NtPasswordHash() of RFC 2759 section 8.3: MD4 of the password in
 * UTF-16LE. The password is read as UTF-8 (so ASCII is one 16-bit unit a
 * character); bytes that are not valid UTF-8 are taken as Latin-1.
 * \param password the password
 * \return the 16-byte PasswordHash
 */
std::array<uint8_t, 16> MsChapNtPasswordHash(const std::string& password);

/**
 * \ingroup pptp
 * HashNtPasswordHash() of RFC 2759 section 8.4: MD4(PasswordHash).
 * \param passwordHash the PasswordHash
 * \return the 16-byte PasswordHashHash
 */
std::array<uint8_t, 16> MsChapHashNtPasswordHash(const std::array<uint8_t, 16>& passwordHash);

/**
 * \ingroup pptp
 * ChallengeResponse() of RFC 2759 section 8.5: the challenge encrypted with
 * DES under each third of the zero-padded 21-byte PasswordHash.
 * \param challenge the 8-byte challenge (MsChapV2ChallengeHash)
 * \param passwordHash the PasswordHash
 * \return the 24-byte response
 */
std::array<uint8_t, 24> MsChapChallengeResponse(const std::array<uint8_t, 8>& challenge,
                                                const std::array<uint8_t, 16>& passwordHash);

/**
 * \ingroup pptp
 * GenerateNTResponse() of RFC 2759 section 8.1: the NT-Response field of an
 * MS-CHAPv2 Response packet.
 * \param authenticatorChallenge the Challenge of the Challenge packet
 * \param peerChallenge the Peer-Challenge of the Response packet
 * \param userName the peer's user name
 * \param password the peer's password (see MsChapNtPasswordHash)
 * \return the 24-byte NT-Response
 */
std::array<uint8_t, 24> GenerateNtResponse(const std::array<uint8_t, 16>& authenticatorChallenge,
                                           const std::array<uint8_t, 16>& peerChallenge,
                                           const std::string& userName,
                                           const std::string& password);

/**
 * \ingroup pptp
 * GenerateAuthenticatorResponse() of RFC 2759 section 8.7: the
 * authenticator's proof that it knows the password, sent in the Success
 * packet.
 * \param password the peer's password (see MsChapNtPasswordHash)
 * \param ntResponse the NT-Response of the Response packet
 * \param peerChallenge the Peer-Challenge of the Response packet
 * \param authenticatorChallenge the Challenge of the Challenge packet
 * \param userName the peer's user name
 * \return "S=" followed by 40 upper-case hexadecimal digits
 */
std::string GenerateAuthenticatorResponse(const std::string& password,
                                          const std::array<uint8_t, 24>& ntResponse,
                                          const std::array<uint8_t, 16>& peerChallenge,
                                          const std::array<uint8_t, 16>& authenticatorChallenge,
                                          const std::string& userName);

/**
 * \ingroup pptp
 * CheckAuthenticatorResponse() of RFC 2759 section 8.8: the peer's check of
 * the authenticator response received in a Success packet.
 * \param password the peer's password
 * \param ntResponse the NT-Response the peer sent
 * \param peerChallenge the Peer-Challenge the peer sent
 * \param authenticatorChallenge the Challenge the peer received
 * \param userName the peer's user name
 * \param receivedResponse the "S=..." string received (hex digits in upper case, as the RFC
 *        requires)
 * \return true if it is the expected one
 */
bool CheckAuthenticatorResponse(const std::string& password,
                                const std::array<uint8_t, 24>& ntResponse,
                                const std::array<uint8_t, 16>& peerChallenge,
                                const std::array<uint8_t, 16>& authenticatorChallenge,
                                const std::string& userName,
                                const std::string& receivedResponse);

} // namespace ns3

#endif /* PPP_CRYPTO_H */
