/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-fsm.h"

#include "ns3/log.h"
#include "ns3/simulator.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppFsm");

namespace
{

/// Bytes of a control packet's Code, Identifier and Length.
constexpr uint32_t HEADER_SIZE = 4;

/// \return true if every option of \p rejected stands, unchanged and in order, in \p request
bool
IsSubsequence(const std::vector<PppOption>& rejected, const std::vector<PppOption>& request)
{
    auto next = request.begin();
    for (const auto& option : rejected)
    {
        next = std::find_if(next,
                            request.end(),
                            [&option](const PppOption& o)
                            {
                                return o.type == option.type && o.data == option.data;
                            });
        if (next == request.end())
        {
            return false;
        }
        ++next;
    }
    return true;
}

} // namespace

PppFsm::PppFsm(Handler handler,
               Time restart,
               uint32_t maxConfigure,
               uint32_t maxTerminate,
               uint32_t maxFailure)
    : m_handler(std::move(handler))
    , m_restart(restart)
    , m_maxConfigure(std::max<uint32_t>(maxConfigure, 1))
    , m_maxTerminate(std::max<uint32_t>(maxTerminate, 1))
    , m_maxFailure(maxFailure)
{
}

PppFsm::~PppFsm()
{
    m_timer.Cancel();
}

std::string
PppFsm::StateName(State state)
{
    switch (state)
    {
        case State::INITIAL:
            return "initial";
        case State::STARTING:
            return "starting";
        case State::CLOSED:
            return "closed";
        case State::STOPPED:
            return "stopped";
        case State::CLOSING:
            return "closing";
        case State::STOPPING:
            return "stopping";
        case State::REQ_SENT:
            return "req-sent";
        case State::ACK_RCVD:
            return "ack-rcvd";
        case State::ACK_SENT:
            return "ack-sent";
        case State::OPENED:
            return "opened";
    }
    return "unknown";
}

std::string
PppFsm::FinishName(Finish finish)
{
    switch (finish)
    {
        case Finish::CLOSED:
            return "closed";
        case Finish::NO_ANSWER:
            return "no-answer";
        case Finish::TERMINATED:
            return "terminated";
        case Finish::PEER_TERMINATED:
            return "peer-terminated";
        case Finish::PEER_REJECTED:
            return "peer-rejected";
    }
    return "unknown";
}

PppFsm::State
PppFsm::GetState() const
{
    return m_state;
}

bool
PppFsm::IsOpened() const
{
    return m_state == State::OPENED;
}

uint32_t
PppFsm::GetConfigureRequestsSent() const
{
    return m_configureRequestsSent;
}

void
PppFsm::SetState(State state)
{
    if (state == m_state)
    {
        return;
    }
    State old = m_state;
    m_state = state;
    bool waiting = state == State::CLOSING || state == State::STOPPING || state == State::REQ_SENT
                   || state == State::ACK_RCVD || state == State::ACK_SENT;
    if (!waiting)
    {
        m_timer.Cancel(); // only the states that wait for the peer run the restart timer
    }
    if (m_handler.stateChanged)
    {
        m_handler.stateChanged(old, state);
    }
}

// ---- actions --------------------------------------------------------------------------

void
PppFsm::LayerUp()
{
    if (m_handler.up)
    {
        m_handler.up();
    }
}

void
PppFsm::LayerDown()
{
    if (m_handler.down)
    {
        m_handler.down();
    }
}

void
PppFsm::LayerStarted()
{
    if (m_handler.started)
    {
        m_handler.started();
    }
}

void
PppFsm::LayerFinished(Finish reason)
{
    NS_LOG_INFO("layer finished: " << FinishName(reason));
    if (m_handler.finished)
    {
        m_handler.finished(reason);
    }
}

void
PppFsm::InitializeRestartCount(Counter counter)
{
    m_counter = counter == Counter::CONFIGURE ? m_maxConfigure : m_maxTerminate;
}

void
PppFsm::ZeroRestartCount()
{
    m_counter = 0;
    StartTimer();
}

void
PppFsm::StartTimer()
{
    m_timer.Cancel();
    m_timer = Simulator::Schedule(m_restart, &PppFsm::TimedOut, this);
}

void
PppFsm::SendConfigureRequest(bool retransmission)
{
    if (!retransmission || m_requestOptions.empty())
    {
        bool negotiating = m_state == State::REQ_SENT || m_state == State::ACK_RCVD
                           || m_state == State::ACK_SENT;
        if (!negotiating)
        {
            m_failures = 0; // a negotiation starts afresh
        }
        PppControlPacket options;
        options.SetOptions(m_handler.buildRequest());
        m_requestOptions = options.data;
        m_requestId = ++m_nextId;
    }
    PppControlPacket request;
    request.code = PPP_CONFIGURE_REQUEST;
    request.identifier = m_requestId;
    request.data = m_requestOptions;
    m_requestAnswered = false;
    ++m_configureRequestsSent;
    if (m_counter > 0)
    {
        --m_counter;
    }
    m_handler.send(request);
    StartTimer();
}

