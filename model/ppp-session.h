/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPP_SESSION_H
#define PPP_SESSION_H

#include "ns3/callback.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"
#include "ppp-auth.h"
#include "ppp-fsm.h"

#include <memory>
#include <string>

namespace ns3
{

class Packet;
class PppIpcp;
class PppLcp;

/**
 * \ingroup pptp
 * Why a PPP link went down.
 */
enum class PppDownReason : uint8_t
{
    TERMINATED,       //!< this side ended the link (LCP Terminate-Request, or abort)
    PEER_TERMINATED,  //!< the peer sent an LCP Terminate-Request
    LCP_NO_ANSWER,    //!< LCP Configure-Requests went unanswered (Max-Configure)
    LCP_REJECTED,     //!< the peer rejected LCP or one of its essential codes
    LCP_ECHO_FAILURE, //!< LCP Echo-Requests went unanswered (lcp-echo-failure)
    AUTH_FAILED,      //!< the peer or the authenticator refused the credentials
    AUTH_TIMEOUT,     //!< authentication did not complete in Max-Configure restart times
    IPCP_FAILED,      //!< IPCP gave up, was rejected or was terminated
};

/**
 * \ingroup pptp
 * \param reason a reason
 * \return its short name ("peer-terminated", ...)
 */
std::string PppDownReasonName(PppDownReason reason);

/**
 * \ingroup pptp
 * Why a received PPP frame was dropped.
 */
enum class PppDropReason : uint8_t
{
    MALFORMED_FRAME,   //!< no valid PPP header (address, control, protocol field)
    MALFORMED_CONTROL, //!< an LCP, PAP, CHAP or IPCP packet whose Length does not fit
    IP_NOT_OPEN,       //!< an IPv4 datagram before IPCP is open
    UNKNOWN_PROTOCOL,  //!< a protocol not spoken here (answered with Protocol-Reject)
};

/**
 * \ingroup pptp
 * \param reason a reason
 * \return its short name ("malformed-frame", ...)
 */
std::string PppDropReasonName(PppDropReason reason);

/**
 * \ingroup pptp
 * The PPP endpoint of one PPTP call: the phases of RFC 1661 over a frame
 * transport (the call's GRE channel), as pppd runs them.
 *
 * LCP (PppLcp) negotiates the link; then the authenticator (the PAC side, as
 * pptpd's pppd) checks the peer with PAP (PppPap) or CHAP-MD5 or MS-CHAPv2
 * (PppChap); then IPCP (PppIpcp) gives the peer an address from the
 * authenticator's pool, and IPv4 datagrams flow. While the link is up, LCP
 * Echo-Requests every LcpEchoInterval detect a dead peer after LcpEchoFailure
 * unanswered ones, like pppd's lcp-echo-interval and lcp-echo-failure. The
 * session frames and unframes (PppFrameHeader), routes each frame to its
 * protocol, answers a protocol it does not speak with LCP Protocol-Reject,
 * and drops, counts and traces what it cannot use.
 */
class PppSession : public Object
{
  public:
    /// Which end of the PPP link.
    enum class Role
    {
        PEER,          //!< authenticates itself and is given an address (the PNS side)
        AUTHENTICATOR, //!< authenticates the peer and assigns its address (the PAC side)
    };

    /// The authentication protocols, by the names the Authentication attribute takes.
    using Auth = PppAuthProtocol;
    static constexpr Auth AUTH_NONE = PPP_AUTH_NONE;           //!< no authentication
    static constexpr Auth AUTH_PAP = PPP_AUTH_PAP;             //!< PAP
    static constexpr Auth AUTH_CHAP_MD5 = PPP_AUTH_CHAP_MD5;   //!< CHAP with MD5
    static constexpr Auth AUTH_MSCHAP_V2 = PPP_AUTH_MSCHAP_V2; //!< MS-CHAPv2

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PppSession();
    ~PppSession() override;

    /**
     * Start LCP over a frame transport.
     * \param send sends a PPP frame (framing included) to the peer; false if it was dropped
     * \param role PEER or AUTHENTICATOR
     * \param localAddress AUTHENTICATOR: its own tunnel address; PEER: the address to ask for
     *        (0.0.0.0: let the authenticator choose)
     * \param peerAddress AUTHENTICATOR: the address to give the peer; PEER: unused
     */
    void Start(Callback<bool, Ptr<Packet>> send,
               Role role,
               Ipv4Address localAddress,
               Ipv4Address peerAddress);

    /// \param frame a PPP frame from the peer (framing included)
    void Receive(Ptr<Packet> frame);

    /**
     * End the link politely: LCP Terminate-Request, wait for the Ack (or the
     * Max-Terminate time-outs), then call \p done.
     * \param done called once the link is down
     */
    void Terminate(Callback<void> done);

    /// Stop at once (the call is gone): no more packets.
    void Abort();

    /**
     * Send an IPv4 datagram through the link.
     * \param packet the datagram, IPv4 header included
     * \return false if IPCP is not open or the transport dropped it
     */
    bool SendIp(Ptr<Packet> packet);

