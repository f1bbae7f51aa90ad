/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Writes the seed corpus of every fuzz target: the module's sample message of
// each of the 15 types, and the control messages, control streams, GRE
// packets and PPP frames of the committed captures of real pptpd and
// pptp-linux sessions, the captures themselves, and the ready-made scenario
// files. Seeds are made from these sources at build time rather than kept as
// binary files, so that they follow the codecs and the captures.
//
//   pptp-fuzz-seeds SOURCE_DIR CORPUS_DIR

#include "../pptp-capture-builder.h"
#include "../pptp-sample-messages.h"
#include "ns3/pptp-byte-order.h"
#include "ns3/pptp-gre-header.h"
#include "pptp-trace-summary/pptp-pcap-reader.h"
#include "ns3/pptp-stream-framer.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

using namespace ns3;
namespace fs = std::filesystem;

namespace
{

class Corpus
{
  public:
    explicit Corpus(fs::path root)
        : m_root(std::move(root))
    {
    }

    void Add(const std::string& target, const std::vector<uint8_t>& bytes)
    {
        fs::create_directories(m_root / target);
        std::string name = "seed-" + std::to_string(m_count[target]++);
        std::ofstream(m_root / target / name, std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    }

    void AddFile(const std::string& target, const fs::path& file)
    {
        fs::create_directories(m_root / target);
        fs::copy_file(file,
                      m_root / target / ("seed-" + std::to_string(m_count[target]++)),
                      fs::copy_options::overwrite_existing);
    }

    uint32_t Count(const std::string& target)
    {
        return m_count[target];
    }

  private:
    fs::path m_root;
    std::map<std::string, uint32_t> m_count;
};

/// An FSM-target record: deliver \p packet after \p delay10ms.
void
AppendRecord(std::vector<uint8_t>& records, uint8_t delay10ms, const std::vector<uint8_t>& packet)
{
    if (packet.size() > 255)
    {
        return;
    }
    records.push_back(0); // a packet, not an administrative event
    records.push_back(delay10ms);
    records.push_back(static_cast<uint8_t>(packet.size()));
    records.insert(records.end(), packet.begin(), packet.end());
}

/// Seeds from one capture of IPv4 over Ethernet.
void
SeedFromCapture(Corpus& corpus, const fs::path& file)
{
    PptpPcapReader reader;
    std::string error;
    if (!reader.Open(file.string(), error) || reader.GetLinkType() != 1)
    {
        std::cerr << "pptp-fuzz-seeds: " << file << ": skipped (" << error << ")\n";
        return;
    }
    corpus.AddFile("capture-reader", file);
    std::map<uint32_t, std::vector<uint8_t>> streams; // by source address
    std::vector<uint8_t> lcpRecords;
    PptpPcapReader::Record record;
    while (reader.ReadNext(record, error) == PptpPcapReader::Result::RECORD)
    {
        const std::vector<uint8_t>& d = record.data;
        if (d.size() < 34 || PptpReadU16(d.data() + 12) != 0x0800)
        {
            continue;
        }
        const uint8_t* ip = d.data() + 14;
        uint32_t ipHeader = (ip[0] & 0x0F) * 4u;
        uint32_t total = std::min<uint32_t>(PptpReadU16(ip + 2), d.size() - 14);
        if (total < ipHeader)
        {
            continue;
        }
        std::vector<uint8_t> payload(ip + ipHeader, ip + total);
        if (ip[9] == 6 && payload.size() >= 20)
        {
            uint32_t tcpHeader = (payload[12] >> 4) * 4u;
            if (payload.size() > tcpHeader)
            {
                auto& stream = streams[PptpReadU32(ip + 12)];
                stream.insert(stream.end(), payload.begin() + tcpHeader, payload.end());
            }
        }
        else if (ip[9] == PptpGreHeader::IP_PROTOCOL_NUMBER)
        {
            corpus.Add("gre-header", payload);
            PptpGreHeader gre;
            if (PptpGreHeader::Decode(payload.data(), payload.size(), gre).Ok()
                && gre.GetPayloadLength() > 0)
            {
                std::vector<uint8_t> frame(payload.begin() + gre.GetSerializedSize(),
                                           payload.begin() + gre.GetSerializedSize()
                                               + gre.GetPayloadLength());
                corpus.Add("ppp-packets", frame);
                // LCP packets (framing FF 03 C0 21) as the peer's side of a negotiation.
                if (frame.size() > 4 && frame[0] == 0xFF && frame[2] == 0xC0 && frame[3] == 0x21)
                {
                    AppendRecord(
                        lcpRecords, 1, std::vector<uint8_t>(frame.begin() + 4, frame.end()));
                }
            }
        }
    }
    for (const auto& [source, bytes] : streams)
    {
        std::vector<uint8_t> seeded{static_cast<uint8_t>(source)}; // chunking seed
        seeded.insert(seeded.end(), bytes.begin(), bytes.end());
        corpus.Add("stream-framer", seeded);
        PptpStreamFramer framer;
        framer.Append(bytes.data(), bytes.size());
        std::vector<uint8_t> message;
        uint32_t discarded;
        while (framer.Next(message, discarded) == PptpStreamFramer::Event::MESSAGE)
        {
            corpus.Add("control-message", message);
        }
    }
    if (!lcpRecords.empty())
    {
        corpus.Add("ppp-fsm", lcpRecords);
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    if (argc != 3)
    {
        std::cerr << "usage: pptp-fuzz-seeds SOURCE_DIR CORPUS_DIR\n";
        return 2;
    }
    fs::path source(argv[1]);
    Corpus corpus{fs::path(argv[2])};

    std::vector<uint8_t> all{42};
    for (const auto& sample : pptptest::SampleMessages())
    {
        std::vector<uint8_t> bytes = sample.message.Encode();
        corpus.Add("control-message", bytes);
        all.insert(all.end(), bytes.begin(), bytes.end());
    }
    corpus.Add("stream-framer", all);

    // A capture as ns-3's point-to-point devices write it (PPP link type): the samples over
    // TCP both ways, and GRE data, ack-only and data-with-ack packets.
    fs::path written = fs::path(argv[2]) / "module-capture.pcap";
    {
        pptptest::CaptureBuilder capture(written.string());
        Ipv4Address pns("10.0.0.1");
        Ipv4Address pac("10.0.0.2");
        pptptest::TcpFlow up(capture, pns, 40000, pac, 1723, 1000);
        pptptest::TcpFlow down(capture, pac, 1723, pns, 40000, 5000);
        up.Syn();
        down.Syn(true);
        bool toPac = true;
        for (const auto& sample : pptptest::SampleMessages())
        {
            (toPac ? up : down).Send(sample.message.Encode());
            toPac = !toPac;
        }
        PptpGreHeader data;
        data.SetCallId(7);
        data.SetSequenceNumber(0);
        capture.Gre(pns, pac, data, {0xFF, 0x03, 0xC0, 0x21, 1, 1, 0, 4});
        PptpGreHeader ack;
        ack.SetCallId(9);
        ack.SetAcknowledgment(0);
        capture.Gre(pac, pns, ack, {});
        data.SetAcknowledgment(3);
        data.SetSequenceNumber(1);
        capture.Gre(pns, pac, data, {0x21, 0x45, 0, 0, 20});
    }
    corpus.AddFile("capture-reader", written);
    fs::remove(written);

    for (const auto& entry : fs::directory_iterator(source / "test" / "captures"))
    {
        if (entry.path().extension() == ".pcap")
        {
            SeedFromCapture(corpus, entry.path());
        }
    }
    for (const auto& entry : fs::directory_iterator(source / "examples" / "scenarios"))
    {
        if (entry.path().extension() == ".ini")
        {
            corpus.AddFile("sim-config", entry.path());
        }
    }
    // A negotiation that opens: the peer's request, then an Ack of ours (id 1, MRU 1400,
    // magic 0x01020304, as the fuzz target's automaton asks).
    std::vector<uint8_t> opening;
    AppendRecord(opening, 1, {1, 7, 0, 10, 5, 6, 0x11, 0x22, 0x33, 0x44});
    AppendRecord(opening, 1, {2, 1, 0, 14, 1, 4, 0x05, 0x78, 5, 6, 1, 2, 3, 4});
    corpus.Add("ppp-fsm", opening);

    for (const char* target : {"control-message",
                               "stream-framer",
                               "gre-header",
                               "ppp-packets",
                               "ppp-fsm",
                               "capture-reader",
                               "sim-config"})
    {
        std::cout << target << ": " << corpus.Count(target) << " seeds\n";
    }
    return 0;
}
