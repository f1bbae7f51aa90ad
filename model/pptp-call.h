/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CALL_H
#define PPTP_CALL_H

#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/node.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/object.h"
#include "ppp-session.h"
#include "pptp-control-message.h"
#include "pptp-down-cause.h"

#include <functional>
#include <memory>
#include <string>

namespace ns3
{

class PptpCallDataPath;
class PptpControlConnection;
class PptpGreChannel;
class PptpTunnel;

/**
 * \ingroup pptp
 * One PPTP call (session) carried by a control connection: its identifiers,
 * the call state machines of RFC 2637 section 3.2 (outgoing and incoming
 * calls, in the PNS and the PAC role: Outgoing-Call-Request/Reply,
 * Incoming-Call-Request/Reply/Connected, Call-Clear-Request,
 * Call-Disconnect-Notify, Set-Link-Info, WAN-Error-Notify), its reply timer,
 * and its data path (PptpCallDataPath: GRE channel, PPP session, tunnel
 * interface, address lease), which it owns.
 *
 * The control connection creates the calls, hands each the messages that
 * concern it and sends what it asks to send; the call reports back through
 * the callbacks it was given (Owner), never by reaching into the connection.
 */
class PptpCall : public Object
{
  public:
    /// Call states, for both directions and both roles.
    enum class State
    {
        IDLE,            //!< not yet placed
        WAIT_REPLY,      //!< OCRQ sent (PNS) or ICRQ sent (PAC)
        WAIT_CONNECT,    //!< ICRP sent, waiting for ICCN (PNS)
        ESTABLISHED,     //!< the call is up: data may flow
        WAIT_DISCONNECT, //!< Call-Clear-Request sent, waiting for Call-Disconnect-Notify (PNS)
        CLOSED,          //!< ended
    };

    /// Who placed the call.
    enum class Direction
    {
        OUTGOING, //!< PNS asked the PAC to place it (Outgoing-Call-Request)
        INCOMING, //!< the PAC received it and offered it to the PNS (Incoming-Call-Request)
    };

    /// What a call of a connection needs to know of it (shared by its calls, set once).
    struct Settings
    {
        bool pns{true};               //!< this side is the PNS (else the PAC)
        Ptr<Node> node;               //!< the node
        Ipv4Address localAddress;     //!< this side's address on the control connection
        Ipv4Address peerAddress;      //!< the peer's
        Time replyTimeout;            //!< wait for an expected reply
        Time confirmationTimeout;     //!< wait for the peer to confirm an ending this side began
        uint16_t receiveWindow{64};   //!< Packet Receive Window Size advertised
        uint16_t processingDelay{0};  //!< Packet Processing Delay advertised (1/10 s)
        uint32_t connectSpeed{0};     //!< Connect Speed a PAC reports
        uint32_t minimumBps{0};       //!< asked for by a PNS
        uint32_t maximumBps{0};       //!< asked for by a PNS
        bool sendSetLinkInfo{true};   //!< Set-Link-Info at call up and before a clear
        bool dataPlane{true};         //!< carry PPP in GRE
        std::string tunnelNetworks;   //!< PNS: routed through each tunnel
        ObjectFactory channelFactory; //!< GRE channels
        ObjectFactory pppFactory;     //!< PPP sessions
        Ptr<UniformRandomVariable> pppRandom; //!< what the sessions draw from (null: their own)
        Ipv4Address tunnelLocal;              //!< PAC: its tunnel address
        std::function<Ipv4Address()> allocateAddress;    //!< PAC: a pool address, or 0.0.0.0
        std::function<void(Ipv4Address)> releaseAddress; //!< PAC: back to the pool
    };

