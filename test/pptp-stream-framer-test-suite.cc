/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The control connection's stream framer: a TCP byte stream carrying the 15
// control messages back to back, delivered whole, split at every byte
// boundary, one byte at a time and coalesced, must give back exactly the 15
// messages in order; garbage before or between messages is skipped and
// counted byte for byte; too much garbage makes the stream unrecoverable
// until Reset().

#include "ns3/packet.h"
#include "ns3/pptp-control-message.h"
#include "ns3/pptp-stream-framer.h"
#include "ns3/test.h"
#include "pptp-sample-messages.h"
#include "pptp-test-utils.h"

#include <algorithm>
#include <numeric>
#include <sstream>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

using Event = PptpStreamFramer::Event;

/// \return the name of a framer event, for assertion messages
std::string
EventName(Event e)
{
    switch (e)
    {
        case Event::NEED_MORE:
            return "NEED_MORE";
        case Event::MESSAGE:
            return "MESSAGE";
        case Event::DISCARDED:
            return "DISCARDED";
        case Event::UNRECOVERABLE:
            return "UNRECOVERABLE";
    }
    return "?";
}

/// The RFC 2637 length of each Control Message Type, indexed by type - 1.
const uint16_t g_rfcLengths[15] = {156, 156, 16, 16, 16, 20, 168, 32, 220, 24, 28, 16, 148, 40, 24};

/// \return the 15 messages, in type order, encoded by the codec
std::vector<std::vector<uint8_t>>
AllMessageBytes()
{
    std::vector<std::vector<uint8_t>> bytes;
    for (const SampleMessage& sample : SampleMessages())
    {
        bytes.push_back(sample.message.Encode());
    }
    return bytes;
}

/// One event taken from the framer.
struct Taken
{
    Event event;                  //!< what Next returned
    std::vector<uint8_t> message; //!< on MESSAGE
    uint32_t discarded;           //!< on DISCARDED
};

/** Helpers shared by the framer test cases. */
class FramerTestCaseBase : public TestCase
{
  public:
    /// \param name the test case's name
    explicit FramerTestCaseBase(const std::string& name)
        : TestCase(name)
        , m_messages(AllMessageBytes())
    {
        for (const auto& m : m_messages)
        {
            m_stream.insert(m_stream.end(), m.begin(), m.end());
        }
    }

