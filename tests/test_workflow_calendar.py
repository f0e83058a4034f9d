"""WorkingCalendar on the real 2026 CN calendar from the ``holidays`` library."""

import datetime as dt

import pytest

from mailflow.config import Calendar
from mailflow.workflow.calendar import Delay, WorkingCalendar

D = dt.date


@pytest.fixture(scope="module")
def cn():
    return WorkingCalendar(Calendar())


def test_golden_week_2026_is_off_and_the_makeup_saturday_is_on(cn):
    assert [cn.is_working_day(D(2026, 5, d)) for d in range(1, 6)] == [False] * 5
    assert cn.is_working_day(D(2026, 5, 9))  # Saturday, make-up working day (调休)
    assert not cn.is_working_day(D(2026, 5, 10))  # an ordinary Sunday
    assert not cn.is_working_day(D(2026, 5, 16))  # an ordinary Saturday
    assert cn.is_working_day(D(2026, 2, 14))  # Saturday before Spring Festival, worked


def test_add_working_days_skips_golden_week(cn):
    assert cn.add_working_days(D(2026, 4, 30), 1) == D(2026, 5, 6)
    assert cn.add_working_days(D(2026, 4, 30), 2) == D(2026, 5, 7)
    assert cn.add_working_days(D(2026, 5, 8), 1) == D(2026, 5, 9)  # lands on the make-up Saturday
    assert cn.add_working_days(D(2026, 5, 8), 2) == D(2026, 5, 11)
    assert cn.add_working_days(D(2026, 5, 6), -1) == D(2026, 4, 30)
    assert cn.add_working_days(D(2026, 5, 2), 0) == D(2026, 5, 2)


def test_configured_delays_count_working_or_calendar_days(cn):
    assert cn.add(D(2026, 4, 30), "2 working") == D(2026, 5, 7)
    assert cn.add(D(2026, 4, 30), "3 calendar") == D(2026, 5, 3)
    assert cn.subtract(D(2026, 5, 20), "10 calendar") == D(2026, 5, 10)
    assert cn.after_deadline(D(2026, 5, 8), "2 working") == D(2026, 5, 9)  # next working day
    assert cn.after_deadline(D(2026, 5, 8), "3 calendar") == D(2026, 5, 9)
    assert Delay.parse("2 working") == Delay(2, "working")
    with pytest.raises(ValueError):
        Delay.parse("two days")


def test_company_closures_and_extra_working_days():
    cal = WorkingCalendar(
        Calendar(closures=[D(2026, 8, 10)], extra_working_days=[D(2026, 8, 15)], extra_holidays=[D(2026, 8, 11)])
    )
    assert not cal.is_working_day(D(2026, 8, 10))
    assert not cal.is_working_day(D(2026, 8, 11))
    assert cal.is_working_day(D(2026, 8, 15))  # a Saturday the company works
    assert cal.add_working_days(D(2026, 8, 7), 1) == D(2026, 8, 12)
    assert cal.holiday_name(D(2026, 8, 10)) == "company closure"


def test_another_country():
    us = WorkingCalendar(Calendar(country="US", timezone="America/New_York"))
    assert not us.is_working_day(D(2026, 7, 3))  # Independence Day observed
    assert us.is_working_day(D(2026, 5, 4))  # not a holiday there
