/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// PptpDeadlineTimer: the function runs once, at the last deadline set,
// whether the deadline moved later or earlier; a cancelled timer does not
// run it; moving the deadline later on every message costs no event per
// move.

#include "ns3/pptp-deadline-timer.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <vector>

using namespace ns3;

namespace
{

class DeadlineTimerTestCase : public TestCase
{
  public:
    DeadlineTimerTestCase()
        : TestCase("deadlines moved later, earlier, cancelled; events per move")
    {
    }

  private:
    std::vector<Time> m_fired;
    PptpDeadlineTimer m_timer;

    void Fired()
    {
        m_fired.push_back(Simulator::Now());
    }

    void Move(Time deadline)
    {
        m_timer.SetDeadline(deadline);
    }

    void DoRun() override
    {
        m_timer.SetFunction(MakeCallback(&DeadlineTimerTestCase::Fired, this));

        // Later and later: set at 0 for 10 s, moved every second until 5 s (last: 15 s).
        Simulator::ScheduleNow(&DeadlineTimerTestCase::Move, this, Seconds(10));
        for (int i = 1; i <= 5; ++i)
        {
            Simulator::Schedule(Seconds(i), &DeadlineTimerTestCase::Move, this, Seconds(10 + i));
        }
        uint64_t before = Simulator::GetEventCount();
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(m_fired.size(), 1u, "ran once");
        NS_TEST_ASSERT_MSG_EQ(m_fired.at(0), Seconds(15), "at the last deadline");
        // The 6 moves, the expiry at 10 s that looks again, the run at 15 s: 8 events, not a
        // cancelled one per move on top.
        NS_TEST_ASSERT_MSG_EQ(Simulator::GetEventCount() - before, 8u, "events");
        NS_TEST_ASSERT_MSG_EQ(m_timer.IsRunning(), false, "stopped after running");

        // Earlier: set for 20 s from now, then brought forward to 12 s from now.
        m_fired.clear();
        Time start = Simulator::Now();
        Simulator::ScheduleNow(&DeadlineTimerTestCase::Move, this, start + Seconds(20));
        Simulator::Schedule(Seconds(1), &DeadlineTimerTestCase::Move, this, start + Seconds(12));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(m_fired.size(), 1u, "ran once");
        NS_TEST_ASSERT_MSG_EQ(m_fired.at(0), start + Seconds(12), "at the earlier deadline");

        // In the past: now.
        m_fired.clear();
        start = Simulator::Now();
        Simulator::ScheduleNow(&DeadlineTimerTestCase::Move, this, Seconds(0));
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(m_fired.size(), 1u, "ran once");
        NS_TEST_ASSERT_MSG_EQ(m_fired.at(0), start, "at once");

        // Cancelled: never.
        m_fired.clear();
        start = Simulator::Now();
        Simulator::ScheduleNow(&DeadlineTimerTestCase::Move, this, start + Seconds(5));
        Simulator::Schedule(Seconds(1), &PptpDeadlineTimer::Cancel, &m_timer);
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(m_fired.size(), 0u, "cancelled");
        Simulator::Destroy();
    }
};

class PptpDeadlineTimerTestSuite : public TestSuite
{
  public:
    PptpDeadlineTimerTestSuite()
        : TestSuite("pptp-deadline-timer", UNIT)
    {
        AddTestCase(new DeadlineTimerTestCase, TestCase::QUICK);
    }
};

PptpDeadlineTimerTestSuite g_pptpDeadlineTimerTestSuite;

} // namespace