  protected:
    /**
     * Take events until NEED_MORE or UNRECOVERABLE (included in the result).
     * \param framer the framer
     * \return the events
     */
    std::vector<Taken> Drain(PptpStreamFramer& framer)
    {
        std::vector<Taken> events;
        for (uint32_t i = 0; i < 100000; ++i)
        {
            Taken t{Event::NEED_MORE, {}, 0};
            t.event = framer.Next(t.message, t.discarded);
            events.push_back(t);
            if (t.event == Event::NEED_MORE || t.event == Event::UNRECOVERABLE)
            {
                return events;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(true, false, "the framer never asks for more bytes");
        return events;
    }

    /**
     * Check that \p events are \p expected messages in order, preceded or interleaved with
     * discards adding up to \p discarded, and end with NEED_MORE.
     * \param events the events
     * \param expected the messages
     * \param discarded total bytes expected to be discarded
     * \param what the scenario
     */
    void CheckEvents(const std::vector<Taken>& events,
                     const std::vector<std::vector<uint8_t>>& expected,
                     uint32_t discarded,
                     const std::string& what)
    {
        std::vector<std::vector<uint8_t>> got;
        uint32_t discardedSum = 0;
        for (size_t i = 0; i < events.size(); ++i)
        {
            const Taken& t = events[i];
            if (t.event == Event::MESSAGE)
            {
                got.push_back(t.message);
            }
            else if (t.event == Event::DISCARDED)
            {
                NS_TEST_EXPECT_MSG_GT(t.discarded, 0u, what << ": a discard skips bytes");
                discardedSum += t.discarded;
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(EventName(t.event),
                                      "NEED_MORE",
                                      what << ": event " << i << " of " << events.size());
                NS_TEST_EXPECT_MSG_EQ(i + 1, events.size(), what << ": NEED_MORE comes last");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(got.size(), expected.size(), what << ": number of messages");
        for (size_t i = 0; i < std::min(got.size(), expected.size()); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(ToHex(got[i]), ToHex(expected[i]), what << ": message " << i);
        }
        NS_TEST_EXPECT_MSG_EQ(discardedSum, discarded, what << ": bytes discarded");
    }

    /// \return the number of DISCARDED events in \p events
    static uint32_t CountDiscards(const std::vector<Taken>& events)
    {
        uint32_t n = 0;
        for (const Taken& t : events)
        {
            n += t.event == Event::DISCARDED ? 1 : 0;
        }
        return n;
    }

    /**
     * \param a some bytes
     * \param b more bytes
     * \return a then b
     */
    static std::vector<uint8_t> Concat(std::vector<uint8_t> a, const std::vector<uint8_t>& b)
    {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    }

    std::vector<std::vector<uint8_t>> m_messages; //!< the 15 messages, in type order
    std::vector<uint8_t> m_stream;                //!< the messages back to back
};

/** The whole stream in one Append. */
class WholeStreamTestCase : public FramerTestCaseBase
{
  public:
    WholeStreamTestCase()
        : FramerTestCaseBase("whole stream in one Append: 15 messages in order, then NEED_MORE")
    {
    }

  private:
    void DoRun() override
    {
        // The stream really is the RFC's 15 messages, each with its header and length.
        NS_TEST_ASSERT_MSG_EQ(m_messages.size(), 15u, "15 messages");
        uint32_t total = 0;
        for (uint16_t type = 1; type <= 15; ++type)
        {
            const auto& m = m_messages[type - 1];
            NS_TEST_ASSERT_MSG_EQ(m.size(), g_rfcLengths[type - 1], "length of type " << type);
            NS_TEST_EXPECT_MSG_EQ(ToHex(std::vector<uint8_t>(m.begin(), m.begin() + 12)),
                                  ToHex(ControlHeader(g_rfcLengths[type - 1], type)),
                                  "header of type " << type);
            total += m.size();
        }
        NS_TEST_ASSERT_MSG_EQ(m_stream.size(), 1080u, "stream size");
        NS_TEST_ASSERT_MSG_EQ(total, 1080u, "sum of the RFC lengths");

        PptpStreamFramer framer;
        NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 0u, "nothing buffered initially");
        NS_TEST_EXPECT_MSG_EQ(framer.GetTotalDiscarded(), 0u, "nothing discarded initially");
        NS_TEST_EXPECT_MSG_EQ(framer.IsUnrecoverable(), false, "recoverable initially");
        {
            std::vector<uint8_t> message;
            uint32_t discarded = 0;
            NS_TEST_EXPECT_MSG_EQ(EventName(framer.Next(message, discarded)),
                                  "NEED_MORE",
                                  "an empty framer needs more");
        }

        framer.Append(m_stream.data(), m_stream.size());
        NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 1080u, "all buffered");
        std::vector<Taken> events = Drain(framer);
        NS_TEST_EXPECT_MSG_EQ(events.size(), 16u, "15 messages and NEED_MORE");
        for (size_t i = 0; i < 15 && i < events.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(EventName(events[i].event), "MESSAGE", "event " << i);
            PptpControlMessage decoded;
            PptpDecodeResult r = PptpControlMessage::Decode(
                events[i].message.data(), events[i].message.size(), decoded);
            NS_TEST_EXPECT_MSG_EQ(r.Ok(), true, "message " << i << " decodes: " << r.detail);
            NS_TEST_EXPECT_MSG_EQ(
                static_cast<uint32_t>(decoded.GetMessageType()), i + 1, "message " << i << " type");
        }
        CheckEvents(events, m_messages, 0, "whole stream");
        NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 0u, "nothing left");
        NS_TEST_EXPECT_MSG_EQ(framer.GetTotalDiscarded(), 0u, "nothing discarded");

        // NEED_MORE again, and a half message stays buffered.
        CheckEvents(Drain(framer), {}, 0, "drained framer");
        framer.Append(m_messages[0].data(), 100);
        CheckEvents(Drain(framer), {}, 0, "100 bytes of SCCRQ");
        NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 100u, "half a message buffered");
        framer.Append(m_messages[0].data() + 100, 56);
        CheckEvents(Drain(framer), {m_messages[0]}, 0, "rest of SCCRQ");
        NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 0u, "nothing left");
    }
};

