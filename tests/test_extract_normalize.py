"""Numbers, currencies and dates as customers write them."""

import datetime as dt
from decimal import Decimal

import pytest

from mailflow.extract.normalize import (
    Parsed,
    date_order_of,
    decimal_comma_of,
    find_currency,
    find_date,
    guess_date_order,
    guess_decimal_comma,
    parse_number,
    signed_amount,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1,234.56", "1234.56"),
        ("1.234,56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("1\u00a0234,56", "1234.56"),
        ("1'234.50", "1234.50"),
        ("12,000", "12000"),
        ("0,99", "0.99"),
        ("USD 3.20", "3.20"),
        ("US$ 1,509", "1509"),
        ("¥152,300.00", "152300.00"),
        ("8.60元", "8.60"),
        ("1,200 pcs", "1200"),
        ("１２０", "120"),
        ("1,234,567.89", "1234567.89"),
    ],
)
def test_numbers_in_every_notation(text, expected):
    assert parse_number(text) == Decimal(expected)


def test_one_separator_with_three_digits_follows_the_locale():
    assert parse_number("1.200") == Decimal("1.200")
    assert parse_number("1.200", decimal_comma=True) == Decimal("1200")
    assert parse_number("1,200", decimal_comma=True) == Decimal("1.200")


@pytest.mark.parametrize("text", ["N/A", "12 x 4", "2-3 weeks", "", "1,23,4.5.6"])
def test_not_numbers_are_none(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("123.45-", "-123.45"),
        ("1.234,56-", "-1234.56"),
        ("1,234.56 -", "-1234.56"),
        ("123.45- EUR", "-123.45"),
        ("50\u2212", "-50"),
        ("-12", "-12"),
        ("(12.00)", "-12.00"),
    ],
)
def test_a_minus_after_the_number_makes_it_negative(text, expected):
    """SAP prints a credit as "123.45-": read as 123.45 it would turn a credit into a charge."""
    assert parse_number(text) == Decimal(expected)
    assert signed_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["-12-", "12-pcs", "12 pcs - 3", "1,200 pcs - rush"])
def test_a_minus_that_may_be_a_sign_is_never_dropped(text):
    assert parse_number(text) is None


def test_spreadsheet_floats_keep_their_shortest_form():
    assert parse_number(12.8) == Decimal("12.8")
    assert parse_number(6400.0) == Decimal("6400")


@pytest.mark.parametrize(
    "text, code",
    [
        ("USD 3.20", "USD"),
        ("US$ 3", "USD"),
        ("$3", "USD"),
        ("€ 12,80", "EUR"),
        ("EUR", "EUR"),
        ("£4", "GBP"),
        ("RMB 8.60", "CNY"),
        ("人民币", "CNY"),
        ("8.60元", "CNY"),
        ("JPY", "JPY"),
        ("HK$ 5", "HKD"),
        # a name with its country decides; a sign with its country's letters too
        ("All prices in Canadian dollars", "CAD"),
        ("All amounts in Canadian funds", "CAD"),
        ("CDN$ 12.00", "CAD"),
        ("dollars canadiens", "CAD"),
        ("Australian Dollars", "AUD"),
        ("Hong Kong dollars", "HKD"),
        ("Singapore Dollars", "SGD"),
        ("New Taiwan Dollars", "TWD"),
        ("New Zealand dollars", "NZD"),
        ("U.S. Dollars", "USD"),
        ("Swiss francs", "CHF"),
        ("Schweizer Franken", "CHF"),
        ("Czech koruna", "CZK"),
        ("Danish kroner", "DKK"),
        ("Swedish kronor", "SEK"),
        ("Norwegian krone", "NOK"),
        ("Mexican pesos", "MXN"),
        ("Pounds Sterling", "GBP"),
        ("C$ 1,200.00", "CAD"),
        ("CA$ 12", "CAD"),  # not "A$"
        ("A$ 3.20", "AUD"),
        ("NT$ 500", "TWD"),
        ("S$ 20", "SGD"),
        ("MX$ 100", "MXN"),
        ("加元 1200", "CAD"),  # not the "元" of renminbi
        ("新台幣 300", "TWD"),
        ("新加坡元", "SGD"),
        ("1.234,56 zł", "PLN"),
    ],
)
def test_currencies(text, code):
    assert find_currency(text).value == code
    assert find_currency(text).ambiguous == ""


@pytest.mark.parametrize("text", ["dollars", "Total in kroner", "pesos", "francs"])
def test_a_currency_name_without_its_country_is_said(text):
    found = find_currency(text)
    assert found.value and "names no country" in found.ambiguous


