"""Working days at the company: weekends, public holidays, make-up working days, closures.

``WorkingCalendar(config.calendar)`` answers two questions, on local dates only (the caller turns
an instant into the local date in ``config.calendar.timezone`` first):

* ``is_working_day(day)``: not a weekend or public holiday of ``country`` (from the ``holidays``
  library, which knows China's make-up working days — 调休, e.g. Saturday 9 May 2026 after Golden
  Week), not a company closure; ``extra_working_days`` win over everything.
* ``add_working_days(day, n)``: the n-th working day after ``day`` (before it when n < 0).

``add(day, delay)`` applies a configured delay ("2 working", "3 calendar"; see
``config.Deadlines``). Pure apart from the holiday tables the library computes once per year.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import holidays

from ..config import Calendar

_DELAY = re.compile(r"\s*(\d+)\s+(working|calendar)\s*")


@dataclass(frozen=True)
class Delay:
    """A configured delay: ``days`` counted as ``working`` days or ``calendar`` days."""

    days: int
    unit: str  # "working" | "calendar"

    @classmethod
    def parse(cls, text: str) -> "Delay":
        match = _DELAY.fullmatch(text or "")
        if not match:
            raise ValueError(f"not a delay: {text!r} (write '<days> working' or '<days> calendar')")
        return cls(int(match.group(1)), match.group(2))

    def __str__(self) -> str:
        return f"{self.days} {self.unit}"


class WorkingCalendar:
    @classmethod
    def of(cls, config: Calendar | None = None) -> "WorkingCalendar":
        """The calendar of ``config``, made once per configuration: building the holiday tables
        costs milliseconds, and every document and notice asks for a date."""
        return _calendar((config or Calendar()).model_dump_json())

    def __init__(self, config: Calendar | None = None) -> None:
        self.config = config or Calendar()
        # One table for the country; the library fills in each year (and its make-up working
        # days) the first time a date of that year is looked up.
        self._public = holidays.country_holidays(self.config.country)
        self._closures = set(self.config.closures) | set(self.config.extra_holidays)
        self._extra_working = set(self.config.extra_working_days)

    def is_working_day(self, day: dt.date) -> bool:
        if day in self._extra_working:
            return True
        if day in self._closures:
            return False
        day in self._public  # noqa: B015 — populates the year, weekend_workdays included
        return self._public.is_working_day(day)

    def holiday_name(self, day: dt.date) -> str | None:
        """Why ``day`` is off (for messages and the timeline), or None on a working day."""
        if self.is_working_day(day):
            return None
        if day in self._closures:
            return "company closure"
        return self._public.get(day) or "weekend"

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day after ``day`` (n > 0), before it (n < 0); ``day`` itself for 0."""
        step = 1 if n >= 0 else -1
        remaining = abs(n)
        while remaining:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def add(self, day: dt.date, delay: str | Delay) -> dt.date:
        delay = Delay.parse(delay) if isinstance(delay, str) else delay
        if delay.unit == "working":
            return self.add_working_days(day, delay.days)
        return day + dt.timedelta(days=delay.days)

    def subtract(self, day: dt.date, delay: str | Delay) -> dt.date:
        delay = Delay.parse(delay) if isinstance(delay, str) else delay
        if delay.unit == "working":
            return self.add_working_days(day, -delay.days)
        return day - dt.timedelta(days=delay.days)

    def after_deadline(self, deadline: dt.date, delay: str | Delay) -> dt.date:
        """The first day a deadline counts as missed: the next working day after it when the
        delay counts working days (nobody escalates on a Sunday), else the next calendar day."""
        delay = Delay.parse(delay) if isinstance(delay, str) else delay
        if delay.unit == "working":
            return self.add_working_days(deadline, 1)
        return deadline + dt.timedelta(days=1)


@functools.lru_cache(maxsize=8)
def _calendar(config_json: str) -> WorkingCalendar:
    """Keyed by the configuration's values, so a changed configuration gets its own calendar."""
    return WorkingCalendar(Calendar.model_validate_json(config_json))