/** The stream split into two Appends at every byte boundary. */
class TwoChunksTestCase : public FramerTestCaseBase
{
  public:
    TwoChunksTestCase()
        : FramerTestCaseBase("stream split in two at every byte boundary")
    {
    }

  private:
    void DoRun() override
    {
        for (uint32_t split = 0; split <= m_stream.size(); ++split)
        {
            PptpStreamFramer framer;
            // The messages complete within the first chunk, and the bytes left over.
            std::vector<std::vector<uint8_t>> first;
            uint32_t end = 0;
            for (const auto& m : m_messages)
            {
                if (end + m.size() > split)
                {
                    break;
                }
                first.push_back(m);
                end += m.size();
            }
            std::vector<std::vector<uint8_t>> second(m_messages.begin() + first.size(),
                                                     m_messages.end());
            std::ostringstream what;
            what << "split at " << split;

            framer.Append(m_stream.data(), split);
            CheckEvents(Drain(framer), first, 0, what.str() + ", first chunk");
            NS_TEST_EXPECT_MSG_EQ(
                framer.GetBufferedSize(), split - end, what.str() << ": buffered");
            framer.Append(m_stream.data() + split, m_stream.size() - split);
            CheckEvents(Drain(framer), second, 0, what.str() + ", second chunk");
            NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 0u, what.str() << ": all taken");
            NS_TEST_EXPECT_MSG_EQ(framer.GetTotalDiscarded(), 0u, what.str() << ": no discard");
        }
    }
};

/** The stream one byte at a time: each message comes out with its last byte. */
class ByteAtATimeTestCase : public FramerTestCaseBase
{
  public:
    ByteAtATimeTestCase()
        : FramerTestCaseBase("stream one byte at a time")
    {
    }

  private:
    void DoRun() override
    {
        PptpStreamFramer framer;
        size_t next = 0;  // next message expected
        uint32_t end = 0; // where it ends in the stream
        end = m_messages[0].size();
        for (uint32_t i = 0; i < m_stream.size(); ++i)
        {
            framer.Append(&m_stream[i], 1);
            std::vector<std::vector<uint8_t>> expected;
            if (i + 1 == end)
            {
                expected.push_back(m_messages[next]);
                ++next;
                end += next < m_messages.size() ? m_messages[next].size() : 0;
            }
            std::ostringstream what;
            what << "after byte " << i;
            CheckEvents(Drain(framer), expected, 0, what.str());
        }
        NS_TEST_EXPECT_MSG_EQ(next, 15u, "all 15 messages came out");
        NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 0u, "nothing left");
        NS_TEST_EXPECT_MSG_EQ(framer.GetTotalDiscarded(), 0u, "nothing discarded");
    }
};

/** Several messages in one Append, and a message with part of the next. */
class CoalescedTestCase : public FramerTestCaseBase
{
  public:
    CoalescedTestCase()
        : FramerTestCaseBase("several messages per Append (coalesced segments)")
    {
    }

  private:
    void DoRun() override
    {
        PptpStreamFramer framer;
        size_t index = 0;
        for (size_t group : {3, 5, 7})
        {
            std::vector<uint8_t> chunk;
            std::vector<std::vector<uint8_t>> expected;
            for (size_t k = 0; k < group; ++k, ++index)
            {
                chunk = Concat(chunk, m_messages[index]);
                expected.push_back(m_messages[index]);
            }
            framer.Append(chunk.data(), chunk.size());
            std::ostringstream what;
            what << group << " messages in one Append";
            CheckEvents(Drain(framer), expected, 0, what.str());
        }
        NS_TEST_EXPECT_MSG_EQ(index, 15u, "all messages");

        // Two messages and 10 bytes of the third; then the rest of it with the fourth.
        std::vector<uint8_t> chunk
            = Concat(Concat(m_messages[4], m_messages[5]),
                     std::vector<uint8_t>(m_messages[6].begin(), m_messages[6].begin() + 10));
        framer.Append(chunk.data(), chunk.size());
        CheckEvents(Drain(framer), {m_messages[4], m_messages[5]}, 0, "two and a bit");
        NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 10u, "10 bytes of the third buffered");
        chunk = Concat(std::vector<uint8_t>(m_messages[6].begin() + 10, m_messages[6].end()),
                       m_messages[7]);
        framer.Append(chunk.data(), chunk.size());
        CheckEvents(Drain(framer), {m_messages[6], m_messages[7]}, 0, "rest and one more");
        NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 0u, "nothing left");
    }
};

