/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_APPLICATION_H
#define PPTP_APPLICATION_H

#include "ns3/application.h"
#include "ns3/object-factory.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"
#include "pptp-control-connection.h"

namespace ns3
{

/**
 * \ingroup pptp
 * What PptpClient and PptpServer share: the factory of their control
 * connections and trace sources that report the events of all of them.
 */
class PptpApplication : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PptpApplication();
    ~PptpApplication() override;

    /**
     * Set an attribute of the control connections this application will create
     * (keepalive, timers, window, host name, ...).
     * \param name attribute name of ns3::PptpControlConnection
     * \param value its value
     */
    void SetConnectionAttribute(const std::string& name, const AttributeValue& value);

    /**
     * Set an attribute of the PPP session of each call (authentication, credentials, MRU,
     * LCP echo, ...).
     * \param name attribute name of ns3::PppSession
     * \param value its value
     */
    void SetPppAttribute(const std::string& name, const AttributeValue& value);

    /**
     * Set an attribute of the GRE data channel of each call (ack delay, queue, reordering).
     * \param name attribute name of ns3::PptpGreChannel
     * \param value its value
     */
    void SetChannelAttribute(const std::string& name, const AttributeValue& value);

    /**
     * Assign fixed random variable streams to the random variables of this application:
     * the one the PPP sessions of all its calls draw from (magic numbers, CHAP challenges)
     * and the node's Call ID draw (the first Call ID, drawn at random as pptp-linux does).
     * Without it, each PPP session draws from a variable of its own.
     * \param stream first stream index to use
     * \return the number of stream indices assigned (2)
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

    /// \return a new control connection with the configured attributes, its traces forwarded
    Ptr<PptpControlConnection> CreateConnection();

  private:
    ObjectFactory m_connectionFactory;      //!< makes the control connections
    ObjectFactory m_pppFactory;             //!< makes the calls' PPP sessions
    ObjectFactory m_channelFactory;         //!< makes the calls' GRE channels
    Ptr<UniformRandomVariable> m_pppRandom; //!< the sessions' variable, once streams are assigned
    int64_t m_nodeStream{-1};               //!< the node's Call ID stream (-1: not assigned)

    TracedCallback<Ptr<const PptpControlConnection>, const PptpControlMessage&> m_txTrace;
    TracedCallback<Ptr<const PptpControlConnection>, const PptpControlMessage&> m_rxTrace;
    TracedCallback<Ptr<const PptpControlConnection>,
                   PptpControlConnection::State,
                   PptpControlConnection::State>
        m_stateTrace;
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

} // namespace ns3

#endif /* PPTP_APPLICATION_H */
