/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Byte vectors for the 15 PPTP control messages: encoding gives the exact
// bytes RFC 2637 lays out, decoding those bytes gives back every field, and
// every result and error code survives the round trip with its name.

#include "ns3/packet.h"
#include "ns3/pptp-control-message.h"
#include "ns3/test.h"
#include "pptp-test-utils.h"

#include <functional>
#include <sstream>

using namespace ns3;
using namespace ns3::pptptest;

namespace
{

std::string
PrintToString(const PptpControlMessage& m)
{
    std::ostringstream os;
    m.Print(os);
    return os.str();
}

/**
 * Encodes a message, compares with the expected bytes, decodes the expected
 * bytes and checks the fields, and round-trips through an ns-3 Packet.
 */
class ControlVectorTestCase : public TestCase
{
  public:
    using Check = std::function<void(ControlVectorTestCase&, const PptpControlMessage&)>;

    ControlVectorTestCase(const PptpControlMessage& message,
                          std::vector<uint8_t> expected,
                          Check check)
        : TestCase(std::string("vector ") + message.GetInfo().rfcName)
        , m_message(message)
        , m_expected(std::move(expected))
        , m_check(std::move(check))
    {
    }

    /**
     * Check one decoded field.
     * \param actual decoded value
     * \param expected expected value
     * \param what the field
     */
    template<class A, class E>
    void ExpectField(const A& actual, const E& expected, const std::string& what)
    {
        if constexpr (std::is_enum_v<A>)
        {
            NS_TEST_EXPECT_MSG_EQ(
                +static_cast<uint8_t>(actual), +static_cast<uint8_t>(expected), what);
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(actual, static_cast<A>(expected), what);
        }
    }

  private:
    void DoRun() override
    {
        const PptpMessageInfo& info = m_message.GetInfo();
        NS_TEST_ASSERT_MSG_EQ(m_expected.size(), info.length, "test vector has the RFC length");
        NS_TEST_ASSERT_MSG_EQ(m_message.GetSerializedSize(), info.length, "serialized size");
        NS_TEST_ASSERT_MSG_EQ(ToHex(m_message.Encode()), ToHex(m_expected), "encoded bytes");

        PptpControlMessage decoded;
        PptpDecodeResult result
            = PptpControlMessage::Decode(m_expected.data(), m_expected.size(), decoded);
        NS_TEST_ASSERT_MSG_EQ(result.Ok(), true, "decodes: " << result.detail);
        NS_TEST_ASSERT_MSG_EQ(static_cast<int>(decoded.GetMessageType()),
                              static_cast<int>(info.type),
                              "message type");
        m_check(*this, decoded);
        NS_TEST_ASSERT_MSG_EQ(PrintToString(decoded),
                              PrintToString(m_message),
                              "every field survives the round trip");

        // Through a Packet, as the applications use it.
        Ptr<Packet> packet = Create<Packet>();
        packet->AddHeader(m_message);
        NS_TEST_ASSERT_MSG_EQ(packet->GetSize(), info.length, "packet size");
        PptpControlMessage removed;
        uint32_t consumed = packet->RemoveHeader(removed);
        NS_TEST_ASSERT_MSG_EQ(consumed, info.length, "RemoveHeader consumes the message");
        NS_TEST_ASSERT_MSG_EQ(
            PrintToString(removed), PrintToString(m_message), "packet round trip");
    }

    PptpControlMessage m_message;
    std::vector<uint8_t> m_expected;
    Check m_check;
};

/// Field checks written in the vectors' lambdas, which are outside the TestCase.
#define CHECK_FIELD(tc, actual, expected, msg) (tc).ExpectField((actual), (expected), (msg))

/** Every message type is known by its three names and its RFC length. */
class MessageInfoTestCase : public TestCase
{
  public:
    MessageInfoTestCase()
        : TestCase("message table: names and lengths of the 15 messages")
    {
    }