    /// What the call tells its control connection.
    struct Owner
    {
        /// Send a control message on the connection.
        std::function<void(const PptpControlMessage&)> send;
        /// The call changed state (old, new).
        std::function<void(Ptr<PptpCall>, State, State)> stateChanged;
        /// The peer's Call ID is known (the connection finds the call by it from now on).
        std::function<void(Ptr<PptpCall>)> peerCallIdKnown;
        /// The call was established, after this set-up latency.
        std::function<void(Ptr<PptpCall>, Time)> established;
        /// The tunnel's IP interface came up, after this set-up latency.
        std::function<void(Ptr<PptpCall>, Time)> tunnelUp;
        /// The tunnel's IP interface went down, with the cause.
        std::function<void(Ptr<PptpCall>, PptpDownCause)> tunnelDown;
        /// The call ended, with the cause (it is CLOSED now).
        std::function<void(Ptr<PptpCall>, PptpDownCause)> ended;
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpCall();
    ~PptpCall() override;

    /**
     * Bind a new call to its connection (and, with the data plane, set up its GRE channel:
     * the peer may start PPP before this side learns the peer's Call ID).
     * \param settings the connection's settings for its calls
     * \param owner the connection's callbacks
     * \param localCallId this side's Call ID
     * \param serialNumber the Call Serial Number
     * \param direction who placed it
     * \param placedTime from when its set-up latency counts
     */
    void Setup(std::shared_ptr<const Settings> settings,
               Owner owner,
               uint16_t localCallId,
               uint16_t serialNumber,
               Direction direction,
               Time placedTime);

    // ---- placing and answering (the connection checked the connection's state) ----------

    /// PNS: send the Outgoing-Call-Request.
    void SendOutgoingCallRequest();
    /**
     * PAC: answer an Outgoing-Call-Request the connection admitted: Outgoing-Call-Reply
     * Connected, and the call is up.
     * \param m the request
     */
    void AnswerOutgoingCallRequest(const PptpOutgoingCallRequest& m);
    /// PAC: offer the call to the PNS (Incoming-Call-Request).
    void SendIncomingCallRequest();
    /**
     * PNS: accept an offered call (Incoming-Call-Reply Connect), then wait for Connected.
     * \param m the request
     */
    void AnswerIncomingCallRequest(const PptpIncomingCallRequest& m);

    // ---- messages for the call (false: not legal in its state; the connection drops it) --

    /// \param m the reply \return false if the call waits for no such reply
    bool ReceiveOutgoingCallReply(const PptpOutgoingCallReply& m);
    /// \param m the reply \return false if the call waits for no such reply
    bool ReceiveIncomingCallReply(const PptpIncomingCallReply& m);
    /// \param m the message \return false if the call waits for no such message
    bool ReceiveIncomingCallConnected(const PptpIncomingCallConnected& m);
    /// PAC: the PNS clears the call: Call-Disconnect-Notify, the call ends.
    void ReceiveCallClearRequest();
    /// \param m the notification (the call ends)
    void ReceiveCallDisconnectNotify(const PptpCallDisconnectNotify& m);
    /// \param m the PAC's cumulative error counters
    void ReceiveWanErrorNotify(const PptpWanErrorNotify& m);

    // ---- ending --------------------------------------------------------------------------

    /**
     * End the call with a cause: PPP first when it is up (LCP Terminate), then a PNS sends
     * Call-Clear-Request and waits for Call-Disconnect-Notify, a PAC sends
     * Call-Disconnect-Notify. A call never sent ends at once.
     * \param cause the cause reported once it has ended
     */
    void Clear(PptpDownCause cause = PptpDownCause::CALL_CLEAR);

    /**
     * End the call at once, telling the peer nothing (the connection is gone).
     * \param cause the cause
     */
    void End(PptpDownCause cause);

    /**
     * PAC: send a WAN-Error-Notify if the counters changed since the last one.
     */
    void ReportWanErrors();

    // ---- what the call is ----------------------------------------------------------------

