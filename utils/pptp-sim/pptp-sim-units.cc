/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-sim-units.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace ns3
{

namespace
{

/// A decimal number split into its digits: value = mantissa / 10^decimals.
struct Decimal
{
    unsigned __int128 mantissa{0};
    uint32_t decimals{0};
};

/**
 * Read a non-negative decimal number ("12", "1.5", ".5") at the start of text.
 * \return the length read (0 if there is no number there)
 */
size_t
ReadDecimal(const std::string& text, Decimal& number)
{
    size_t i = 0;
    bool digits = false;
    bool point = false;
    for (; i < text.size(); ++i)
    {
        char c = text[i];
        if (std::isdigit(static_cast<unsigned char>(c)))
        {
            if (number.mantissa > (static_cast<unsigned __int128>(1) << 100))
            {
                return 0; // absurdly long: let the caller report it as not a number
            }
            number.mantissa = number.mantissa * 10 + (c - '0');
            number.decimals += point ? 1 : 0;
            digits = true;
        }
        else if (c == '.' && !point)
        {
            point = true;
        }
        else
        {
            break;
        }
    }
    return digits ? i : 0;
}

/**
 * Split "1.5 ms" into a number and a unit.
 * \return false (with a problem) if there is no number at the start
 */
bool
SplitNumberUnit(const std::string& raw, Decimal& number, std::string& unit, std::string& problem)
{
    std::string text = PptpUnits::Trim(raw);
    if (text.empty())
    {
        problem = "empty value";
        return false;
    }
    if (text[0] == '-')
    {
        problem = "negative values are not allowed";
        return false;
    }
    size_t n = ReadDecimal(text, number);
    if (n == 0)
    {
        problem = "'" + raw + "' is not a number";
        return false;
    }
    unit = PptpUnits::Trim(text.substr(n));
    return true;
}

/// \return number x scale as an integer, if it is whole and fits in max
bool
Scale(const Decimal& number, uint64_t scale, uint64_t max, uint64_t& result, bool& whole)
{
    unsigned __int128 value = number.mantissa * scale;
    unsigned __int128 divisor = 1;
    for (uint32_t i = 0; i < number.decimals; ++i)
    {
        divisor *= 10;
    }
    whole = value % divisor == 0;
    value /= divisor;
    if (value > max)
    {
        return false;
    }
    result = static_cast<uint64_t>(value);
    return true;
}

} // namespace

std::string
PptpUnits::Trim(const std::string& text)
{
    size_t begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
    {
        return "";
    }
    size_t end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

bool
PptpUnits::ParseTime(const std::string& text, Time& value, std::string& problem)
{
    Decimal number;
    std::string unit;
    if (!SplitNumberUnit(text, number, unit, problem))
    {
        return false;
    }
    static const std::pair<const char*, uint64_t> units[] = {
        {"ns", 1ULL},
        {"us", 1000ULL},
        {"ms", 1000000ULL},
        {"s", 1000000000ULL},
        {"min", 60000000000ULL},
        {"h", 3600000000000ULL},
    };
    if (unit.empty())
    {
        problem = "'" + text + "' has no unit (ns, us, ms, s, min or h: " + text + "s?)";
        return false;
    }
    for (const auto& [name, ns] : units)
    {
        if (unit == name)
        {
            uint64_t result = 0;
            bool whole = false;
            if (!Scale(number, ns, std::numeric_limits<int64_t>::max(), result, whole))
            {
                problem = "'" + text + "' is too long a time";
                return false;
            }
            if (!whole)
            {
                problem = "'" + text + "' is finer than a nanosecond";
                return false;
            }
            value = NanoSeconds(static_cast<int64_t>(result));
            return true;
        }
    }
    problem = "'" + unit + "' is not a unit of time (ns, us, ms, s, min or h)";
    return false;
}

std::string
PptpUnits::FormatTime(Time value)
{
    int64_t ns = value.GetNanoSeconds();
    static const std::pair<const char*, int64_t> units[] = {
        {"s", 1000000000LL},
        {"ms", 1000000LL},
        {"us", 1000LL},
        {"ns", 1LL},
    };
    if (ns == 0)
    {
        return "0s";
    }
    for (const auto& [name, scale] : units)
    {
        if (ns % scale == 0)
        {
            return std::to_string(ns / scale) + name;
        }
    }
    return std::to_string(ns) + "ns";
}

bool
PptpUnits::ParseRate(const std::string& text, DataRate& value, std::string& problem)
{
    Decimal number;
    std::string unit;
    if (!SplitNumberUnit(text, number, unit, problem))
    {
        return false;
    }
    static const std::pair<const char*, uint64_t> units[] = {
        {"bps", 1ULL},
        {"kbps", 1000ULL},
        {"Kbps", 1000ULL},
        {"Mbps", 1000000ULL},
        {"Gbps", 1000000000ULL},
    };
    if (unit.empty())
    {
        problem = "'" + text + "' has no unit (bps, kbps, Mbps or Gbps)";
        return false;
    }
    for (const auto& [name, bps] : units)
    {
        if (unit == name)
        {
            uint64_t result = 0;
            bool whole = false;
            if (!Scale(number, bps, std::numeric_limits<uint64_t>::max() / 2, result, whole))
            {
                problem = "'" + text + "' is too high a rate";
                return false;
            }
            if (!whole)
            {
                problem = "'" + text + "' is finer than a bit per second";
                return false;
            }
            value = DataRate(result);
            return true;
        }
    }
    problem
        = "'" + unit + "' is not a unit of data rate (bps, kbps, Mbps or Gbps; bits, not bytes)";
    return false;
}

std::string
PptpUnits::FormatRate(DataRate value)
{
    uint64_t bps = value.GetBitRate();
    static const std::pair<const char*, uint64_t> units[] = {
        {"Gbps", 1000000000ULL},
        {"Mbps", 1000000ULL},
        {"kbps", 1000ULL},
    };
    for (const auto& [name, scale] : units)
    {
        if (bps != 0 && bps % scale == 0)
        {
            return std::to_string(bps / scale) + name;
        }
    }
    return std::to_string(bps) + "bps";
}

bool
PptpUnits::ParseFraction(const std::string& raw, double& value, std::string& problem)
{
    std::string text = Trim(raw);
    bool percent = !text.empty() && text.back() == '%';
    if (percent)
    {
        text = Trim(text.substr(0, text.size() - 1));
    }
    Decimal number;
    std::string rest;
    if (!SplitNumberUnit(text, number, rest, problem))
    {
        problem = text.empty() ? "empty value" : problem;
        return false;
    }
    if (!rest.empty())
    {
        problem = "'" + raw + "' is not a number (write 0.01 or 1%)";
        return false;
    }
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    if (percent)
    {
        value /= 100.0;
    }
    return true;
}

bool
PptpUnits::ParseUnsigned(const std::string& raw, uint64_t& value, std::string& problem)
{
    std::string text = Trim(raw);
    if (text.empty())
    {
        problem = "empty value";
        return false;
    }
    if (text[0] == '-')
    {
        problem = "negative values are not allowed";
        return false;
    }
    unsigned __int128 v = 0;
    for (char c : text)
    {
        if (!std::isdigit(static_cast<unsigned char>(c)))
        {
            problem = "'" + raw + "' is not a whole number";
            return false;
        }
        v = v * 10 + (c - '0');
        if (v > std::numeric_limits<uint64_t>::max())
        {
            problem = "'" + raw + "' is too large";
            return false;
        }
    }
    value = static_cast<uint64_t>(v);
    return true;
}

bool
PptpUnits::ParseBool(const std::string& raw, bool& value, std::string& problem)
{
    std::string text = Trim(raw);
    for (auto& c : text)
    {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (text == "true" || text == "yes" || text == "on" || text == "1")
    {
        value = true;
        return true;
    }
    if (text == "false" || text == "no" || text == "off" || text == "0")
    {
        value = false;
        return true;
    }
    problem = "'" + raw + "' is not a boolean";
    return false;
}

std::string
PptpUnits::FormatNumber(double value)
{
    if (!std::isfinite(value))
    {
        return "null";
    }
    if (value == 0)
    {
        return "0"; // also for -0
    }
    char buffer[64];
    double magnitude = std::fabs(value);
    if (magnitude >= 1e-6 && magnitude < 1e15)
    {
        // Plain decimals (no exponent), with as few digits as read back the same.
        for (int decimals = 0; decimals <= 20; ++decimals)
        {
            std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, value);
            if (std::strtod(buffer, nullptr) == value)
            {
                return buffer;
            }
        }
    }
    for (int precision = 1; precision <= 17; ++precision)
    {
        std::snprintf(buffer, sizeof(buffer), "%.*g", precision, value);
        if (std::strtod(buffer, nullptr) == value)
        {
            break;
        }
    }
    return buffer;
}

std::string
PptpUnits::FormatFixed(double value, int decimals)
{
    if (!std::isfinite(value))
    {
        return "null";
    }
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos)
    {
        while (text.back() == '0')
        {
            text.pop_back();
        }
        if (text.back() == '.')
        {
            text.pop_back();
        }
    }
    if (text == "-0")
    {
        text = "0";
    }
    return text;
}

std::string
PptpUnits::ClipMessage(const std::string& message)
{
    constexpr size_t MAX_WORD = 64;
    constexpr size_t MAX_MESSAGE = 600;
    std::string out;
    size_t i = 0;
    while (i < message.size())
    {
        size_t end = i;
        while (end < message.size() && message[end] != ' ')
        {
            ++end;
        }
        std::string word = message.substr(i, end - i);
        for (char& c : word)
        {
            c = static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
        }
        if (word.size() > MAX_WORD)
        {
            word = word.substr(0, 40) + "...(" + std::to_string(word.size()) + " characters)..."
                   + word.substr(word.size() - 12);
        }
        out += word;
        if (end < message.size())
        {
            out += ' ';
        }
        i = end + 1;
    }
    if (out.size() > MAX_MESSAGE)
    {
        out = out.substr(0, 300) + " ...(" + std::to_string(out.size() - 550)
              + " characters left out)... " + out.substr(out.size() - 250);
    }
    return out;
}

} // namespace ns3
