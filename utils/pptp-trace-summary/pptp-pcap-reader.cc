/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-pcap-reader.h"

#include <istream>
#include <sstream>

namespace ns3
{

namespace
{

// Magic numbers of the pcap global header, as read in the writer's byte order.
constexpr uint32_t MAGIC_MICROSECONDS = 0xA1B2C3D4;
constexpr uint32_t MAGIC_NANOSECONDS = 0xA1B23C4D;
constexpr uint32_t MAGIC_PCAPNG = 0x0A0D0D0A; // a pcapng Section Header Block
constexpr uint32_t GLOBAL_HEADER_SIZE = 24;
constexpr uint32_t RECORD_HEADER_SIZE = 16;

uint32_t
Swap32(uint32_t v)
{
    return (v >> 24) | ((v >> 8) & 0xFF00) | ((v << 8) & 0xFF0000) | (v << 24);
}

uint32_t
LittleEndian32(const uint8_t* p)
{
    return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
}

} // namespace

uint32_t
PptpPcapReader::U32(const uint8_t* p) const
{
    uint32_t v = LittleEndian32(p);
    return m_swapped ? Swap32(v) : v;
}

bool
PptpPcapReader::Open(const std::string& filename, std::string& error)
{
    m_file.open(filename, std::ios::in | std::ios::binary);
    if (!m_file)
    {
        error = "cannot open " + filename;
        return false;
    }
    return Open(m_file, filename, error);
}

bool
PptpPcapReader::Open(std::istream& in, const std::string& filename, std::string& error)
{
    m_in = &in;
    m_name = filename;
    uint8_t header[GLOBAL_HEADER_SIZE];
    in.read(reinterpret_cast<char*>(header), sizeof(header));
    if (in.gcount() != sizeof(header))
    {
        error = filename + ": too short for a pcap file (no 24-byte header)";
        return false;
    }
    uint32_t magic = LittleEndian32(header);
    if (magic == MAGIC_MICROSECONDS || magic == MAGIC_NANOSECONDS)
    {
        m_swapped = false;
    }
    else if (Swap32(magic) == MAGIC_MICROSECONDS || Swap32(magic) == MAGIC_NANOSECONDS)
    {
        m_swapped = true;
        magic = Swap32(magic);
    }
    else if (magic == MAGIC_PCAPNG)
    {
        error = filename + ": a pcapng file; convert it with 'editcap -F pcap'";
        return false;
    }
    else
    {
        error = "cannot read " + filename + " as a pcap file (no pcap magic number)";
        return false;
    }
    m_nanoseconds = magic == MAGIC_NANOSECONDS;
    m_snapLen = U32(header + 16);
    m_linkType = U32(header + 20) & 0x0FFFFFFF; // the top bits carry FCS information
    m_records = 0;
    return true;
}

PptpPcapReader::Result
PptpPcapReader::ReadNext(Record& record, std::string& error)
{
    uint8_t header[RECORD_HEADER_SIZE];
    m_in->read(reinterpret_cast<char*>(header), sizeof(header));
    std::streamsize got = m_in->gcount();
    if (got == 0)
    {
        return Result::END;
    }
    uint32_t number = m_records + 1;
    std::ostringstream os;
    os << m_name << ": record " << number << ": ";
    if (got != sizeof(header))
    {
        os << "truncated record header (" << got << " of 16 bytes)";
        error = os.str();
        return Result::ERROR;
    }
    uint32_t captured = U32(header + 8);
    if (captured > MAX_RECORD_SIZE)
    {
        os << "captured length " << captured << " is larger than any capture can hold ("
           << MAX_RECORD_SIZE << "): the file is damaged";
        error = os.str();
        return Result::ERROR;
    }
    record.data.resize(captured);
    m_in->read(reinterpret_cast<char*>(record.data.data()), captured);
    if (m_in->gcount() != static_cast<std::streamsize>(captured))
    {
        os << "truncated: " << captured << " bytes announced, " << m_in->gcount() << " present";
        error = os.str();
        return Result::ERROR;
    }
    m_records = number;
    record.number = number;
    record.seconds = U32(header);
    record.fraction = U32(header + 4);
    record.originalLength = U32(header + 12);
    return Result::RECORD;
}

const std::string&
PptpPcapReader::GetName() const
{
    return m_name;
}

uint32_t
PptpPcapReader::GetLinkType() const
{
    return m_linkType;
}

uint32_t
PptpPcapReader::GetSnapLen() const
{
    return m_snapLen;
}

double
PptpPcapReader::GetFractionsPerSecond() const
{
    return m_nanoseconds ? 1e9 : 1e6;
}

} // namespace ns3