/** Garbage before and between messages is skipped, and counted exactly. */
class GarbageTestCase : public FramerTestCaseBase
{
  public:
    GarbageTestCase()
        : FramerTestCaseBase("garbage before and between messages is discarded and counted")
    {
    }

  private:
    /**
     * Feed \p bytes in chunks of \p chunk bytes (0: all at once) and check the outcome.
     * \param bytes the stream
     * \param chunk chunk size
     * \param expected messages expected
     * \param discarded bytes expected to be discarded
     * \param what the scenario
     */
    void Feed(const std::vector<uint8_t>& bytes,
              uint32_t chunk,
              const std::vector<std::vector<uint8_t>>& expected,
              uint32_t discarded,
              const std::string& what)
    {
        PptpStreamFramer framer;
        std::vector<Taken> all;
        uint32_t step = chunk == 0 ? bytes.size() : chunk;
        for (uint32_t offset = 0; offset < bytes.size(); offset += step)
        {
            uint32_t n = std::min<uint32_t>(step, bytes.size() - offset);
            framer.Append(bytes.data() + offset, n);
            std::vector<Taken> events = Drain(framer);
            // Keep only the last NEED_MORE, so that CheckEvents sees one stream of events.
            events.pop_back();
            all.insert(all.end(), events.begin(), events.end());
        }
        all.push_back(Drain(framer).back());
        std::ostringstream name;
        name << what << " (chunks of " << chunk << ")";
        CheckEvents(all, expected, discarded, name.str());
        NS_TEST_EXPECT_MSG_EQ(framer.GetTotalDiscarded(), discarded, name.str() << ": total");
        NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 0u, name.str() << ": nothing left");
        NS_TEST_EXPECT_MSG_EQ(framer.IsUnrecoverable(), false, name.str() << ": recoverable");
        if (chunk == 0 && discarded > 0)
        {
            NS_TEST_EXPECT_MSG_GT(CountDiscards(all), 0u, name.str() << ": discard events");
        }
    }

    void DoRun() override
    {
        const std::vector<uint8_t> garbage(37, 0xAA);

        // Before the first message.
        std::vector<uint8_t> prefixed = Concat(garbage, m_stream);
        for (uint32_t chunk : {0u, 1u, 7u, 13u, 100u})
        {
            Feed(prefixed, chunk, m_messages, 37, "37 bytes of 0xAA before the stream");
        }
        {
            // All at once: the discard comes before the first message.
            PptpStreamFramer framer;
            framer.Append(prefixed.data(), prefixed.size());
            std::vector<Taken> events = Drain(framer);
            NS_TEST_ASSERT_MSG_GT(events.size(), 1u, "events");
            NS_TEST_EXPECT_MSG_EQ(EventName(events[0].event), "DISCARDED", "garbage first");
            NS_TEST_EXPECT_MSG_EQ(events[0].discarded, 37u, "all 37 bytes at once");
            NS_TEST_EXPECT_MSG_EQ(EventName(events[1].event), "MESSAGE", "then the messages");
            NS_TEST_EXPECT_MSG_EQ(framer.GetTotalDiscarded(), 37u, "total discarded");
        }

        // Between two messages.
        std::vector<uint8_t> between;
        for (size_t i = 0; i < m_messages.size(); ++i)
        {
            between = Concat(between, m_messages[i]);
            if (i == 6)
            {
                between = Concat(between, garbage);
            }
        }
        for (uint32_t chunk : {0u, 1u, 5u, 64u})
        {
            Feed(between, chunk, m_messages, 37, "37 bytes of 0xAA after message 7");
        }
        {
            PptpStreamFramer framer;
            framer.Append(between.data(), between.size());
            std::vector<Taken> events = Drain(framer);
            NS_TEST_ASSERT_MSG_EQ(events.size(), 17u, "15 messages, a discard, NEED_MORE");
            NS_TEST_EXPECT_MSG_EQ(EventName(events[7].event), "DISCARDED", "after message 7");
            NS_TEST_EXPECT_MSG_EQ(events[7].discarded, 37u, "37 bytes");
        }

        // Garbage that looks like parts of a header, but never carries the cookie.
        const std::vector<uint8_t> lookalike = Bytes()
                                                   .Hex("00 10 00 01 1A 2B 3C 00")
                                                   .Hex("00 10 00 01 00 2B 3C 4D")
                                                   .Hex("1A 2B 3C 00 01 00 01")
                                                   .Get();
        Feed(Concat(lookalike, m_stream),
             0,
             m_messages,
             lookalike.size(),
             "header look-alikes without the cookie");
        Feed(Concat(lookalike, m_stream), 1, m_messages, lookalike.size(), "look-alikes");

        // Headers with the cookie but an implausible Length or PPTP Message Type.
        const struct
        {
            const char* hex;
            const char* what;
        } fakes[] = {
            {"04 01 00 01 1A 2B 3C 4D 00 05 00 00", "Length 1025, above maxMessageSize"},
            {"FF FF 00 01 1A 2B 3C 4D 00 05 00 00", "Length 65535"},
            {"00 0B 00 01 1A 2B 3C 4D 00 05 00 00", "Length 11, below the header size"},
            {"00 00 00 01 1A 2B 3C 4D 00 05 00 00", "Length 0"},
            {"00 10 00 02 1A 2B 3C 4D 00 05 00 00", "PPTP Message Type 2"},
            {"00 10 00 00 1A 2B 3C 4D 00 05 00 00", "PPTP Message Type 0"},
            {"00 10 00 01 4D 3C 2B 1A 00 05 00 00", "byte-swapped cookie"},
        };
        for (const auto& fake : fakes)
        {
            std::vector<uint8_t> bytes = Bytes().Hex(fake.hex).Get();
            uint32_t n = bytes.size();
            Feed(Concat(bytes, m_stream), 0, m_messages, n, fake.what);
            Feed(Concat(bytes, m_stream), 1, m_messages, n, fake.what);
            // The same between two messages.
            std::vector<uint8_t> mid = Concat(Concat(m_messages[4], bytes), m_messages[5]);
            Feed(mid, 0, {m_messages[4], m_messages[5]}, n, std::string(fake.what) + ", between");
        }

        // The limits are inclusive: a Length of exactly maxMessageSize, or 12, is a message.
        {
            // The longest message, Incoming-Call-Request, is 220 bytes.
            PptpStreamFramer framer(220, 4096);
            framer.Append(m_stream.data(), m_stream.size());
            CheckEvents(Drain(framer), m_messages, 0, "maxMessageSize 220");
        }
        {
            PptpStreamFramer framer(219, 4096);
            std::vector<uint8_t> bytes = Concat(m_messages[8], m_messages[4]);
            framer.Append(bytes.data(), bytes.size());
            CheckEvents(Drain(framer), {m_messages[4]}, 220, "maxMessageSize 219: ICRQ skipped");
        }
        {
            PptpStreamFramer framer;
            std::vector<uint8_t> twelve = ControlHeader(12, 5);
            std::vector<uint8_t> bytes = Concat(twelve, m_messages[4]);
            framer.Append(bytes.data(), bytes.size());
            CheckEvents(Drain(framer), {twelve, m_messages[4]}, 0, "Length 12 is framed");
        }

        // Fewer than 8 bytes of garbage at the end are kept: they may start a message.
        {
            PptpStreamFramer framer;
            std::vector<uint8_t> bytes = Concat(m_messages[4], std::vector<uint8_t>(5, 0xAA));
            framer.Append(bytes.data(), bytes.size());
            CheckEvents(Drain(framer), {m_messages[4]}, 0, "5 trailing bytes");
            NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 5u, "5 bytes kept");
            framer.Append(m_messages[5].data(), m_messages[5].size());
            CheckEvents(Drain(framer), {m_messages[5]}, 5, "then a message");
            NS_TEST_EXPECT_MSG_EQ(framer.GetTotalDiscarded(), 5u, "total");
        }
    }
};