    /// \param cb called when LCP is up, with the send and receive ACCM
    void SetLinkUpCallback(Callback<void, uint32_t, uint32_t> cb);
    /// \param cb called when IPCP is up, with the local and peer addresses and the MTU
    void SetIpUpCallback(Callback<void, Ipv4Address, Ipv4Address, uint16_t> cb);
    /// \param cb called once when the link goes down, with the reason
    void SetDownCallback(Callback<void, PppDownReason> cb);
    /// \param cb receives each IPv4 datagram from the peer
    void SetIpReceiveCallback(Callback<void, Ptr<Packet>> cb);

    /// \return true once IPCP is open
    bool IsIpUp() const;
    /// \return true from Start until the link is down
    bool IsRunning() const;
    /// \return the local tunnel address (after IPCP)
    Ipv4Address GetLocalAddress() const;
    /// \return the peer's tunnel address (after IPCP)
    Ipv4Address GetPeerAddress() const;
    /// \return the MRU the peer asked for (what this side may send)
    uint16_t GetPeerMru() const;
    /// \return true if the peer accepted ACFC and PFC from us
    bool IsCompressing() const;
    /// \return the LCP automaton's state
    PppFsm::State GetLcpState() const;
    /// \return the IPCP automaton's state
    PppFsm::State GetIpcpState() const;
    /// \return LCP Echo-Requests unanswered in a row
    uint32_t GetLcpEchoMisses() const;
    /// \return frames received and dropped (see PppDropReason)
    uint64_t GetDropCount() const;

    /**
     * Assign a fixed random variable stream number to the random variables used by this model.
     * \param stream first stream index to use
     * \return the number of stream indices assigned
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * Draw from a random variable of the owner's instead of this session's own (the
     * application's AssignStreams gives all the sessions of its calls one fixed stream).
     * \param random the variable (before Start)
     */
    void SetRandomVariable(Ptr<UniformRandomVariable> random);

    /**
     * TracedCallback signature for automaton state changes.
     * \param protocol "LCP" or "IPCP"
     * \param oldState the state left
     * \param newState the state entered
     */
    typedef void (*StateTracedCallback)(const std::string& protocol,
                                        const std::string& oldState,
                                        const std::string& newState);
    /**
     * TracedCallback signature for the outcome of authentication.
     * \param protocol "PAP", "CHAP-MD5" or "MS-CHAPv2"
     * \param success true if the peer was accepted
     */
    typedef void (*AuthTracedCallback)(const std::string& protocol, bool success);
    /**
     * TracedCallback signature for dropped frames.
     * \param frame the frame (PPP header removed when it could be read)
     * \param reason why
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> frame, PppDropReason reason);

  private:
    void DoDispose() override;

    /// Send a control packet of a protocol (full PPP framing, as RFC 1661 asks for LCP).
    void SendControl(uint16_t protocol, const PppControlPacket& packet);
    /// Count and trace a dropped frame.
    void Drop(Ptr<const Packet> frame, PppDropReason reason);

    // What the protocols report.
    void LcpUp();
    void LcpFinished(PppFsm::Finish finish);
    void ProtocolRejected(uint16_t protocol);
    void StartAuthentication();
    void AuthDone(PppAuth::Result result);
    void IpcpUp();
    /// IPCP finished: with no network protocol left, LCP closes the link (as pppd does).
    void IpcpFinished(PppFsm::Finish finish);

    void GoDown(PppDownReason reason);
    void StopAuthentication();

    // Attributes.
    uint16_t m_mru;
    PppAuthProtocol m_auth;
    std::string m_username;
    std::string m_password;
    Time m_lcpEchoInterval;
    uint32_t m_lcpEchoFailure;
    Time m_restartTimeout;
    uint32_t m_maxConfigure;
    bool m_requestCompression;

    // State.
    Callback<bool, Ptr<Packet>> m_send;
    Role m_role{Role::PEER};
    Ptr<UniformRandomVariable> m_random;
    std::unique_ptr<PppLcp> m_lcp;
    std::unique_ptr<PppAuth> m_pap;
    std::unique_ptr<PppAuth> m_chap;
    std::unique_ptr<PppIpcp> m_ipcp;
    bool m_authDone{false};
    bool m_down{false};
    Callback<void> m_terminated;

    Callback<void, uint32_t, uint32_t> m_linkUp;
    Callback<void, Ipv4Address, Ipv4Address, uint16_t> m_ipUp;
    Callback<void, PppDownReason> m_downCallback;
    Callback<void, Ptr<Packet>> m_ipReceive;

    TracedCallback<const std::string&, const std::string&, const std::string&> m_stateTrace;
    TracedCallback<const std::string&, bool> m_authTrace;
    TracedCallback<Ptr<const Packet>, PppDropReason> m_dropTrace;
    uint64_t m_drops{0};
};

} // namespace ns3

#endif /* PPP_SESSION_H */
