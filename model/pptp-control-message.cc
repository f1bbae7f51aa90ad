/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pptp-control-message.h"

#include "ns3/log.h"
#include "pptp-byte-order.h"

#include <algorithm>
#include <array>
#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PptpControlMessage");

NS_OBJECT_ENSURE_REGISTERED(PptpControlMessage);

namespace
{

/// The 15 control messages, indexed by Control Message Type - 1.
const std::array<PptpMessageInfo, 15> g_messageInfo{{
    {PptpMessageType::START_CONTROL_CONNECTION_REQUEST,
     "Start-Control-Connection-Request",
     "Start Session Request",
     "SCCRQ",
     156},
    {PptpMessageType::START_CONTROL_CONNECTION_REPLY,
     "Start-Control-Connection-Reply",
     "Start Session Reply",
     "SCCRP",
     156},
    {PptpMessageType::STOP_CONTROL_CONNECTION_REQUEST,
     "Stop-Control-Connection-Request",
     "Stop Session Request",
     "StopCCRQ",
     16},
    {PptpMessageType::STOP_CONTROL_CONNECTION_REPLY,
     "Stop-Control-Connection-Reply",
     "Stop Session Reply",
     "StopCCRP",
     16},
    {PptpMessageType::ECHO_REQUEST, "Echo-Request", "Echo Request", "ECHORQ", 16},
    {PptpMessageType::ECHO_REPLY, "Echo-Reply", "Echo Reply", "ECHORP", 20},
    {PptpMessageType::OUTGOING_CALL_REQUEST,
     "Outgoing-Call-Request",
     "Outgoing Call Request",
     "OCRQ",
     168},
    {PptpMessageType::OUTGOING_CALL_REPLY,
     "Outgoing-Call-Reply",
     "Outgoing Call Reply",
     "OCRP",
     32},
    {PptpMessageType::INCOMING_CALL_REQUEST,
     "Incoming-Call-Request",
     "Incoming Call Request",
     "ICRQ",
     220},
    {PptpMessageType::INCOMING_CALL_REPLY,
     "Incoming-Call-Reply",
     "Incoming Call Reply",
     "ICRP",
     24},
    {PptpMessageType::INCOMING_CALL_CONNECTED,
     "Incoming-Call-Connected",
     "Incoming Call Connected",
     "ICCN",
     28},
    {PptpMessageType::CALL_CLEAR_REQUEST, "Call-Clear-Request", "Clear Call Request", "CCRQ", 16},
    {PptpMessageType::CALL_DISCONNECT_NOTIFY,
     "Call-Disconnect-Notify",
     "Call Disconnected Notify",
     "CDN",
     148},
    {PptpMessageType::WAN_ERROR_NOTIFY, "WAN-Error-Notify", "WAN Error Notify", "WEN", 40},
    {PptpMessageType::SET_LINK_INFO, "Set-Link-Info", "Set Link Info", "SLI", 24},
}};

/// Adds up the sizes of a body's fields.
struct SizeVisitor
{
    uint32_t size{0};

    void U8(const char*, uint8_t&)
    {
        size += 1;
    }

    void U16(const char*, uint16_t&)
    {
        size += 2;
    }

    void U32(const char*, uint32_t&)
    {
        size += 4;
    }

    template<class E>
    void Code(const char*, E&)
    {
        size += 1;
    }

    void Text(const char*, std::string&, uint32_t n)
    {
        size += n;
    }

    void Reserved(const char*, uint32_t n)
    {
        size += n;
    }
};

/// Writes a body's fields in network byte order.
struct WriteVisitor
{
    Buffer::Iterator& it;

    void U8(const char*, uint8_t& v)
    {
        it.WriteU8(v);
    }

    void U16(const char*, uint16_t& v)
    {
        it.WriteHtonU16(v);
    }

    void U32(const char*, uint32_t& v)
    {
        it.WriteHtonU32(v);
    }

    template<class E>
    void Code(const char*, E& v)
    {
        it.WriteU8(static_cast<uint8_t>(v));
    }

    void Text(const char*, std::string& s, uint32_t n)
    {
        uint32_t used = std::min<uint32_t>(s.size(), n);
        it.Write(reinterpret_cast<const uint8_t*>(s.data()), used);
        it.WriteU8(0, n - used);
    }

    void Reserved(const char*, uint32_t n)
    {
        it.WriteU8(0, n);
    }
};

/// Reads a body's fields from bytes whose size was already checked; notes the first reserved
/// field that is not zero.
struct ReadVisitor
{
    const uint8_t* p;
    const char* badReserved{nullptr};

