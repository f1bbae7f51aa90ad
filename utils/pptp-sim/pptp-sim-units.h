/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SIM_UNITS_H
#define PPTP_SIM_UNITS_H

#include "ns3/data-rate.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \ingroup pptp
 * Values with units as the scenario runner reads and prints them: times
 * ("20ms", "1.5s", "2min"), data rates ("10Mbps"), probabilities ("0.01" or
 * "1%"), counts and booleans.
 *
 * Parsing is strict and never aborts (unlike ns-3's own string parsers, which
 * stop the program on bad input): a number without its unit, an unknown unit
 * or trailing text is an error with a sentence saying what was wrong.
 * Decimal values are converted exactly ("1.5s" is 1500000000 ns), and printing
 * gives the same text for the same value on every run, so that a value read
 * back from a printed configuration is the value printed.
 */
class PptpUnits
{
  public:
    /**
     * \param text a number and a unit: ns, us, ms, s, min or h ("20ms", "1.5s")
     * \param value receives the time
     * \param problem receives what is wrong, when the text is not a time
     * \return true if the text is a time
     */
    static bool ParseTime(const std::string& text, Time& value, std::string& problem);

    /**
     * \param value a time
     * \return it in the largest of s, ms, us, ns that gives a whole number ("60s", "1500ms")
     */
    static std::string FormatTime(Time value);

    /**
     * \param text a number and a unit: bps, kbps, Mbps or Gbps ("10Mbps", "1.5Mbps")
     * \param value receives the rate
     * \param problem receives what is wrong, when the text is not a rate
     * \return true if the text is a data rate
     */
    static bool ParseRate(const std::string& text, DataRate& value, std::string& problem);

    /**
     * \param value a data rate
     * \return it in the largest of Gbps, Mbps, kbps, bps that gives a whole number
     */
    static std::string FormatRate(DataRate value);

    /**
     * \param text a number ("0.01") or a percentage ("1%")
     * \param value receives the number (0.01 for both examples)
     * \param problem receives what is wrong, when the text is not a number
     * \return true if the text is a number
     */
    static bool ParseFraction(const std::string& text, double& value, std::string& problem);

    /**
     * \param text decimal digits only
     * \param value receives the number
     * \param problem receives what is wrong, when the text is not a whole number
     * \return true if the text is a whole number that fits 64 bits
     */
    static bool ParseUnsigned(const std::string& text, uint64_t& value, std::string& problem);

    /**
     * \param text true/false, yes/no, on/off or 1/0
     * \param value receives the boolean
     * \param problem receives what is wrong, when the text is none of those
     * \return true if the text is a boolean
     */
    static bool ParseBool(const std::string& text, bool& value, std::string& problem);

    /**
     * \param value a number
     * \return the shortest decimal text that reads back as the same double ("0.05", "12",
     *         "null" for NaN and infinities, as JSON has no other spelling for them)
     */
    static std::string FormatNumber(double value);

    /**
     * \param value a number
     * \param decimals digits after the point, at most
     * \return the number rounded to that many decimals, trailing zeros removed ("0.2125")
     */
    static std::string FormatFixed(double value, int decimals);

    /// \param text some text \return it without leading and trailing white space
    static std::string Trim(const std::string& text);

    /**
     * Make a message that quotes what a user gave safe to print: control characters become
     * spaces, a word longer than 64 characters keeps its ends and says how long it was, and
     * the whole stays under about 600 characters (its start and its end are kept).
     * \param message the message
     * \return the message, clipped
     */
    static std::string ClipMessage(const std::string& message);
};

} // namespace ns3

#endif /* PPTP_SIM_UNITS_H */
