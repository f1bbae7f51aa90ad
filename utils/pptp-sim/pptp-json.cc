/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-json.h"

#include "pptp-sim-units.h"

#include <cctype>
#include <cstdio>

namespace ns3
{

PptpJsonWriter::PptpJsonWriter(std::ostream& os)
    : m_os(os)
{
}

void
PptpJsonWriter::Indent()
{
    m_os << "\n" << std::string(2 * m_first.size(), ' ');
}

void
PptpJsonWriter::Separate()
{
    if (m_afterKey)
    {
        m_afterKey = false;
        return;
    }
    if (!m_first.empty())
    {
        if (!m_first.back())
        {
            m_os << ",";
        }
        m_first.back() = false;
        Indent();
    }
}

PptpJsonWriter&
PptpJsonWriter::BeginObject()
{
    Separate();
    m_os << "{";
    m_first.push_back(true);
    return *this;
}

PptpJsonWriter&
PptpJsonWriter::EndObject()
{
    bool empty = m_first.back();
    m_first.pop_back();
    if (!empty)
    {
        Indent();
    }
    m_os << "}";
    if (m_first.empty())
    {
        m_os << "\n";
    }
    return *this;
}

PptpJsonWriter&
PptpJsonWriter::BeginArray()
{
    Separate();
    m_os << "[";
    m_first.push_back(true);
    return *this;
}

PptpJsonWriter&
PptpJsonWriter::EndArray()
{
    bool empty = m_first.back();
    m_first.pop_back();
    if (!empty)
    {
        Indent();
    }
    m_os << "]";
    return *this;
}

PptpJsonWriter&
PptpJsonWriter::Key(const std::string& key)
{
    Separate();
    m_os << Quote(key) << ": ";
    m_afterKey = true;
    return *this;
}

PptpJsonWriter&
PptpJsonWriter::Value(const std::string& value)
{
    Separate();
    m_os << Quote(value);
    return *this;
}

PptpJsonWriter&
PptpJsonWriter::Value(const char* value)
{
    return Value(std::string(value));
}

PptpJsonWriter&
PptpJsonWriter::Value(uint64_t value)
{
    Separate();
    m_os << value;
    return *this;
}

PptpJsonWriter&
PptpJsonWriter::Value(int64_t value)
{
    Separate();
    m_os << value;
    return *this;
}

PptpJsonWriter&
PptpJsonWriter::Value(uint32_t value)
{
    return Value(static_cast<uint64_t>(value));
}

PptpJsonWriter&
PptpJsonWriter::Value(double value)
{
    Separate();
    m_os << PptpUnits::FormatNumber(value);
    return *this;
}

PptpJsonWriter&
PptpJsonWriter::Value(bool value)
{
    Separate();
    m_os << (value ? "true" : "false");
    return *this;
}

PptpJsonWriter&
PptpJsonWriter::Null()
{
    Separate();
    m_os << "null";
    return *this;
}

std::string
PptpJsonWriter::Quote(const std::string& text)
{
    std::string out = "\"";
    for (char c : text)
    {
        switch (c)
        {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20)
                {
                    char buffer[8];
                    std::snprintf(buffer, sizeof(buffer), "\\u%04x", c);
                    out += buffer;
                }
                else
                {
                    out += c;
                }
        }
    }
    return out + "\"";
}

namespace
{

/// A recursive-descent reader over the whole text.
class Reader
{
  public:
    Reader(const std::string& text, std::vector<std::pair<std::string, std::string>>& values)
        : m_text(text)
        , m_values(values)
    {
    }

    bool Document(std::string& error)
    {
        if (!ReadValue("") || (SkipSpace(), m_pos != m_text.size()))
        {
            if (m_error.empty())
            {
                m_error = "unexpected text";
            }
            error = m_error + " at offset " + std::to_string(m_pos);
            return false;
        }
        return true;
    }

  private:
    void SkipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
        {
            ++m_pos;
        }
    }