    void U8(const char*, uint8_t& v)
    {
        v = *p++;
    }

    void U16(const char*, uint16_t& v)
    {
        v = PptpReadU16(p);
        p += 2;
    }

    void U32(const char*, uint32_t& v)
    {
        v = PptpReadU32(p);
        p += 4;
    }

    template<class E>
    void Code(const char*, E& v)
    {
        v = static_cast<E>(*p++);
    }

    void Text(const char*, std::string& s, uint32_t n)
    {
        uint32_t used = 0;
        while (used < n && p[used] != 0)
        {
            ++used;
        }
        s.assign(reinterpret_cast<const char*>(p), used);
        p += n;
    }

    void Reserved(const char* name, uint32_t n)
    {
        for (uint32_t i = 0; i < n; ++i)
        {
            if (p[i] != 0 && badReserved == nullptr)
            {
                badReserved = name;
            }
        }
        p += n;
    }
};

/// Prints a body's fields as "Name: value" pairs.
struct PrintVisitor
{
    std::ostream& os;

    void Separator()
    {
        os << ", ";
    }

    void U8(const char* name, uint8_t& v)
    {
        Separator();
        os << name << "=" << +v;
    }

    void U16(const char* name, uint16_t& v)
    {
        Separator();
        os << name << "=" << v;
    }

    void U32(const char* name, uint32_t& v)
    {
        Separator();
        os << name << "=" << v;
    }

    template<class E>
    void Code(const char* name, E& v)
    {
        Separator();
        os << name << "=" << +static_cast<uint8_t>(v) << " (" << PptpCodeName(v) << ")";
    }

    void Text(const char* name, std::string& s, uint32_t)
    {
        Separator();
        os << name << "=\"" << s << "\"";
    }

    void Reserved(const char*, uint32_t) {}
};

template<class V>
void
VisitBody(PptpControlMessage::Body& body, V& visitor)
{
    std::visit(
        [&visitor](auto& b)
        {
            b.VisitFields(visitor);
        },
        body);
}

/// For visitors that only read the fields (size, write, print): VisitFields is shared with the
/// reader, which needs mutable fields, so constness is removed here and nowhere else.
template<class V>
void
VisitBody(const PptpControlMessage::Body& body, V& visitor)
{
    VisitBody(const_cast<PptpControlMessage::Body&>(body), visitor);
}

/// Builds a default body of the given type (used by the decoder).
PptpControlMessage::Body
MakeBody(PptpMessageType type)
{
    switch (type)
    {
        case PptpMessageType::START_CONTROL_CONNECTION_REQUEST:
            return PptpStartControlConnectionRequest{};
        case PptpMessageType::START_CONTROL_CONNECTION_REPLY:
            return PptpStartControlConnectionReply{};
        case PptpMessageType::STOP_CONTROL_CONNECTION_REQUEST:
            return PptpStopControlConnectionRequest{};
        case PptpMessageType::STOP_CONTROL_CONNECTION_REPLY:
            return PptpStopControlConnectionReply{};
        case PptpMessageType::ECHO_REQUEST:
            return PptpEchoRequest{};
        case PptpMessageType::ECHO_REPLY:
            return PptpEchoReply{};
        case PptpMessageType::OUTGOING_CALL_REQUEST:
            return PptpOutgoingCallRequest{};
        case PptpMessageType::OUTGOING_CALL_REPLY:
            return PptpOutgoingCallReply{};
        case PptpMessageType::INCOMING_CALL_REQUEST:
            return PptpIncomingCallRequest{};
        case PptpMessageType::INCOMING_CALL_REPLY:
            return PptpIncomingCallReply{};
        case PptpMessageType::INCOMING_CALL_CONNECTED:
            return PptpIncomingCallConnected{};
        case PptpMessageType::CALL_CLEAR_REQUEST:
            return PptpCallClearRequest{};
        case PptpMessageType::CALL_DISCONNECT_NOTIFY:
            return PptpCallDisconnectNotify{};
        case PptpMessageType::WAN_ERROR_NOTIFY:
            return PptpWanErrorNotify{};
        case PptpMessageType::SET_LINK_INFO:
            return PptpSetLinkInfo{};
    }
    return PptpEchoRequest{};
}

/// Looks up a code's name in a table indexed from 1 (0 for General Error Codes).
template<size_t N>
std::string
NameFrom(const std::array<const char*, N>& names, unsigned value, unsigned first)
{
    if (value < first || value - first >= N)
    {
        return "Unknown";
    }
    return names[value - first];
}

} // namespace