void
PppFsm::SendConfigureReply(uint8_t code,
                           const PppControlPacket& request,
                           const std::vector<PppOption>& options)
{
    PppControlPacket reply;
    reply.code = code;
    reply.identifier = request.identifier;
    if (code == PPP_CONFIGURE_ACK)
    {
        reply.data = request.data; // an Ack repeats the request's options exactly
    }
    else
    {
        reply.SetOptions(options);
    }
    m_handler.send(reply);
}

void
PppFsm::SendTerminateRequest()
{
    PppControlPacket request;
    request.code = PPP_TERMINATE_REQUEST;
    request.identifier = ++m_nextId;
    if (m_counter > 0)
    {
        --m_counter;
    }
    m_handler.send(request);
    StartTimer();
}

void
PppFsm::SendTerminateAck(uint8_t identifier)
{
    PppControlPacket ack;
    ack.code = PPP_TERMINATE_ACK;
    ack.identifier = identifier;
    m_handler.send(ack);
}

void
PppFsm::SendCodeReject(const PppControlPacket& packet)
{
    PppControlPacket reject;
    reject.code = PPP_CODE_REJECT;
    reject.identifier = ++m_nextId;
    reject.data = packet.Encode();
    // RFC 1661 section 5.6: the rejected packet is truncated to fit the peer's MRU.
    uint32_t mru = m_handler.peerMru ? m_handler.peerMru() : 1500;
    uint32_t room = mru > HEADER_SIZE ? mru - HEADER_SIZE : 0;
    if (reject.data.size() > room)
    {
        reject.data.resize(room);
    }
    m_handler.send(reject);
}

// ---- administrative and lower-layer events --------------------------------------------

void
PppFsm::Up()
{
    switch (m_state)
    {
        case State::INITIAL:
            SetState(State::CLOSED);
            break;
        case State::STARTING:
            InitializeRestartCount(Counter::CONFIGURE);
            SendConfigureRequest();
            SetState(State::REQ_SENT);
            break;
        default:
            NS_LOG_WARN("Up in state " << StateName(m_state) << " ignored");
            break;
    }
}

void
PppFsm::Down()
{
    switch (m_state)
    {
        case State::CLOSED:
        case State::CLOSING:
            SetState(State::INITIAL);
            break;
        case State::STOPPED:
            SetState(State::STARTING);
            LayerStarted();
            break;
        case State::STOPPING:
        case State::REQ_SENT:
        case State::ACK_RCVD:
        case State::ACK_SENT:
            SetState(State::STARTING);
            break;
        case State::OPENED:
            SetState(State::STARTING);
            LayerDown();
            break;
        case State::INITIAL:
        case State::STARTING:
            break;
    }
}

void
PppFsm::Open()
{
    switch (m_state)
    {
        case State::INITIAL:
            SetState(State::STARTING);
            LayerStarted();
            break;
        case State::CLOSED:
            InitializeRestartCount(Counter::CONFIGURE);
            SendConfigureRequest();
            SetState(State::REQ_SENT);
            break;
        case State::CLOSING:
            SetState(State::STOPPING);
            break;
        default:
            break; // already opened (no restart option)
    }
}

void
PppFsm::Close()
{
    switch (m_state)
    {
        case State::STARTING:
            SetState(State::INITIAL);
            LayerFinished(Finish::CLOSED);
            break;
        case State::STOPPED:
            SetState(State::CLOSED);
            break;
        case State::STOPPING:
            SetState(State::CLOSING);
            break;
        case State::OPENED:
        case State::REQ_SENT:
        case State::ACK_RCVD:
        case State::ACK_SENT:
        {
            bool wasOpened = m_state == State::OPENED;
            m_finishReason = Finish::TERMINATED;
            SetState(State::CLOSING);
            if (wasOpened)
            {
                LayerDown();
            }
            InitializeRestartCount(Counter::TERMINATE);
            SendTerminateRequest();
            break;
        }
        case State::INITIAL:
        case State::CLOSED:
        case State::CLOSING:
            break;
    }
}

void
PppFsm::Abort()
{
    // The session is discarded with its lower layer: no Started or Finished to report.
    bool wasOpened = m_state == State::OPENED;
    SetState(State::INITIAL);
    m_timer.Cancel();
    if (wasOpened)
    {
        LayerDown();
    }
}

