/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_AUTH_H
#define PPP_AUTH_H

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"
#include "ppp-control-packet.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * Authentication protocols of a PPP link (the LCP Authentication-Protocol option).
 */
enum PppAuthProtocol
{
    PPP_AUTH_NONE,      //!< no authentication
    PPP_AUTH_PAP,       //!< PAP, RFC 1334
    PPP_AUTH_CHAP_MD5,  //!< CHAP with MD5, RFC 1994
    PPP_AUTH_MSCHAP_V2, //!< MS-CHAPv2, RFC 2759
};

/**
 * \ingroup pptp
 * \param protocol a protocol
 * \return its name ("none", "PAP", "CHAP-MD5", "MS-CHAPv2")
 */
std::string PppAuthProtocolName(PppAuthProtocol protocol);

/**
 * \ingroup pptp
 * \param protocol a protocol (not NONE)
 * \return the LCP Authentication-Protocol option that asks for it
 */
PppOption PppAuthOption(PppAuthProtocol protocol);

/**
 * \ingroup pptp
 * \param option an LCP Authentication-Protocol option a peer asked for
 * \return the protocol it names (NONE if this side speaks none of that kind)
 */
PppAuthProtocol PppAuthFromOption(const PppOption& option);

/**
 * \ingroup pptp
 * \param option an Authentication-Protocol option a peer suggested in a Configure-Nak
 * \return the protocol to ask for instead (PAP, CHAP-MD5, or MS-CHAPv2 for anything else)
 */
PppAuthProtocol PppAuthSuggested(const PppOption& option);

/**
 * \ingroup pptp
 * One authentication protocol of a PPP link, in the peer's role (proving who
 * it is) or the authenticator's (checking the peer), behind one interface for
 * PAP (PppPap) and CHAP (PppChap: MD5 and MS-CHAPv2).
 *
 * The protocol object exists from the start of the link, so that a packet of
 * its protocol is answered whenever it comes; Start() begins the
 * authentication phase: what this side sends first is sent, and sent again
 * every restart time until the exchange completes, Max-Configure times in
 * all before it is given up (pppd's upap and chap time-outs).
 */
class PppAuth
{
  public:
    /// How an authentication ended.
    enum class Result
    {
        SUCCESS, //!< the credentials were accepted
        FAILED,  //!< refused
        TIMEOUT, //!< no answer within the retries
    };

    /// What the protocol is configured with.
    struct Config
    {
        bool authenticator{false}; //!< this side checks the peer
        std::string username;      //!< the peer's name (and the one the authenticator accepts)
        std::string password;      //!< its secret
        Time retry;                //!< the restart timer
        uint32_t maxTries{10};     //!< tries before giving up
        Ptr<UniformRandomVariable> random; //!< the session's random stream (challenges)
        /// The protocol in force on the link (what LCP agreed so far).
        std::function<PppAuthProtocol()> inForce;
    };

    /// What the protocol tells its session.
    struct Handler
    {
        /// Send a packet of this protocol.
        std::function<void(const PppControlPacket&)> send;
        /// The exchange ended.
        std::function<void(Result)> done;
    };

    virtual ~PppAuth();

    /// The authentication phase begins with this protocol in force.
    void Start();
    /// No more retries (the link is done with authentication, or down).
    void Stop();
    /// \param packet a packet of this protocol from the peer
    virtual void Receive(const PppControlPacket& packet) = 0;
    /// \return true once the exchange ended, one way or the other
    bool IsFinished() const;

  protected:
    /**
     * \param config its configuration
     * \param handler what to tell the session
     */
    PppAuth(Config config, Handler handler);

    /// Send what this side sends first, and again on each retry (nothing to wait for the peer).
    virtual void Transmit() = 0;
    /// End the exchange. \param success accepted or refused
    void Finish(bool success);
    /// \param n how many \return random bytes from the session's stream
    std::vector<uint8_t> RandomBytes(uint32_t n);

    Config m_config;
    Handler m_handler;
    uint8_t m_id{0}; //!< Identifier of the exchange under way

  private:
    void Retry();

    uint32_t m_tries{0};
    bool m_finished{false};
    EventId m_timer;
};

} // namespace ns3

#endif /* PPP_AUTH_H */
