/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_CONTROL_MESSAGE_H
#define PPTP_CONTROL_MESSAGE_H

#include "ns3/abort.h"
#include "ns3/header.h"
#include "pptp-decode-error.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

/**
 * \defgroup pptp PPTP
 * The Point-to-Point Tunneling Protocol (RFC 2637): control connection,
 * Enhanced GRE data channel and PPP carried in it.
 */

namespace ns3
{

/// TCP port of the PPTP control connection.
constexpr uint16_t PPTP_TCP_PORT = 1723;
/// Magic Cookie carried by every control message.
constexpr uint32_t PPTP_MAGIC_COOKIE = 0x1A2B3C4D;
/// Size of the header common to every control message.
constexpr uint32_t PPTP_CONTROL_HEADER_SIZE = 12;
/// PPTP Message Type of control messages (2, management, is never used).
constexpr uint16_t PPTP_CONTROL_MESSAGE = 1;
/// Protocol Version 1, revision 0, as carried in Start-Control-Connection messages.
constexpr uint16_t PPTP_PROTOCOL_VERSION = 0x0100;

/**
 * \ingroup pptp
 * Control Message Type, the field at offset 8 of every control message.
 */
enum class PptpMessageType : uint16_t
{
    START_CONTROL_CONNECTION_REQUEST = 1,
    START_CONTROL_CONNECTION_REPLY = 2,
    STOP_CONTROL_CONNECTION_REQUEST = 3,
    STOP_CONTROL_CONNECTION_REPLY = 4,
    ECHO_REQUEST = 5,
    ECHO_REPLY = 6,
    OUTGOING_CALL_REQUEST = 7,
    OUTGOING_CALL_REPLY = 8,
    INCOMING_CALL_REQUEST = 9,
    INCOMING_CALL_REPLY = 10,
    INCOMING_CALL_CONNECTED = 11,
    CALL_CLEAR_REQUEST = 12,
    CALL_DISCONNECT_NOTIFY = 13,
    WAN_ERROR_NOTIFY = 14,
    SET_LINK_INFO = 15,
};

/**
 * \ingroup pptp
 * What the module knows about one control message type.
 */
struct PptpMessageInfo
{
    PptpMessageType type;    //!< the Control Message Type
    const char* rfcName;     //!< name used by RFC 2637 ("Start-Control-Connection-Request")
    const char* monitorName; //!< name shown by Network Monitor ("Start Session Request")
    const char* shortName;   //!< conventional abbreviation ("SCCRQ")
    uint16_t length;         //!< the message's fixed total length, header included
};

/**
 * \ingroup pptp
 * \param type a Control Message Type as found on the wire
 * \return the description of that type, or nullptr if it is not one of the 15
 */
const PptpMessageInfo* PptpFindMessageInfo(uint16_t type);

/**
 * \ingroup pptp
 * \param type a known message type
 * \return its description
 */
const PptpMessageInfo& PptpGetMessageInfo(PptpMessageType type);

/// Result Code of Start-Control-Connection-Reply.
enum class PptpStartResult : uint8_t
{
    SUCCESS = 1,
    GENERAL_ERROR = 2,
    CHANNEL_EXISTS = 3,
    NOT_AUTHORIZED = 4,
    VERSION_NOT_SUPPORTED = 5,
};

/// Reason of Stop-Control-Connection-Request.
enum class PptpStopReason : uint8_t
{
    NONE = 1,
    STOP_PROTOCOL = 2,
    STOP_LOCAL_SHUTDOWN = 3,
};

/// Result Code of Stop-Control-Connection-Reply.
enum class PptpStopResult : uint8_t
{
    OK = 1,
    GENERAL_ERROR = 2,
};

/// Result Code of Echo-Reply.
enum class PptpEchoResult : uint8_t
{
    OK = 1,
    GENERAL_ERROR = 2,
};

/// Result Code of Outgoing-Call-Reply.
enum class PptpOutgoingCallResult : uint8_t
{
    CONNECTED = 1,
    GENERAL_ERROR = 2,
    NO_CARRIER = 3,
    BUSY = 4,
    NO_DIAL_TONE = 5,
    TIME_OUT = 6,
    DO_NOT_ACCEPT = 7,
};

/// Result Code of Incoming-Call-Reply.
enum class PptpIncomingCallResult : uint8_t
{
    CONNECT = 1,
    GENERAL_ERROR = 2,
    DO_NOT_ACCEPT = 3,
};

/// Result Code of Call-Disconnect-Notify.
enum class PptpDisconnectResult : uint8_t
{
    LOST_CARRIER = 1,
    GENERAL_ERROR = 2,
    ADMIN_SHUTDOWN = 3,
    REQUEST = 4,
};

/// General Error Code, meaningful when a Result Code says "general error".
enum class PptpGeneralError : uint8_t
{
    NONE = 0,
    NOT_CONNECTED = 1,
    BAD_FORMAT = 2,
    BAD_VALUE = 3,
    NO_RESOURCE = 4,
    BAD_CALL_ID = 5,
    PAC_ERROR = 6,
};

/// Framing Capabilities / Framing Type bits.
enum PptpFraming : uint32_t
{
    PPTP_FRAMING_ASYNC = 0x1,
    PPTP_FRAMING_SYNC = 0x2,
    PPTP_FRAMING_EITHER = 0x3,
};

/// Bearer Capabilities / Bearer Type bits.
enum PptpBearer : uint32_t
{
    PPTP_BEARER_ANALOG = 0x1,
    PPTP_BEARER_DIGITAL = 0x2,
    PPTP_BEARER_EITHER = 0x3,
};

/**
 * \name Names of codes, for Print and logs ("Success", "General error", ...).
 * Unknown values give "Unknown".
 * @{
 */
std::string PptpCodeName(PptpStartResult code);
std::string PptpCodeName(PptpStopReason code);
std::string PptpCodeName(PptpStopResult code);
std::string PptpCodeName(PptpEchoResult code);
std::string PptpCodeName(PptpOutgoingCallResult code);
std::string PptpCodeName(PptpIncomingCallResult code);
std::string PptpCodeName(PptpDisconnectResult code);
std::string PptpCodeName(PptpGeneralError code);
/** @} */

/*
 * The message bodies. Each body lists its fields once, in wire order, in
 * VisitFields(); encoding, decoding, size and printing are all driven by
 * that single list, so a layout is written in exactly one place.
 *
 * A visitor provides:
 *   U8/U16/U32(name, value)      unsigned big-endian integers
 *   Code(name, enumValue)        a one-byte code with a name (PptpCodeName)
 *   Text(name, string, size)     fixed-size, NUL-padded text
 *   Reserved(name, size)         bytes that must be zero
 */

/// Start-Control-Connection-Request (1), 156 bytes.
struct PptpStartControlConnectionRequest
{
    static constexpr PptpMessageType TYPE = PptpMessageType::START_CONTROL_CONNECTION_REQUEST;
    uint16_t protocolVersion{PPTP_PROTOCOL_VERSION}; //!< 0x0100
    uint32_t framingCapabilities{0};                 //!< PptpFraming bits
    uint32_t bearerCapabilities{0};                  //!< PptpBearer bits
    uint16_t maximumChannels{0};                     //!< channels this PAC can support
    uint16_t firmwareRevision{0};                    //!< vendor firmware revision
    std::string hostName;                            //!< up to 64 bytes
    std::string vendorString;                        //!< up to 64 bytes

