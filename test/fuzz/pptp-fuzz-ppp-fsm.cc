/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Fuzz target: the RFC 1661 negotiation automaton fed arbitrary peer packets
// (and, now and then, administrative events), each at a time the input
// chooses. The options are judged as LCP judges MRU and Magic-Number, so
// negotiations can really converge. Properties: nothing crashes; once the
// peer falls silent, the automaton settles (no timer left running) in one of
// the states where it waits for nothing: Initial, Starting, Closed, Stopped
// or Opened; it never sends more than Max-Configure requests in a row
// without an answer; Code-Rejects fit the peer's MRU.
//
// Input: records of [selector][delay in 10 ms units][length][bytes...].

#include "ns3/ppp-fsm.h"
#include "ns3/simulator.h"
#include "pptp-fuzz-check.h"

#include <vector>

using namespace ns3;
using namespace ns3::pptpfuzz;

namespace
{

constexpr uint32_t MAX_CONFIGURE = 10;
constexpr uint16_t PEER_MRU = 600;

/// An automaton with an LCP-like handler (MRU and Magic-Number options).
class Subject
{
  public:
    Subject()
    {
        PppFsm::Handler h;
        h.buildRequest = [this]()
        {
            std::vector<PppOption> options;
            if (m_askMru)
            {
                options.push_back(PppOption::Make(1, m_mru, 2));
            }
            if (m_askMagic)
            {
                options.push_back(PppOption::Make(5, m_magic, 4));
            }
            return options;
        };
        h.checkRequest = [this](const std::vector<PppOption>& request,
                                bool rejectInsteadOfNak,
                                std::vector<PppOption>& reply)
        {
            std::vector<PppOption> nak;
            std::vector<PppOption> reject;
            for (const auto& o : request)
            {
                bool known
                    = (o.type == 1 && o.data.size() == 2) || (o.type == 5 && o.data.size() == 4);
                if (!known)
                {
                    reject.push_back(o);
                }
                else if (o.type == 1 && o.GetValue() < 128)
                {
                    (rejectInsteadOfNak ? reject : nak)
                        .push_back(rejectInsteadOfNak ? o : PppOption::Make(1, 1500, 2));
                }
                else if (o.type == 5 && o.GetValue() == m_magic)
                {
                    (rejectInsteadOfNak ? reject : nak)
                        .push_back(rejectInsteadOfNak ? o : PppOption::Make(5, m_magic + 1, 4));
                }
            }
            reply = !reject.empty() ? reject : nak;
            return static_cast<uint8_t>(!reject.empty() ? PPP_CONFIGURE_REJECT
                                        : !nak.empty()  ? PPP_CONFIGURE_NAK
                                                        : PPP_CONFIGURE_ACK);
        };
        h.acked = [](const std::vector<PppOption>&) {};
        h.naked = [this](const std::vector<PppOption>& options)
        {
            for (const auto& o : options)
            {
                if (o.type == 1 && o.data.size() == 2)
                {
                    m_mru = static_cast<uint16_t>(o.GetValue());
                }
                if (o.type == 5 && o.data.size() == 4)
                {
                    m_magic = o.GetValue();
                }
            }
        };
        h.rejected = [this](const std::vector<PppOption>& options)
        {
            for (const auto& o : options)
            {
                m_askMru = m_askMru && o.type != 1;
                m_askMagic = m_askMagic && o.type != 5;
            }
        };
        h.send = [this](const PppControlPacket& p)
        {
            Sent(p);
        };
        h.otherCode = [](const PppControlPacket& p)
        {
            return p.code >= 9 && p.code <= 11;
        };
        h.peerMru = []()
        {
            return PEER_MRU;
        };
        m_fsm = std::make_unique<PppFsm>(h, Seconds(3), MAX_CONFIGURE, 2, 5);
    }

    void Sent(const PppControlPacket& p)
    {
        if (p.code == PPP_CODE_REJECT)
        {
            PPTP_FUZZ_CHECK(p.Encode().size() <= PEER_MRU, "a Code-Reject fits the MRU");
        }
        if (p.code == PPP_CONFIGURE_REQUEST)
        {
            ++m_unansweredRequests;
            PPTP_FUZZ_CHECK(m_unansweredRequests <= MAX_CONFIGURE + 1,
                            "no more than Max-Configure requests without an answer");
        }
    }

    void Deliver(std::vector<uint8_t> bytes)
    {
        PppControlPacket packet;
        if (!PppControlPacket::Decode(bytes.data(), bytes.size(), packet).Ok())
        {
            return;
        }
        if (packet.code >= PPP_CONFIGURE_REQUEST && packet.code <= PPP_CONFIGURE_REJECT)
        {
            m_unansweredRequests = 0; // the peer is talking
        }
        m_fsm->Receive(packet);
    }

    void Administer(uint8_t which)
    {
        switch (which % 5)
        {
            case 0:
                m_fsm->Open();
                break;
            case 1:
                m_fsm->Close();
                break;
            case 2:
                m_fsm->Down();
                break;
            case 3:
                m_fsm->Up();
                break;
            default:
                m_fsm->ProtocolRejected();
                break;
        }
        m_unansweredRequests = 0;
    }

    PppFsm& Fsm()
    {
        return *m_fsm;
    }

  private:
    std::unique_ptr<PppFsm> m_fsm;
    bool m_askMru{true};
    bool m_askMagic{true};
    uint16_t m_mru{1400};
    uint32_t m_magic{0x01020304};
    uint32_t m_unansweredRequests{0};
};

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Subject subject;
    subject.Fsm().Open();
    subject.Fsm().Up();
    InputReader input(data, size);
    Time at = Seconds(0);
    while (!input.Done())
    {
        uint8_t selector = input.Byte();
        at += MilliSeconds(10) * input.Byte();
        const uint8_t* bytes = nullptr;
        size_t n = input.Take(input.Byte(), bytes);
        if ((selector & 0x0F) == 0x0F)
        {
            Simulator::Schedule(at, &Subject::Administer, &subject, selector >> 4);
        }
        else
        {
            Simulator::Schedule(
                at, &Subject::Deliver, &subject, std::vector<uint8_t>(bytes, bytes + n));
        }
    }
    Simulator::Run();
    PppFsm::State s = subject.Fsm().GetState();
    PPTP_FUZZ_CHECK(s == PppFsm::State::INITIAL || s == PppFsm::State::STARTING
                        || s == PppFsm::State::CLOSED || s == PppFsm::State::STOPPED
                        || s == PppFsm::State::OPENED,
                    "settled in a state that waits for nothing once the peer is silent");
    Simulator::Destroy();
    return 0;
}