def test_currency_signs_are_not_numbers():
    assert parse_number("C$ 1,200.00") == Decimal("1200.00")
    assert parse_number("CA$ 12") == Decimal("12")


def test_yen_sign_needs_context():
    alone = find_currency("¥1,509")
    assert alone.ambiguous and "JPY" in alone.ambiguous
    assert find_currency("¥1,509", hint="JPY").value == "JPY"
    assert find_currency("￥8.60", hint="zh") == find_currency("￥8.60", hint="CNY")
    assert find_currency("￥8.60", hint="zh").value == "CNY"


TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-12-15", dt.date(2026, 12, 15)),
        ("15.12.2026", dt.date(2026, 12, 15)),
        ("12/15/2026", dt.date(2026, 12, 15)),
        ("15/12/2026", dt.date(2026, 12, 15)),
        ("Dec 15, 2026", dt.date(2026, 12, 15)),
        ("15 December 2026", dt.date(2026, 12, 15)),
        ("2026年12月15日", dt.date(2026, 12, 15)),
        ("2027年1月10日", dt.date(2027, 1, 10)),
        ("delivery by Dec 15", dt.date(2026, 12, 15)),
        ("Jan 10", dt.date(2027, 1, 10)),  # no year: the one nearest to today
        ("12月15日", dt.date(2026, 12, 15)),
    ],
)
def test_dates(text, expected):
    parsed = find_date(text, today=TODAY)
    assert parsed.value == expected
    assert parsed.ambiguous == ""


def test_day_and_month_that_could_swap_are_ambiguous_unless_the_locale_says():
    parsed = find_date("03/04/2026", today=TODAY)
    assert parsed.ambiguous
    assert find_date("03/04/2026", order="MDY").value == dt.date(2026, 3, 4)
    assert find_date("03/04/2026", order="DMY").value == dt.date(2026, 4, 3)


def test_a_date_without_a_year_and_no_today_is_not_guessed():
    parsed = find_date("Dec 15")
    assert parsed.value is None and parsed.ambiguous


def test_locales():
    assert date_order_of("en_US") == "MDY"
    assert date_order_of("de_DE") == "DMY"
    assert date_order_of("zh_CN") == "YMD"
    assert decimal_comma_of("de_DE") is True
    assert decimal_comma_of("en_GB") is False


def test_the_decimal_mark_of_a_document():
    assert guess_decimal_comma("Menge 1.000  Preis 9,34  Betrag 9.340,00  Datum 15.11.2026") is True
    assert guess_decimal_comma("Qty 1,000  Price 9.34  Amount 9,340.00") is False
    assert guess_decimal_comma("Qty 100") is None


def test_the_date_order_of_a_document():
    assert guess_date_order("Date: 03/04/2026  Delivery: 25/12/2026") == "DMY"
    assert guess_date_order("Date: 03/04/2026  Delivery: 12/25/2026") == "MDY"
    assert guess_date_order("Date: 03/04/2026") is None
    assert guess_date_order("13/01/2026 and 01/13/2026") is None  # contradicts itself


def test_multipliers_are_part_of_the_number():
    assert parse_number("1.2万") == Decimal("12000")
    assert parse_number("3万个") == Decimal("30000")
    assert parse_number("1.5k pcs") == Decimal("1500")
    assert parse_number("5kg") == Decimal("5")


def test_dates_of_the_republic_of_china_era():
    from mailflow.extract.normalize import find_date

    assert find_date("民國115年11月20日").value == dt.date(2026, 11, 20)
    assert find_date("中華民國 115 年 1 月 8 日").value == dt.date(2026, 1, 8)
    assert find_date("交貨日期：115/11/20").value == dt.date(2026, 11, 20)
    assert find_date("115.01.08").value == dt.date(2026, 1, 8)
    assert find_date("v115.1.2").value is None  # a version, not a date
    assert find_date("PN 115-11-20").value is None  # a part number


@pytest.mark.parametrize(
    "text, expected",
    [
        ("13 ธันวาคม 2569", dt.date(2026, 12, 13)),
        ("13 ธ.ค. 2569", dt.date(2026, 12, 13)),  # the month abbreviated, as CLDR writes it
        ("วันที่ 13 ธันวาคม พ.ศ. 2569", dt.date(2026, 12, 13)),
        ("วันที่สั่งซื้อ: 13/12/2569", dt.date(2026, 12, 13)),
        ("กำหนดส่ง 05.01.2570", dt.date(2027, 1, 5)),
        ("29 ก.พ. 2567", dt.date(2024, 2, 29)),  # 2567 BE is 2024, a leap year
        ("Delivery 13/12/2569 B.E.", dt.date(2026, 12, 13)),
        ("๑๓/๑๒/๒๕๖๙", dt.date(2026, 12, 13)),  # Thai digits
        ("วันที่ 13/12/2026", dt.date(2026, 12, 13)),  # a Thai order dated in the Gregorian calendar
    ],
)
def test_thai_dates_in_the_buddhist_era_are_read_as_gregorian(text, expected):
    parsed = find_date(text)
    assert (parsed.value, parsed.ambiguous) == (expected, "")


