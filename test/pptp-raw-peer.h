/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PPTP_RAW_PEER_H
#define PPTP_RAW_PEER_H

// A raw TCP peer for the suites that face a PAC with scripted bytes: a plain
// ns-3 socket and the module's codec, no PptpControlConnection.

#include "ns3/inet-socket-address.h"
#include "ns3/packet.h"
#include "ns3/pptp-control-message.h"
#include "ns3/pptp-stream-framer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/tcp-socket-factory.h"

#include <vector>

namespace ns3
{
namespace pptptest
{

/// A control message the raw peer received, and when.
struct Received
{
    Time time;                  //!< when it was decoded
    PptpControlMessage message; //!< the message
};

/**
 * A TCP peer that sends scripted bytes to a PAC and decodes what comes back
 * (PptpStreamFramer, then PptpControlMessage::Decode).
 */
class RawPeer
{
  public:
    /// \param node where it runs \param server the PAC's address
    void Connect(Ptr<Node> node, Ipv4Address server)
    {
        Open(node, server, true);
    }

    /// A peer that never reads what it receives (its TCP window closes).
    /// \param node where it runs \param server the PAC's address
    void ConnectNotReading(Ptr<Node> node, Ipv4Address server)
    {
        Open(node, server, false);
    }

    /// \param node where it runs \param server the PAC's address \param read read replies
    void Open(Ptr<Node> node, Ipv4Address server, bool read)
    {
        m_socket = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
        m_socket->Bind();
        m_socket->SetConnectCallback(MakeCallback(&RawPeer::Connected, this),
                                     MakeCallback(&RawPeer::ConnectFailed, this));
        if (read)
        {
            m_socket->SetRecvCallback(MakeCallback(&RawPeer::Read, this));
        }
        m_socket->SetCloseCallbacks(MakeCallback(&RawPeer::NormalClose, this),
                                    MakeCallback(&RawPeer::ErrorClose, this));
        m_socket->Connect(InetSocketAddress(server, PPTP_TCP_PORT));
    }

    /// \param bytes what to send now
    void Send(std::vector<uint8_t> bytes)
    {
        int sent = m_socket ? m_socket->Send(Create<Packet>(bytes.data(), bytes.size())) : -1;
        if (sent != static_cast<int>(bytes.size()))
        {
            ++sendFailures;
        }
    }

    /// \param message what to send now, encoded by the module's codec
    void SendMessage(PptpControlMessage message)
    {
        Send(message.Encode());
    }

    bool connected{false};          //!< the TCP connection was opened
    Time connectedAt;               //!< when
    std::vector<Received> received; //!< decoded messages, in order
    uint32_t undecodable{0};        //!< framed messages that did not decode
    uint64_t bytesReceived{0};      //!< everything received
    uint32_t sendFailures{0};       //!< Send calls the socket did not take whole
    bool closed{false};             //!< the server closed (or reset) the connection
    bool closedByError{false};      //!< ... with a reset rather than a FIN
    Time closedAt;                  //!< when

  private:
    void Connected(Ptr<Socket>)
    {
        connected = true;
        connectedAt = Simulator::Now();
    }

    void ConnectFailed(Ptr<Socket>)
    {
        connected = false;
    }

    void Read(Ptr<Socket> socket)
    {
        Ptr<Packet> p;
        while ((p = socket->Recv()) && p->GetSize() > 0)
        {
            bytesReceived += p->GetSize();
            m_framer.Append(p);
        }
        std::vector<uint8_t> bytes;
        uint32_t discarded = 0;
        PptpStreamFramer::Event event;
        while ((event = m_framer.Next(bytes, discarded)) != PptpStreamFramer::Event::NEED_MORE
               && event != PptpStreamFramer::Event::UNRECOVERABLE)
        {
            if (event != PptpStreamFramer::Event::MESSAGE)
            {
                ++undecodable; // the server never sends garbage
                continue;
            }
            PptpControlMessage m;
            if (PptpControlMessage::Decode(bytes.data(), bytes.size(), m).Ok())
            {
                received.push_back({Simulator::Now(), m});
            }
            else
            {
                ++undecodable;
            }
        }
    }

    void Closing(bool error)
    {
        if (!closed)
        {
            closed = true;
            closedByError = error;
            closedAt = Simulator::Now();
        }
    }

    void NormalClose(Ptr<Socket> socket)
    {
        Closing(false);
        socket->Close(); // our side too
    }

    void ErrorClose(Ptr<Socket>)
    {
        Closing(true);
    }

    Ptr<Socket> m_socket;
    PptpStreamFramer m_framer;
};

} // namespace pptptest
} // namespace ns3

#endif /* PPTP_RAW_PEER_H */