    /// \copydoc PptpStartControlConnectionRequest
    template<class V>
    void VisitFields(V& v)
    {
        v.U16("Protocol Version", protocolVersion);
        v.Reserved("Reserved1", 2);
        v.U32("Framing Capabilities", framingCapabilities);
        v.U32("Bearer Capabilities", bearerCapabilities);
        v.U16("Maximum Channels", maximumChannels);
        v.U16("Firmware Revision", firmwareRevision);
        v.Text("Host Name", hostName, 64);
        v.Text("Vendor String", vendorString, 64);
    }
};

/// Start-Control-Connection-Reply (2), 156 bytes.
struct PptpStartControlConnectionReply
{
    static constexpr PptpMessageType TYPE = PptpMessageType::START_CONTROL_CONNECTION_REPLY;
    uint16_t protocolVersion{PPTP_PROTOCOL_VERSION};      //!< 0x0100
    PptpStartResult resultCode{PptpStartResult::SUCCESS}; //!< result
    PptpGeneralError errorCode{PptpGeneralError::NONE};   //!< general error code
    uint32_t framingCapabilities{0};                      //!< PptpFraming bits
    uint32_t bearerCapabilities{0};                       //!< PptpBearer bits
    uint16_t maximumChannels{0};                          //!< channels this PAC can support
    uint16_t firmwareRevision{0};                         //!< vendor firmware revision
    std::string hostName;                                 //!< up to 64 bytes
    std::string vendorString;                             //!< up to 64 bytes

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U16("Protocol Version", protocolVersion);
        v.Code("Result Code", resultCode);
        v.Code("Error Code", errorCode);
        v.U32("Framing Capabilities", framingCapabilities);
        v.U32("Bearer Capabilities", bearerCapabilities);
        v.U16("Maximum Channels", maximumChannels);
        v.U16("Firmware Revision", firmwareRevision);
        v.Text("Host Name", hostName, 64);
        v.Text("Vendor String", vendorString, 64);
    }
};