const PptpMessageInfo*
PptpFindMessageInfo(uint16_t type)
{
    if (type < 1 || type > g_messageInfo.size())
    {
        return nullptr;
    }
    return &g_messageInfo[type - 1];
}

const PptpMessageInfo&
PptpGetMessageInfo(PptpMessageType type)
{
    return g_messageInfo[static_cast<uint16_t>(type) - 1];
}

std::string
PptpCodeName(PptpStartResult code)
{
    static const std::array<const char*, 5> names{"Success",
                                                  "General error",
                                                  "Command channel already exists",
                                                  "Requester not authorized",
                                                  "Protocol version not supported"};
    return NameFrom(names, static_cast<unsigned>(code), 1);
}

std::string
PptpCodeName(PptpStopReason code)
{
    static const std::array<const char*, 3> names{
        "General request", "Stop protocol", "Stop local shutdown"};
    return NameFrom(names, static_cast<unsigned>(code), 1);
}

std::string
PptpCodeName(PptpStopResult code)
{
    static const std::array<const char*, 2> names{"OK", "General error"};
    return NameFrom(names, static_cast<unsigned>(code), 1);
}

std::string
PptpCodeName(PptpEchoResult code)
{
    static const std::array<const char*, 2> names{"OK", "General error"};
    return NameFrom(names, static_cast<unsigned>(code), 1);
}

std::string
PptpCodeName(PptpOutgoingCallResult code)
{
    static const std::array<const char*, 7> names{"Connected",
                                                  "General error",
                                                  "No carrier",
                                                  "Busy",
                                                  "No dial tone",
                                                  "Time-out",
                                                  "Do not accept"};
    return NameFrom(names, static_cast<unsigned>(code), 1);
}

std::string
PptpCodeName(PptpIncomingCallResult code)
{
    static const std::array<const char*, 3> names{"Connect", "General error", "Do not accept"};
    return NameFrom(names, static_cast<unsigned>(code), 1);
}

std::string
PptpCodeName(PptpDisconnectResult code)
{
    static const std::array<const char*, 4> names{
        "Lost carrier", "General error", "Admin shutdown", "Request"};
    return NameFrom(names, static_cast<unsigned>(code), 1);
}

std::string
PptpCodeName(PptpGeneralError code)
{
    static const std::array<const char*, 7> names{"None",
                                                  "Not-Connected",
                                                  "Bad-Format",
                                                  "Bad-Value",
                                                  "No-Resource",
                                                  "Bad-Call ID",
                                                  "PAC-Error"};
    return NameFrom(names, static_cast<unsigned>(code), 0);
}

PptpControlMessage::PptpControlMessage()
    : m_body(PptpEchoRequest{})
{
}

TypeId
PptpControlMessage::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PptpControlMessage")
                            .SetParent<Header>()
                            .SetGroupName("Pptp")
                            .AddConstructor<PptpControlMessage>();
    return tid;
}

TypeId
PptpControlMessage::GetInstanceTypeId() const
{
    return GetTypeId();
}

PptpMessageType
PptpControlMessage::GetMessageType() const
{
    return std::visit(
        [](const auto& b)
        {
            return std::decay_t<decltype(b)>::TYPE;
        },
        m_body);
}

const PptpMessageInfo&
PptpControlMessage::GetInfo() const
{
    return PptpGetMessageInfo(GetMessageType());
}

uint16_t
PptpControlMessage::GetLength() const
{
    SizeVisitor sizer;
    VisitBody(m_body, sizer);
    return static_cast<uint16_t>(PPTP_CONTROL_HEADER_SIZE + sizer.size);
}

uint32_t
PptpControlMessage::GetSerializedSize() const
{
    return GetLength();
}

void
PptpControlMessage::Serialize(Buffer::Iterator start) const
{
    start.WriteHtonU16(GetLength());
    start.WriteHtonU16(PPTP_CONTROL_MESSAGE);
    start.WriteHtonU32(PPTP_MAGIC_COOKIE);
    start.WriteHtonU16(static_cast<uint16_t>(GetMessageType()));
    start.WriteU16(0); // Reserved0
    WriteVisitor writer{start};
    VisitBody(m_body, writer);
}