/** More garbage in a row than maxDiscard: unrecoverable, until Reset(). */
class UnrecoverableTestCase : public FramerTestCaseBase
{
  public:
    UnrecoverableTestCase()
        : FramerTestCaseBase("more than maxDiscard bytes of garbage: unrecoverable until Reset")
    {
    }

  private:
    void DoRun() override
    {
        // Exactly maxDiscard bytes of garbage are tolerated.
        {
            PptpStreamFramer framer(1024, 100);
            std::vector<uint8_t> bytes = Concat(std::vector<uint8_t>(100, 0xAA), m_stream);
            framer.Append(bytes.data(), bytes.size());
            CheckEvents(Drain(framer), m_messages, 100, "100 bytes of garbage");
            NS_TEST_EXPECT_MSG_EQ(framer.IsUnrecoverable(), false, "100 is tolerated");
            NS_TEST_EXPECT_MSG_EQ(framer.GetTotalDiscarded(), 100u, "total");
        }
        // The limit applies to garbage in a row: a message in between starts a new run.
        {
            PptpStreamFramer framer(1024, 100);
            std::vector<uint8_t> garbage(90, 0xAA);
            std::vector<uint8_t> bytes
                = Concat(Concat(Concat(garbage, m_messages[4]), garbage), m_messages[5]);
            framer.Append(bytes.data(), bytes.size());
            CheckEvents(Drain(framer), {m_messages[4], m_messages[5]}, 180, "90 + 90 garbage");
            NS_TEST_EXPECT_MSG_EQ(framer.IsUnrecoverable(), false, "two runs of 90");
            NS_TEST_EXPECT_MSG_EQ(framer.GetTotalDiscarded(), 180u, "total");
        }
        // 101 bytes in one Append.
        {
            PptpStreamFramer framer(1024, 100);
            std::vector<uint8_t> bytes = Concat(std::vector<uint8_t>(101, 0xAA), m_stream);
            framer.Append(bytes.data(), bytes.size());
            std::vector<Taken> events = Drain(framer);
            NS_TEST_EXPECT_MSG_EQ(EventName(events.back().event), "UNRECOVERABLE", "101 bytes");
            for (const Taken& t : events)
            {
                NS_TEST_EXPECT_MSG_NE(EventName(t.event), "MESSAGE", "no message after garbage");
            }
            NS_TEST_EXPECT_MSG_EQ(framer.IsUnrecoverable(), true, "declared unrecoverable");
            NS_TEST_EXPECT_MSG_EQ(framer.GetTotalDiscarded(), 101u, "the 101 bytes discarded");

            // It stays so, whatever arrives.
            std::vector<uint8_t> message;
            uint32_t discarded = 0;
            for (int i = 0; i < 3; ++i)
            {
                NS_TEST_EXPECT_MSG_EQ(EventName(framer.Next(message, discarded)),
                                      "UNRECOVERABLE",
                                      "still unrecoverable, call " << i);
            }
            framer.Append(m_messages[4].data(), m_messages[4].size());
            NS_TEST_EXPECT_MSG_EQ(EventName(framer.Next(message, discarded)),
                                  "UNRECOVERABLE",
                                  "a valid message does not help");
            NS_TEST_EXPECT_MSG_EQ(framer.IsUnrecoverable(), true, "still unrecoverable");

            // Reset forgets the buffer and the state.
            framer.Reset();
            NS_TEST_EXPECT_MSG_EQ(framer.IsUnrecoverable(), false, "Reset clears the state");
            NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 0u, "Reset empties the buffer");
            CheckEvents(Drain(framer), {}, 0, "after Reset");
            framer.Append(m_stream.data(), m_stream.size());
            CheckEvents(Drain(framer), m_messages, 0, "stream after Reset");
        }
        // Garbage arriving in pieces accumulates towards the limit.
        {
            PptpStreamFramer framer(1024, 100);
            std::vector<uint8_t> garbage(60, 0xAA);
            framer.Append(garbage.data(), garbage.size());
            std::vector<Taken> events = Drain(framer);
            NS_TEST_EXPECT_MSG_EQ(EventName(events.back().event), "NEED_MORE", "60 bytes");
            NS_TEST_EXPECT_MSG_EQ(framer.IsUnrecoverable(), false, "60 bytes are tolerated");
            framer.Append(garbage.data(), garbage.size());
            events = Drain(framer);
            NS_TEST_EXPECT_MSG_EQ(EventName(events.back().event), "UNRECOVERABLE", "120 bytes");
            NS_TEST_EXPECT_MSG_EQ(framer.IsUnrecoverable(), true, "120 bytes in a row");
        }
        // One byte at a time: unrecoverable once the run passes 100.
        {
            PptpStreamFramer framer(1024, 100);
            const uint8_t garbage = 0xAA;
            uint32_t appended = 0;
            while (!framer.IsUnrecoverable() && appended < 1000)
            {
                framer.Append(&garbage, 1);
                ++appended;
                Drain(framer);
            }
            // Seven bytes are kept back as a possible message start.
            NS_TEST_EXPECT_MSG_EQ(appended, 108u, "unrecoverable when the 101st byte is skipped");
            NS_TEST_EXPECT_MSG_EQ(framer.GetTotalDiscarded(), 101u, "101 bytes skipped");
        }
    }
};