def test_a_year_past_2400_without_thai_context_is_left_as_written():
    assert find_date("13/12/2569").value == dt.date(2569, 12, 13)
    assert find_date("Qty 2569 pcs, due 13/12/2026").value == dt.date(2026, 12, 13)


def test_thai_dates_are_found_where_they_are_written():
    from mailflow.extract.normalize import date_spans, fold

    text = fold("กำหนดส่ง 13 ธันวาคม พ.ศ. 2569 ค่ะ")  # spans count in folded text (NFKC splits "ำ")
    (start, end), *_ = date_spans(text)
    assert text[start:end] == "13 ธันวาคม พ.ศ. 2569"


@pytest.mark.parametrize(
    "jalali, gregorian",
    [
        ((1403, 1, 1), dt.date(2024, 3, 20)),
        ((1404, 1, 1), dt.date(2025, 3, 21)),
        ((1405, 1, 1), dt.date(2026, 3, 21)),
        ((1405, 10, 1), dt.date(2026, 12, 22)),
        ((1403, 12, 30), dt.date(2025, 3, 20)),  # 1403 is a leap year: Esfand has 30 days
        ((1357, 11, 22), dt.date(1979, 2, 11)),
    ],
)
def test_solar_hijri_dates_convert_exactly(jalali, gregorian):
    from mailflow.extract.normalize import jalali_to_gregorian

    assert jalali_to_gregorian(*jalali) == gregorian


def test_solar_hijri_years_follow_each_other_without_gap():
    from mailflow.extract.normalize import jalali_to_gregorian

    for year in range(1300, 1501):
        last = jalali_to_gregorian(year, 12, 30) or jalali_to_gregorian(year, 12, 29)
        assert last is not None and jalali_to_gregorian(year + 1, 1, 1) == last + dt.timedelta(days=1), year
        assert jalali_to_gregorian(year, 7, 1) == jalali_to_gregorian(year, 6, 31) + dt.timedelta(days=1)
    assert jalali_to_gregorian(1404, 12, 30) is None  # 1404 is a common year
    assert jalali_to_gregorian(1405, 7, 31) is None
    assert jalali_to_gregorian(1405, 13, 1) is None


@pytest.mark.parametrize(
    "text",
    [
        "تاریخ سفارش: ۱۴۰۵/۰۹/۱۲",
        "تاریخ سفارش: 1405/09/12",
        "1405-09-12",
        "۱۴۰۵/۰۹/۱۲",
        "۱۲ آذر ۱۴۰۵",
        "12 آذر ماه 1405",
        "12 قوس 1405",  # the month's Dari name, in Afghanistan
    ],
)
def test_persian_dates_are_read_in_the_solar_hijri_calendar_and_said(text):
    parsed = find_date(text)
    assert parsed.value == dt.date(2026, 12, 3)
    assert "Solar Hijri" in parsed.ambiguous and "2026-12-03" in parsed.ambiguous


def test_a_persian_date_beside_its_gregorian_day_needs_nobody():
    assert find_date("تاریخ: ۱۴۰۵/۰۹/۱۲ (2026-12-03)") == Parsed(dt.date(2026, 12, 3))
    disagreeing = find_date("تاریخ: ۱۴۰۵/۰۹/۱۲ (2026-12-04)")
    assert disagreeing.value == dt.date(2026, 12, 3) and "Solar Hijri" in disagreeing.ambiguous


def test_a_persian_month_name_with_an_arabic_yeh_is_read():
    assert find_date("1 دي 1405").value == dt.date(2026, 12, 22)


def test_solar_hijri_needs_a_near_and_real_day():
    today = dt.date(2026, 12, 4)
    # the value alone, as a field's label leaves it: no order is dated in the year 1405
    assert find_date("1405/09/12", today).value == dt.date(2026, 12, 3)
    # a Lunar Hijri year of an Arabic order (1448 is 2026) is no Solar Hijri year 43 years ahead
    assert find_date("التاريخ: 1448/06/12", today).value == dt.date(1448, 6, 12)
    assert find_date("تاریخ: 1404/12/30", today).value is None  # no 30 Esfand in 1404
    assert find_date("تاریخ: 2026/12/03", today) == Parsed(dt.date(2026, 12, 3))