    bool Fail(const std::string& why)
    {
        if (m_error.empty())
        {
            m_error = why;
        }
        return false;
    }

    static std::string Join(const std::string& path, const std::string& name)
    {
        return path.empty() ? name : path + "." + name;
    }

    bool ReadString(std::string& out)
    {
        if (m_pos >= m_text.size() || m_text[m_pos] != '"')
        {
            return Fail("a string was expected");
        }
        ++m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != '"')
        {
            char c = m_text[m_pos++];
            if (c != '\\')
            {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
            {
                break;
            }
            char e = m_text[m_pos++];
            switch (e)
            {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'u':
                {
                    if (m_pos + 4 > m_text.size())
                    {
                        return Fail("a truncated \\u escape");
                    }
                    unsigned code = std::stoul(m_text.substr(m_pos, 4), nullptr, 16);
                    m_pos += 4;
                    out += code < 0x80 ? static_cast<char>(code) : '?';
                    break;
                }
                default:
                    out += e;
            }
        }
        if (m_pos >= m_text.size())
        {
            return Fail("an unterminated string");
        }
        ++m_pos;
        return true;
    }

    bool ReadValue(const std::string& path)
    {
        SkipSpace();
        if (m_pos >= m_text.size())
        {
            return Fail("the text ends where a value was expected");
        }
        char c = m_text[m_pos];
        if (c == '{')
        {
            ++m_pos;
            SkipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == '}')
            {
                ++m_pos;
                return true;
            }
            while (true)
            {
                SkipSpace();
                std::string key;
                if (!ReadString(key))
                {
                    return false;
                }
                SkipSpace();
                if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                {
                    return Fail("':' was expected");
                }
                ++m_pos;
                if (!ReadValue(Join(path, key)))
                {
                    return false;
                }
                SkipSpace();
                if (m_pos < m_text.size() && m_text[m_pos] == ',')
                {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && m_text[m_pos] == '}')
                {
                    ++m_pos;
                    return true;
                }
                return Fail("',' or '}' was expected");
            }
        }
        if (c == '[')
        {
            ++m_pos;
            SkipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ']')
            {
                ++m_pos;
                return true;
            }
            for (uint32_t index = 0;; ++index)
            {
                if (!ReadValue(Join(path, std::to_string(index))))
                {
                    return false;
                }
                SkipSpace();
                if (m_pos < m_text.size() && m_text[m_pos] == ',')
                {
                    ++m_pos;
                    continue;
                }
                if (m_pos < m_text.size() && m_text[m_pos] == ']')
                {
                    ++m_pos;
                    return true;
                }
                return Fail("',' or ']' was expected");
            }
        }
        if (c == '"')
        {
            std::string s;
            if (!ReadString(s))
            {
                return false;
            }
            m_values.emplace_back(path, s);
            return true;
        }
        // A number, true, false or null: keep the text as written.
        size_t start = m_pos;
        while (m_pos < m_text.size()
               && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '-'
                   || m_text[m_pos] == '+' || m_text[m_pos] == '.'))
        {
            ++m_pos;
        }
        std::string token = m_text.substr(start, m_pos - start);
        if (token.empty())
        {
            return Fail("a value was expected");
        }
        if (token == "null")
        {
            token.clear();
        }
        else if (token != "true" && token != "false"
                 && !(std::isdigit(static_cast<unsigned char>(token[0])) || token[0] == '-'))
        {
            return Fail("'" + token + "' is not a JSON value");
        }
        m_values.emplace_back(path, token);
        return true;
    }

    const std::string& m_text;
    std::vector<std::pair<std::string, std::string>>& m_values;
    size_t m_pos{0};
    std::string m_error;
};

} // namespace

bool
PptpJsonReader::Flatten(const std::string& text,
                        std::vector<std::pair<std::string, std::string>>& values,
                        std::string& error)
{
    Reader reader(text, values);
    return reader.Document(error);
}

} // namespace ns3