/** Append(Ptr<const Packet>) is Append(bytes). */
class PacketAppendTestCase : public FramerTestCaseBase
{
  public:
    PacketAppendTestCase()
        : FramerTestCaseBase("Append(Ptr<const Packet>) works like Append(bytes)")
    {
    }

  private:
    void DoRun() override
    {
        // Segments of varying sizes, with garbage in front.
        std::vector<uint8_t> bytes = Concat(std::vector<uint8_t>(37, 0xAA), m_stream);
        for (uint32_t segment : {1u, 13u, 536u, 1460u})
        {
            PptpStreamFramer byPacket;
            PptpStreamFramer byBytes;
            std::vector<Taken> packetEvents;
            std::vector<Taken> byteEvents;
            for (uint32_t offset = 0; offset < bytes.size(); offset += segment)
            {
                uint32_t n = std::min<uint32_t>(segment, bytes.size() - offset);
                Ptr<const Packet> packet = Create<Packet>(bytes.data() + offset, n);
                byPacket.Append(packet);
                byBytes.Append(bytes.data() + offset, n);
                NS_TEST_EXPECT_MSG_EQ(
                    byPacket.GetBufferedSize(), byBytes.GetBufferedSize(), "same buffered size");
                std::vector<Taken> p = Drain(byPacket);
                std::vector<Taken> b = Drain(byBytes);
                NS_TEST_ASSERT_MSG_EQ(p.size(), b.size(), "same number of events");
                for (size_t i = 0; i < p.size(); ++i)
                {
                    NS_TEST_EXPECT_MSG_EQ(EventName(p[i].event), EventName(b[i].event), "event");
                    NS_TEST_EXPECT_MSG_EQ(ToHex(p[i].message), ToHex(b[i].message), "message");
                    NS_TEST_EXPECT_MSG_EQ(p[i].discarded, b[i].discarded, "discarded");
                }
                p.pop_back();
                packetEvents.insert(packetEvents.end(), p.begin(), p.end());
            }
            packetEvents.push_back(Drain(byPacket).back());
            std::ostringstream what;
            what << "segments of " << segment << " bytes";
            CheckEvents(packetEvents, m_messages, 37, what.str());
            NS_TEST_EXPECT_MSG_EQ(byPacket.GetTotalDiscarded(), 37u, what.str());
        }

        // An empty packet changes nothing.
        PptpStreamFramer framer;
        framer.Append(Create<Packet>());
        NS_TEST_EXPECT_MSG_EQ(framer.GetBufferedSize(), 0u, "empty packet");
        CheckEvents(Drain(framer), {}, 0, "empty packet");
        // A packet built from a header.
        Ptr<Packet> packet = Create<Packet>();
        PptpEchoRequest echo;
        echo.identifier = 0x01020304;
        packet->AddHeader(PptpControlMessage(echo));
        framer.Append(packet);
        CheckEvents(Drain(framer), {m_messages[4]}, 0, "packet with an Echo-Request header");
    }
};

class PptpStreamFramerTestSuite : public TestSuite
{
  public:
    PptpStreamFramerTestSuite();
};

PptpStreamFramerTestSuite::PptpStreamFramerTestSuite()
    : TestSuite("pptp-stream-framer", UNIT)
{
    AddTestCase(new WholeStreamTestCase, TestCase::QUICK);
    AddTestCase(new TwoChunksTestCase, TestCase::QUICK);
    AddTestCase(new ByteAtATimeTestCase, TestCase::QUICK);
    AddTestCase(new CoalescedTestCase, TestCase::QUICK);
    AddTestCase(new GarbageTestCase, TestCase::QUICK);
    AddTestCase(new UnrecoverableTestCase, TestCase::QUICK);
    AddTestCase(new PacketAppendTestCase, TestCase::QUICK);
}

PptpStreamFramerTestSuite g_pptpStreamFramerTestSuite;

} // namespace
