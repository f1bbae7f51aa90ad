/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CALL_H
#define PPTP_CALL_H

#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "pptp-control-message.h"
#include "pptp-down-cause.h"

#include <string>

namespace ns3
{

class PptpControlConnection;
class PptpGreChannel;
class PptpPppSession;
class PptpTunnel;

/**
 * \ingroup pptp
 * One PPTP call (session) carried by a control connection: its identifiers,
 * its state in the call state machines of RFC 2637 section 3.2, and the
 * counters a PAC reports in WAN-Error-Notify.
 *
 * The state machines themselves run in PptpControlConnection, which owns the
 * calls; a call is a record with timers.
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

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpCall();
    ~PptpCall() override;

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
    /// \return the call's GRE data channel (null without data plane, or once ended)
    Ptr<PptpGreChannel> GetChannel() const;
    /// \return the call's PPP session (null without data plane, or once ended)
    Ptr<PptpPppSession> GetPppSession() const;
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
    friend class PptpControlConnection;

    void DoDispose() override;

    uint16_t m_localCallId{0};
    uint16_t m_peerCallId{0};
    uint16_t m_serialNumber{0};
    State m_state{State::IDLE};
    Direction m_direction{Direction::OUTGOING};
    Ipv4Address m_peerAddress;
    Ptr<PptpControlConnection> m_connection;
    uint16_t m_peerReceiveWindow{0};
    uint16_t m_peerProcessingDelay{0};
    uint32_t m_connectSpeed{0};
    Time m_placedTime;
    Time m_establishedTime;
    PptpDownCause m_downCause{PptpDownCause::NONE};
    PptpWanErrorNotify m_wanErrors;                       //!< cumulative counters
    PptpWanErrorNotify m_wanErrorsSent;                   //!< counters last reported
    EventId m_replyTimer;                                 //!< waiting for OCRP, ICRP, ICCN or CDN
    Ptr<PptpGreChannel> m_channel;                        //!< data channel
    Ptr<PptpPppSession> m_session;                        //!< PPP over the channel
    Ptr<PptpTunnel> m_tunnel;                             //!< IP interface once IPCP is up
    Ipv4Address m_assignedAddress{Ipv4Address::GetAny()}; //!< PAC: pool address of the peer
    Time m_tunnelUpTime;                                  //!< when IPCP came up
    bool m_clearing{false}; //!< PPP is being terminated before the clear
    PptpDownCause m_clearCause{PptpDownCause::CALL_CLEAR}; //!< cause once the clear completes
};

} // namespace ns3

#endif /* PPTP_CALL_H */
