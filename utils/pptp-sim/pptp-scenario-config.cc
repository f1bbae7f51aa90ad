/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-scenario-config.h"

#include <algorithm>

namespace ns3
{

uint32_t
PptpScenarioConfig::LossyClients() const
{
    return lossClients == 0 ? clients : std::min(lossClients, clients);
}

double
PptpScenarioConfig::ClientLossRate(uint32_t client) const
{
    uint32_t lossy = LossyClients();
    if (client >= lossy)
    {
        return 0;
    }
    if (lossProfile == LossProfile::RAMP && lossy > 1)
    {
        return lossRate * client / (lossy - 1);
    }
    return lossRate;
}

bool
PptpScenarioConfig::ClientFaulted(uint32_t client) const
{
    if (faultLink == FaultLink::BOTTLENECK)
    {
        return true;
    }
    return faultClients == 0 || client < faultClients;
}

} // namespace ns3
