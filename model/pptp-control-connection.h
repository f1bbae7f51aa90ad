/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CONTROL_CONNECTION_H
#define PPTP_CONTROL_CONNECTION_H

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"
#include "ppp-session.h"
#include "pptp-call-set.h"
#include "pptp-call.h"
#include "pptp-control-message.h"
#include "pptp-control-stream.h"
#include "pptp-deadline-timer.h"
#include "pptp-drop-reason.h"
#include "pptp-keepalive.h"

#include <deque>
#include <map>
#include <memory>
#include <unordered_map>

namespace ns3
{

class Node;
class Packet;
class Socket;

/**
 * \ingroup pptp
 * One PPTP control connection: a TCP connection on port 1723 between a PNS
 * and a PAC, and the calls it carries.
 *
 * It runs the control-connection state machine of RFC 2637 section 3.1 for
 * the side that opened the TCP connection (originator: Start-Control-
 * Connection-Request, wait for the reply) and the side that accepted it
 * (receiver), resolves two requests that cross each other (section 3.1.3: the
 * higher IP address wins), keeps the connection alive with Echo-Request after
 * an idle interval and declares it dead after a number of unanswered
 * requests, and runs the call state machines of section 3.2 for outgoing and
 * incoming calls, in the PNS or the PAC role.
 *
 * Bytes received are cut into messages by a PptpStreamFramer and decoded by
 * PptpControlMessage::Decode. A malformed message is dropped, counted and
 * traced with its reason, and the connection is closed, as the RFC asks; a
 * well-formed message that is not legal in the current state is answered as
 * the RFC says where it says (a reply with a General Error code) and
 * otherwise dropped and counted; nothing received ever aborts the simulation.
 *
 * The applications PptpClient and PptpServer create the connections and
 * decide what to do with them; the connection reports what happens through
 * its trace sources.
 */
class PptpControlConnection : public Object
{
  public:
    /// Which end of the protocol this side plays.
    enum class Role
    {
        PNS, //!< PPTP Network Server: asks for outgoing calls, answers incoming ones
        PAC, //!< PPTP Access Concentrator: places calls, answers outgoing call requests
    };

    /// Control connection states (RFC 2637 section 3.1), plus a final one.
    enum class State
    {
        IDLE,            //!< TCP is up, no Start-Control-Connection exchange yet
        WAIT_CTL_REPLY,  //!< Start-Control-Connection-Request sent
        ESTABLISHED,     //!< calls may be placed
        WAIT_STOP_REPLY, //!< Stop-Control-Connection-Request sent
        CLOSED,          //!< over: TCP closed or being closed
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpControlConnection();
    ~PptpControlConnection() override;

    /**
     * Bind the connection to a connected TCP socket.
     * \param node the node this side runs on
     * \param socket the connected socket (its callbacks are taken over)
     * \param role PNS or PAC
     * \param originator true if this side opened the TCP connection
     * \param startTime when this side started to set the connection up (for setup latency)
     */
    void Setup(Ptr<Node> node, Ptr<Socket> socket, Role role, bool originator, Time startTime);

    /// Originator: send Start-Control-Connection-Request. Receiver: wait for it.
    void Start();

    /**
     * PNS: ask the PAC to place an outgoing call (Outgoing-Call-Request). If the
     * connection is not established yet, the request is sent once it is.
     * \return the call, or null if no Call ID is free or the connection is closed
     */
    Ptr<PptpCall> PlaceOutgoingCall();

    /**
     * PAC: offer an incoming call to the PNS (Incoming-Call-Request).
     * \return the call, or null if the connection is not established or no Call ID is free
     */
    Ptr<PptpCall> PlaceIncomingCall();

    /**
     * End a call: Call-Clear-Request from a PNS, Call-Disconnect-Notify from a PAC.
     * \param call a call of this connection
     */
    void ClearCall(Ptr<PptpCall> call);

