/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_SAMPLE_MESSAGES_H
#define PPTP_SAMPLE_MESSAGES_H

// One message of each of the 15 types, every field set to a distinctive
// value, and the same values as (tshark field, value) pairs so that a
// dissector's reading of our bytes can be compared field by field.

#include "ns3/pptp-control-message.h"

#include <string>
#include <utility>
#include <vector>

namespace ns3
{
namespace pptptest
{

/// A message and what each of its fields should read as in tshark.
struct SampleMessage
{
    PptpControlMessage message;                              //!< the message
    std::vector<std::pair<std::string, std::string>> fields; //!< tshark field, expected value
};

/// \return one sample of each message type, in type order
inline std::vector<SampleMessage>
SampleMessages()
{
    std::vector<SampleMessage> samples;
    {
        PptpStartControlConnectionRequest m;
        m.framingCapabilities = PPTP_FRAMING_ASYNC;
        m.bearerCapabilities = PPTP_BEARER_EITHER;
        m.maximumChannels = 17;
        m.firmwareRevision = 0x0103;
        m.hostName = "pns-host";
        m.vendorString = "ns3-pptp";
        samples.push_back({m,
                           {{"pptp.protocol_version", "256"},
                            {"pptp.framing_capabilities", "1"},
                            {"pptp.bearer_capabilities", "3"},
                            {"pptp.maximum_channels", "17"},
                            {"pptp.firmware_revision", "259"},
                            {"pptp.host_name", "pns-host"},
                            {"pptp.vendor_name", "ns3-pptp"}}});
    }
    {
        PptpStartControlConnectionReply m;
        m.resultCode = PptpStartResult::SUCCESS;
        m.framingCapabilities = PPTP_FRAMING_SYNC;
        m.bearerCapabilities = PPTP_BEARER_ANALOG;
        m.maximumChannels = 64;
        m.firmwareRevision = 2;
        m.hostName = "pac-host";
        m.vendorString = "vendor-x";
        samples.push_back({m,
                           {{"pptp.protocol_version", "256"},
                            {"pptp.control_result", "1"},
                            {"pptp.error", "0"},
                            {"pptp.framing_capabilities", "2"},
                            {"pptp.bearer_capabilities", "1"},
                            {"pptp.maximum_channels", "64"},
                            {"pptp.firmware_revision", "2"},
                            {"pptp.host_name", "pac-host"},
                            {"pptp.vendor_name", "vendor-x"}}});
    }
    {
        PptpStopControlConnectionRequest m;
        m.reason = PptpStopReason::STOP_LOCAL_SHUTDOWN;
        samples.push_back({m, {{"pptp.reason", "3"}}});
    }
    {
        PptpStopControlConnectionReply m;
        m.resultCode = PptpStopResult::GENERAL_ERROR;
        m.errorCode = PptpGeneralError::NO_RESOURCE;
        samples.push_back({m, {{"pptp.stop_result", "2"}, {"pptp.error", "4"}}});
    }
    {
        PptpEchoRequest m;
        m.identifier = 0x01020304;
        samples.push_back({m, {{"pptp.identifier", "16909060"}}});
    }
    {
        PptpEchoReply m;
        m.identifier = 0x01020304;
        m.resultCode = PptpEchoResult::OK;
        samples.push_back(
            {m, {{"pptp.identifier", "16909060"}, {"pptp.echo_result", "1"}, {"pptp.error", "0"}}});
    }
    {
        PptpOutgoingCallRequest m;
        m.callId = 1275;
        m.callSerialNumber = 7;
        m.minimumBps = 2400;
        m.maximumBps = 10000000;
        m.bearerType = PPTP_BEARER_EITHER;
        m.framingType = PPTP_FRAMING_EITHER;
        m.receiveWindowSize = 3;
        m.processingDelay = 1;
        m.phoneNumberLength = 4;
        m.phoneNumber = "5551";
        m.subaddress = "sub-a";
        samples.push_back({m,
                           {{"pptp.call_id", "1275"},
                            {"pptp.call_serial_number", "7"},
                            {"pptp.minimum_bps", "2400"},
                            {"pptp.maximum_bps", "10000000"},
                            {"pptp.bearer_type", "3"},
                            {"pptp.framing_type", "3"},
                            {"pptp.packet_receive_window_size", "3"},
                            {"pptp.packet_processing_delay", "1"},
                            {"pptp.phone_number_length", "4"},
                            {"pptp.phone_number", "5551"},
                            {"pptp.subaddress", "sub-a"}}});
    }
    {
        PptpOutgoingCallReply m;
        m.callId = 16384;
        m.peerCallId = 1275;
        m.resultCode = PptpOutgoingCallResult::CONNECTED;
        m.causeCode = 5;
        m.connectSpeed = 64000;
        m.receiveWindowSize = 64;
        m.processingDelay = 2;
        m.physicalChannelId = 99;
        samples.push_back({m,
                           {{"pptp.call_id", "16384"},
                            {"pptp.peer_call_id", "1275"},
                            {"pptp.out_result", "1"},
                            {"pptp.error", "0"},
                            {"pptp.cause", "5"},
                            {"pptp.connect_speed", "64000"},
                            {"pptp.packet_receive_window_size", "64"},
                            {"pptp.packet_processing_delay", "2"},
                            {"pptp.physical_channel_id", "99"}}});
    }
    {
        PptpIncomingCallRequest m;
        m.callId = 300;
        m.callSerialNumber = 8;
        m.bearerType = PPTP_BEARER_DIGITAL;
        m.physicalChannelId = 12;
        m.dialedNumberLength = 3;
        m.dialingNumberLength = 4;
        m.dialedNumber = "123";
        m.dialingNumber = "4567";
        m.subaddress = "sub-b";
        samples.push_back({m,
                           {{"pptp.call_id", "300"},
                            {"pptp.call_serial_number", "8"},
                            {"pptp.bearer_type", "2"},
                            {"pptp.physical_channel_id", "12"},
                            {"pptp.dialed_number_length", "3"},
                            {"pptp.dialing_number_length", "4"},
                            {"pptp.dialed_number", "123"},
                            {"pptp.dialing_number", "4567"},
                            {"pptp.subaddress", "sub-b"}}});
    }
    {
        PptpIncomingCallReply m;
        m.callId = 400;
        m.peerCallId = 300;
        m.resultCode = PptpIncomingCallResult::CONNECT;
        m.receiveWindowSize = 16;
        m.transmitDelay = 3;
        samples.push_back({m,
                           {{"pptp.call_id", "400"},
                            {"pptp.peer_call_id", "300"},
                            {"pptp.in_result", "1"},
                            {"pptp.error", "0"},
                            {"pptp.packet_receive_window_size", "16"}}});
    }
    {
        PptpIncomingCallConnected m;
        m.peerCallId = 400;
        m.connectSpeed = 128000;
        m.receiveWindowSize = 32;
        m.transmitDelay = 4;
        m.framingType = PPTP_FRAMING_SYNC;
        samples.push_back({m,
                           {{"pptp.peer_call_id", "400"},
                            {"pptp.connect_speed", "128000"},
                            {"pptp.packet_receive_window_size", "32"},
                            {"pptp.framing_type", "2"}}});
    }
    {
        PptpCallClearRequest m;
        m.callId = 1275;
        samples.push_back({m, {{"pptp.call_id", "1275"}}});
    }
    {
        PptpCallDisconnectNotify m;
        m.callId = 16384;
        m.resultCode = PptpDisconnectResult::REQUEST;
        m.causeCode = 16;
        m.callStatistics = "rx 10 tx 12";
        samples.push_back({m,
                           {{"pptp.call_id", "16384"},
                            {"pptp.disc_result", "4"},
                            {"pptp.error", "0"},
                            {"pptp.cause", "16"},
                            {"pptp.call_Statistics", "rx 10 tx 12"}}});
    }
    {
        PptpWanErrorNotify m;
        m.peerCallId = 1275;
        m.crcErrors = 1;
        m.framingErrors = 2;
        m.hardwareOverruns = 3;
        m.bufferOverruns = 4;
        m.timeoutErrors = 5;
        m.alignmentErrors = 6;
        samples.push_back({m,
                           {{"pptp.peer_call_id", "1275"},
                            {"pptp.crc_errors", "1"},
                            {"pptp.framing_errors", "2"},
                            {"pptp.hardware_overruns", "3"},
                            {"pptp.buffer_overruns", "4"},
                            {"pptp.timeout_errors", "5"},
                            {"pptp.alignment_errors", "6"}}});
    }
    {
        PptpSetLinkInfo m;
        m.peerCallId = 16384;
        m.sendAccm = 0;
        m.receiveAccm = 0xFFFFFFFF;
        samples.push_back({m,
                           {{"pptp.peer_call_id", "16384"},
                            {"pptp.send_accm", "0"},
                            {"pptp.receive_accm", "4294967295"}}});
    }
    return samples;
}

} // namespace pptptest
} // namespace ns3

#endif /* PPTP_SAMPLE_MESSAGES_H */