void
PppFsm::TimedOut()
{
    bool more = m_counter > 0; // TO+ or TO-
    switch (m_state)
    {
        case State::CLOSING:
        case State::STOPPING:
            if (more)
            {
                SendTerminateRequest();
                return;
            }
            SetState(m_state == State::CLOSING ? State::CLOSED : State::STOPPED);
            LayerFinished(m_finishReason);
            return;
        case State::REQ_SENT:
        case State::ACK_RCVD:
        case State::ACK_SENT:
            if (more)
            {
                SendConfigureRequest(true);
                if (m_state == State::ACK_RCVD)
                {
                    SetState(State::REQ_SENT);
                }
                return;
            }
            NS_LOG_INFO("no answer to " << m_maxConfigure << " Configure-Requests");
            SetState(State::STOPPED);
            LayerFinished(Finish::NO_ANSWER);
            return;
        default:
            return; // the timer does not run in the other states
    }
}

// ---- packets received -----------------------------------------------------------------

void
PppFsm::Receive(const PppControlPacket& packet)
{
    if (m_state == State::INITIAL || m_state == State::STARTING)
    {
        NS_LOG_LOGIC("packet in state " << StateName(m_state) << " discarded");
        return; // no lower layer as far as this layer knows
    }
    switch (packet.code)
    {
        case PPP_CONFIGURE_REQUEST:
            ReceiveConfigureRequest(packet);
            break;
        case PPP_CONFIGURE_ACK:
            ReceiveConfigureAck(packet);
            break;
        case PPP_CONFIGURE_NAK:
        case PPP_CONFIGURE_REJECT:
            ReceiveConfigureNakOrReject(packet);
            break;
        case PPP_TERMINATE_REQUEST:
            ReceiveTerminateRequest(packet);
            break;
        case PPP_TERMINATE_ACK:
            ReceiveTerminateAck();
            break;
        case PPP_CODE_REJECT:
            ReceiveCodeReject(packet);
            break;
        default:
            if (!m_handler.otherCode || !m_handler.otherCode(packet))
            {
                SendCodeReject(packet); // RUC
            }
            break;
    }
}

bool
PppFsm::AnswerInClosedOrStopped(const PppControlPacket& packet)
{
    if (m_state == State::CLOSED || m_state == State::STOPPED)
    {
        SendTerminateAck(packet.identifier);
        return true;
    }
    return m_state == State::CLOSING || m_state == State::STOPPING; // ignored there
}

void
PppFsm::ReceiveConfigureRequest(const PppControlPacket& packet)
{
    if (m_state == State::CLOSED)
    {
        SendTerminateAck(packet.identifier);
        return;
    }
    if (m_state == State::CLOSING || m_state == State::STOPPING)
    {
        return;
    }
    std::vector<PppOption> options;
    if (!packet.GetOptions(options))
    {
        NS_LOG_WARN("Configure-Request with malformed options discarded");
        return; // RFC 1661 section 5: invalid packets are silently discarded
    }
    if (m_state == State::OPENED)
    {
        // The peer renegotiates: the layer goes down and this side asks again too.
        SetState(State::REQ_SENT);
        LayerDown();
        SendConfigureRequest();
    }
    else if (m_state == State::STOPPED)
    {
        InitializeRestartCount(Counter::CONFIGURE);
        SendConfigureRequest();
        SetState(State::REQ_SENT);
    }
    std::vector<PppOption> reply;
    uint8_t verdict = m_handler.checkRequest(options, m_failures >= m_maxFailure, reply);
    SendConfigureReply(verdict, packet, reply);
    if (verdict == PPP_CONFIGURE_ACK)
    {
        m_failures = 0;
        if (m_state == State::ACK_RCVD)
        {
            SetState(State::OPENED);
            LayerUp();
        }
        else
        {
            SetState(State::ACK_SENT);
        }
        return;
    }
    if (verdict == PPP_CONFIGURE_NAK)
    {
        ++m_failures;
    }
    if (m_state == State::ACK_SENT)
    {
        SetState(State::REQ_SENT);
    }
}

void
PppFsm::ReceiveConfigureAck(const PppControlPacket& packet)
{
    if (packet.identifier != m_requestId || m_requestAnswered || packet.data != m_requestOptions)
    {
        NS_LOG_WARN("Configure-Ack that does not match the last request discarded");
        return;
    }
    if (AnswerInClosedOrStopped(packet))
    {
        return;
    }
    m_requestAnswered = true;
    std::vector<PppOption> options;
    packet.GetOptions(options); // they are our own, well formed
    switch (m_state)
    {
        case State::REQ_SENT:
            InitializeRestartCount(Counter::CONFIGURE);
            SetState(State::ACK_RCVD);
            if (m_handler.acked)
            {
                m_handler.acked(options);
            }
            break;
        case State::ACK_SENT:
            InitializeRestartCount(Counter::CONFIGURE);
            SetState(State::OPENED);
            if (m_handler.acked)
            {
                m_handler.acked(options);
            }
            LayerUp();
            break;
        case State::ACK_RCVD:
            SendConfigureRequest(); // crossed connection: start over
            SetState(State::REQ_SENT);
            break;
        case State::OPENED:
            SetState(State::REQ_SENT);
            LayerDown();
            SendConfigureRequest();
            break;
        default:
            break;
    }
}