  private:
    void DoRun() override
    {
        const uint16_t lengths[]
            = {156, 156, 16, 16, 16, 20, 168, 32, 220, 24, 28, 16, 148, 40, 24};
        const char* monitorNames[] = {"Start Session Request",
                                      "Start Session Reply",
                                      "Stop Session Request",
                                      "Stop Session Reply",
                                      "Echo Request",
                                      "Echo Reply",
                                      "Outgoing Call Request",
                                      "Outgoing Call Reply",
                                      "Incoming Call Request",
                                      "Incoming Call Reply",
                                      "Incoming Call Connected",
                                      "Clear Call Request",
                                      "Call Disconnected Notify",
                                      "WAN Error Notify",
                                      "Set Link Info"};
        for (uint16_t type = 1; type <= 15; ++type)
        {
            const PptpMessageInfo* info = PptpFindMessageInfo(type);
            NS_TEST_ASSERT_MSG_NE(info, nullptr, "type " << type << " is known");
            NS_TEST_EXPECT_MSG_EQ(static_cast<uint16_t>(info->type), type, "type");
            NS_TEST_EXPECT_MSG_EQ(info->length, lengths[type - 1], "length of " << info->rfcName);
            NS_TEST_EXPECT_MSG_EQ(
                std::string(info->monitorName), monitorNames[type - 1], "Network Monitor name");
        }
        NS_TEST_EXPECT_MSG_EQ(PptpFindMessageInfo(0), nullptr, "type 0 is not a message");
        NS_TEST_EXPECT_MSG_EQ(PptpFindMessageInfo(16), nullptr, "type 16 is not a message");
    }
};

/** Every named code value round-trips through its message and keeps its name. */
class CodeRoundTripTestCase : public TestCase
{
  public:
    CodeRoundTripTestCase()
        : TestCase("result and error codes: every value round-trips and has its name")
    {
    }

  private:
    template<class Body, class Code>
    void RoundTrip(Body body, Code Body::*field, uint8_t value, const std::string& name)
    {
        body.*field = static_cast<Code>(value);
        PptpControlMessage message(body);
        std::vector<uint8_t> bytes = message.Encode();
        PptpControlMessage decoded;
        PptpDecodeResult result = PptpControlMessage::Decode(bytes.data(), bytes.size(), decoded);
        NS_TEST_ASSERT_MSG_EQ(result.Ok(), true, result.detail);
        NS_TEST_EXPECT_MSG_EQ(+static_cast<uint8_t>(decoded.Get<Body>().*field),
                              +value,
                              message.GetInfo().rfcName << " code " << +value);
        NS_TEST_EXPECT_MSG_EQ(PptpCodeName(static_cast<Code>(value)), name, "name of " << +value);
        NS_TEST_EXPECT_MSG_NE(
            PrintToString(decoded).find(name), std::string::npos, "Print names the code");
    }

