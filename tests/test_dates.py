from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.dates import PartialDate, parse_partial_date, windows_overlap


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("2024", "2024", "year"),
        ("2024-11", "2024-11", "month"),
        ("2024-11-23", "2024-11-23", "day"),
        ("2024-11-23T10:00:00Z", "2024-11-23", "day"),
        ("23 November 2024", "2024-11-23", "day"),
        ("Nov 23, 2024", "2024-11-23", "day"),
        ("November 2024", "2024-11", "month"),
        ("Sept 2024", "2024-09", "month"),
    ],
)
def test_parse_keeps_precision(text: str, iso: str, precision: str) -> None:
    d = parse_partial_date(text)
    assert d.iso() == iso
    assert d.precision == precision


def test_a_year_is_not_january_first() -> None:
    year = parse_partial_date("2024")
    assert year.iso() == "2024"
    assert (year.first_day(), year.last_day()) == (date(2024, 1, 1), date(2024, 12, 31))
    assert parse_partial_date("2024-02").last_day() == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024-02-30", "impossible"),
        ("2023-02-29", "impossible"),
        ("2024-13", "impossible"),
        ("03/04/2024", "ambiguous"),
        ("3.4.2024", "ambiguous"),
        ("yesterday", "not a date"),
        ("Smarch 2024", "unknown month"),
        ("መጋቢት 15 2016", "unknown month"),
        # Tigray dates by the Ethiopian calendar, Eritrea by the Gregorian, in one name.
        ("15 ሕዳር 2017", "unknown month"),
        # Oromo writes the Ethiopian months with its Gregorian names ("Onkoloolessa 5, 2017"
        # is 15 October 2024): without the document's date the calendar cannot be told.
        ("16 Sadaasa 2024", "unknown month"),
        ("Onkoloolessa 5, 2017", "unknown month"),
        # Lingala "sanza ya mibale" is February and also the second month of anything.
        ("sanza ya mibale 2024", "not a date"),
    ],
)
def test_rejects_impossible_and_ambiguous(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_partial_date(text)


def test_windows_match_days_inside_a_month() -> None:
    month = parse_partial_date("2024-11")
    assert windows_overlap(month, parse_partial_date("2024-11-23"), 0)
    assert windows_overlap(parse_partial_date("2024-11-03"), parse_partial_date("2024-11-10"), 7)
    assert not windows_overlap(
        parse_partial_date("2024-11-03"), parse_partial_date("2024-12-02"), 7
    )


@given(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.sampled_from(["y", "m", "d"]),
)
def test_iso_round_trip(d: date, precision: str) -> None:
    pd = PartialDate(
        d.year, d.month if precision != "y" else None, d.day if precision == "d" else None
    )
    assert parse_partial_date(pd.iso()) == pd


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("23 novembre 2024", "2024-11-23"),
        ("23. November 2024", "2024-11-23"),
        ("23 ноября 2024", "2024-11-23"),
        ("23 листопада 2024", "2024-11-23"),
        ("23 de noviembre de 2024", "2024-11-23"),
        ("7 de março de 2023", "2023-03-07"),
        ("3 marzo 2023", "2023-03-03"),
        ("12 października 2024", "2024-10-12"),
        ("12. října 2024", "2024-10-12"),
        ("květen 2024", "2024-05"),
        ("9 жніўня 2020", "2020-08-09"),
        ("24 februarie 2022", "2022-02-24"),
        ("október 2023", "2023-10"),
        ("24 Φεβρουαρίου 2022", "2022-02-24"),
        ("7 ΟΚΤΩΒΡΙΟΥ 2023", "2023-10-07"),
        ("24. februara 2022", "2022-02-24"),
        ("24. фебруара 2022", "2022-02-24"),
        ("15 Nisan 2023", "2023-04-15"),
        ("٢٣ نوفمبر ٢٠٢٤", "2024-11-23"),
        ("23 كانون الثاني 2024", "2024-01-23"),
        ("mai 2024", "2024-05"),
        ("Dezember 2023", "2023-12"),
        ("févr. 2025", "2025-02"),
        ("15 Maret 2024", "2024-03-15"),
        ("Agustus 2024", "2024-08"),
        ("۱۵ مارچ ۲۰۲۴", "2024-03-15"),
        ("مئی 2024", "2024-05"),
        ("۱۵ مۍ ۲۰۲۴", "2024-05-15"),
        ("ډسمبر 2023", "2023-12"),
        ("15 Maarso 2024", "2024-03-15"),
        ("Luulyo 2024", "2024-07"),
        ("15 mart 2024", "2024-03-15"),
        ("15 İyun 2024", "2024-06-15"),
        ("ማርች 15, 2024", "2024-03-15"),
        ("ሜይ 2024", "2024-05"),
        ("15 Gulan 2024", "2024-05-15"),
        ("Mijdar 2024", "2024-11"),
        ("7 Cotmeh 2023", "2023-10-07"),
        ("١٦ تشرینی دووەمی ٢٠٢٤", "2024-11-16"),
        ("ئازاری 2022", "2022-03"),
        ("24 شوبات 2022", "2022-02-24"),
        ("15 ga Maris 2024", "2024-03-15"),
        ("16 ga Nuwamba, 2024", "2024-11-16"),
        ("Fabrairu 2022", "2022-02"),
        ("24 თებერვალი 2022", "2022-02-24"),
        ("ნოემბერი 2024", "2024-11"),
        ("23 novanm 2024", "2024-11-23"),
        ("15 dawout 2024", "2024-08-15"),
        ("jiyè 2021", "2021-07"),
        ("16 ноември 2024", "2024-11-16"),
        ("24 февруари 2022", "2022-02-24"),
        ("октомври 2023", "2023-10"),
        ("16 november 2024", "2024-11-16"),
        ("24 februari 2022", "2022-02-24"),
        ("15 sept. 2024", "2024-09-15"),
        ("augusti 2021", "2021-08"),
        # Finnish writes the day with a full stop and the month in the partitive.
        ("16. marraskuuta 2024", "2024-11-16"),
        ("24. helmikuuta 2022", "2022-02-24"),
        ("1. heinäkuuta 2023", "2023-07-01"),
        ("helmikuussa 2022", "2022-02"),
        ("lokakuu 2023", "2023-10"),
        ("၁၆ နိုဝင်ဘာလ ၂၀၂၄", "2024-11-16"),
        ("မတ်လ ၂၀၂၅", "2025-03"),
        ("၁၆.၁၁.၂၀၂၄", "2024-11-16"),
        ("16 พฤศจิกายน 2024", "2024-11-16"),
        ("16 พ.ย. 2024", "2024-11-16"),
        ("16 novembre 2024", "2024-11-16"),
        ("16 நவம்பர் 2024", "2024-11-16"),
        ("16 ஒக்டோபர் 2023", "2023-10-16"),
        ("பெப்ரவரி 2022", "2022-02"),
        ("௧௬ நவம்பர் ௨௦௨௪", "2024-11-16"),
        ("tháng giêng 2024", "2024-01"),
        ("16 tháng chạp 2024", "2024-12-16"),
        ("16/11/2024", "2024-11-16"),
        ("16 Ugushyingo 2024", "2024-11-16"),
        ("7 Mata 1994", "1994-04-07"),
        ("15 Nzeri 2024", "2024-09-15"),
        ("Gashyantare 2022", "2022-02"),
        ("Gushyingo 2023", "2023-11"),
    ],
)
def test_month_names_of_every_lexicon_language(text: str, iso: str) -> None:
    assert parse_partial_date(text).iso() == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024年11月16日", "2024-11-16"),
        ("2024年11月", "2024-11"),
        ("2024年", "2024"),
        ("2024 年 11 月 16 日", "2024-11-16"),
        ("２０２４年１１月１６日", "2024-11-16"),
        ("2024年11月16号", "2024-11-16"),
        ("2024년 11월 16일", "2024-11-16"),
        ("2024년 11월", "2024-11"),
        ("2024. november 16.", "2024-11-16"),
        ("2024. november 16-án", "2024-11-16"),
        ("2024. március 5-én", "2024-03-05"),
        ("2024. szeptember 1-jén", "2024-09-01"),
        ("2024. november", "2024-11"),
        ("2024 novemberében", "2024-11"),
        ("2022. febr. 24.", "2022-02-24"),
        ("2024. 11. 16.", "2024-11-16"),
        ("2024 նոյեմբերի 16-ին", "2024-11-16"),
        ("2024 նոյեմբերի", "2024-11"),
        ("၂၀၂၄ နိုဝင်ဘာလ ၁၆", "2024-11-16"),
    ],
)
def test_year_first_dates(text: str, iso: str) -> None:
    """Chinese, Japanese and Korean mark the year, month and day; Hungarian writes the year
    before the month's name. A year, then a month, then a day reads only one way."""
    assert parse_partial_date(text).iso() == iso


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024年13月40日", "impossible date '2024年13月40日': month 13"),
        ("2024年2月30日", "February has 29 days"),
        ("2024년 11월 31일", "November has 30 days"),
        ("2024. február 30.", "February has 29 days"),
        ("2024. november 16-ig", "unknown ending 'ig'"),
        ("2024 նոյեմբերի 16-ով", "unknown ending 'ով'"),
        ("11月16日", "not a date"),
        ("令和6年11月16日", "not a date"),
        ("2024년 11月", "not a date"),
    ],
)
def test_year_first_dates_that_are_refused(text: str, reason: str) -> None:
    """ "16-ig" is "until the 16th", a month without a year is no date, an era year is not
    read, and a month marker of another language is no marker."""
    with pytest.raises(ValueError, match=reason):
        parse_partial_date(text)