/// Stop-Control-Connection-Request (3), 16 bytes.
struct PptpStopControlConnectionRequest
{
    static constexpr PptpMessageType TYPE = PptpMessageType::STOP_CONTROL_CONNECTION_REQUEST;
    PptpStopReason reason{PptpStopReason::NONE}; //!< why the connection is stopped

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.Code("Reason", reason);
        v.Reserved("Reserved1", 1);
        v.Reserved("Reserved2", 2);
    }
};

/// Stop-Control-Connection-Reply (4), 16 bytes.
struct PptpStopControlConnectionReply
{
    static constexpr PptpMessageType TYPE = PptpMessageType::STOP_CONTROL_CONNECTION_REPLY;
    PptpStopResult resultCode{PptpStopResult::OK};      //!< result
    PptpGeneralError errorCode{PptpGeneralError::NONE}; //!< general error code

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.Code("Result Code", resultCode);
        v.Code("Error Code", errorCode);
        v.Reserved("Reserved1", 2);
    }
};

/// Echo-Request (5), 16 bytes.
struct PptpEchoRequest
{
    static constexpr PptpMessageType TYPE = PptpMessageType::ECHO_REQUEST;
    uint32_t identifier{0}; //!< copied into the matching Echo-Reply

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U32("Identifier", identifier);
    }
};

/// Echo-Reply (6), 20 bytes.
struct PptpEchoReply
{
    static constexpr PptpMessageType TYPE = PptpMessageType::ECHO_REPLY;
    uint32_t identifier{0};                             //!< from the Echo-Request
    PptpEchoResult resultCode{PptpEchoResult::OK};      //!< result
    PptpGeneralError errorCode{PptpGeneralError::NONE}; //!< general error code

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U32("Identifier", identifier);
        v.Code("Result Code", resultCode);
        v.Code("Error Code", errorCode);
        v.Reserved("Reserved1", 2);
    }
};

/// Outgoing-Call-Request (7), 168 bytes, PNS to PAC.
struct PptpOutgoingCallRequest
{
    static constexpr PptpMessageType TYPE = PptpMessageType::OUTGOING_CALL_REQUEST;
    uint16_t callId{0};                        //!< the PNS's id for this call
    uint16_t callSerialNumber{0};              //!< identifies the call in logs
    uint32_t minimumBps{0};                    //!< lowest acceptable line speed
    uint32_t maximumBps{0};                    //!< highest acceptable line speed
    uint32_t bearerType{PPTP_BEARER_EITHER};   //!< PptpBearer
    uint32_t framingType{PPTP_FRAMING_EITHER}; //!< PptpFraming
    uint16_t receiveWindowSize{0};             //!< packets the PNS can buffer for this call
    uint16_t processingDelay{0};               //!< Packet Processing Delay, 1/10 s units
    uint16_t phoneNumberLength{0};             //!< digits in phoneNumber
    std::string phoneNumber;                   //!< up to 64 bytes
    std::string subaddress;                    //!< up to 64 bytes

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U16("Call ID", callId);
        v.U16("Call Serial Number", callSerialNumber);
        v.U32("Minimum BPS", minimumBps);
        v.U32("Maximum BPS", maximumBps);
        v.U32("Bearer Type", bearerType);
        v.U32("Framing Type", framingType);
        v.U16("Packet Receive Window Size", receiveWindowSize);
        v.U16("Packet Processing Delay", processingDelay);
        v.U16("Phone Number Length", phoneNumberLength);
        v.Reserved("Reserved1", 2);
        v.Text("Phone Number", phoneNumber, 64);
        v.Text("Subaddress", subaddress, 64);
    }
};