    /**
     * End the connection politely: clear every call, then Stop-Control-Connection-
     * Request, wait for the reply and close TCP.
     * \param reason the Reason field of the request
     */
    void Stop(PptpStopReason reason = PptpStopReason::NONE);

    /**
     * End the connection at once: close TCP, end every call.
     * \param cause the cause reported in the traces
     */
    void Abort(PptpDownCause cause);

    /**
     * Set the admission check a PAC applies to each Outgoing-Call-Request
     * (e.g. the server's Max Channels); without one every call is admitted.
     * \param admit returns false to refuse the call for lack of a channel
     */
    void SetCallAdmission(Callback<bool> admit);

    /**
     * Set how the data plane of each call is made (GRE channel and PPP session
     * attributes). Without a call to this, the defaults of their attributes are used.
     * \param channel factory of ns3::PptpGreChannel
     * \param ppp factory of ns3::PppSession
     */
    void SetDataPlaneFactories(const ObjectFactory& channel, const ObjectFactory& ppp);

    /**
     * Have the PPP sessions of this connection's calls draw from one random variable
     * (PptpApplication::AssignStreams); without it each session has its own.
     * \param random the variable
     */
    void SetPppRandomVariable(Ptr<UniformRandomVariable> random);

    /**
     * PAC: the tunnel addresses IPCP hands out.
     * \param local this side's tunnel address
     * \param allocate gives an address for a new call's peer (0.0.0.0: none left)
     * \param release takes back the address of a call that ended
     */
    void SetTunnelAddressing(Ipv4Address local,
                             Callback<Ipv4Address> allocate,
                             Callback<void, Ipv4Address> release);

    /// \return the state
    State GetState() const;
    /// \return the role
    Role GetRole() const;
    /// \return true if this side opened the TCP connection
    bool IsOriginator() const;
    /// \return this side's address
    Ipv4Address GetLocalAddress() const;
    /// \return the peer's address
    Ipv4Address GetPeerAddress() const;
    /// \return the node
    Ptr<Node> GetNode() const;
    /// \return why the connection ended (NONE while it has not)
    PptpDownCause GetDownCause() const;
    /// \return the calls currently carried, by local Call ID
    const std::map<uint16_t, Ptr<PptpCall>>& GetCalls() const;
    /// \return how many calls are established
    uint32_t GetEstablishedCallCount() const;
    /// \return the peer's Start-Control-Connection message (host name, vendor, ...)
    const PptpStartControlConnectionRequest& GetPeerInfo() const;
    /// \return control messages received and dropped (malformed or illegal)
    uint64_t GetDropCount() const;
    /// \return unanswered Echo-Requests in a row at the moment
    uint32_t GetEchoMisses() const;
    /// \return bytes of control messages waiting for room in TCP's send buffer
    uint32_t GetSendQueueSize() const;

    /// \param state a state \return its name
    static std::string StateName(State state);
    /// \param role a role \return its name
    static std::string RoleName(Role role);

