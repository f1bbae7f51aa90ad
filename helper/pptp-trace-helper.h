/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_TRACE_HELPER_H
#define PPTP_TRACE_HELPER_H

#include "ns3/application-container.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/pptp-control-connection.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * Writes what PPTP applications do, for a whole simulation, in two forms:
 *
 *  - the summary lines of every control message sent, with the time, as a
 *    Network Monitor capture lists them (see PptpSummary):
 *    \verbatim
      12.004000  PPTP Control Packet (1): Start Session Request (1) 10.10.10.1 10.10.10.10
      \endverbatim
 *  - a CSV of events, one row each: time, node, peer, call id, event, detail,
 *    where event is one of tx, rx, state, call-state, drop, call-up,
 *    call-down, tunnel-up, tunnel-down, established, closed.
 *
 * Connect it to the applications before the simulation runs.
 */
class PptpTraceHelper
{
  public:
    /**
     * Write the summary line of every control message the applications send.
     * \param stream where to write
     * \param apps PptpClient and PptpServer applications
     */
    static void EnableSummary(Ptr<OutputStreamWrapper> stream, const ApplicationContainer& apps);

    /**
     * Write the events of the applications as CSV rows (the header row is
     * written by this call).
     * \param stream where to write
     * \param apps PptpClient and PptpServer applications
     */
    static void EnableEventCsv(Ptr<OutputStreamWrapper> stream, const ApplicationContainer& apps);

    /// \return the header row of the event CSV
    static std::string EventCsvHeader();
};

} // namespace ns3

#endif /* PPTP_TRACE_HELPER_H */