/// Outgoing-Call-Reply (8), 32 bytes, PAC to PNS.
struct PptpOutgoingCallReply
{
    static constexpr PptpMessageType TYPE = PptpMessageType::OUTGOING_CALL_REPLY;
    uint16_t callId{0};     //!< the PAC's id for the call
    uint16_t peerCallId{0}; //!< the PNS's Call ID
    PptpOutgoingCallResult resultCode{PptpOutgoingCallResult::CONNECTED}; //!< result
    PptpGeneralError errorCode{PptpGeneralError::NONE};                   //!< general error code
    uint16_t causeCode{0};         //!< cause (e.g. ISDN Q.931)
    uint32_t connectSpeed{0};      //!< bits per second
    uint16_t receiveWindowSize{0}; //!< packets the PAC can buffer for this call
    uint16_t processingDelay{0};   //!< Packet Processing Delay, 1/10 s units
    uint32_t physicalChannelId{0}; //!< vendor-specific channel number

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U16("Call ID", callId);
        v.U16("Peer's Call ID", peerCallId);
        v.Code("Result Code", resultCode);
        v.Code("Error Code", errorCode);
        v.U16("Cause Code", causeCode);
        v.U32("Connect Speed", connectSpeed);
        v.U16("Packet Receive Window Size", receiveWindowSize);
        v.U16("Packet Processing Delay", processingDelay);
        v.U32("Physical Channel ID", physicalChannelId);
    }
};

/// Incoming-Call-Request (9), 220 bytes, PAC to PNS.
struct PptpIncomingCallRequest
{
    static constexpr PptpMessageType TYPE = PptpMessageType::INCOMING_CALL_REQUEST;
    uint16_t callId{0};                      //!< the PAC's id for this call
    uint16_t callSerialNumber{0};            //!< identifies the call in logs
    uint32_t bearerType{PPTP_BEARER_ANALOG}; //!< PptpBearer
    uint32_t physicalChannelId{0};           //!< vendor-specific channel number
    uint16_t dialedNumberLength{0};          //!< digits in dialedNumber
    uint16_t dialingNumberLength{0};         //!< digits in dialingNumber
    std::string dialedNumber;                //!< up to 64 bytes (DNIS)
    std::string dialingNumber;               //!< up to 64 bytes (CLID)
    std::string subaddress;                  //!< up to 64 bytes

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U16("Call ID", callId);
        v.U16("Call Serial Number", callSerialNumber);
        v.U32("Call Bearer Type", bearerType);
        v.U32("Physical Channel ID", physicalChannelId);
        v.U16("Dialed Number Length", dialedNumberLength);
        v.U16("Dialing Number Length", dialingNumberLength);
        v.Text("Dialed Number", dialedNumber, 64);
        v.Text("Dialing Number", dialingNumber, 64);
        v.Text("Subaddress", subaddress, 64);
    }
};