    /**
     * TracedCallback signature for control messages sent or received.
     * \param connection the connection
     * \param message the message
     */
    typedef void (*MessageTracedCallback)(Ptr<const PptpControlConnection> connection,
                                          const PptpControlMessage& message);
    /**
     * TracedCallback signature for control connection state changes.
     * \param connection the connection
     * \param oldState the state left
     * \param newState the state entered
     */
    typedef void (*StateTracedCallback)(Ptr<const PptpControlConnection> connection,
                                        State oldState,
                                        State newState);
    /**
     * TracedCallback signature for call state changes.
     * \param call the call
     * \param oldState the state left
     * \param newState the state entered
     */
    typedef void (*CallStateTracedCallback)(Ptr<const PptpCall> call,
                                            PptpCall::State oldState,
                                            PptpCall::State newState);
    /**
     * TracedCallback signature for drops.
     * \param connection the connection
     * \param reason why (PptpControlDropName gives the name it is counted by)
     * \param error for a malformed message, the decoder's error (NONE otherwise)
     * \param detail what exactly was dropped and why
     */
    typedef void (*DropTracedCallback)(Ptr<const PptpControlConnection> connection,
                                       PptpControlDropReason reason,
                                       PptpDecodeError error,
                                       const std::string& detail);
    /**
     * TracedCallback signature for a call (tunnel) coming up.
     * \param call the call
     * \param setupLatency from the start of the connection set-up (or from placing
     *        the call, when the connection was already up) to the call being established
     */
    typedef void (*CallUpTracedCallback)(Ptr<const PptpCall> call, Time setupLatency);
    /**
     * TracedCallback signature for a call (tunnel) going down.
     * \param call the call
     * \param cause why
     */
    typedef void (*CallDownTracedCallback)(Ptr<const PptpCall> call, PptpDownCause cause);
    /**
     * TracedCallback signature for a tunnel's IP interface coming up.
     * \param call the call
     * \param setupLatency from the start of the control connection set-up (the TCP connect
     *        attempt) or of the call, to IPCP being up
     */
    typedef void (*TunnelUpTracedCallback)(Ptr<const PptpCall> call, Time setupLatency);

    /**
     * TracedCallback signature for the connection being established or closed.
     * \param connection the connection
     * \param cause NONE when established, the cause when closed
     */
    typedef void (*ConnectionTracedCallback)(Ptr<const PptpControlConnection> connection,
                                             PptpDownCause cause);

  private:
    void DoDispose() override;

    // Socket callbacks.
    void HandleRead(Ptr<Socket> socket);
    void HandleSend(Ptr<Socket> socket, uint32_t available);
    void HandlePeerClose(Ptr<Socket> socket);
    void HandleError(Ptr<Socket> socket);

    /// A well-formed message arrived: note the peer is alive, then dispatch it by type.
    void Receive(const PptpControlMessage& message);

    // One handler per message type.
    void Handle(const PptpStartControlConnectionRequest& m);
    void Handle(const PptpStartControlConnectionReply& m);
    void Handle(const PptpStopControlConnectionRequest& m);
    void Handle(const PptpStopControlConnectionReply& m);
    void Handle(const PptpEchoRequest& m);
    void Handle(const PptpEchoReply& m);
    void Handle(const PptpOutgoingCallRequest& m);
    void Handle(const PptpIncomingCallRequest& m);

    /// The other messages of calls go to the call set (which finds their call).
    template<class T>
    void Handle(const T& m)
    {
        m_calls.Receive(m);
    }

    /// Encode and send (or queue, when TCP's buffer is full).
    void Send(const PptpControlMessage& message);
    /// Count and trace a drop.
    void Drop(PptpControlDropReason reason, PptpDecodeError error, const std::string& detail);
    /// Count and trace a message not legal now.
    void DropIllegal(const PptpControlMessage& message, const std::string& why);

    void SetState(State state);
    /// Become established: start the keepalive and send what was waiting for it.
    void EnterEstablished();
    /// Send the Start-Control-Connection-Reply.
    void SendStartReply(PptpStartResult result, PptpGeneralError error);
    /// Fill a Start-Control-Connection message with this side's capabilities.
    template<class T>
    void FillStartFields(T& message) const;

    /// \return the settings the calls of this connection share, from its attributes
    std::shared_ptr<const PptpCall::Settings> CallSettings() const;
    /// Give the call set what it needs of this connection.
    void SetUpCalls();
    /// \return where the connection stands, for new calls
    PptpCallSet::Situation GetSituation() const;
    /// \return how long to wait for the peer to confirm an ending this side started
    Time ConfirmationTimeout() const;
    /// Once stopping and no call is left: send Stop-Control-Connection-Request.
    void ContinueStop();
    /// The socket calls nothing here any more.
    void ReleaseSocketCallbacks();

    void ControlReplyTimedOut();
    void SendWanErrorNotifies();

