/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_JSON_H
#define PPTP_JSON_H

#include <nlohmann/json.hpp>
#include <ostream>

namespace ns3
{

/**
 * \ingroup pptp
 * The JSON documents of the scenario runner (summary.json): nlohmann's JSON
 * with members kept in the order they were added, so that the same values
 * always give the same bytes.
 */
using PptpJson = nlohmann::ordered_json;

/**
 * \ingroup pptp
 * A figure as summary.json writes it: a whole number when it has no fraction
 * (3600, not 3600.0), the shortest decimal that reads back the same otherwise,
 * null when it is not finite (JSON has no NaN).
 * \param value the figure
 * \return its JSON value
 */
PptpJson PptpJsonNumber(double value);

/**
 * \ingroup pptp
 * Write a document with two-space indentation and a final newline, each
 * fractional number as the shortest decimal that reads back the same (what
 * PptpUnits::FormatNumber prints; nlohmann's dump does not always find it).
 * Strings that are not UTF-8 (a config value can be any bytes) get U+FFFD for
 * their bad bytes instead of failing the run.
 * \param os where it goes
 * \param document the document
 */
void PptpWriteJson(std::ostream& os, const PptpJson& document);

} // namespace ns3

#endif /* PPTP_JSON_H */