void
PppFsm::ReceiveConfigureNakOrReject(const PppControlPacket& packet)
{
    std::vector<PppOption> options;
    if (packet.identifier != m_requestId || m_requestAnswered || !packet.GetOptions(options))
    {
        NS_LOG_WARN("Configure-Nak/Reject that does not match the last request discarded");
        return;
    }
    if (packet.code == PPP_CONFIGURE_REJECT)
    {
        PppControlPacket request;
        request.data = m_requestOptions;
        std::vector<PppOption> requested;
        request.GetOptions(requested);
        if (!IsSubsequence(options, requested))
        {
            NS_LOG_WARN("Configure-Reject naming options not requested discarded");
            return;
        }
    }
    if (AnswerInClosedOrStopped(packet))
    {
        return;
    }
    m_requestAnswered = true;
    if (packet.code == PPP_CONFIGURE_NAK)
    {
        m_handler.naked(options);
    }
    else
    {
        m_handler.rejected(options);
    }
    switch (m_state)
    {
        case State::REQ_SENT:
        case State::ACK_SENT:
            InitializeRestartCount(Counter::CONFIGURE);
            SendConfigureRequest();
            break;
        case State::ACK_RCVD:
            SendConfigureRequest();
            SetState(State::REQ_SENT);
            break;
        case State::OPENED:
            SetState(State::REQ_SENT);
            LayerDown();
            SendConfigureRequest();
            break;
        default:
            break;
    }
}

void
PppFsm::ReceiveTerminateRequest(const PppControlPacket& packet)
{
    switch (m_state)
    {
        case State::REQ_SENT:
        case State::ACK_RCVD:
        case State::ACK_SENT:
            SendTerminateAck(packet.identifier);
            SetState(State::REQ_SENT); // go on negotiating
            break;
        case State::OPENED:
            // Down now; finish once the peer had a restart time to see the Ack (zrc).
            m_finishReason = Finish::PEER_TERMINATED;
            SetState(State::STOPPING);
            LayerDown();
            if (m_handler.peerTerminating)
            {
                m_handler.peerTerminating();
            }
            SendTerminateAck(packet.identifier);
            ZeroRestartCount();
            break;
        default:
            SendTerminateAck(packet.identifier);
            break;
    }
}

void
PppFsm::ReceiveTerminateAck()
{
    switch (m_state)
    {
        case State::CLOSING:
            SetState(State::CLOSED);
            LayerFinished(m_finishReason);
            break;
        case State::STOPPING:
            SetState(State::STOPPED);
            LayerFinished(m_finishReason);
            break;
        case State::ACK_RCVD:
            SetState(State::REQ_SENT);
            break;
        case State::OPENED:
            SetState(State::REQ_SENT);
            LayerDown();
            SendConfigureRequest();
            break;
        default:
            break;
    }
}

void
PppFsm::ReceiveCodeReject(const PppControlPacket& packet)
{
    // Rejecting one of the codes the automaton needs leaves it unable to go on (RXJ-);
    // anything else (Echo, Reset...) the layer can do without (RXJ+).
    uint8_t rejected = packet.data.empty() ? 0 : packet.data[0];
    bool catastrophic = rejected >= PPP_CONFIGURE_REQUEST && rejected <= PPP_CODE_REJECT;
    NS_LOG_INFO("Code-Reject of code " << +rejected);
    ReceiveReject(catastrophic);
}

void
PppFsm::ProtocolRejected()
{
    if (m_state == State::INITIAL || m_state == State::STARTING)
    {
        return;
    }
    ReceiveReject(true);
}

void
PppFsm::ReceiveReject(bool catastrophic)
{
    if (!catastrophic)
    {
        if (m_state == State::ACK_RCVD)
        {
            SetState(State::REQ_SENT);
        }
        return;
    }
    switch (m_state)
    {
        case State::CLOSED:
        case State::CLOSING:
            SetState(State::CLOSED);
            LayerFinished(Finish::PEER_REJECTED);
            break;
        case State::STOPPED:
        case State::STOPPING:
        case State::REQ_SENT:
        case State::ACK_RCVD:
        case State::ACK_SENT:
            SetState(State::STOPPED);
            LayerFinished(Finish::PEER_REJECTED);
            break;
        case State::OPENED:
            m_finishReason = Finish::PEER_REJECTED;
            SetState(State::STOPPING);
            LayerDown();
            InitializeRestartCount(Counter::TERMINATE);
            SendTerminateRequest();
            break;
        default:
            break;
    }
}

} // namespace ns3