    /// Close TCP and end everything with a cause.
    void Close(PptpDownCause cause);
    /// RFC 2637 section 3.1.3: does another connection to the peer win over this one?
    bool ResolveCollision();

    // Configuration (attributes).
    Time m_echoInterval;
    Time m_echoReplyTimeout;
    uint32_t m_echoMaxMisses;
    Time m_replyTimeout;
    Time m_pnsClearTimeout; //!< a PNS's wait for CDN and Stop-Control-Connection-Reply
    uint16_t m_receiveWindow;
    uint16_t m_processingDelay;
    uint32_t m_connectSpeed;
    uint32_t m_minimumBps;
    uint32_t m_maximumBps;
    uint16_t m_maxChannels;
    uint16_t m_firmwareRevision;
    std::string m_hostName;
    std::string m_vendorString;
    bool m_sendSetLinkInfo;
    bool m_acceptIncomingCalls;
    Time m_wanErrorInterval;
    uint32_t m_maxMessageSize;
    uint32_t m_maxSendQueue;
    bool m_dataPlane;
    std::string m_tunnelNetworks;
    ObjectFactory m_channelFactory;
    ObjectFactory m_pppFactory;
    Ptr<UniformRandomVariable> m_pppRandom;

    Ipv4Address m_tunnelLocal{"192.168.100.1"};
    Callback<Ipv4Address> m_allocateAddress;
    Callback<void, Ipv4Address> m_releaseAddress;

    // State.
    Ptr<Node> m_node;
    Ptr<Socket> m_socket;
    Role m_role{Role::PNS};
    bool m_originator{false};
    State m_state{State::IDLE};
    PptpDownCause m_downCause{PptpDownCause::NONE};
    Ipv4Address m_localAddress;
    Ipv4Address m_peerAddress;
    Time m_startTime;
    PptpControlStream m_stream; //!< the TCP byte stream: framing in, queueing out
    std::shared_ptr<const PptpCall::Settings> m_callSettings; //!< made with the first call
    PptpCallSet m_calls;                                      //!< the calls carried
    PptpStartControlConnectionRequest m_peerInfo;             //!< what the peer said about itself
    Callback<bool> m_admitCall;
    bool m_stopping{false};
    bool m_collided{false}; //!< the loser of a collision opened this connection
    PptpStopReason m_stopReason{PptpStopReason::NONE};
    uint64_t m_drops{0};
    PptpKeepalive m_keepalive;
    EventId m_controlTimer;
    EventId m_wanErrorTimer;

    // Trace sources.
    TracedCallback<Ptr<const PptpControlConnection>, const PptpControlMessage&> m_txTrace;
    TracedCallback<Ptr<const PptpControlConnection>, const PptpControlMessage&> m_rxTrace;
    TracedCallback<Ptr<const PptpControlConnection>, State, State> m_stateTrace;
    TracedCallback<Ptr<const PptpCall>, PptpCall::State, PptpCall::State> m_callStateTrace;
    TracedCallback<Ptr<const PptpControlConnection>,
                   PptpControlDropReason,
                   PptpDecodeError,
                   const std::string&>
        m_dropTrace;
    TracedCallback<Ptr<const PptpCall>, Time> m_callUpTrace;
    TracedCallback<Ptr<const PptpCall>, PptpDownCause> m_callDownTrace;
    TracedCallback<Ptr<const PptpCall>, Time> m_tunnelUpTrace;
    TracedCallback<Ptr<const PptpCall>, PptpDownCause> m_tunnelDownTrace;
    TracedCallback<Ptr<const PptpControlConnection>, PptpDownCause> m_establishedTrace;
    TracedCallback<Ptr<const PptpControlConnection>, PptpDownCause> m_closedTrace;
};

/**
 * \ingroup pptp
 * Output streamers, for logs and traces.
 * @{
 */
std::ostream& operator<<(std::ostream& os, PptpControlConnection::State state);
/** @} */

} // namespace ns3

#endif /* PPTP_CONTROL_CONNECTION_H */
