/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_PCAP_READER_H
#define PPTP_PCAP_READER_H

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pptp
 * Reads a classic pcap file record by record, trusting nothing in it.
 *
 * Both byte orders and both time resolutions (micro- and nanoseconds) are
 * read. Every length in the file is checked before it is used: a record
 * longer than any capture can hold (MAX_RECORD_SIZE, libpcap's largest
 * snapshot length) or running past the end of the file is an error that
 * names the record, never an allocation of whatever size the file says. Only
 * one record is held at a time, so memory does not grow with the file.
 */
class PptpPcapReader
{
  public:
    /// The largest record accepted (libpcap's MAXIMUM_SNAPLEN).
    static constexpr uint32_t MAX_RECORD_SIZE = 262144;

    /// One captured packet.
    struct Record
    {
        uint32_t number{0};         //!< 1-based record number
        uint32_t seconds{0};        //!< time stamp, whole seconds
        uint32_t fraction{0};       //!< time stamp, micro- or nanoseconds
        uint32_t originalLength{0}; //!< the packet's length on the wire
        std::vector<uint8_t> data;  //!< the bytes captured
    };

    /// What ReadNext found.
    enum class Result
    {
        RECORD, //!< a record was read
        END,    //!< the file ended cleanly, after a whole record
        ERROR,  //!< the file is damaged: the reason is given
    };

    /**
     * Open a file and read its global header.
     * \param filename the file
     * \param error receives why it cannot be read as a pcap file
     * \return false if it cannot
     */
    bool Open(const std::string& filename, std::string& error);

    /**
     * Read a capture from a stream (it must outlive the reader) and its global header.
     * \param in the stream
     * \param name what to call it in messages
     * \param error receives why it cannot be read as a pcap capture
     * \return false if it cannot
     */
    bool Open(std::istream& in, const std::string& name, std::string& error);

    /**
     * \param record receives the next record
     * \param error receives why the file is damaged (with Result::ERROR)
     * \return what was found
     */
    Result ReadNext(Record& record, std::string& error);

    /// \return the name of the file (or stream) being read
    const std::string& GetName() const;
    /// \return the link type of the file's packets
    uint32_t GetLinkType() const;
    /// \return the snapshot length the file announces
    uint32_t GetSnapLen() const;
    /// \return time stamp fractions per second (1e6 or 1e9)
    double GetFractionsPerSecond() const;

  private:
    /// \return the 32-bit value at \p p in the file's byte order
    uint32_t U32(const uint8_t* p) const;

    std::ifstream m_file; //!< the file, when opened by name
    std::istream* m_in{nullptr};
    std::string m_name;
    bool m_swapped{false};
    bool m_nanoseconds{false};
    uint32_t m_linkType{0};
    uint32_t m_snapLen{0};
    uint32_t m_records{0};
};

} // namespace ns3

#endif /* PPTP_PCAP_READER_H */
