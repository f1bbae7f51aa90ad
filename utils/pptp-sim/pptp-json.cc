/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-json.h"

#include "pptp-sim-units.h"

#include <cmath>
#include <cstdint>

namespace ns3
{

PptpJson
PptpJsonNumber(double value)
{
    if (!std::isfinite(value))
    {
        return nullptr;
    }
    // Below 2^53 every whole double is exact as an integer; above it the double is kept.
    const double exact = 9007199254740992.0;
    if (std::trunc(value) == value && std::fabs(value) < exact)
    {
        return static_cast<int64_t>(value); // -0 too, as 0
    }
    return value;
}

namespace
{

/// Write a value at an indentation depth (its first line already placed).
void
WriteValue(std::ostream& os, const PptpJson& value, size_t depth)
{
    auto indent = [&os](size_t level)
    {
        os << "\n" << std::string(2 * level, ' ');
    };
    if (value.is_object() || value.is_array())
    {
        bool object = value.is_object();
        os << (object ? '{' : '[');
        bool first = true;
        for (auto it = value.begin(); it != value.end(); ++it)
        {
            os << (first ? "" : ",");
            first = false;
            indent(depth + 1);
            if (object)
            {
                WriteValue(os, PptpJson(it.key()), depth + 1);
                os << ": ";
            }
            WriteValue(os, *it, depth + 1);
        }
        if (!first)
        {
            indent(depth);
        }
        os << (object ? '}' : ']');
    }
    else if (value.is_number_float())
    {
        // nlohmann's own float text is not always the shortest (60.329541999999996 for
        // 60.329542) and turns to exponents below 1e-4: summary.json keeps the shortest decimal.
        os << PptpUnits::FormatNumber(value.get<double>());
    }
    else
    {
        // Strings (escaped, bad UTF-8 replaced), integers, booleans, null: nlohmann's text.
        os << value.dump(-1, ' ', false, PptpJson::error_handler_t::replace);
    }
}

} // namespace

void
PptpWriteJson(std::ostream& os, const PptpJson& document)
{
    WriteValue(os, document, 0);
    os << "\n";
}

} // namespace ns3
