/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "defaults-guard.h"

#include "ns3/config.h"
#include "ns3/string.h"
#include "ns3/type-id.h"

namespace ns3
{

void
DefaultsGuard::Set(const std::string& type,
                       const std::string& attribute,
                       const AttributeValue& value)
{
    TypeId tid = TypeId::LookupByName(type);
    TypeId::AttributeInformation info;
    if (tid.LookupAttributeByName(attribute, &info))
    {
        m_saved.emplace_back(type + "::" + attribute,
                             info.initialValue->SerializeToString(info.checker));
    }
    Config::SetDefault(type + "::" + attribute, value);
}

DefaultsGuard::~DefaultsGuard()
{
    for (auto it = m_saved.rbegin(); it != m_saved.rend(); ++it)
    {
        Config::SetDefault(it->first, StringValue(it->second));
    }
}

} // namespace ns3