def test_month_names_keep_precision() -> None:
    assert parse_partial_date("novembre 2024").precision == "month"
    assert parse_partial_date("23 novembre 2024").precision == "day"


@pytest.mark.parametrize("month", range(1, 13))
def test_every_lexicon_month_name_reads_as_its_month(month: int) -> None:
    from provenance import lexicon
    from provenance.dates import month_names

    names = month_names()
    for code in lexicon.languages():
        months = lexicon.section(code, "dates").get("months", [])
        for form in months[month - 1] if months else []:
            text = f"{form} 2024"
            if names.get(form.lower()) is None or " " in form:
                continue
            assert parse_partial_date(text).month == month, (code, form)


@pytest.mark.parametrize("text", ["1403/08/26", "26.08.1403", "1446/05/14", "၁၃၈၆/၀၈/၁၆"])
def test_a_numeric_date_in_a_year_of_another_calendar_is_refused(text: str) -> None:
    """Iranian and Afghan press write Solar Hijri dates (1403/08/26 is 16 November 2024),
    Burmese press the years of the Myanmar calendar (1386 is 2024-25), in its own digits."""
    with pytest.raises(ValueError, match="Solar Hijri, Islamic or Myanmar calendar"):
        parse_partial_date(text)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("16 พฤศจิกายน 2567", "2024-11-16"),
        ("16 พ.ย. 2567", "2024-11-16"),
        ("๑๖ พ.ย. ๒๕๖๗", "2024-11-16"),
        ("กรกฎาคม 2568", "2025-07"),
        ("29 ก.พ. 2567", "2024-02-29"),
        ("16 พฤศจิกายน พ.ศ. 2567", "2024-11-16"),
        ("พ.ศ. 2567", "2024"),
        ("16 พฤศจิกายน ค.ศ. 2024", "2024-11-16"),
        ("ค.ศ. 2024", "2024"),
    ],
)
def test_a_year_of_the_buddhist_era_is_read_as_its_common_era_year(text: str, iso: str) -> None:
    """The Thai press writes years of the Buddhist Era (2567 is 2024): with a Thai month name
    or after "พ.ศ." the year is moved to the common era before its day is checked (29
    February 2024 exists); after "ค.ศ." it is of the common era as written."""
    assert parse_partial_date(text).iso() == iso


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("16/11/2567", "may be of another era"),
        ("16.11.2567", "may be of another era"),
        ("16 November 2567", "may be of another era"),
        ("16 พ.ย. 2200", "of no era read"),
    ],
)
def test_a_year_of_the_buddhist_era_without_its_era_is_refused(text: str, reason: str) -> None:
    """2567 is never read as a common-era year: without a Thai month name or an era word
    nothing says its era, and a year of neither era is no year."""
    with pytest.raises(ValueError, match=reason):
        parse_partial_date(text)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("១៦ វិច្ឆិកា ២០២៤", "2024-11-16"),
        ("16 ខែវិច្ឆិកា 2024", "2024-11-16"),
        ("២៤ កក្កដា ២០២៥", "2025-07-24"),
        ("ខែកុម្ភៈ ២០២៤", "2024-02"),
        ("១៦ ខែកញ្ញា ២០២៤", "2024-09-16"),
        ("១៦/១១/២០២៤", "2024-11-16"),
        ("គ.ស. ២០២៤", "2024"),
    ],
)
def test_khmer_dates_in_khmer_digits(text: str, iso: str) -> None:
    """Khmer month names (bare, or after "ខែ", month) with Khmer digits; "ខែកញ្ញា" only with
    "ខែ", since "កញ្ញា" alone is "Miss"."""
    assert parse_partial_date(text).iso() == iso


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("១៦ វិច្ឆិកា ២៥៦៨", "may be of another era"),
        ("១៦/១១/២៥៦៨", "may be of another era"),
        ("ព.ស. ២៥៦៨", "unknown month"),
        ("១៦ កញ្ញា ២០២៤", "unknown month"),
    ],
)
def test_a_khmer_year_of_the_buddhist_era_is_refused(text: str, reason: str) -> None:
    """The Cambodian Buddhist Era's year begins in April or May (2568 is 2024 or 2025 by the
    day): no offset reads it, and it is never the year 2568."""
    with pytest.raises(ValueError, match=reason):
        parse_partial_date(text)


def test_a_year_of_an_era_written_with_two_digits_is_of_the_era_s_century() -> None:
    """The Thai press shortens the year after a month name ("16 พ.ย. 67"): 2567, 2024;
    a language without an era has no such years."""
    from provenance.dates import short_era_year

    assert short_era_year(67, "th") == 2024
    assert short_era_year(67, "en") is None