std::vector<uint8_t>
PptpControlMessage::Encode() const
{
    Buffer buffer;
    buffer.AddAtStart(GetSerializedSize());
    Serialize(buffer.Begin());
    std::vector<uint8_t> bytes(buffer.GetSize());
    buffer.CopyData(bytes.data(), bytes.size());
    return bytes;
}

PptpDecodeResult
PptpControlMessage::Decode(const uint8_t* data, uint32_t size, PptpControlMessage& message)
{
    if (size < PPTP_CONTROL_HEADER_SIZE)
    {
        std::ostringstream os;
        os << "only " << size << " bytes, the control header needs " << PPTP_CONTROL_HEADER_SIZE;
        return PptpDecodeResult::Fail(PptpDecodeError::TRUNCATED, os.str());
    }
    uint16_t length = PptpReadU16(data);
    uint16_t pptpType = PptpReadU16(data + 2);
    uint32_t cookie = PptpReadU32(data + 4);
    uint16_t controlType = PptpReadU16(data + 8);
    uint16_t reserved0 = PptpReadU16(data + 10);

    if (cookie != PPTP_MAGIC_COOKIE)
    {
        std::ostringstream os;
        os << "magic cookie 0x" << std::hex << std::uppercase << std::setw(8) << std::setfill('0')
           << cookie << ", expected 0x1A2B3C4D";
        return PptpDecodeResult::Fail(PptpDecodeError::BAD_MAGIC_COOKIE, os.str());
    }
    if (pptpType != PPTP_CONTROL_MESSAGE)
    {
        std::ostringstream os;
        os << "PPTP message type " << pptpType << ", only 1 (control) is defined for use";
        return PptpDecodeResult::Fail(PptpDecodeError::BAD_MESSAGE_TYPE, os.str());
    }
    const PptpMessageInfo* info = PptpFindMessageInfo(controlType);
    if (info == nullptr)
    {
        std::ostringstream os;
        os << "control message type " << controlType << " is not one of 1..15";
        return PptpDecodeResult::Fail(PptpDecodeError::UNKNOWN_CONTROL_TYPE, os.str());
    }
    if (length != info->length)
    {
        std::ostringstream os;
        os << "length field " << length << " but " << info->rfcName << " is " << info->length
           << " bytes";
        return PptpDecodeResult::Fail(PptpDecodeError::BAD_LENGTH, os.str());
    }
    if (size < length)
    {
        std::ostringstream os;
        os << info->rfcName << " truncated: " << size << " of " << length << " bytes";
        return PptpDecodeResult::Fail(PptpDecodeError::TRUNCATED, os.str());
    }
    if (size > length)
    {
        std::ostringstream os;
        os << size << " bytes given for a " << length << "-byte " << info->rfcName;
        return PptpDecodeResult::Fail(PptpDecodeError::BAD_LENGTH, os.str());
    }
    if (reserved0 != 0)
    {
        return PptpDecodeResult::Fail(PptpDecodeError::NON_ZERO_RESERVED,
                                      std::string("Reserved0 is not zero in ") + info->rfcName);
    }

    Body body = MakeBody(info->type);
    ReadVisitor reader{data + PPTP_CONTROL_HEADER_SIZE};
    VisitBody(body, reader);
    if (reader.badReserved != nullptr)
    {
        return PptpDecodeResult::Fail(PptpDecodeError::NON_ZERO_RESERVED,
                                      std::string(reader.badReserved) + " is not zero in "
                                          + info->rfcName);
    }
    message.m_body = std::move(body);
    return PptpDecodeResult{};
}

uint32_t
PptpControlMessage::Deserialize(Buffer::Iterator start)
{
    uint32_t available = start.GetRemainingSize();
    if (available < 2)
    {
        NS_LOG_WARN("control message truncated: " << available << " bytes");
        return 0;
    }
    Buffer::Iterator peek = start;
    uint32_t length = std::min<uint32_t>(peek.ReadNtohU16(), available);
    std::vector<uint8_t> bytes(length);
    start.Read(bytes.data(), length);
    PptpDecodeResult result = Decode(bytes.data(), length, *this);
    if (!result.Ok())
    {
        NS_LOG_WARN("malformed control message (" << result.error << "): " << result.detail);
        return 0;
    }
    return length;
}

void
PptpControlMessage::Print(std::ostream& os) const
{
    const PptpMessageInfo& info = GetInfo();
    os << info.rfcName << " (" << static_cast<uint16_t>(info.type) << ") Length=" << GetLength();
    PrintVisitor printer{os};
    VisitBody(m_body, printer);
}

} // namespace ns3
