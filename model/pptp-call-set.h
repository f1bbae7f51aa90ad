/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CALL_SET_H
#define PPTP_CALL_SET_H

#include "ns3/callback.h"
#include "pptp-call.h"

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

namespace ns3
{

class PptpControlConnection;

/**
 * \ingroup pptp
 * The calls of one control connection (RFC 2637 section 3.2 seen from the
 * connection): each call's Call ID, allocated per node; finding a call by
 * this side's Call ID or the peer's; placing calls and answering the peer's
 * requests, with the refusals the RFC gives when a call cannot be had (the
 * connection not up yet or stopping, a Call ID in use, no channel left); and
 * handing each call the messages that concern it. A message for no call, or
 * one its call does not expect, is the connection's to drop and count.
 */
class PptpCallSet
{
  public:
    /// What the set needs of its connection.
    struct Host
    {
        /// The settings the connection's calls share (asked for with the first call).
        std::function<std::shared_ptr<const PptpCall::Settings>()> settings;
        /// Send a control message.
        std::function<void(const PptpControlMessage&)> send;
        /// Drop and count a message not legal now, saying why.
        std::function<void(const PptpControlMessage&, const std::string&)> illegal;
        /// A call changed state (old, new).
        std::function<void(Ptr<PptpCall>, PptpCall::State, PptpCall::State)> stateChanged;
        /// A call was established, after this set-up latency.
        std::function<void(Ptr<PptpCall>, Time)> established;
        /// A call's tunnel interface came up, after this set-up latency.
        std::function<void(Ptr<PptpCall>, Time)> tunnelUp;
        /// A call's tunnel interface went down.
        std::function<void(Ptr<PptpCall>, PptpDownCause)> tunnelDown;
        /// A call ended and left the set.
        std::function<void(Ptr<PptpCall>, PptpDownCause)> ended;
        /// Keeps the connection while a call's own event runs (it may be let go).
        std::function<Ptr<Object>()> hold;
    };

    /// Where the connection stands, as far as new calls are concerned.
    struct Situation
    {
        bool established{false}; //!< the connection is established
        bool stopping{false};    //!< it is being stopped: no new calls
        bool ending{false};      //!< closed, or waiting for the Stop reply: no new calls
        Time startTime;          //!< when the connection was started
    };

    /**
     * \param node the node (its PptpNodeState hands out the Call IDs)
     * \param connection the connection the calls belong to
     * \param host what the set needs of it
     */
    void Setup(Ptr<Node> node, PptpControlConnection* connection, Host host);

    /**
     * PNS: place an outgoing call, requested now if the connection is established, else
     * once it is (its set-up latency counting from the connection's start).
     * \param situation where the connection stands
     * \return the call, or null if the connection is ending or no Call ID is free
     */
    Ptr<PptpCall> PlaceOutgoing(Situation situation);
    /**
     * PAC: place an incoming call (Incoming-Call-Request) on an established connection.
     * \param situation where the connection stands
     * \return the call, or null if it cannot be placed now
     */
    Ptr<PptpCall> PlaceIncoming(Situation situation);
    /// The connection is established: request the calls placed before.
    void SendPending();

    // ---- the peer's messages for calls -------------------------------------------------

    /**
     * PAC: admit the call (or refuse it with the RFC's result codes) and answer.
     * \param m the request
     * \param situation the connection's
     * \param admit the server's admission check (null: every call is admitted)
     */
    void Receive(const PptpOutgoingCallRequest& m, Situation situation, Callback<bool> admit);
    /// \param m the reply (for a call waiting for it)
    void Receive(const PptpOutgoingCallReply& m);
    /**
     * PNS: accept the offered call (or refuse it) and answer.
     * \param m the request
     * \param situation the connection's
     * \param accept this side takes incoming calls
     */
    void Receive(const PptpIncomingCallRequest& m, Situation situation, bool accept);
    /// \param m the reply (for a call waiting for it)
    void Receive(const PptpIncomingCallReply& m);
    /// \param m the message (for a call waiting for it)
    void Receive(const PptpIncomingCallConnected& m);
    /// \param m the request (PAC)
    void Receive(const PptpCallClearRequest& m);
    /// \param m the notification
    void Receive(const PptpCallDisconnectNotify& m);
    /// \param m the counters (PNS)
    void Receive(const PptpWanErrorNotify& m);
    /// \param m the link information
    void Receive(const PptpSetLinkInfo& m);

    // ---- all the calls -------------------------------------------------------------------

    /// End every call politely (the connection stops).
    void ClearAll();
    /**
     * End every call at once (the connection is gone).
     * \param cause their cause
     */
    void EndAll(PptpDownCause cause);
    /// PAC: report each call's WAN errors that changed.
    void ReportWanErrors();
    /// Forget everything (disposal).
    void Dispose();

    /// \return the calls, by local Call ID
    const std::map<uint16_t, Ptr<PptpCall>>& GetCalls() const;
    /// \return true if no call is left
    bool IsEmpty() const;
    /// \return how many calls are established
    uint32_t CountEstablished() const;

  private:
    /**
     * A new call with a fresh Call ID.
     * \param direction who places it
     * \param placedTime from when its set-up latency counts
     * \return the call, or null if no Call ID is free
     */
    Ptr<PptpCall> Create(PptpCall::Direction direction, Time placedTime);

    Ptr<PptpCall> FindByLocalId(uint16_t callId) const;
    Ptr<PptpCall> FindByPeerId(uint16_t peerCallId) const;
    /// A call ended: forget it, release its Call ID, tell the connection.
    void Ended(Ptr<PptpCall> call, PptpDownCause cause);
    /// \return the current calls, in Call ID order (a copy: calls leave the set as they end)
    std::vector<Ptr<PptpCall>> Snapshot() const;

    Ptr<Node> m_node;
    PptpControlConnection* m_connection{nullptr}; //!< holds this set: no Ptr, no cycle
    Host m_host;
    std::shared_ptr<const PptpCall::Settings> m_settings;
    std::map<uint16_t, Ptr<PptpCall>> m_calls;                   //!< by local Call ID
    std::unordered_map<uint16_t, Ptr<PptpCall>> m_callsByPeerId; //!< by peer Call ID
    std::deque<Ptr<PptpCall>> m_pending; //!< placed before the connection was up
    uint16_t m_nextSerial{0};
};

} // namespace ns3

#endif /* PPTP_CALL_SET_H */