    void DoRun() override
    {
        using SCCRP = PptpStartControlConnectionReply;
        const char* start[] = {"Success",
                               "General error",
                               "Command channel already exists",
                               "Requester not authorized",
                               "Protocol version not supported"};
        for (uint8_t v = 1; v <= 5; ++v)
        {
            RoundTrip(SCCRP{}, &SCCRP::resultCode, v, start[v - 1]);
        }
        const char* general[] = {"None",
                                 "Not-Connected",
                                 "Bad-Format",
                                 "Bad-Value",
                                 "No-Resource",
                                 "Bad-Call ID",
                                 "PAC-Error"};
        for (uint8_t v = 0; v <= 6; ++v)
        {
            RoundTrip(SCCRP{}, &SCCRP::errorCode, v, general[v]);
            RoundTrip(PptpOutgoingCallReply{}, &PptpOutgoingCallReply::errorCode, v, general[v]);
            RoundTrip(
                PptpCallDisconnectNotify{}, &PptpCallDisconnectNotify::errorCode, v, general[v]);
        }
        const char* stopReason[] = {"General request", "Stop protocol", "Stop local shutdown"};
        for (uint8_t v = 1; v <= 3; ++v)
        {
            RoundTrip(PptpStopControlConnectionRequest{},
                      &PptpStopControlConnectionRequest::reason,
                      v,
                      stopReason[v - 1]);
        }
        const char* okOrError[] = {"OK", "General error"};
        for (uint8_t v = 1; v <= 2; ++v)
        {
            RoundTrip(PptpStopControlConnectionReply{},
                      &PptpStopControlConnectionReply::resultCode,
                      v,
                      okOrError[v - 1]);
            RoundTrip(PptpEchoReply{}, &PptpEchoReply::resultCode, v, okOrError[v - 1]);
        }
        const char* outgoing[] = {"Connected",
                                  "General error",
                                  "No carrier",
                                  "Busy",
                                  "No dial tone",
                                  "Time-out",
                                  "Do not accept"};
        for (uint8_t v = 1; v <= 7; ++v)
        {
            RoundTrip(
                PptpOutgoingCallReply{}, &PptpOutgoingCallReply::resultCode, v, outgoing[v - 1]);
        }
        const char* incoming[] = {"Connect", "General error", "Do not accept"};
        for (uint8_t v = 1; v <= 3; ++v)
        {
            RoundTrip(
                PptpIncomingCallReply{}, &PptpIncomingCallReply::resultCode, v, incoming[v - 1]);
        }
        const char* disconnect[] = {"Lost carrier", "General error", "Admin shutdown", "Request"};
        for (uint8_t v = 1; v <= 4; ++v)
        {
            RoundTrip(PptpCallDisconnectNotify{},
                      &PptpCallDisconnectNotify::resultCode,
                      v,
                      disconnect[v - 1]);
        }
        // A value no RFC code has still round-trips, and is named as unknown.
        RoundTrip(SCCRP{}, &SCCRP::resultCode, 9, "Unknown");
        RoundTrip(PptpOutgoingCallReply{}, &PptpOutgoingCallReply::resultCode, 200, "Unknown");
    }
};

/** Text fields: NUL-padded, truncated to their size, read up to the first NUL. */
class TextFieldTestCase : public TestCase
{
  public:
    TextFieldTestCase()
        : TestCase("text fields: padding, full-size and over-long strings")
    {
    }

