/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_JSON_H
#define PPTP_JSON_H

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * Writes JSON by hand, for the scenario runner's summary.json: keys in the
 * order they are written, two-space indentation, numbers printed by
 * PptpUnits, so that the same values always give the same bytes.
 *
 * \code
 *   PptpJsonWriter json(os);
 *   json.BeginObject();
 *   json.Key("tunnels").BeginObject();
 *   json.Key("attempted").Value(uint64_t(12));
 *   json.EndObject();
 *   json.EndObject();
 * \endcode
 */
class PptpJsonWriter
{
  public:
    /// \param os where the text goes
    explicit PptpJsonWriter(std::ostream& os);

    /// \return this; opens an object (as a value, or at the top)
    PptpJsonWriter& BeginObject();
    /// \return this; closes the innermost object
    PptpJsonWriter& EndObject();
    /// \return this; opens an array
    PptpJsonWriter& BeginArray();
    /// \return this; closes the innermost array
    PptpJsonWriter& EndArray();
    /// \param key the next member's name \return this
    PptpJsonWriter& Key(const std::string& key);
    /// \param value a string \return this
    PptpJsonWriter& Value(const std::string& value);
    /// \param value a string \return this
    PptpJsonWriter& Value(const char* value);
    /// \param value a whole number \return this
    PptpJsonWriter& Value(uint64_t value);
    /// \param value a whole number \return this
    PptpJsonWriter& Value(int64_t value);
    /// \param value a whole number \return this
    PptpJsonWriter& Value(uint32_t value);
    /// \param value a number (NaN is written as null) \return this
    PptpJsonWriter& Value(double value);
    /// \param value a boolean \return this
    PptpJsonWriter& Value(bool value);
    /// \return this; writes null
    PptpJsonWriter& Null();

    /// \param text any text \return it as a JSON string literal, quotes included
    static std::string Quote(const std::string& text);

  private:
    /// Comma and indentation before a value or key, as the position requires.
    void Separate();
    void Indent();

    std::ostream& m_os;
    std::vector<bool> m_first; //!< per open container: nothing written in it yet
    bool m_afterKey{false};    //!< a key was written, its value comes next
};

/**
 * \ingroup pptp
 * Reads JSON text into flat (path, value) pairs, in document order: members
 * are named by their dotted path ("tunnels.attempted"), array elements by
 * their index ("faults.0.start_s"). Numbers and booleans keep their text as
 * written, strings lose their quotes and escapes, null is empty. Enough to
 * aggregate summary.json files into one CSV.
 */
class PptpJsonReader
{
  public:
    /**
     * \param text a JSON document
     * \param values receives the leaves
     * \param error receives where and why, when the text is not JSON
     * \return true if the text was read whole
     */
    static bool Flatten(const std::string& text,
                        std::vector<std::pair<std::string, std::string>>& values,
                        std::string& error);
};

} // namespace ns3

#endif /* PPTP_JSON_H */