    /// \return this side's Call ID
    uint16_t GetLocalCallId() const;
    /// \return the peer's Call ID (0 until known)
    uint16_t GetPeerCallId() const;
    /// \return the Call Serial Number
    uint16_t GetSerialNumber() const;
    /// \return the state
    State GetState() const;
    /// \return the direction
    Direction GetDirection() const;
    /// \return the peer's address
    Ipv4Address GetPeerAddress() const;
    /// \return the control connection carrying the call (null once closed)
    Ptr<PptpControlConnection> GetControlConnection() const;
    /// \param connection the connection carrying the call (set by it)
    void SetControlConnection(Ptr<PptpControlConnection> connection);
    /// \return the Packet Receive Window Size the peer advertised
    uint16_t GetPeerReceiveWindow() const;
    /// \return the Packet Processing Delay the peer advertised (1/10 s units)
    uint16_t GetPeerProcessingDelay() const;
    /// \return the Connect Speed reported by the PAC (bits/s)
    uint32_t GetConnectSpeed() const;
    /// \return when the call was placed
    Time GetPlacedTime() const;
    /// \return when the call was established (zero if never)
    Time GetEstablishedTime() const;
    /// \return why the call ended (NONE while it has not)
    PptpDownCause GetDownCause() const;
    /// \return the call's data path (null without data plane)
    Ptr<PptpCallDataPath> GetDataPath() const;
    /// \return the call's GRE data channel (null without data plane, or once ended)
    Ptr<PptpGreChannel> GetChannel() const;
    /// \return the call's PPP session (null without data plane, or once ended)
    Ptr<PppSession> GetPppSession() const;
    /// \return the call's tunnel interface (null until IPCP is up)
    Ptr<PptpTunnel> GetTunnel() const;
    /// \return when the tunnel's IP interface came up (zero if never)
    Time GetTunnelUpTime() const;

    /**
     * Add WAN errors to the counters reported by WAN-Error-Notify (PAC side).
     * \param errors the increments
     */
    void RecordWanErrors(const PptpWanErrorNotify& errors);
    /// \return the cumulative WAN error counters since the call was established
    const PptpWanErrorNotify& GetWanErrors() const;

    /// \param state a state \return its name
    static std::string StateName(State state);

  private:
    void DoDispose() override;

    void SetState(State state);
    /// The call is up: start its data plane (or send Set-Link-Info without one).
    void Establish();
    /// Wait for the peer's answer.
    void StartTimer(Time wait);
    void TimedOut();
    /// The control messages that end a call (after PPP, if any, is down).
    void FinishClear();
    void SendSetLinkInfo(uint32_t sendAccm, uint32_t receiveAccm);

    // What the data path reports.
    void LinkUp(uint32_t sendAccm, uint32_t receiveAccm);
    void TunnelUp();
    void PppDown(PppDownReason reason);
    void PppTerminated();

    std::shared_ptr<const Settings> m_settings;
    Owner m_owner;
    uint16_t m_localCallId{0};
    uint16_t m_peerCallId{0};
    uint16_t m_serialNumber{0};
    State m_state{State::IDLE};
    Direction m_direction{Direction::OUTGOING};
    Ptr<PptpControlConnection> m_connection;
    uint16_t m_peerReceiveWindow{0};
    uint16_t m_peerProcessingDelay{0};
    uint32_t m_connectSpeed{0};
    Time m_placedTime;
    Time m_establishedTime;
    Time m_tunnelUpTime;
    PptpDownCause m_downCause{PptpDownCause::NONE};
    PptpWanErrorNotify m_wanErrors;     //!< cumulative counters
    PptpWanErrorNotify m_wanErrorsSent; //!< counters last reported
    EventId m_replyTimer;               //!< waiting for OCRP, ICRP, ICCN or CDN
    Ptr<PptpCallDataPath> m_dataPath;   //!< GRE channel, PPP session, tunnel, lease
    bool m_clearing{false};             //!< PPP is being terminated before the clear
    PptpDownCause m_clearCause{PptpDownCause::CALL_CLEAR}; //!< cause once the clear completes
};

/**
 * \ingroup pptp
 * \param os a stream \param state a call state \return the stream, with the state's name
 */
std::ostream& operator<<(std::ostream& os, PptpCall::State state);

} // namespace ns3

#endif /* PPTP_CALL_H */