  private:
    void DoRun() override
    {
        PptpStartControlConnectionRequest sccrq;
        sccrq.hostName = std::string(64, 'h');     // exactly fills the field, no NUL
        sccrq.vendorString = std::string(80, 'v'); // longer than the field: cut to 64
        PptpControlMessage message(sccrq);
        std::vector<uint8_t> bytes = message.Encode();
        NS_TEST_ASSERT_MSG_EQ(bytes.size(), 156u, "size unchanged by long strings");
        PptpControlMessage decoded;
        NS_TEST_ASSERT_MSG_EQ(
            PptpControlMessage::Decode(bytes.data(), bytes.size(), decoded).Ok(), true, "decodes");
        const auto& d = decoded.Get<PptpStartControlConnectionRequest>();
        NS_TEST_EXPECT_MSG_EQ(d.hostName, std::string(64, 'h'), "full-size host name");
        NS_TEST_EXPECT_MSG_EQ(d.vendorString, std::string(64, 'v'), "vendor cut to 64 bytes");

        // Bytes after the first NUL of a text field are not part of the text.
        bytes[28] = 'a';
        bytes[29] = 0;
        bytes[30] = 'z';
        NS_TEST_ASSERT_MSG_EQ(
            PptpControlMessage::Decode(bytes.data(), bytes.size(), decoded).Ok(), true, "decodes");
        NS_TEST_EXPECT_MSG_EQ(decoded.Get<PptpStartControlConnectionRequest>().hostName,
                              "a",
                              "text ends at the first NUL");
    }
};

class PptpControlMessageTestSuite : public TestSuite
{
  public:
    PptpControlMessageTestSuite();
};

PptpControlMessageTestSuite::PptpControlMessageTestSuite()
    : TestSuite("pptp-control-message", UNIT)
{
    AddTestCase(new MessageInfoTestCase, TestCase::QUICK);

    // 1. Start-Control-Connection-Request
    {
        PptpStartControlConnectionRequest m;
        m.framingCapabilities = PPTP_FRAMING_ASYNC;
        m.bearerCapabilities = PPTP_BEARER_EITHER;
        m.maximumChannels = 0x1234;
        m.firmwareRevision = 0x0A0B;
        m.hostName = "local";
        m.vendorString = "ns3-pptp";
        Bytes b = ControlHeader(156, 1);
        b.U16(0x0100)
            .Zero(2)
            .U32(1)
            .U32(3)
            .U16(0x1234)
            .U16(0x0A0B)
            .Text("local", 64)
            .Text("ns3-pptp", 64);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            const auto& f = d.Get<PptpStartControlConnectionRequest>();
                            CHECK_FIELD(tc, f.protocolVersion, 0x0100, "protocol version");
                            CHECK_FIELD(tc, f.framingCapabilities, 1u, "framing");
                            CHECK_FIELD(tc, f.bearerCapabilities, 3u, "bearer");
                            CHECK_FIELD(tc, f.maximumChannels, 0x1234, "max channels");
                            CHECK_FIELD(tc, f.firmwareRevision, 0x0A0B, "firmware");
                            CHECK_FIELD(tc, f.hostName, "local", "host name");
                            CHECK_FIELD(tc, f.vendorString, "ns3-pptp", "vendor");
                        }),
                    TestCase::QUICK);
    }
    // 2. Start-Control-Connection-Reply
    {
        PptpStartControlConnectionReply m;
        m.resultCode = PptpStartResult::GENERAL_ERROR;
        m.errorCode = PptpGeneralError::BAD_VALUE;
        m.framingCapabilities = PPTP_FRAMING_SYNC;
        m.bearerCapabilities = PPTP_BEARER_DIGITAL;
        m.maximumChannels = 64;
        m.firmwareRevision = 7;
        m.hostName = "pac";
        m.vendorString = "vendor";
        Bytes b = ControlHeader(156, 2);
        b.U16(0x0100).U8(2).U8(3).U32(2).U32(2).U16(64).U16(7).Text("pac", 64).Text("vendor", 64);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            const auto& f = d.Get<PptpStartControlConnectionReply>();
                            CHECK_FIELD(tc, f.resultCode, PptpStartResult::GENERAL_ERROR, "result");
                            CHECK_FIELD(tc, f.errorCode, PptpGeneralError::BAD_VALUE, "error");
                            CHECK_FIELD(tc, f.maximumChannels, 64, "max channels");
                            CHECK_FIELD(tc, f.hostName, "pac", "host name");
                        }),
                    TestCase::QUICK);
    }
    // 3. Stop-Control-Connection-Request
    {
        PptpStopControlConnectionRequest m;
        m.reason = PptpStopReason::STOP_LOCAL_SHUTDOWN;
        Bytes b = ControlHeader(16, 3);
        b.U8(3).Zero(3);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            CHECK_FIELD(tc,
                                        d.Get<PptpStopControlConnectionRequest>().reason,
                                        PptpStopReason::STOP_LOCAL_SHUTDOWN,
                                        "reason");
                        }),
                    TestCase::QUICK);
    }
    // 4. Stop-Control-Connection-Reply
    {
        PptpStopControlConnectionReply m;
        m.resultCode = PptpStopResult::GENERAL_ERROR;
        m.errorCode = PptpGeneralError::NOT_CONNECTED;
        Bytes b = ControlHeader(16, 4);
        b.U8(2).U8(1).Zero(2);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            const auto& f = d.Get<PptpStopControlConnectionReply>();
                            CHECK_FIELD(tc, f.resultCode, PptpStopResult::GENERAL_ERROR, "result");
                            CHECK_FIELD(tc, f.errorCode, PptpGeneralError::NOT_CONNECTED, "error");
                        }),
                    TestCase::QUICK);
    }
    // 5. Echo-Request
    {
        PptpEchoRequest m;
        m.identifier = 0xDEADBEEF;
        Bytes b = ControlHeader(16, 5);
        b.U32(0xDEADBEEF);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            CHECK_FIELD(
                                tc, d.Get<PptpEchoRequest>().identifier, 0xDEADBEEFu, "identifier");
                        }),
                    TestCase::QUICK);
    }
    // 6. Echo-Reply
    {
        PptpEchoReply m;
        m.identifier = 0x01020304;
        m.resultCode = PptpEchoResult::OK;
        Bytes b = ControlHeader(20, 6);
        b.U32(0x01020304).U8(1).U8(0).Zero(2);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            const auto& f = d.Get<PptpEchoReply>();
                            CHECK_FIELD(tc, f.identifier, 0x01020304u, "identifier");
                            CHECK_FIELD(tc, f.resultCode, PptpEchoResult::OK, "result");
                        }),
                    TestCase::QUICK);
    }
    // 7. Outgoing-Call-Request
    {
        PptpOutgoingCallRequest m;
        m.callId = 1275;
        m.callSerialNumber = 42;
        m.minimumBps = 2400;
        m.maximumBps = 10000000;
        m.bearerType = PPTP_BEARER_EITHER;
        m.framingType = PPTP_FRAMING_EITHER;
        m.receiveWindowSize = 3;
        m.processingDelay = 0;
        m.phoneNumberLength = 4;
        m.phoneNumber = "5551";
        m.subaddress = "sub";
        Bytes b = ControlHeader(168, 7);
        b.U16(1275).U16(42).U32(2400).U32(10000000).U32(3).U32(3).U16(3).U16(0).U16(4).Zero(2);
        b.Text("5551", 64).Text("sub", 64);
        AddTestCase(
            new ControlVectorTestCase(m,
                                      b,
                                      [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                                      {
                                          const auto& f = d.Get<PptpOutgoingCallRequest>();
                                          CHECK_FIELD(tc, f.callId, 1275, "call id");
                                          CHECK_FIELD(tc, f.callSerialNumber, 42, "serial");
                                          CHECK_FIELD(tc, f.minimumBps, 2400u, "min bps");
                                          CHECK_FIELD(tc, f.maximumBps, 10000000u, "max bps");
                                          CHECK_FIELD(tc, f.receiveWindowSize, 3, "window");
                                          CHECK_FIELD(tc, f.phoneNumber, "5551", "phone");
                                      }),
            TestCase::QUICK);
    }
    // 8. Outgoing-Call-Reply
    {
        PptpOutgoingCallReply m;
        m.callId = 0x4000;
        m.peerCallId = 1275;
        m.resultCode = PptpOutgoingCallResult::BUSY;
        m.errorCode = PptpGeneralError::NONE;
        m.causeCode = 17;
        m.connectSpeed = 64000;
        m.receiveWindowSize = 64;
        m.processingDelay = 5;
        m.physicalChannelId = 0xCAFEF00D;
        Bytes b = ControlHeader(32, 8);
        b.U16(0x4000).U16(1275).U8(4).U8(0).U16(17).U32(64000).U16(64).U16(5).U32(0xCAFEF00D);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            const auto& f = d.Get<PptpOutgoingCallReply>();
                            CHECK_FIELD(tc, f.callId, 0x4000, "call id");
                            CHECK_FIELD(tc, f.peerCallId, 1275, "peer call id");
                            CHECK_FIELD(tc, f.resultCode, PptpOutgoingCallResult::BUSY, "result");
                            CHECK_FIELD(tc, f.causeCode, 17, "cause");
                            CHECK_FIELD(tc, f.connectSpeed, 64000u, "speed");
                            CHECK_FIELD(tc, f.processingDelay, 5, "delay");
                            CHECK_FIELD(tc, f.physicalChannelId, 0xCAFEF00Du, "channel");
                        }),
                    TestCase::QUICK);
    }
    // 9. Incoming-Call-Request
    {
        PptpIncomingCallRequest m;
        m.callId = 9;
        m.callSerialNumber = 10;
        m.bearerType = PPTP_BEARER_DIGITAL;
        m.physicalChannelId = 11;
        m.dialedNumberLength = 3;
        m.dialingNumberLength = 4;
        m.dialedNumber = "123";
        m.dialingNumber = "4567";
        m.subaddress = "x";
        Bytes b = ControlHeader(220, 9);
        b.U16(9)
            .U16(10)
            .U32(2)
            .U32(11)
            .U16(3)
            .U16(4)
            .Text("123", 64)
            .Text("4567", 64)
            .Text("x", 64);
        AddTestCase(
            new ControlVectorTestCase(m,
                                      b,
                                      [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                                      {
                                          const auto& f = d.Get<PptpIncomingCallRequest>();
                                          CHECK_FIELD(tc, f.callId, 9, "call id");
                                          CHECK_FIELD(tc, f.callSerialNumber, 10, "serial");
                                          CHECK_FIELD(tc, f.bearerType, 2u, "bearer");
                                          CHECK_FIELD(tc, f.dialedNumber, "123", "dialed");
                                          CHECK_FIELD(tc, f.dialingNumber, "4567", "dialing");
                                          CHECK_FIELD(tc, f.subaddress, "x", "subaddress");
                                      }),
            TestCase::QUICK);
    }
    // 10. Incoming-Call-Reply
    {
        PptpIncomingCallReply m;
        m.callId = 21;
        m.peerCallId = 9;
        m.resultCode = PptpIncomingCallResult::DO_NOT_ACCEPT;
        m.errorCode = PptpGeneralError::NONE;
        m.receiveWindowSize = 16;
        m.transmitDelay = 2;
        Bytes b = ControlHeader(24, 10);
        b.U16(21).U16(9).U8(3).U8(0).U16(16).U16(2).Zero(2);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            const auto& f = d.Get<PptpIncomingCallReply>();
                            CHECK_FIELD(tc, f.callId, 21, "call id");
                            CHECK_FIELD(tc, f.peerCallId, 9, "peer call id");
                            CHECK_FIELD(
                                tc, f.resultCode, PptpIncomingCallResult::DO_NOT_ACCEPT, "result");
                            CHECK_FIELD(tc, f.transmitDelay, 2, "delay");
                        }),
                    TestCase::QUICK);
    }
    // 11. Incoming-Call-Connected
    {
        PptpIncomingCallConnected m;
        m.peerCallId = 21;
        m.connectSpeed = 128000;
        m.receiveWindowSize = 32;
        m.transmitDelay = 1;
        m.framingType = PPTP_FRAMING_SYNC;
        Bytes b = ControlHeader(28, 11);
        b.U16(21).Zero(2).U32(128000).U16(32).U16(1).U32(2);
        AddTestCase(
            new ControlVectorTestCase(m,
                                      b,
                                      [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                                      {
                                          const auto& f = d.Get<PptpIncomingCallConnected>();
                                          CHECK_FIELD(tc, f.peerCallId, 21, "peer call id");
                                          CHECK_FIELD(tc, f.connectSpeed, 128000u, "speed");
                                          CHECK_FIELD(tc, f.receiveWindowSize, 32, "window");
                                          CHECK_FIELD(tc, f.framingType, 2u, "framing");
                                      }),
            TestCase::QUICK);
    }
    // 12. Call-Clear-Request
    {
        PptpCallClearRequest m;
        m.callId = 1275;
        Bytes b = ControlHeader(16, 12);
        b.U16(1275).Zero(2);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            CHECK_FIELD(tc, d.Get<PptpCallClearRequest>().callId, 1275, "call id");
                        }),
                    TestCase::QUICK);
    }
    // 13. Call-Disconnect-Notify
    {
        PptpCallDisconnectNotify m;
        m.callId = 0x4000;
        m.resultCode = PptpDisconnectResult::ADMIN_SHUTDOWN;
        m.errorCode = PptpGeneralError::NONE;
        m.causeCode = 0x0102;
        m.callStatistics = "in 10 out 12";
        Bytes b = ControlHeader(148, 13);
        b.U16(0x4000).U8(3).U8(0).U16(0x0102).Zero(2).Text("in 10 out 12", 128);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            const auto& f = d.Get<PptpCallDisconnectNotify>();
                            CHECK_FIELD(tc, f.callId, 0x4000, "call id");
                            CHECK_FIELD(
                                tc, f.resultCode, PptpDisconnectResult::ADMIN_SHUTDOWN, "result");
                            CHECK_FIELD(tc, f.causeCode, 0x0102, "cause");
                            CHECK_FIELD(tc, f.callStatistics, "in 10 out 12", "statistics");
                        }),
                    TestCase::QUICK);
    }
    // 14. WAN-Error-Notify
    {
        PptpWanErrorNotify m;
        m.peerCallId = 1275;
        m.crcErrors = 1;
        m.framingErrors = 2;
        m.hardwareOverruns = 3;
        m.bufferOverruns = 4;
        m.timeoutErrors = 5;
        m.alignmentErrors = 0x10000006;
        Bytes b = ControlHeader(40, 14);
        b.U16(1275).Zero(2).U32(1).U32(2).U32(3).U32(4).U32(5).U32(0x10000006);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            const auto& f = d.Get<PptpWanErrorNotify>();
                            CHECK_FIELD(tc, f.peerCallId, 1275, "peer call id");
                            CHECK_FIELD(tc, f.crcErrors, 1u, "crc");
                            CHECK_FIELD(tc, f.framingErrors, 2u, "framing");
                            CHECK_FIELD(tc, f.hardwareOverruns, 3u, "hardware");
                            CHECK_FIELD(tc, f.bufferOverruns, 4u, "buffer");
                            CHECK_FIELD(tc, f.timeoutErrors, 5u, "timeout");
                            CHECK_FIELD(tc, f.alignmentErrors, 0x10000006u, "alignment");
                        }),
                    TestCase::QUICK);
    }
    // 15. Set-Link-Info
    {
        PptpSetLinkInfo m;
        m.peerCallId = 0x4000;
        m.sendAccm = 0;
        m.receiveAccm = 0x000A0000;
        Bytes b = ControlHeader(24, 15);
        b.U16(0x4000).Zero(2).U32(0).U32(0x000A0000);
        AddTestCase(new ControlVectorTestCase(
                        m,
                        b,
                        [](ControlVectorTestCase& tc, const PptpControlMessage& d)
                        {
                            const auto& f = d.Get<PptpSetLinkInfo>();
                            CHECK_FIELD(tc, f.peerCallId, 0x4000, "peer call id");
                            CHECK_FIELD(tc, f.sendAccm, 0u, "send accm");
                            CHECK_FIELD(tc, f.receiveAccm, 0x000A0000u, "receive accm");
                        }),
                    TestCase::QUICK);
    }

    AddTestCase(new CodeRoundTripTestCase, TestCase::QUICK);
    AddTestCase(new TextFieldTestCase, TestCase::QUICK);
}

PptpControlMessageTestSuite g_pptpControlMessageTestSuite;

} // namespace
