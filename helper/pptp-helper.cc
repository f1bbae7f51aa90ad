/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-helper.h"

#include "ns3/pptp-client.h"
#include "ns3/pptp-server.h"
#include "ns3/uinteger.h"

namespace ns3
{

PptpApplicationHelper::PptpApplicationHelper(TypeId typeId)
{
    m_factory.SetTypeId(typeId);
}

void
PptpApplicationHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
PptpApplicationHelper::SetConnectionAttribute(const std::string& name, const AttributeValue& value)
{
    m_connectionAttributes.emplace_back(name, value.Copy());
}

void
PptpApplicationHelper::SetPppAttribute(const std::string& name, const AttributeValue& value)
{
    m_pppAttributes.emplace_back(name, value.Copy());
}

void
PptpApplicationHelper::SetChannelAttribute(const std::string& name, const AttributeValue& value)
{
    m_channelAttributes.emplace_back(name, value.Copy());
}

ApplicationContainer
PptpApplicationHelper::Install(Ptr<Node> node) const
{
    Ptr<PptpApplication> app = m_factory.Create<PptpApplication>();
    for (const auto& [name, value] : m_connectionAttributes)
    {
        app->SetConnectionAttribute(name, *value);
    }
    for (const auto& [name, value] : m_pppAttributes)
    {
        app->SetPppAttribute(name, *value);
    }
    for (const auto& [name, value] : m_channelAttributes)
    {
        app->SetChannelAttribute(name, *value);
    }
    node->AddApplication(app);
    return ApplicationContainer(app);
}

ApplicationContainer
PptpApplicationHelper::Install(NodeContainer nodes) const
{
    ApplicationContainer apps;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        apps.Add(Install(*it));
    }
    return apps;
}

PptpServerHelper::PptpServerHelper(uint16_t port)
    : PptpApplicationHelper(PptpServer::GetTypeId())
{
    SetAttribute("Port", UintegerValue(port));
}

PptpClientHelper::PptpClientHelper(Ipv4Address server, uint16_t port)
    : PptpApplicationHelper(PptpClient::GetTypeId())
{
    SetAttribute("RemoteAddress", Ipv4AddressValue(server));
    SetAttribute("RemotePort", UintegerValue(port));
}

int64_t
PptpApplicationHelper::AssignStreams(ApplicationContainer apps, int64_t stream)
{
    int64_t current = stream;
    for (auto it = apps.Begin(); it != apps.End(); ++it)
    {
        if (Ptr<PptpApplication> app = DynamicCast<PptpApplication>(*it))
        {
            current += app->AssignStreams(current);
        }
    }
    return current - stream;
}

} // namespace ns3