/// Incoming-Call-Reply (10), 24 bytes, PNS to PAC.
struct PptpIncomingCallReply
{
    static constexpr PptpMessageType TYPE = PptpMessageType::INCOMING_CALL_REPLY;
    uint16_t callId{0};                                                 //!< the PNS's id
    uint16_t peerCallId{0};                                             //!< the PAC's Call ID
    PptpIncomingCallResult resultCode{PptpIncomingCallResult::CONNECT}; //!< result
    PptpGeneralError errorCode{PptpGeneralError::NONE};                 //!< general error code
    uint16_t receiveWindowSize{0}; //!< packets the PNS can buffer for this call
    uint16_t transmitDelay{0};     //!< Packet Transmit Delay, 1/10 s units

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U16("Call ID", callId);
        v.U16("Peer's Call ID", peerCallId);
        v.Code("Result Code", resultCode);
        v.Code("Error Code", errorCode);
        v.U16("Packet Receive Window Size", receiveWindowSize);
        v.U16("Packet Transmit Delay", transmitDelay);
        v.Reserved("Reserved1", 2);
    }
};

/// Incoming-Call-Connected (11), 28 bytes, PAC to PNS.
struct PptpIncomingCallConnected
{
    static constexpr PptpMessageType TYPE = PptpMessageType::INCOMING_CALL_CONNECTED;
    uint16_t peerCallId{0};                   //!< the PNS's Call ID
    uint32_t connectSpeed{0};                 //!< bits per second
    uint16_t receiveWindowSize{0};            //!< packets the PAC can buffer for this call
    uint16_t transmitDelay{0};                //!< Packet Transmit Delay, 1/10 s units
    uint32_t framingType{PPTP_FRAMING_ASYNC}; //!< PptpFraming

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U16("Peer's Call ID", peerCallId);
        v.Reserved("Reserved1", 2);
        v.U32("Connect Speed", connectSpeed);
        v.U16("Packet Receive Window Size", receiveWindowSize);
        v.U16("Packet Transmit Delay", transmitDelay);
        v.U32("Framing Type", framingType);
    }
};

/// Call-Clear-Request (12), 16 bytes, PNS to PAC.
struct PptpCallClearRequest
{
    static constexpr PptpMessageType TYPE = PptpMessageType::CALL_CLEAR_REQUEST;
    uint16_t callId{0}; //!< the PNS's Call ID of the call to clear

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U16("Call ID", callId);
        v.Reserved("Reserved1", 2);
    }
};

/// Call-Disconnect-Notify (13), 148 bytes, PAC to PNS.
struct PptpCallDisconnectNotify
{
    static constexpr PptpMessageType TYPE = PptpMessageType::CALL_DISCONNECT_NOTIFY;
    uint16_t callId{0};                                             //!< the PAC's Call ID
    PptpDisconnectResult resultCode{PptpDisconnectResult::REQUEST}; //!< why
    PptpGeneralError errorCode{PptpGeneralError::NONE};             //!< general error code
    uint16_t causeCode{0};                                          //!< cause
    std::string callStatistics;                                     //!< up to 128 bytes

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U16("Call ID", callId);
        v.Code("Result Code", resultCode);
        v.Code("Error Code", errorCode);
        v.U16("Cause Code", causeCode);
        v.Reserved("Reserved1", 2);
        v.Text("Call Statistics", callStatistics, 128);
    }
};

/// WAN-Error-Notify (14), 40 bytes, PAC to PNS.
struct PptpWanErrorNotify
{
    static constexpr PptpMessageType TYPE = PptpMessageType::WAN_ERROR_NOTIFY;
    uint16_t peerCallId{0};       //!< the PNS's Call ID
    uint32_t crcErrors{0};        //!< cumulative since the call was established
    uint32_t framingErrors{0};    //!< cumulative since the call was established
    uint32_t hardwareOverruns{0}; //!< cumulative since the call was established
    uint32_t bufferOverruns{0};   //!< cumulative since the call was established
    uint32_t timeoutErrors{0};    //!< cumulative since the call was established
    uint32_t alignmentErrors{0};  //!< cumulative since the call was established

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U16("Peer's Call ID", peerCallId);
        v.Reserved("Reserved1", 2);
        v.U32("CRC Errors", crcErrors);
        v.U32("Framing Errors", framingErrors);
        v.U32("Hardware Overruns", hardwareOverruns);
        v.U32("Buffer Overruns", bufferOverruns);
        v.U32("Time-out Errors", timeoutErrors);
        v.U32("Alignment Errors", alignmentErrors);
    }
};

