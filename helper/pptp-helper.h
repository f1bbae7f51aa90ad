/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_HELPER_H
#define PPTP_HELPER_H

#include "ns3/application-container.h"
#include "ns3/ipv4-address.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * What the two PPTP application helpers share: an application factory, and
 * attributes for the control connections each application will create.
 */
class PptpApplicationHelper
{
  public:
    /**
     * \param name an attribute of the application
     * \param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param name an attribute of ns3::PptpControlConnection (EchoInterval, ReceiveWindow, ...)
     * \param value its value, given to every control connection of the applications
     */
    void SetConnectionAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param name an attribute of ns3::PppSession (Authentication, Username, Mru, ...)
     * \param value its value, given to the PPP session of every call
     */
    void SetPppAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param name an attribute of ns3::PptpGreChannel (AckDelay, QueueLimit, ...)
     * \param value its value, given to the GRE channel of every call
     */
    void SetChannelAttribute(const std::string& name, const AttributeValue& value);

    /**
     * Install one application on each node.
     * \param nodes the nodes
     * \return the applications
     */
    ApplicationContainer Install(NodeContainer nodes) const;

    /**
     * Install one application on a node.
     * \param node the node
     * \return the application
     */
    ApplicationContainer Install(Ptr<Node> node) const;

    /**
     * Assign fixed random variable streams to the PPTP applications installed (ns-3's
     * convention for reproducible random variables: see PptpApplication::AssignStreams).
     * \param apps the applications (those that are not PPTP's are left alone)
     * \param stream first stream index to use
     * \return the number of stream indices assigned
     */
    static int64_t AssignStreams(ApplicationContainer apps, int64_t stream);

  protected:
    /// \param typeId the application's type
    explicit PptpApplicationHelper(TypeId typeId);

  private:
    ObjectFactory m_factory; //!< the applications
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_connectionAttributes;
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_pppAttributes;
    std::vector<std::pair<std::string, Ptr<AttributeValue>>> m_channelAttributes;
};

/**
 * \ingroup pptp
 * Installs PptpServer (PAC) applications.
 */
class PptpServerHelper : public PptpApplicationHelper
{
  public:
    /// \param port the TCP port to listen on
    explicit PptpServerHelper(uint16_t port = 1723);
};

/**
 * \ingroup pptp
 * Installs PptpClient (PNS) applications.
 */
class PptpClientHelper : public PptpApplicationHelper
{
  public:
    /**
     * \param server the PAC's address
     * \param port the PAC's TCP port
     */
    explicit PptpClientHelper(Ipv4Address server, uint16_t port = 1723);
};

} // namespace ns3

#endif /* PPTP_HELPER_H */
