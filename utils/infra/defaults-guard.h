/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DEFAULTS_GUARD_H
#define DEFAULTS_GUARD_H

#include "ns3/attribute.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * Sets ns-3 attribute defaults for one run and puts the previous ones back
 * when it goes out of scope, so that a run leaves no trace in the process
 * (tests and benchmarks run several in one).
 */
class DefaultsGuard
{
  public:
    DefaultsGuard() = default;
    DefaultsGuard(const DefaultsGuard&) = delete;
    DefaultsGuard& operator=(const DefaultsGuard&) = delete;
    ~DefaultsGuard();

    /**
     * Config::SetDefault (type + "::" + attribute, value), remembering the
     * default it replaces.
     * \param type a TypeId name ("ns3::TcpSocket")
     * \param attribute one of its attributes
     * \param value the new default
     */
    void Set(const std::string& type, const std::string& attribute, const AttributeValue& value);

  private:
    std::vector<std::pair<std::string, std::string>> m_saved; //!< path, previous default
};

} // namespace ns3

#endif /* DEFAULTS_GUARD_H */