/// Set-Link-Info (15), 24 bytes.
struct PptpSetLinkInfo
{
    static constexpr PptpMessageType TYPE = PptpMessageType::SET_LINK_INFO;
    uint16_t peerCallId{0};           //!< the receiver's Call ID
    uint32_t sendAccm{0xFFFFFFFF};    //!< ACCM for frames sent to the peer
    uint32_t receiveAccm{0xFFFFFFFF}; //!< ACCM for frames received from the peer

    /// \copydoc PptpStartControlConnectionRequest::VisitFields
    template<class V>
    void VisitFields(V& v)
    {
        v.U16("Peer's Call ID", peerCallId);
        v.Reserved("Reserved1", 2);
        v.U32("Send ACCM", sendAccm);
        v.U32("Receive ACCM", receiveAccm);
    }
};

/**
 * \ingroup pptp
 * One PPTP control message: the 12-byte common header and one of the 15 bodies.
 *
 * Encoding always produces the RFC's exact bytes. Decoding untrusted bytes
 * goes through Decode(), which reports malformed input as a PptpDecodeResult
 * and never asserts; Deserialize() is a thin wrapper for use with
 * Packet::RemoveHeader that consumes nothing when the bytes are malformed.
 */
class PptpControlMessage : public Header
{
  public:
    /// Any of the 15 bodies, in Control Message Type order.
    using Body = std::variant<PptpStartControlConnectionRequest,
                              PptpStartControlConnectionReply,
                              PptpStopControlConnectionRequest,
                              PptpStopControlConnectionReply,
                              PptpEchoRequest,
                              PptpEchoReply,
                              PptpOutgoingCallRequest,
                              PptpOutgoingCallReply,
                              PptpIncomingCallRequest,
                              PptpIncomingCallReply,
                              PptpIncomingCallConnected,
                              PptpCallClearRequest,
                              PptpCallDisconnectNotify,
                              PptpWanErrorNotify,
                              PptpSetLinkInfo>;

    /// An Echo-Request with identifier 0.
    PptpControlMessage();

    /**
     * \param body the message body; the header is derived from it
     */
    template<class T>
    PptpControlMessage(const T& body) // NOLINT(google-explicit-constructor): a message is its body
        : m_body(body)
    {
    }

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    void Print(std::ostream& os) const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;

    /**
     * Decode one control message from exactly \p size bytes.
     * \param data the bytes
     * \param size how many bytes (must equal the message's Length field)
     * \param message receives the message on success, untouched otherwise
     * \return success, or why the bytes are malformed
     */
    static PptpDecodeResult Decode(const uint8_t* data, uint32_t size, PptpControlMessage& message);

    /// \return the message encoded as bytes
    std::vector<uint8_t> Encode() const;

    /// \return the Control Message Type
    PptpMessageType GetMessageType() const;
    /// \return the description of this message's type
    const PptpMessageInfo& GetInfo() const;
    /// \return the Length field (the whole message's size)
    uint16_t GetLength() const;

    /// \return the body, whatever its type
    const Body& GetBody() const
    {
        return m_body;
    }

    /// \return true if the body is a \p T
    template<class T>
    bool Is() const
    {
        return std::holds_alternative<T>(m_body);
    }

    /// \return the body as a \p T; aborts if it is another type (a programming error)
    template<class T>
    const T& Get() const
    {
        const T* body = std::get_if<T>(&m_body);
        NS_ABORT_MSG_IF(body == nullptr,
                        "PPTP message is a " << GetInfo().rfcName << ", not the requested type");
        return *body;
    }

    /// \return the body as a \p T, or nullptr if it is another type
    template<class T>
    const T* Find() const
    {
        return std::get_if<T>(&m_body);
    }

    /// \param body the new body
    template<class T>
    void Set(const T& body)
    {
        m_body = body;
    }

  private:
    Body m_body; //!< the message body
};

} // namespace ns3

#endif /* PPTP_CONTROL_MESSAGE_H */
