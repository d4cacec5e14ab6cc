"""times.rules: against the gold of the sample reports, and on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.times import extract_times, find_times
from dateline.model import Analysis, Article, Dateline, TimeExpr
from dateline.nlp import load_nlp
from tests.conftest import CORPUS, EVAL_DATA, GOLD, SAMPLES


def _article(text: str, published: str | None = "2021-06-16", dateline: str | None = None) -> Article:
    line = Dateline(place="Somewhere", date=dateline) if dateline else None
    return Article(id="t", text=text, source_path="t.txt", content_hash="h", published=published, dateline=line)


def _times(text: str, published: str | None = "2021-06-16", dateline: str | None = None) -> list[TimeExpr]:
    article = _article(text, published, dateline)
    return list(extract_times(article, load_nlp()(text), prior=Analysis(article)))


def _values(text: str, published: str | None = "2021-06-16") -> dict[str, str]:
    return {t.text: t.value for t in _times(text, published)}


def _gold(sample: Path) -> dict[str, Any]:
    return dict(yaml.safe_load((GOLD / f"{sample.stem}.gold.yaml").read_text(encoding="utf-8")))


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_sample_times_match_gold(sample: Path) -> None:
    gold = _gold(sample)
    text = sample.read_text(encoding="utf-8")
    found = _times(text, str(gold["meta"]["published"]))
    matched = right = 0
    for item in gold["times"]:
        hits = [t for t in found if str(item["text"]) in t.text or t.text in str(item["text"])]
        if not hits:
            assert item.get("optional"), f"missed {item['text']!r}"
            continue
        matched += 1
        right += any(t.value == str(item["value"]) for t in hits)
        if "anniversary_of" in item:
            assert any(t.anniversary_of == str(item["anniversary_of"]) for t in hits)
    assert matched and right / matched >= 0.9


def test_no_false_dates_from_ordinals_and_counts() -> None:
    text = "The 366th brigade held its 12th meeting; 1275 visitors came and 100M was spent. The 32nd was quiet."
    assert _times(text) == []


def test_ranges_durations_and_anniversaries() -> None:
    values = _values(
        "On the night of March 3-5, 2019, a 10-day campaign began, days before the 12th anniversary of the treaty."
    )
    assert values["the night of March 3-5, 2019"] == "2019-03-03/2019-03-05"
    assert values["10-day"] == "P10D"
    anniversary = [t for t in _times("It marked the 12th anniversary of the treaty.") if t.time_kind == "anniversary"]
    assert [(t.value, t.anniversary_of) for t in anniversary] == [("2021", "2009")]


def test_day_month_year_and_centuries() -> None:
    values = _values("Talks on 4 July 2018 recalled the 19th century and events in 1998.")
    assert values == {"4 July 2018": "2018-07-04", "19th century": "18XX", "1998": "1998"}


def test_relative_expressions_resolve_against_publication_date() -> None:
    # 2021-06-16 is a Wednesday.
    values = _values("The mayor spoke yesterday and met on Monday; last year was hard, and she will travel on Friday.")
    assert values["yesterday"] == "2021-06-15"
    assert values["Monday"] == "2021-06-14"
    assert values["last year"] == "2020"
    assert values["Friday"] == "2021-06-18"


def test_recurring_day_and_dateline_anchor() -> None:
    values = _values("The parliament declared June 12 as National Day.")
    assert values["June 12"] == "XXXX-06-12"
    found = _times("The minister arrived on March 2.", published=None, dateline="2022-03-02")
    assert [(t.value, t.anchor) for t in found] == [("2022-03-02", "2022-03-02")]


def test_yearless_date_without_anchor_stays_open() -> None:
    assert [f.value for f in find_times("They met on March 2.", None)] == ["XXXX-03-02"]


def test_idiomatic_minute_is_not_a_duration() -> None:
    assert _times("The crowd observed a minute of silence.") == []


def test_output_is_deterministic() -> None:
    text = "On Monday, 3 days after May 1, 2020, the 5th anniversary was marked."
    assert [t.to_dict() for t in _times(text)] == [t.to_dict() for t in _times(text)]


def test_spans_point_into_text() -> None:
    text = "Elections were held on October 8, 2020 and again in 2021."
    for record in _times(text):
        record.check_spans(text)
        assert record.anchor == dt.date(2021, 6, 16).isoformat()


def test_a_day_zero_next_to_a_month_is_not_a_date() -> None:
    # Reuters tables write "Jan 0"; a yearless impossible day once crashed the year resolution.
    anchor = dt.date(1987, 3, 2)
    text = "Output in January 0 was flat."
    assert all(not f.value.endswith("-00") and text[f.start : f.end] != "January 0" for f in find_times(text, anchor))
    assert [f.value for f in find_times("It fell on January 30.", anchor)] == ["1987-01-30"]


def test_weekday_sets_are_recurring_days_not_dates() -> None:
    values = {t.text: (t.value, t.time_kind) for t in _times("The market opens every Monday and on Saturdays.")}
    assert values["every Monday"] == ("XXXX-WXX-1", "set")
    assert values["Saturdays"] == ("XXXX-WXX-6", "set")
    # A possessive weekday is still the day itself.
    assert _values("Tuesday's vote was close.")["Tuesday"] == "2021-06-15"


def test_a_plural_part_of_the_day_makes_the_weekday_recur() -> None:
    values = {t.text: (t.value, t.time_kind) for t in _times("The club meets on Monday and Thursday evenings.")}
    assert values["Thursday evenings"] == ("XXXX-WXX-4TEV", "set")
    assert _values("The club met on Thursday evening.")["Thursday evening"] == "2021-06-10TEV"


def test_every_and_each_make_a_day_recur_only_when_they_quantify_it() -> None:
    assert _values("The town rings its bells each Nov. 11.")["Nov. 11"] == "XXXX-11-11"
    assert _values("They hold a parade on July 4 every year.")["July 4"] == "XXXX-07-04"
    # "every year" before the day, with or without a preposition between them.
    assert _values("The fair is held every year on June 12.")["June 12"] == "XXXX-06-12"
    assert _values("Each year on Feb. 26 the club holds a dinner.")["Feb. 26"] == "XXXX-02-26"
    assert _values("Every year Oct. 2 is a holiday here.")["Oct. 2"] == "XXXX-10-02"
    # The quantifier opens another noun: the day is a date of the report's year.
    values = _values("Shops reopened on May 4, and each of them set rules. Buses leave each Friday from May 28.")
    assert values["May 4"] == "2021-05-04"
    assert values["May 28"] == "2021-05-28"


def test_last_and_next_weekday_skip_the_publication_day() -> None:
    # 2021-06-16 is a Wednesday.
    values = _values("He left last Wednesday and returns next Wednesday.")
    assert values["last Wednesday"] == "2021-06-09"
    assert values["next Wednesday"] == "2021-06-23"


def test_deadlines_and_scheduled_present_tense_point_forward() -> None:
    assert _values("The group could arrive as soon as Friday.")["Friday"] == "2021-06-18"
    assert _values("The leaders meet separately Monday in London.")["Monday"] == "2021-06-21"
    assert _values("The offer stands until Thursday.")["Thursday"] == "2021-06-17"
    # Reporting in the present is not scheduling: "says Monday" is the Monday just past.
    assert _values("The ministry says Monday that talks failed.")["Monday"] == "2021-06-14"


def test_may_the_name_is_not_a_month() -> None:
    assert "May" not in _values("Theresa May said the vote would go ahead.")


def test_names_and_adjectival_frequencies_are_not_times() -> None:
    assert _times("Sign up for Daily Newsletters from USA TODAY here.") == []
    assert _times("The weekly claims count rose.") == []
    assert _values("The board meets weekly.")["weekly"] == "P1W"


def test_rates_and_spans_are_not_durations_or_the_past() -> None:
    # "a month" after a count is a rate; "the past years" is no reference to the past as such.
    assert "a month" not in _values("The economy must add 150,000 jobs a month.")
    assert "the past" not in _values("Austerity was tested over the past years.")
    assert _values("They talked for a month.")["a month"] == "P1M"


def test_durations_follow_timeml() -> None:
    # An offset from an event is a span of time; an age is not; decades count in years; quarters are Q.
    values = _values("The warrants run until 90 days after their issue, and Mr. Reupke, 52 years old, left.")
    assert values["90 days"] == "P90D" and "52 years" not in values
    assert _values("It was the lowest figure for almost two decades.")["two decades"] == "P20Y"
    assert _values("It had losses in the past two quarters.")["the past two quarters"] == "P2Q"
    assert "three quarters" not in _values("Three quarters of the votes were counted.")
    assert _values("He campaigned for years.")["years"] == "PXY"
    assert _values("Net for the year ended March 31 rose.")["the year"] == "P1Y"
    assert _timex("Rates have fallen in the last few months.")["the last few months"] == "PAST_REF"


def _timex(text: str, published: str = "2021-06-16") -> dict[str, str]:
    """What ``find_times`` marks, TIMEX3's vague references included (the TimeML evaluation scores these)."""
    return {
        text[f.start : f.end]: f.value for f in find_times(text, dt.date.fromisoformat(published), load_nlp()(text))
    }


def test_vague_references_are_timex3_values_but_not_records() -> None:
    text = "Prices are now higher than the future will bear, and they recently fell."
    assert _timex(text) == {"now": "PRESENT_REF", "the future": "FUTURE_REF", "recently": "PAST_REF"}
    # Our gold guide leaves vague expressions out: the extractor's records name calendar times only.
    assert _values(text) == {}
    assert _values("Prices fell on Monday, and are now higher.") == {"Monday": "2021-06-14"}


def test_a_century_in_a_name_is_not_a_time() -> None:
    assert _values("Shares of Twenty-First Century Fox fell.") == {}
    assert _values("It was built in the 19th century.")["19th century"] == "18XX"
    assert _values("Industry of the 20th Century changed.")["20th Century"] == "19XX"


def test_a_modal_puts_a_yearless_month_ahead() -> None:
    # Written in June 2021: what could happen in November lies ahead; what happened in November is last year's.
    assert _values("Voters could decide the November election.")["November"] == "2021-11"
    assert _values("Voters decided the November election.")["November"] == "2020-11"
    # A weekday's possessive is the day just gone, whatever the modal: "Sunday's release may make it worse".
    assert _values("Sunday's release may well make it worse.")["Sunday"] == "2021-06-13"


def test_an_infinitive_under_a_future_lies_ahead() -> None:
    # Written on Wednesday 16 June 2021: the infinitive has no tense of its own, so its governor's "will" dates it.
    assert _values("The council will have to vote on Friday.")["Friday"] == "2021-06-18"
    assert _values("The old rules will be allowed to lapse on Monday.")["Monday"] == "2021-06-21"
    assert _values("Farmers will need to plant again in March.")["March"] == "2022-03"
    # Under a past governor the day is the one gone, as before.
    assert _values("The council had to vote on Friday.")["Friday"] == "2021-06-11"
    # A possessive names the day gone, as under a modal; "won't" is the parse's "wo" and "n't".
    assert _values("Democrats will have to defend Tuesday's vote.")["Tuesday"] == "2021-06-15"
    assert _values("The council won't have to vote on Friday.")["Friday"] == "2021-06-18"
    assert _values("The council won't meet on Friday.")["Friday"] == "2021-06-18"


def test_would_dates_a_weekday_or_month_ahead_when_the_day_dates_its_verb() -> None:
    # Written on Wednesday 16 June 2021: "would" reports a plan, so the day it dates is the coming one.
    assert _values("The mayor said the council would vote on Friday.")["Friday"] == "2021-06-18"
    assert _values("Officials said trading would resume Monday.")["Monday"] == "2021-06-21"
    # A day that dates a noun under it is the event's own: the one gone.
    assert _values("He said he would review Monday night's debate.")["Monday night"] == "2021-06-14TNI"
    assert _values("They vowed they would respond to the Friday attack.")["Friday"] == "2021-06-11"
    # A day before "would" dates the saying, however the parse hangs it.
    assert _values("The mayor said on Monday he would resign.")["Monday"] == "2021-06-14"
    # A month under "would" is the coming one too (December lies beyond the 90 days around the report).
    assert _values("The bill would fund the agency through December.")["December"] == "2021-12"


def test_would_does_not_look_ahead_from_an_earlier_time_or_in_a_perfect() -> None:
    # Written on Wednesday 16 June 2021. A perfect under "would" is a past that did not happen: the Sunday gone.
    assert _values("Had the storm passed, the match would have begun Sunday.")["Sunday"] == "2021-06-13"
    # A "would" seen from an earlier year, named on the past governing verb or on the verb itself (a habit).
    assert _values("Two years ago, the mayor said the bridge would open in February.")["February"] != "2022-02"
    assert _values("In 2018, the board said the mine would close in October.")["October"] != "2021-10"
    assert _values("In the 1980s, he would fish in Maine in September.")["September"] != "2021-09"
    # A recent day on the governor is no earlier frame: the day after it is still ahead.
    assert _values("The union said on Monday that the strike would end on Friday.")["Friday"] == "2021-06-18"


def test_quarters_and_halves_take_the_year_written() -> None:
    values = _values("It stopped paying in the third quarter of 1984; in the 1988 third quarter it lost money.")
    assert values["the third quarter of 1984"] == "1984-Q3"
    assert values["the 1988 third quarter"] == "1988-Q3"
    assert _values("Sales should recover in the second half of the year.")["the second half of the year"] == "2021-H2"


def test_clock_times_take_the_day_named_after_them() -> None:
    # 2021-06-16 is a Wednesday.
    values = _values("The relatives have until 9 a.m. EST Friday to sign. The offer expires at 5 p.m. June 30.")
    assert values["9 a.m. EST Friday"] == "2021-06-18T09:00"
    assert values["5 p.m. June 30"] == "2021-06-30T17:00"
    assert _values("The polls closed at 8 p.m.")["8 p.m."] == "2021-06-16T20:00"


def test_clock_times_take_a_day_named_before_them_in_their_sentence() -> None:
    # 2021-06-16 is a Wednesday: Monday is the 14th.
    text = "Two blasts went off on Monday just before 3 p.m. in the square. At 5 p.m. the police arrived."
    values = _values(text)
    assert values["3 p.m."] == "2021-06-14T15:00"
    assert values["5 p.m."] == "2021-06-16T17:00"  # another sentence: the report's day
    assert _values("The debate aired at 9 p.m. ET Thursday.")["9 p.m. ET Thursday"] == "2021-06-10T21:00"
    # A day in the next paragraph is no part of the clock time.
    assert _values("Updated at 2:14 p.m. ET\n\nOn Friday, the court ruled.")["2:14 p.m. ET"] == "2021-06-16T14:14"


def test_one_day_before_a_verb_is_no_span() -> None:
    assert "one day" not in _values("Democrats could one day win back the House.")
    assert "one day" not in _values("She hopes to one day become a judge.")
    assert _values("He had been in the job only one day.")["one day"] == "P1D"
    assert _values("Spending fell in the fourth quarter of last year.")["the fourth quarter of last year"] == "2020-Q4"


def test_weekday_with_date_and_relative_months() -> None:
    # Written on 2021-06-16: "Monday, June 14" is that Monday; "last April" is 2021-04, "last July" 2020-07.
    values = _values("An editorial on Monday, June 14 recalled last April and last July and June last year.")
    assert values["Monday, June 14"] == "2021-06-14"
    assert values["last April"] == "2021-04"
    assert values["last July"] == "2020-07"
    assert values["June last year"] == "2020-06"
    assert _values("He was shot last Oct. 23 at home.")["last Oct. 23"] == "2020-10-23"


def test_near_dates_holidays_weekend_and_the_year() -> None:
    # A date a few weeks ahead is that one even under a past-tense verb.
    assert _values("The deadline was extended to July 2.")["July 2"] == "2021-07-02"
    assert _values("He was found on Thanksgiving Day.", "2022-01-07")["Thanksgiving Day"] == "2021-11-25"
    # 2021-06-14 is a Monday: "over the weekend" is the one just past (ISO week 23).
    assert _values("Over the weekend, the company talked.", "2021-06-14")["the weekend"] == "2021-W23-WE"
    assert _values("Shares hit a high for the year.")["the year"] == "2021"
    assert _values("The team planned to leave on Friday.")["Friday"] == "2021-06-18"


def test_discourse_now_and_the_generic_present_are_not_times() -> None:
    assert "Now" not in _values("Now, he says, the plan looks different.")
    assert "today" not in _values("Paternity is not simple in today's world.")
    assert "the past" not in _values("Officials raised concerns in the past.")
    assert _values("``Today, I am here to tell you the news.")["Today"] == "2021-06-16"


def test_year_end_and_months_without_tense_look_back() -> None:
    values = _values("The sale should close by year-end. The index has risen since year-end.", "1989-10-30")
    assert values["year-end"] in {"1989-12-31", "1988-12-31"}
    found = {t.text: t.value for t in _times("The deal closes by year-end.", "1989-10-30")}
    assert found["year-end"] == "1989-12-31"
    assert _values("The index has risen since year-end.", "1989-10-30")["year-end"] == "1988-12-31"
    assert "year-end" not in _values("In 1988, year-end net was lower.", "1989-10-30")
    # No tense to go by, months away: the last such month, not the nearest.
    assert _values("The price rose to $42 from $29 in March.", "1989-10-30")["March"] == "1989-03"


def test_may_after_a_lead_word_and_a_modified_month_are_months() -> None:
    # "May" the month's full name, after "in"; "early March" led by its modifier.
    assert _values("The appeal will be argued in May before the full court.", "2021-01-16")["May"] == "2021-05"
    assert _values("The vote was held in early March.")["early March"] == "2021-03"


def test_a_possessor_dates_a_year_before_a_plural_noun() -> None:
    assert _values("The gain will show in the group's 1989 annual accounts.")["1989"] == "1989"


def test_a_count_with_more_is_still_the_span() -> None:
    assert _values("The team will stay two more weeks.")["two more weeks"] == "P2W"
    assert _values("The contract runs for an additional year.")["an additional year"] == "P1Y"


def test_every_and_each_before_a_unit_are_sets() -> None:
    values = _values("Payments fall due each month, reviews every two weeks and audits every year.")
    assert values["each month"] == "P1M"
    assert values["every two weeks"] == "P2W"
    assert values["every year"] == "P1Y"
    assert "each of" not in " ".join(values)


def test_anaphoric_expressions_take_the_last_date_named() -> None:
    values = _values("He fled in June 1998 and returned later that year; the following year he left again.")
    assert values["later that year"] == "1998"
    assert values["the following year"] == "1999"
    values = _values(
        "The vote was held on March 3, 2019. Earlier that day, crowds gathered; the previous day was calm."
    )
    assert values["Earlier that day"] == "2019-03-03"
    assert values["the previous day"] == "2019-03-02"
    # Without an earlier date the report's own date is the reference.
    assert _values("Later that week, the board met.")["Later that week"] == "2021-W24"


def test_a_month_of_an_anaphoric_year_is_one_expression_in_that_year() -> None:
    # Read apart, the month took the year around the report and "that year" then the month's year.
    values = _values("The plant opened on April 2, 2009. In August of that year, it closed for repairs.")
    assert values["August of that year"] == "2009-08"
    assert "that year" not in values
    values = _values("She ran in 2004. On March 30 of the following year she won, and later that year she resigned.")
    assert values["March 30 of the following year"] == "2005-03-30"
    # Once dated, it is the last date named.
    assert values["later that year"] == "2005"
    assert _values("They met in 2012 and again in May of the previous year.")["May of the previous year"] == "2011-05"
    # A day the named year lacks is no date.
    assert "February 29 of that year" not in _values("It was 2003. On February 29 of that year nothing happened.")
    # Nothing to date it (no earlier date, no report's date): the month is undated, as elsewhere.
    values = _values("In October of that year the mill burned down.", published=None)
    assert values["October of that year"] == "XXXX-10"


def test_a_month_of_a_written_year_is_one_expression_in_that_year() -> None:
    # Read apart, the month took the year around the report's date (2021) and the year stood alone.
    values = _values("In June of 1987 the dam broke, and by March of 1988 the town had moved.")
    assert values["June of 1987"] == "1987-06"
    assert values["March of 1988"] == "1988-03"
    assert "1987" not in values and "June" not in values
    # Once dated, it is the antecedent of a year's anaphor.
    assert _values("The mill opened in May of 1990 and closed later that year.")["later that year"] == "1990"
    # "of" and a count is no year.
    assert "March of 1200" not in _values("In the March of 1200 nurses, they walked to the capitol.")
    # Only the year is refused: a month led as a month stays ("of" opens a partitive), a march stays none.
    assert _values("In June, of 1400 nurses asked, half said they would leave.")["June"] == "2021-06"
    assert _values("In March of 1700 applicants, only 90 were hired.")["March"] == "2021-03"
    assert "March" not in _values("In the March of 1200 nurses, they walked to the capitol.")


def test_a_month_shares_the_year_of_the_month_after_it() -> None:
    # Written in June 2021: "April" before "and May 2017" is April 2017, not the April before the report.
    values = _values("The two men were arrested in April and May 2017.")
    assert values["April"] == "2017-04"
    assert _values("Prices fell between March and June of 2016.")["March"] == "2016-03"
    # A later month before an earlier one spans the year's end.
    assert _values("Sales slumped from December to February 1987.")["December"] == "1986-12"
    # Another month's year that is not joined to it leaves the month to the tense.
    assert _values("It rose in March, and in 2017 it fell.")["March"] == "2021-03"


def test_a_programme_named_by_a_relative_day_is_no_time() -> None:
    values = _values('The senator joked on a "Tonight Show" sketch and told the “Today” show she would run.')
    assert not any(text.lower() in {"tonight", "today"} for text in values)
    # The report's day stays, quoted or possessive, and so does an all-capitals label.
    assert _values("“Today, we are announcing a plan,” she said.")["Today"] == "2021-06-16"
    assert _values("Today's vote was close.")["Today"] == "2021-06-16"
    assert _values("Today senators are back at the drawing board.")["Today"] == "2021-06-16"


def test_a_capitalised_year_in_an_award_is_no_time() -> None:
    values = _values("The magazine named her Person of the Year, and he won the Teacher of the Year Award.")
    assert not any("Year" in text for text in values)
    assert _values("Sales rose at the end of the year.")["the year"] == "2021"


def test_a_season_or_quarter_written_with_its_year_is_the_antecedent_of_a_year() -> None:
    values = _values("Polls ignored him until the summer of 2007, and he led only in December of that year.")
    assert values["December of that year"] == "2007-12"
    assert (
        _values("Profits fell in the third quarter of 2008; later that year the bank closed.")["later that year"]
        == "2008"
    )
    # Read off the report's date, a quarter names no year of the story's.
    values = _values("In 2008 the firm grew. In the third quarter it lost money, and that year it closed.")
    assert values["that year"] == "2008"
    # Nothing finer than the year: "later that month" keeps the last month named.
    values = _values("He left on May 3, 2010. In the spring of 2012 he returned; later that month he spoke.")
    assert values["later that month"] == "2010-05"


def test_a_yearless_day_repeats_the_year_it_was_named_with() -> None:
    values = _values("The treaty was signed on March 4, 2015. The March 4 signing was rushed, aides said.")
    assert values["March 4"] == "2015-03-04"
    values = _values("Shares fell on 12 May 2019. Analysts said the slide of May 12 was overdone.")
    assert values["May 12"] == "2019-05-12"
    # Named only after it, or with a deictic year of its own, the day keeps the year around the report.
    assert _values("The March 4 email was sent. It reached him on March 4, 2015.")["March 4"] == "2021-03-04"
    values = _values("From June 30, 2017, to June 30 this year, 141 aides left.", published="2018-07-11")
    assert values["June 30"] == "2018-06-30"
    # Another day of the month is not the same day.
    assert _values("He arrived on September 12.")["September 12"] == "2021-09-12"
    assert _values("He was named on September 10, 2001. He arrived on September 12.")["September 12"] == "2021-09-12"
    # In a future clause the day is the coming one, not the year named before.
    text = "The flood of May 20, 2013, ruined the town. The mayor will speak there on May 20."
    values = _values(text, published="2021-05-02")
    assert values["May 20, 2013"] == "2013-05-20"
    assert values["May 20"] == "2021-05-20"
    # A date naming a thing in a future clause keeps the year named before: the verb is not when that day falls.
    text = "The flood of May 20, 2013, ruined the town. The mayor will honor the victims of May 20 at a rally."
    assert _values(text, published="2021-05-02")["May 20"] == "2013-05-20"
    text = "The flood of May 20, 2013, ruined the town. A panel will study the May 20 flood next year."
    assert _values(text, published="2021-05-02")["May 20"] == "2013-05-20"


def test_years_written_in_words() -> None:
    values = _values("The city suffered in nineteen seventy-nine and hopes for better by the year two thousand.")
    assert values["nineteen seventy-nine"] == "1979"
    assert values["the year two thousand"] == "2000"
    assert "two thousand" not in _values("Some two thousand people marched.")


def test_last_night_halves_and_couples() -> None:
    assert _values("The rebels attacked last night.")["last night"] == "2021-06-15TNI"
    values = _values("They lived there for 2 1/2 years and waited a minute and a half, then the next couple of years.")
    assert values["2 1/2 years"] == "P2Y6M"
    assert values["a minute and a half"] == "PT1M30S"
    assert values["the next couple of years"] == "P2Y"
    assert _values("They waited a couple of weeks.")["a couple of weeks"] == "P2W"


def test_a_deictic_year_possessing_a_quarter_is_one_expression() -> None:
    values = _values("Profit rose in this year's third quarter after last year's fourth quarter.", "1989-10-26")
    assert values["this year's third quarter"] == "1989-Q3"
    assert values["last year's fourth quarter"] == "1988-Q4"
    assert "this year" not in values


TBAQ = EVAL_DATA / "temporal" / "tbaq_cleaned"


def _tbaq_value(name: str, phrase: str) -> str | None:
    """The value times.rules gives the first ``phrase`` of TBAQ-cleaned document ``name``, anchored on its DCT."""
    from dateline.evaluate.timeml import read_tml
    from dateline.extract.times import parse_date

    path = next(TBAQ.rglob(f"{name}.tml"))
    doc = read_tml(path, TBAQ)
    start = doc.text.index(phrase)
    found = find_times(doc.text, parse_date(doc.dct), load_nlp()(doc.text))
    return next((f.value for f in found if f.start < start + len(phrase) and start < f.end), None)


def test_this_past_season_is_the_latest_one_begun() -> None:
    # Written 1989-10-30: "this past spring" is 1989's; "last spring" stays the year before's.
    assert _tbaq_value("wsj_0575", "this past spring") == "1989-SP"
    assert _values("Sales fell last spring.", "1989-10-26")["last spring"] == "1988-SP"


def test_until_a_day_in_a_past_perfect_is_the_day_just_gone() -> None:
    # Written Friday 1999-05-07: "Until Thursday, they had not called Kopp a suspect."
    assert _tbaq_value("APW19990507.0207", "Until Thursday") == "1999-05-06"


def test_effective_and_by_put_a_yearless_date_ahead() -> None:
    # "effective Feb. 1" in a report of 1989-10-26 and "effective June 1" in one of 1989-11-02 are coming
    # dates; "to pay down ... by February" (1989-10-30) too.
    assert _tbaq_value("wsj_0927", "effective Feb. 1") == "1990-02-01"
    assert _tbaq_value("wsj_1003", "effective June 1") == "1990-06-01"
    assert _tbaq_value("wsj_0557", "by February") == "1990-02"


def _tbaq_texts(n: int) -> list[str]:
    from dateline.evaluate.timeml import read_tml

    return [read_tml(path, TBAQ).text for path in sorted(TBAQ.rglob("*.tml"))[:n]]


def test_every_rule_match_holds_one_of_the_words_the_prefilter_needs() -> None:
    # The prefilter skips a rule on a text without any of its needed words: lossless only if no match lacks one.
    from dateline.extract.times import patterns

    for text in _tbaq_texts(256):
        for rule in patterns().rules:
            for match in rule.pattern.finditer(text):
                assert rule.admits(match.group(0).casefold()), (rule.name, match.group(0))


def test_prefilter_leaves_the_output_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.extract.times import Rule

    texts = _tbaq_texts(40)
    filtered = [find_times(text, dt.date(1998, 3, 4)) for text in texts]
    monkeypatch.setattr(Rule, "admits", lambda self, folded: True)
    monkeypatch.setattr(Rule, "holds_core", lambda self, text: True)
    assert [find_times(text, dt.date(1998, 3, 4)) for text in texts] == filtered
    assert sum(map(len, filtered)) > 300


def _allsides_texts(n: int) -> list[str]:
    from dateline.ingest import iter_documents

    files = sorted(str(p) for p in (CORPUS / "allsides-article-bias" / "jsons").iterdir())[:n]
    return [d.text for d in iter_documents(files) if isinstance(d, Article)]


def test_every_rule_match_holds_its_core() -> None:
    # Rule.core skips a rule on a text without it: lossless only if every match holds one. A core may run
    # into a rule's look-ahead (year_ended's "ended"), so it is found from the match's start, starting inside it.
    from dateline.extract.times import patterns

    cored = [rule for rule in patterns().rules if rule.core is not None]
    assert {rule.name for rule in cored} >= {"dmy", "range_mdd", "range_ddm", "iso", "year_ago", "season_year"}
    matched = 0
    for text in _tbaq_texts(256) + _allsides_texts(300):
        for rule in cored:
            assert rule.core is not None
            for match in rule.pattern.finditer(text):
                found = rule.core.search(text, match.start())
                assert found is not None and found.start() < match.end(), (rule.name, match.group(0))
                matched += 1
    assert matched > 100


def test_a_text_without_a_rules_core_is_not_scanned_by_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    from dateline.extract import times

    rules = {rule.name: rule for rule in times.patterns().rules}
    # "May" and a dash are in both texts (the needed words); only the first has a day before a month.
    assert rules["dmy"].holds_core("Polls on 3 May showed a tight race.")
    assert not rules["dmy"].holds_core("In May, a well-known poll showed a 3-point race.")
    assert rules["range_ddm"].holds_core("The talks ran 25-27 February.")
    assert not rules["range_ddm"].holds_core("The talks ran February 25, in a 3-2 vote.")
    assert rules["season_year"].holds_core("It was built in the spring of 1998.")
    assert not rules["season_year"].holds_core("It was built in the spring, 1998 or so.")
    # find_times itself passes the rule over: its pattern is not run on the text without the core.
    scanned: list[str] = []
    dmy = rules["dmy"].pattern

    class Spy:
        def finditer(self, text: str) -> Any:
            scanned.append(text)
            return dmy.finditer(text)

    spied = tuple(dataclasses.replace(r, pattern=Spy()) if r.name == "dmy" else r for r in rules.values())
    monkeypatch.setattr(times, "patterns", lambda: times.Patterns(spied))
    with_core, without = "Polls on 3 May showed a tight race.", "In May, a well-known poll showed a 3-point race."
    assert [t.value for t in find_times(with_core, dt.date(2021, 6, 16))] == ["2021-05-03"]
    find_times(without, dt.date(2021, 6, 16))
    assert scanned == [with_core]


def _cored_rules() -> list[str]:
    from dateline.extract.times import patterns

    return [rule.name for rule in patterns().rules if rule.core is not None]


@pytest.mark.parametrize("name", _cored_rules())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_string_a_cored_rule_matches_holds_its_core(name: str, data: st.DataObject) -> None:
    # Rule.core is lossless only if it is implied by the rule's pattern, in every alternative, case and optional
    # piece: strings drawn from the pattern itself (hypothesis's ``from_regex``, with text around them) reach
    # alternatives real reports seldom hold (a spelled year after a season, "Sept." ranges, en and em dashes).
    from dateline.extract.times import patterns

    rule = next(r for r in patterns().rules if r.name == name)
    text = data.draw(st.from_regex(rule.pattern, fullmatch=False))
    if rule.pattern.search(text):
        assert rule.holds_core(text), (name, text)


def test_a_year_after_a_spaced_comma_belongs_to_the_date() -> None:
    # Text tokenised with a space before punctuation ("Sept. 11 , 2001") still dates the day in its year.
    values = _values(
        "Funding for first responders of the Sept. 11 , 2001 , attacks was cut on Monday , Oct. 30 , 2019."
    )
    assert values["Sept. 11 , 2001"] == "2001-09-11"
    assert values["Monday , Oct. 30 , 2019"] == "2019-10-30"
    assert "2001" not in values and "2019" not in values


def test_later_counts_from_the_last_date_named() -> None:
    # TimeML anchors "a month later" on the time the story last named, not on the report's date.
    text = "He was flown back in March 2015 and discharged a month later. Walker won in 2010 and faced a recall a year later."
    values = _values(text, "2016-06-01")
    assert values["a month later"] == "2015-04"
    assert values["a year later"] == "2011"
    # Without a date that precise before it, the report's date is the anchor.
    assert _values("Two days later, the talks resumed.", "2016-06-01")["Two days later"] == "2016-06-03"
    # "A year earlier" compares with the period a year before the report's, whatever date came before.
    assert (
        _values("Profit was $5 million in 2015, up from $4 million a year earlier.", "2016-06-01")["a year earlier"]
        == "2015"
    )


def test_headquarters_is_no_quarterly_report() -> None:
    # "a year ago" is a quarter only in a report on quarterly results.
    values = _values("At her headquarters she recalled the defeat she suffered eight years ago.", "2016-02-01")
    assert values["eight years ago"] == "2008"


def test_a_duration_counts_the_whole_number() -> None:
    # "130,000 years ago" is no date of this year, and "200,000 years" no span of 0 years.
    values = _values("Species died off since the ice age 130,000 years ago; humans have lived for 200,000 years.")
    assert not any(text.startswith("000") for text in values)


def test_a_number_word_with_a_scale_counts_the_whole_number() -> None:
    # "two thousand years" is P2000Y, not the "thousand years" after the count; "a hundred" keeps its article,
    # as "a week" does; "first hundred days" and "several hundred years" have no count before the scale.
    assert _tbaq_value("PRI19980121.2000.2591", "two thousand years") == "P2000Y"
    values = _values("It stood for two hundred years, a hundred days and the past ten thousand years.")
    assert values["two hundred years"] == "P200Y"
    assert values["a hundred days"] == "P100D"
    assert values["the past ten thousand years"] == "P10000Y"
    assert _values("Her first hundred days in office were busy.")["hundred days"] == "P100D"
    assert "several hundred years" not in _values("The rule held for several hundred years.")
    assert "thousand-year" in _values("It was a thousand-year flood.")  # adjectival: the article stays out


def _allsides_values(name: str) -> dict[str, str]:
    """Text -> value of the times found in one AllSides bulk report (outside the gold), anchored on its date."""
    import json

    from dateline.extract.times import parse_date
    from tests.conftest import CORPUS

    report = json.loads((CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json").read_text(encoding="utf-8"))
    text = report["content"]
    return {text[f.start : f.end]: f.value for f in find_times(text, parse_date(report["date"]), load_nlp()(text))}


def test_scaled_counts_and_halves_in_real_reports() -> None:
    assert _allsides_values("925qJ6e4K34jIsc5")["Two thousand years"] == "P2000Y"
    values = _allsides_values("Sm8IlCdFlPX2v4sK")
    assert values["A week and a half"] == values["a week and a half"] == "P1.5W"


def test_a_half_or_a_decimal_is_part_of_the_span() -> None:
    # A unit counted in years adds half its years, one without a smaller unit in ``half_units`` takes ISO
    # 8601's decimal (the half had been dropped: P10Y, P2W); decimals in digits are spans too.
    values = _values("It took a decade and a half, two and a half weeks, 3 1/2 months and 1.5 years.")
    assert values["a decade and a half"] == "P15Y"
    assert values["two and a half weeks"] == "P2.5W"
    assert values["3 1/2 months"] == "P3.5M"
    assert values["1.5 years"] == "P1Y6M"
    values = _values("The median stay was 34.1 weeks; the meeting ran 2.5 hours, with a 2.5-year-old child.")
    assert values["34.1 weeks"] == "P34.1W"
    assert values["2.5 hours"] == "PT2H30M"
    assert not any("old" in text or text.startswith("5") for text in values)


def test_ahead_of_a_day_looks_forward() -> None:
    # Written on a Monday: the meeting "ahead of" which someone spoke is the coming Tuesday, not last week's.
    values = _values("He spoke to reporters ahead of Tuesday's meeting.", "2019-08-12")
    assert values["Tuesday"] == "2019-08-13"


def _corpus_value(name: str, phrase: str) -> str | None:
    """The value times.rules gives the first ``phrase`` of AllSides report ``name`` (none in any gold set),
    anchored on its publication date."""
    import json

    from dateline.extract.times import parse_date
    from tests.conftest import CORPUS

    data = json.loads((CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json").read_text(encoding="utf-8"))
    text = data.get("content_original") or data["content"]
    start = text.index(phrase)
    found = find_times(text, parse_date(data.get("date")), load_nlp()(text))
    return next((f.value for f in found if f.start < start + len(phrase) and start < f.end), None)


def test_a_season_with_its_year_is_that_season() -> None:
    # TimeML's season codes: "the winter of nineteen ninety-four" (TBAQ-cleaned, gold 1994-WI), "the summer of
    # 2008", "in spring 2016", "early summer 2017" (AllSides reports), not the bare year.
    assert _tbaq_value("CNN19980223.1130.0960", "the winter of nineteen ninety-four") == "1994-WI"
    assert _corpus_value("FnDLqd8BsPXepzQm", "the summer of 2008") == "2008-SU"
    assert _corpus_value("sGYwuGlvqi1ZTrj3", "in spring 2016") == "2016-SP"
    assert _corpus_value("zo02Nf2cnexMkj5j", "early summer 2017") == "2017-SU"
    # "fall" and "spring" are verbs too: without "the", "in", "of" or a modifier the year stands alone.
    assert not any(f.value.endswith("-FA") for f in find_times("Did prices fall 2016?", dt.date(2018, 5, 1)))


def test_a_part_of_the_report_day_takes_its_timex3_code() -> None:
    # AllSides reports: "This morning, Matthew Dowd looks back" (2018-01-02), "we are in a position to win
    # tomorrow night" (2020-02-02); TBAQ-cleaned writes "this morning" as <day>TMO too (wsj_0950).
    assert _corpus_value("fbPEawHc9shY88Dk", "This morning, Matthew Dowd") == "2018-01-02TMO"
    assert _corpus_value("jJz1iyRC0Ph7z3sD", "tomorrow night") == "2020-02-03TNI"
    assert _tbaq_value("wsj_0950", "this morning") == "1989-10-26TMO"
    # A show's name ("this Morning Edition report") and a told event's night ("on this night all four seemed
    # intent") are not the report's day.
    assert _corpus_value("jZAhfhYiuuvMfNfq", "this Morning Edition") is None
    assert _corpus_value("QTZ5cA0cu1CiEurx", "this night") is None


def test_a_capitalised_duration_in_running_text_is_a_title() -> None:
    # AllSides reports: the show "60 Minutes" and "the Six-Day War" are names; a headline's span stays a span,
    # in headline case ("Unemployment Rate Falls To 5-Year Low") or in capitals ("GETS 3 YEARS IN PRISON").
    assert _corpus_value("SBtE9aqGOjrXKEaA", "60 Minutes") is None
    assert _corpus_value("CEgR7QyRDSL9Qfe6", "Six-Day War") is None
    assert _corpus_value("LokeTWl5ipu94wEB", "5-Year Low") == "P5Y"
    assert _corpus_value("sOj2ElEH8KYU4m1S", "3 YEARS IN PRISON") == "P3Y"
    assert _values("The talks lasted 60 minutes.")["60 minutes"] == "PT60M"


def test_a_simple_past_verb_dates_its_event_before_the_report() -> None:
    # Written 1989-10-27: "changed from a fiscal year to a calendar year in December" is the December gone,
    # though the coming one is nearer; so is "In January, a week after ..., a bomb exploded" (1998-10-25).
    assert _tbaq_value("wsj_0709", "in December") == "1988-12"
    assert _tbaq_value("NYT19981025.0188", "In January") == "1998-01"
    # A goal or a date on a noun may lie ahead: the near one stays.
    assert _values("The deadline was extended to July 2.")["July 2"] == "2021-07-02"
    assert _values("The visit of the secretary in July is still on.")["July"] == "2021-07"


def test_adjectival_spans_without_a_count() -> None:
    values = _values("After a day-long meeting and a months-long standoff, he left a several-year post.")
    assert values == {"day-long": "P1D", "months-long": "PXM", "several-year": "PXY"}
    assert _values("They signed a multi-year deal.")["multi-year"] == "PXY"
    # A count joined by a hyphen is no unmeasured span.
    assert "year-long" not in _values("It ended a 10-year-long war.")


def test_the_near_and_short_term_are_the_future() -> None:
    text = "The plan will cut payments in the short term and in the near term."
    assert _timex(text) == {"the short term": "FUTURE_REF", "the near term": "FUTURE_REF"}
    assert _values(text) == {}


def test_a_second_day_after_and_is_a_date_of_its_own() -> None:
    # "the NATO Washington summit on April 24 and 25" (TBAQ-cleaned, gold 1999-04-25); "conducted between March
    # 19 and 24" (an AllSides report of 2020-04-09): the second day in the first one's month and year.
    assert _tbaq_value("XIE19990210.0079", "and 25") == "1999-04-25"
    assert _corpus_value("nl3ixNaMbQCfDygS", "and 24") == "2020-03-24"
    # Not a count or a share after a date.
    assert _values("It rose on March 5 and 6 percent more on March 8.") == {
        "March 5": "2021-03-05",
        "March 8": "2021-03-08",
    }


def test_a_title_across_a_quotation_or_a_sentence_end_is_no_headline() -> None:
    # "on CBS's ''60 Minutes.'' ''The way they're abusing him" (TBAQ-cleaned): the capitalised word after the
    # show's name opens another sentence; "Manhunt : The Ten-Year Search for bin Laden" (a book, AllSides).
    assert _tbaq_value("APW20000417.0031", "60 Minutes") is None
    assert _corpus_value("F5PN2FyiHz0gjzMQ", "Ten-Year Search") is None
    assert _corpus_value("LokeTWl5ipu94wEB", "5-Year Low") == "P5Y"


def test_the_next_unit_counts_from_the_last_date_named() -> None:
    # AllSides reports: "Hyde retired from Congress in 2006 and died the next year" (2014) is 2007; "in 2008
    # but Obama grabbed the keys to the program the next year" (2012) is 2009.
    assert _corpus_value("xDgdNPEBm0m4dtDq", "the next year at age") == "2007"
    assert _corpus_value("3RgUDiupLGsHzJGF", "the next year, managing") == "2009"
    # A span ahead stays the deictic reading ("spend the next year in Qatar", written 2014-06-06).
    assert _corpus_value("PbiGn4meGJnOE2vN", "the next year in Qatar") == "2015"
    # "The next day" is left alone: it follows a day the story tells of, not always the last one named.
    assert "The next day" not in _values("He was arrested on May 3. The next day, he was freed.")


def test_a_season_without_its_year_is_the_one_the_tense_or_nearness_picks() -> None:
    # "Over the summer, Anheuser competitors offered" (TBAQ-cleaned, written 1989-10-26): the summer gone.
    assert _tbaq_value("wsj_1014", "Over the summer") == "1989-SU"
    # AllSides reports: "the huge surge in unaccompanied minors over the summer" (2014-11-24); "not expected until
    # the Spring" (2012-11-23: "until" looks ahead); "extend more generous jobless benefits into the fall"
    # (2020-04-24: no tense, so the nearest fall, the coming one).
    assert _corpus_value("kQyYBohxGfnjK0BE", "minors over the summer") == "2014-SU"
    assert _corpus_value("3nswkILQUxmlCVAI", "until the Spring") == "2013-SP"
    assert _corpus_value("tEeXzmR3G4flkzmo", "benefits into the fall") == "2020-FA"
    # A season naming a thing is no time ("for the Winter Olympics", 2018-03-04), nor is a fall with "of".
    assert _corpus_value("4g7soSF5GvfyVrvN", "the Winter Olympics") is None
    assert _timex("He wrote about the fall of the Berlin Wall in the summer.") == {"the summer": "2021-SU"}
    # The span leaves the preposition out, as TimeML does.
    assert _values("The plant will open in the fall.") == {"the fall": "2021-FA"}


def test_a_past_time_without_a_count_is_a_vague_reference() -> None:
    # "A few days ago the Islamic State released a propaganda video" (AllSides, 2015-04-06): TimeML's PAST_REF,
    # not a span of "a few days".
    assert _corpus_value("o7Pz5jy4FXmTQJoj", "A few days ago") == "PAST_REF"
    assert _timex("Years ago he left, and months ago he came back.") == {
        "Years ago": "PAST_REF",
        "months ago": "PAST_REF",
    }
    # Marked, not recorded, as the other vague references; a counted one is still a date.
    assert _values("A few years ago he left; two years ago he came back.") == {"two years ago": "2019"}


def test_an_approximate_span_ago_is_a_past_time() -> None:
    # "a month or so ago I stood in front of you" (AllSides, 2020-06): the month before, not a span "a month".
    assert _corpus_value("MT8haNXq6WUMiYFI", "a month or so ago") == "2020-05"
    # Dated by the first count, as TimeBank dates "a week or so ago"; the span is no duration record.
    assert _values("A week or so ago the council voted, and a year or two ago it did not.") == {
        "A week or so ago": "2021-W23",
        "a year or two ago": "2020",
    }
    assert _values("It was a year or more ago.") == {"a year or more ago": "2020"}
    # Another unit after "or" is no count: the first span stays a span, the second a past time.
    assert _values("It happened a year or a decade ago.") == {"a year": "P1Y", "a decade ago": "2011"}


def test_a_decade_without_its_century_is_the_latest_one_begun() -> None:
    # AllSides reports: "the border in the '90s" (2019-02-19) is the 1990s, not the 2090s; a bare "'90s" after
    # another word ("the late 1980s and early '90s", 2019-05-09) is found too.
    assert _corpus_value("efWbYzd5KIoE3pdV", "the border in the '90s") == "199"
    assert _corpus_value("p7F1mgluCJVhEKcH", "early '90s") == "199"
    assert _corpus_value("LVcPJXU7Bymi5NsD", "'60s and this explosion") == "196"  # "the 1950s and '60s", 2018
    # One about to begin is the coming one: "the early '90s" written in 1989.
    assert _timex("Rates will fall in the early '90s.", "1989-10-30") == {"'90s": "199"}


def test_the_year_with_its_number_is_that_year() -> None:
    # "But around the year 2000, things began to change" (AllSides, 2019-02-19): one span, 2000, where "the
    # year" had been the report's year.
    assert _corpus_value("efWbYzd5KIoE3pdV", "around the year 2000") == "2000"
    assert _timex("Emissions will be cut by the year 2030.") == {"the year 2030": "2030"}
    assert _timex("For the year, sales rose.") == {"the year": "2021"}


def test_the_past_or_next_decade_and_the_units_ahead_are_spans() -> None:
    # AllSides reports: "$4.4 trillion in spending cuts over the next decade" (2020-02-10) is ten years from the
    # report, not a calendar decade; "likely in the weeks ahead" (2020-04-24) an unmeasured span, as TimeBank
    # writes "in the weeks ahead" (PXW). Neither had been found.
    assert _corpus_value("2ShDJ3gnINiqU056", "the next decade") == "P10Y"
    assert _corpus_value("tEeXzmR3G4flkzmo", "the weeks ahead") == "PXW"
    assert _timex("Wages rose over the past decade.") == {"the past decade": "P10Y"}
    # "The last decade of the century" is a calendar decade, no span up to the report.
    assert "the last decade" not in _timex("It was built in the last decade of the century.")


def test_a_capitalised_week_in_running_text_is_a_title() -> None:
    # AllSides reports: ABC's Sunday show ("Adam Schiff ... told ABC's “This Week” on Sunday", 2019-09-30) names
    # no week; a headline's "Schools And Universities To Reopen This Week" (2015-11-23) is the report's week.
    assert _corpus_value("qnKvKGHAb6QhHbDE", "This Week") is None
    assert _corpus_value("UFKyXoZ5XVasYfPE", "Reopen This Week") == "2015-W48"
    assert _timex("Prices rose this week.", "2021-06-02") == {"this week": "2021-W22"}
    assert "This Week" not in _timex("Graham spoke on ABC's This Week with George Stephanopoulos.")
    # A headline's comma opens no title: the year stays.
    assert _timex("In Governors' Elections This Year, Republicans Have A Lot To Lose", "2018-11-02") == {
        "This Year": "2018"
    }


def test_a_month_that_is_a_named_persons_surname_is_the_person() -> None:
    text = "Prime Minister Theresa May lost the vote, and May's cabinet met in May."
    found = {(t.text, t.value) for t in _times(text)}
    # Her possessive is the person; the object of "in" is still the month.
    assert found == {("May", "2021-05")}
    assert [t.start for t in _times(text)] == [text.rindex("May")]
    assert _values("Sales rose, and May's figures were strong.")["May"] == "2021-05"


def test_an_ambiguous_month_between_the_and_a_common_noun_is_the_month() -> None:
    assert _values("Critics cited the March ruling of the court.")["March"] == "2021-03"
    names = {t.text for t in _times("Thousands joined the March for Science and the March on the capital.")}
    assert "March" not in names


def test_an_ambiguous_month_after_mid_and_a_hyphen_is_the_month() -> None:
    assert _values("Offices have been closed since mid-March.")["mid-March"] == "2021-03"


def test_a_yearless_quarter_not_yet_begun_is_the_one_before_unless_ahead() -> None:
    # Written in January, a reported fourth quarter is the one just ended, not the coming one.
    values = _values("The bank reported earnings of $3 billion in the fourth quarter.", "2014-01-16")
    assert values["the fourth quarter"] == "2013-Q4"
    # With no tense, the nearer one: in March the one just reported, in September the coming one.
    assert (
        _values("The figures include a fourth quarter charge of $5 million.", "1987-03-04")["fourth quarter"]
        == "1986-Q4"
    )
    assert _values("Analysts see a fourth quarter rebound.", "2014-09-10")["fourth quarter"] == "2014-Q4"
    # Ahead in the future tense, and a quarter begun by the report is the report's year's.
    values = _values("The company will open the plant in the fourth quarter.", "2014-01-16")
    assert values["the fourth quarter"] == "2014-Q4"
    assert _values("Sales rose in the fourth quarter.", "1989-10-26")["the fourth quarter"] == "1989-Q4"
    # A verb of forecasting or expecting looks ahead whatever its tense; a past verb over a noun the quarter
    # modifies tells when the thing was done, not when its quarter lies.
    text = "The firm said it expected a loss in the fourth quarter."
    assert _values(text, "2020-03-10")["the fourth quarter"] == "2020-Q4"
    text = "Its board forecast sales growth in the third quarter."
    assert _values(text, "2020-05-10")["the third quarter"] == "2020-Q3"
    text = "The board approved a second quarter dividend payable April 10."
    assert _values(text, "1987-03-09")["second quarter"] == "1987-Q2"
    # A past verb the quarter dates is still the year before's ("fell" in July: last year's fourth quarter).
    assert _values("Its sales fell in the fourth quarter.", "2020-07-10")["the fourth quarter"] == "2019-Q4"
    # A fiscal quarter, or one in a report dating its quarters by their ends, is the company's own calendar's.
    assert _values("Its fiscal third quarter net fell 5 percent.", "1987-04-09")["third quarter"] == "1987-Q3"
    text = "Net fell in the first three quarters ended February 28. Third quarter net fell to $206 million."
    assert _values(text, "1987-03-27")["Third quarter"] == "1987-Q3"
    # A fiscal year named anywhere in the report, or a quotation mark between the quarter and "ended".
    text = "Its fiscal year ends April 30. The firm earned $4 million in the fourth quarter."
    assert _values(text, "1987-03-09")["the fourth quarter"] == "1987-Q4"
    text = 'She said sales "fell in the fourth quarter" ended February 28.'
    assert _values(text, "1987-03-20")["the fourth quarter"] == "1987-Q4"
    # A fiscal year written right after the quarter is its year.
    text = "It excludes a gain of $40,000 in the third quarter fiscal 1986."
    assert _values(text, "1987-03-11")["the third quarter"] == "1986-Q3"
    # "fiscal policy" names no fiscal calendar: a reported fourth quarter in March is last year's.
    text = "The senator praised his fiscal policy. The firm earned $4 million in the fourth quarter."
    assert _values(text, "1987-03-09")["the fourth quarter"] == "1986-Q4"


def test_the_past_week_is_the_calendar_week_holding_most_of_its_days() -> None:
    # Written on a Friday, the seven days up to the report lie mostly in its own week; "last week" is the one before.
    values = _values("He has been in Bethesda for the last week. Last week he flew in.", "2000-04-14")
    assert values["the last week"] == "2000-W15"
    assert values["Last week"] == "2000-W14"
    # Written on a Tuesday, they lie mostly in the week before.
    assert _values("Polls over the past week showed him ahead.", "2000-04-11")["the past week"] == "2000-W14"
    # "this past week" needs no "the"; "this past weekend" is the latest begun, on a Sunday the one it is in.
    values = _values("This past week he voted, and this past weekend he rested.", "2000-04-16")
    assert values["This past week"] == "2000-W15"
    assert values["this past weekend"] == "2000-W15-WE"
    assert _values("He rested this past weekend.", "2000-04-17")["this past weekend"] == "2000-W15-WE"
    # Written on a Saturday, the weekend just begun is not yet past: the one before.
    assert _values("He rested this past weekend.", "2000-04-15")["this past weekend"] == "2000-W14-WE"
    # A month's final week is no span up to the report, and "the previous week" stays the anaphor's week before.
    # (nor the previous week: "of" after "the last week" leaves no week value at all).
    assert _values("Voting ends in the last week of June.", "2000-04-14") == {"June": "2000-06"}
    # Without "the", "last week of" is last week and a noun's complement ("accused last week of fraud").
    assert _values("He was accused last week of fraud.", "2000-04-14") == {"last week": "2000-W14"}
    values = _values("It sold 12 tonnes, against 9 tonnes the previous week.", "2000-04-14")
    assert values["the previous week"] == "2000-W14"


def test_year_numbering_a_plural_noun_read_through_the_ner() -> None:
    # A year before a plural noun with no determiner, which the parse makes a count's modifier, is a year where
    # spaCy's NER tags it a date near the report: the count test alone had dropped it.
    values = _values("Analysts cut their 2022 forecasts after the firm released 2020 results and 2019 figures.")
    assert values.get("2020") == "2020"
    assert values.get("2019") == "2019"
    # A count far from the report's year, and a number inside a table's run of numbers, stay no year.
    assert "1275" not in _values("Organisers said 1275 visitors came to the fair on Sunday.")
    assert "1990" not in _values("Elo ratings: 1985 1962 1990 1971 teams.")


def test_year_near_the_report_numbering_a_plural_noun() -> None:
    # Whatever the NER calls it, a number within a few years of the report before a plural noun is the cycle's
    # year ("2022 contenders" in a 2021 report); a count far from the report's year stays a count.
    assert _values("Several potential 2022 contenders met donors.").get("2022") == "2022"
    assert "1500" not in _values("The network serves 1500 campus users.")


def test_ambiguous_month_after_an_indefinite_article_dating_a_noun() -> None:
    # "a March report", "a May poll": the month modifies the common noun after it, as after "the" ("the March
    # accession"); a march or a name after "a" stays no month.
    values = _values("The senator cited a March report and called for a May poll.")
    assert values.get("March") == "2021-03"
    assert values.get("May") == "2021-05"
    assert "March" not in _values("Thousands joined a March for Science rally on Saturday.")


def _reuters_value(newid: int, phrase: str) -> str | None:
    """The value times.rules gives the first ``phrase`` of Reuters-21578 story ``newid`` (none in any gold set),
    anchored on its date."""
    import html
    import re

    from tests.conftest import CORPUS

    raw = (CORPUS / "reuters21578" / f"reut2-{(newid - 1) // 1000:03d}.sgm").read_text(encoding="latin-1")
    story = re.search(rf'NEWID="{newid}">(.*?)</REUTERS>', raw, re.DOTALL)
    assert story is not None
    date = re.search(r"<DATE>\s*(\d+-\w+-\d+)", story[1])
    body = re.search(r"<BODY>(.*?)</BODY>", story[1], re.DOTALL)
    assert date is not None and body is not None
    text = html.unescape(body[1])
    start = text.index(phrase)
    anchor = dt.datetime.strptime(date[1].title(), "%d-%b-%Y").date()
    found = find_times(text, anchor, load_nlp()(text))
    return next((f.value for f in found if f.start < start + len(phrase) and start < f.end), None)


def test_a_year_numbering_a_singular_unit_is_that_year() -> None:
    # Reuters results notes: "1986 year operating net includes ..." is the year 1986, not a span of 1986 years;
    # "the 1986 quarter" lies in 1986; "at 1986 year end" is that year's end, not the report's year's.
    assert _reuters_value(1084, "1986 year operating net") == "1986"
    assert _reuters_value(210, "1985 year loss") == "1985"
    assert _reuters_value(21145, "the 1986 quarter") == "1986"
    assert _reuters_value(8510, "At 1986 year end") == "1986-12-31"
    # A count takes a plural or a hyphen: those stay spans.
    values = _values("The city stood for 2000 years until a 1000-year flood.")
    assert values["2000 years"] == "P2000Y"
    assert values["1000-year"] == "P1000Y"


def test_a_worded_span_ends_after_it_starts() -> None:
    # "from July to December" written in June 1987: December alone would be the last one (1986-12), but the
    # span's end follows its start.
    assert _reuters_value(19560, "from July to December") == "1987-07"
    assert _reuters_value(19560, "December, raising") == "1987-12"
    # Where the end gives the year ("August last year"; "July 1, 2012"), the start is moved back to it.
    assert _reuters_value(9667, "June and August last year") == "1986-06"
    assert _corpus_value("nSiYg2UtVSok9M5I", "June 7 and July 1, 2012") == "2012-06-07"
    # A span that dates a past verb is over: "a season that ran from April 3 to December 27" (March 1987).
    assert _reuters_value(8009, "April 3 to December 27") == "1986-04-03"
    assert _reuters_value(8009, "December 27") == "1986-12-27"
    # Only a date that writes its month keeps its month and day in another year: "between Friday and Election
    # Day" (July 2012) must not turn 2011's Election Day, November 8, into 2012-11-08 (2012's was November 6).
    assert _corpus_value("t8H4ZxbDibhKQy2x", "Election Day will change") != "2012-11-08"
    # Within one year an end before the start is left: a date moved earlier is no span.
    values = _values("The vote was moved from June 5 to May 3.", "2021-04-20")
    assert (values["June 5"], values["May 3"]) == ("2021-06-05", "2021-05-03")


def test_a_lead_word_after_an_opening_quotation_mark() -> None:
    # "“By September … we project" (AllSides, 2020-05-12): "By" leads the month though no space parts it from
    # the quotation mark, as "by September" does elsewhere in the same report.
    assert _corpus_value("JiSiGHzUNJktF6pZ", "By September … we project") == "2020-09"
    assert _values("The rate rises (effective March 1) for new loans.", "2021-06-16")["March 1"] == "2022-03-01"


def test_an_ordinal_before_a_year_numbered_quarter_or_half_picks_it() -> None:
    # Reuters results notes write the ordinal before the year as often as after it: "the first 1987 quarter",
    # "its final 1986 quarter", "the 1985 second half" name one quarter or half of that year, not the whole year.
    assert _reuters_value(8070, "the first 1987 quarter") == "1987-Q1"
    assert _reuters_value(16197, "third 1986 quarter") == "1986-Q3"
    assert _reuters_value(9563, "final 1986") == "1986-Q4"
    assert _reuters_value(6089, "the 1985 second half") == "1985-H2"
    assert _reuters_value(11083, "the 1986 second half") == "1986-H2"


def test_a_year_numbers_only_a_unit_of_the_calendar() -> None:
    # A unit no year names is counted even without a plural ("a 1500 hour course"), an age stays an age ("a 2000
    # year old mosaic"), and a decade numbered by its first year is that decade.
    values = _values("He took a 1500 hour course on a 2000 year old mosaic in the 1990 decade.", "2020-06-10")
    assert values["1500 hour"] == "PT1500H"
    assert "2000 year" not in values
    assert values["the 1990 decade"] == "199"


def test_a_span_of_years_is_one_range() -> None:
    # Our guide's ranges: "from 2008-10", "the 1954–94 period", "the 2018-19 season" are one span of years
    # (2008/2010), the end's century and decade taken from the start; before v20 nothing was found, or only
    # the start written with an en dash (1954). Unseen bulk reports (AllSides, Reuters-21578).
    assert _corpus_value("YmGqT50f6QHV5Q3t", "2008-10") == "2008/2010"
    assert _corpus_value("YmGqT50f6QHV5Q3t", "2010-12") == "2010/2012"
    assert _corpus_value("zrbzK2B76aknRBTr", "1954–94") == "1954/1994"
    assert _corpus_value("2lsGVOczs1yrq164", "2018-19") == "2018/2019"
    assert _reuters_value(2223, "1986-87") == "1986/1987"
    values = _values("They sent 1500-2000 troops on 2019-03-13 at a cost of $1,500-2,000; in 1999-00 it grew.")
    assert "1500-2000" not in values and "1,500-2,000" not in values
    assert values["2019-03-13"] == "2019-03-13"
    assert values["1999-00"] == "1999/2000"


def test_a_span_of_years_is_no_sentence_dash_nor_serial_number() -> None:
    # A dash with white space beside it, before a number shorter than a year, is the sentence's own dash: the
    # date, then the months after it (v20 read 2015/2018 and lost "18 months"). Unseen AllSides report.
    assert _corpus_value("Z55DRzCgkMjs1Uck", "2015 – 18") == "2015"
    assert _corpus_value("Z55DRzCgkMjs1Uck", "18 months") == "P18M"
    # One digit stays in the start's decade ("2007-9"); one before the start's last digit is a serial number
    # (v20 read 1978/1982). Unseen Reuters-21578 story.
    assert _reuters_value(17816, "1978-2") is None
    values = _values("In 2008 — 10 years after the war — two Lockheed L1011-50 jets flew; 2007 – 2013 and 2007-9.")
    assert values["2008"] == "2008" and values["10 years"] == "P10Y"
    assert "L1011-50" not in values and "1011-50" not in values
    assert values["2007 – 2013"] == "2007/2013" and values["2007-9"] == "2007/2009"


def test_a_span_of_years_before_a_number_word_is_no_table() -> None:
    # A table's figures are written in digits; a number word after a span counts the next noun. Unseen bulk
    # reports (Reuters-21578, AllSides); v20 read no range in either, taking "five" and "two" for a table's figures.
    assert _reuters_value(7534, "1986-90") == "1986/1990"  # "during the current 1986-90 five-year plan"
    assert _corpus_value("XOsppCbsGKxjdzLS", "2011-2012") == "2011/2012"  # "the 2011-2012 two-year term"
    # The market table's digits still rule a run of figures out ("choice 2-3 1150-1175 lbs 69.75-70.00").
    assert _reuters_value(14694, "1150-1175") is None


def test_a_slash_joins_a_crop_or_fiscal_year() -> None:
    # Reuters writes crop, budget and fiscal years with a slash ("the coming 1987/88 season", "fiscal 1986/87"):
    # one range of the two years it spans, as "1986-87" is. Before v22 only the start year was found, or "fiscal
    # 1986" alone. Unseen Reuters-21578 stories.
    assert _reuters_value(16144, "1987/88") == "1987/1988"
    assert _reuters_value(10406, "fiscal 1985/86") == "1985/1986"
    assert _reuters_value(10406, "fiscal 1986/87") == "1986/1987"
    # A slash between two figures that are not consecutive years is a price quote, not a span (Reuters' Paris
    # sugar table, "Aug 1170/1172 ba Oct 1200/1207 ba": v22 before the check read 1170/1172).
    quotes = _values("PARIS SUGAR - APR 7 May 1145/1150 Ba Aug 1170/1172 ba Oct 1200/1207 ba", "1987-04-07")
    assert not any("/" in value for value in quotes.values())
    values = _values("Sales in fiscal 1986-87 and the 1999/2000 season; filed 2001/02/15.")
    assert values["fiscal 1986-87"] == "1986/1987"
    assert values["1999/2000"] == "1999/2000"
    assert not any("/" in value for text, value in values.items() if "2001" in text)


def test_a_worded_span_of_years_is_one_range_record() -> None:
    # Our guide's example range, "from 2014 to 2016", is one time record (v22; two points before). Unseen BBC
    # and AllSides reports.
    text = (CORPUS / "bbc-news-greene2006" / "bbc" / "business" / "427.txt").read_text(encoding="latin-1")
    values = {t.text: t.value for t in _times(text, "2005-02-01")}
    assert values["between 1989 and 2003"] == "1989/2003"
    assert "1989" not in values
    values = _values("He was governor from 1983 to 1992. Notes from 2012 and 2013 exist; it moved from 2016 to 2014.")
    assert values["from 1983 to 1992"] == "1983/1992"
    assert values["2012"] == "2012" and values["2013"] == "2013"  # two years named, no span
    assert values["2016"] == "2016" and values["2014"] == "2014"  # an end before its start: a date moved
    # TimeML marks each end as its own TIMEX3: find_times, which TBAQ scores, keeps the two points.
    assert [f.value for f in find_times("He was governor from 1983 to 1992.", dt.date(2020, 1, 1))] == ["1983", "1992"]


def test_a_year_counted_from_a_crop_or_fiscal_year_spans_two_years() -> None:
    # A crop, budget or fiscal year written as two calendar years is the year "the previous year" and "that year"
    # count from, and the year they name spans two calendar years too (v23; v22 gave the start year's year
    # before, or lost it without a report's date). Unseen Reuters-21578 and BBC stories.
    # "prices fell in 1986/87, compared with the previous year"
    assert _reuters_value(16772, "the previous year") == "1985/1986"
    text = (CORPUS / "bbc-news-greene2006" / "bbc" / "politics" / "105.txt").read_text(encoding="latin-1")
    values = {t.text: t.value for t in _times(text, None)}
    assert values["the previous year"] == "2002/2003"  # "In 2003/2004, ... compared with ... the previous year"
    # A month of such a year has no one calendar year: undated, not put in the report's year.
    values = _values("Sales fell in fiscal 1986/87. In August of that year the plant closed.", "1987-03-01")
    assert values["August of that year"] == "XXXX-08"


def test_named_days_are_their_holidays_not_a_weekday_near_the_report() -> None:
    # "Super Tuesday" had been read as the Tuesday before or after the report (session 29's audit: 4 of 21 wrong
    # values on 30 unseen reports). It is the first Tuesday of March of a presidential election year: in January
    # 2020 the coming 2020-03-03, in January 2019 still 2020's (2019 holds none), a week after it the one gone.
    assert _corpus_value("TpA3Mr2MzGOmEHny", "Super Tuesday. Joe") == "2020-03-03"
    assert _corpus_value("6KhMmM71oi3b8IMC", "Super Tuesday—but") == "2020-03-03"
    assert _corpus_value("17aSKihdbLgSG8IW", "Super Tuesday? Trump") == "2016-03-01"
    # Without a tense the nearer of the last and the next (October 2015: the coming one, not 2012's).
    assert _corpus_value("4zTnTx3RYp65bnWE", "Super Tuesday —") == "2016-03-01"
    # Black Friday follows Thanksgiving (2018-11-22), where "Friday" alone was the Friday before the report.
    assert _corpus_value("q2eG1eSUsBWXMQ5Q", "Black Friday, the day after") == "2018-11-23"
    values = _values("Shoppers flocked to stores on Black Friday and Cyber Monday.", "2021-12-01")
    assert (values["Black Friday"], values["Cyber Monday"]) == ("2021-11-26", "2021-11-29")


def test_a_holiday_takes_the_year_written_after_it() -> None:
    # "Election Day 2016" in a report of July 2020 had been the 2019 Election Day and a year apart.
    values = _values("Exit polling on Election Day 2016 showed that voters backed Trump.", "2020-07-17")
    assert values == {"Election Day 2016": "2016-11-08"}
    assert _corpus_value("ByGQWp25Cguw5Ekd", "Election Day 2020") == "2020-11-03"
    # The written year dates it in a report without a date too.
    assert _values("He was arrested on Christmas Day 2009.", None) == {"Christmas Day 2009": "2009-12-25"}
    # A count after the holiday, far from the report's year, is no year of it; a year near it before a plural noun
    # is ("Black Friday 2020 sales"): the parse makes both numbers the holiday's modifier.
    values = _values("By Christmas 2000 troops will be home.", "2021-06-16")
    assert values == {"Christmas": "2021-12-25"}  # nor a year record of its own ("2000", v24; one predicate, v25)
    assert _values("Black Friday 2020 sales were up.", "2021-01-06") == {"Black Friday 2020": "2020-11-27"}
    # A number with a comma is no year: "Christmas Day 1,000 people".
    assert _values("On Christmas Day 1,000 people were evacuated.", "2021-01-05") == {"Christmas Day": "2020-12-25"}


def test_a_number_counting_the_noun_after_a_name_is_no_year() -> None:
    # The holiday rule and the bare-year rule read one predicate (_counts_after, v25): a section number before
    # a plural noun is a count too, where the parse hangs it on the name before it.
    assert "1402" not in _values("Congress did not squeeze Section 1402 reimbursements into it.", "2017-07-31")
    # A year a preposition governs, or one near the report's, stays a year.
    assert _values("In 2008 voters chose Obama.", "2017-07-31") == {"2008": "2008"}
    assert _values("Trump 2016 supporters gathered.", "2017-07-31") == {"2016": "2016"}


def test_super_tuesday_in_a_year_the_rule_misses_and_a_later_one_numbered() -> None:
    # 2008's was February 5, not the first Tuesday of March (``dates`` in times.yaml).
    assert _values("On Super Tuesday 2008, Obama won 13 states.", "2016-02-20") == {"Super Tuesday 2008": "2008-02-05"}
    assert _values("Candidates campaigned ahead of Super Tuesday.", "2008-01-20")["Super Tuesday"] == "2008-02-05"
    # A later primary day numbered or ordinal is no first Tuesday of March: the weekday rule dates the Tuesday.
    values = _values("Biden swept Super Tuesday 2 on March 10.", "2020-03-12")
    assert values.get("Tuesday") == "2020-03-10" and "Super Tuesday" not in values
    assert "Super Tuesday" not in _values("Voters head to the polls for Super Tuesday III next week.", "2016-03-12")
    assert "Super Tuesday" not in _values("After the third Super Tuesday, Sanders left the race.", "2020-03-18")


def test_no_time_runs_across_a_blank_line_and_a_clock_time_before_a_zone_is_no_year() -> None:
    # BBC kick-off lines: "Tuesday, 1 March\n\n1945 GMT" had been March 1945 (7 such in the BBC corpus).
    values = _values("Griffin Park\n\nTuesday, 1 March\n\n1945 GMT\n\nBarry Knight (Kent)", None)
    assert values.get("1 March") == "XXXX-03-01" and "1945" not in values
    # A live blog's time stamp after a month: "mid-November.\n\n10:26 a.m. ET" had been November 10.
    values = _values("Figures will be made public in mid-November.\n\n10:26 a.m. ET\n\nThe contractors", "2013-10-30")
    assert values["mid-November"] == "2013-11"
    # One line break stays a space (Reuters and TimeBank wrap lines inside sentences).
    assert _values("It was signed on March\n3, 1987 in Paris.", "1987-06-01")["March\n3, 1987"] == "1987-03-03"
    assert "1530" not in _values("Reagan will speak at 1530 EST on Tuesday.", "1987-03-02")
    # Nor is a range's first number before a zone (it had been the year 1130).
    assert _values("Trading was halted from 1130 to 1215 GMT.", "1987-04-01") == {}


def test_noon_or_midday_after_a_preposition_is_a_time_of_its_day() -> None:
    # Reuters-21578 (no gold): a market's "at midday" is the report's day, a zone after it joins it.
    assert _reuters_value(14355, "at midday") == "1987-04-07T12:00"
    assert _reuters_value(290, "noon gmt today") == "1987-03-02T12:00"
    # AllSides bulk reports: "By midday," the report's day; a day its sentence named before it ("on Monday,
    # March 25 at noon ET").
    assert _allsides_values("A0SFvUT7qrXBBIgl")["midday"] == "2018-01-06T12:00"
    assert _allsides_values("B0NUXFfnPLWJLzEB")["noon ET"] == "2019-03-25T12:00"
    # Not a noun's modifier ("at noon buying rate"), nor one with a day after it the clock rule does not join.
    assert _reuters_value(6035, "at noon") is None  # "at noon\nbuying rate of the Federal Reserve Bank"
    assert _reuters_value(7396, "at noon") is None  # "at noon (EST) next Thursday"


def test_noon_midday_and_ct_without_the_corpus() -> None:
    # Needs no corpus, so it runs where ../shared is absent. The report's day would be wrong for a day named after
    # "noon" that the clock rule does not join: a date with an ordinal, a relative day other than the report's, a
    # day counted from the last date named, a set (habitual); "today" is the report's day.
    assert "noon" not in _values("At about noon on August 9th, he heard the call.", "2014-11-25")
    assert _values("The deadline is at noon tomorrow.") == {"tomorrow": "2021-06-17"}
    assert _values("He was arrested at noon yesterday.") == {"yesterday": "2021-06-15"}
    assert "noon" not in _values("On May 3 the talks began; by noon the next day they had failed.")
    assert "noon" not in _values("Prayers are held at noon every day.")
    assert _values("The bill becomes law at noon today.")["noon"] == "2021-06-16T12:00"
    assert _values("Polls closed at noon.") == {"noon": "2021-06-16T12:00"}
    # Nor "noon" with no preposition of time, nor "midnight".
    assert "noon" not in _values("It was high noon for the party.")
    assert "midnight" not in _values("The shops stay open until midnight.")
    # "CT" joins a clock time; after four digits it is still Connecticut.
    assert _values("Kickoff is at 7 p.m. CT Sunday.") == {"7 p.m. CT Sunday": "2021-06-20T19:00"}
    assert _values("He won the 2016 CT race.")["2016"] == "2016"


def test_ct_is_a_zone_after_a_clock_time_only() -> None:
    # The whole corpus's two "p.m. CT" (one AllSides report and its copy's sibling): the zone joins the clock time
    # and the weekday after it; the day had been the report's (2015-03-12) and "Tuesday" apart.
    assert _allsides_values("4RSq9DAFSHkj3NGm")["8:30 p.m. CT Tuesday"] == "2015-03-10T20:30"
    assert _allsides_values("EGcHUt4jqo8duHd8")["7:09 p.m. CT"] == "2014-10-16T19:09"


def test_v27_later_in_the_day_is_the_unit_of_a_day_near_it_else_the_reports() -> None:
    # Needs no corpus. "later in the day", "early in the week", "late in the month": the unit of a date named in
    # its sentence or the one before, else of the report's date (2021-06-16, a Wednesday).
    assert _values("Trump met Kim on Tuesday. Later in the day, he left.")["Later in the day"] == "2021-06-15"
    assert _values("He came in May 2015. Late in the month he left.")["Late in the month"] == "2015-05"
    assert _values("The bill passed early in the week.") == {"early in the week": "2021-W24"}
    # "Earlier" looks back: a deadline after the report's date is no antecedent of it.
    values = _values("Schools stay shut through at least July 20. Earlier in the day the mayor spoke.")
    assert values["Earlier in the day"] == "2021-06-16"
    # A day named right after it is that day's ("Late in the day on Tuesday"); "later in the year" stays the
    # report's year (``_the_year``); with no date at all, nothing.
    assert _values("Late in the day on Tuesday he left.") == {"Tuesday": "2021-06-15"}
    assert _values("The vote is expected later in the year.") == {"the year": "2021"}
    assert _values("The vote passed.\n\nEarlier in the day, he spoke.", None) == {}


def test_v27_later_in_the_day_in_real_reports() -> None:
    # AllSides bulk reports outside the gold (seeds 120300-120400 of session 32's hand check).
    # The weekday of the sentence before ("in a late night Tweet on Wednesday. Earlier in the day, ...").
    assert _allsides_values("BrOhhC9Ql8U6s0SC")["Earlier in the day"] == "2019-01-23"
    # The story's day, the day before the report's, named earlier in the text (Okoumou's July 4 climb; a
    # Sunday sermon in a Monday report, so the week before).
    assert _allsides_values("Bcf2FTK8G4We9CEl")["Earlier in the day"] == "2018-07-04"
    assert _allsides_values("O5NsyoS3T96GGB64")["Earlier in the week"] == "2020-W14"
    # Not the "April 20" the sentence before names as a school closure's end: the report's day.
    assert _allsides_values("d9H8B6rw8mKKDyXr")["Earlier in the day"] == "2020-03-15"


def test_v27_story_day_is_a_day_named_not_yesterday_and_no_degree_adverb() -> None:
    # Needs no corpus. Report of Wednesday 2021-06-16. A day named for the day before, more than a sentence back,
    # is the story's day ("Tuesday night" in a report dated the next morning) ...
    story = "Trump spoke on Tuesday night.\n\nHe left. They went. Earlier in the day, he had met Kim."
    assert _values(story)["Earlier in the day"] == "2021-06-15"
    # ... but not one the text reaches by "yesterday" or "last night": it writes from the report's own day (a
    # market close's "yesterday's intraday low ... Stocks dropped early in the day", session 32's review).
    for word in ("yesterday", "last night"):
        text = f"Trump spoke {word}.\n\nHe left. They went. Earlier in the day, he had met Kim."
        assert _values(text)["Earlier in the day"] == "2021-06-16"
    # "too late in the day", "relatively late in the day": late in a process, no calendar day.
    assert _values("Maybe it was too late in the day to fight.") == {}
    assert _values("The offer came relatively late in the day.") == {}


def test_v27_review_mends_in_real_reports() -> None:
    # Session 32's review draw (seed 127000): a Bloomberg market close whose only day before the phrase is
    # "yesterday's intraday low"; the stocks fell on the report's day.
    assert _allsides_values("AbwXSDfoCYsNzYGj")["early in the day"] == "2014-08-05"
    # A debate's "too late in the day, and too late in the campaign trail": no time.
    assert "late in the day" not in _allsides_values("qI2Xmw0iiT70QpY2")


def test_v28_a_weekday_governed_by_by_or_before_is_a_deadline() -> None:
    # Needs no corpus. Report of Wednesday 2021-06-16. A weekday the parse hangs on "by" or "before", through a
    # clock word or "the end of", is a deadline: the coming day unless a past tense governs it (v27 took the last
    # one whatever the tense).
    assert _values("Polling sites must be relocated before Tuesday.") == {"Tuesday": "2021-06-22"}
    assert _values("Lawmakers must pass the bill by noon Friday.") == {"noon Friday": "2021-06-18T12:00"}
    assert _values("The deal should be done by the end of Friday.") == {"Friday": "2021-06-18"}
    assert _values("Leaders hope to reach a deal by the Tuesday deadline.") == {"Tuesday": "2021-06-22"}
    # "until" reached through the parse looks ahead as right after it does ...
    assert _values("The ban will last until the end of Tuesday.") == {"Tuesday": "2021-06-22"}
    # ... unless negated, where the parse may hang the "not" on the preposition.
    assert _values("Not until late Monday was it reported that he left.") == {"Monday": "2021-06-14"}
    # A past tense, a bare passive participle, or an -ing participle on a past verb: the last one.
    assert _values("By Tuesday, 40 people had died.") == {"Tuesday": "2021-06-15"}
    assert _values("A poll taken before Tuesday showed him ahead.") == {"Tuesday": "2021-06-15"}
    values = _values("The fund bought shares last week, taking its stake to 13.7 pct by Friday.")
    assert values["Friday"] == "2021-06-11"
    # Not through a noun of an event the day dates: "until" there governs the win, and the day is the win's
    # (session 33's review; v28 as first written took the coming Tuesday).
    assert _values("Polls showed her ahead in the state until Trump's win there Tuesday.") == {"Tuesday": "2021-06-15"}


def test_v28_deadline_weekdays_in_real_reports() -> None:
    # AllSides bulk reports outside the gold (session 33's draws, seeds 138000 and 138200).
    # Hong Kong's leader, Sunday 2014-10-05: police "will take all necessary actions" to clear streets by Monday.
    assert _allsides_values("E3pOVKaT7PVVYVyt")["Monday"] == "2014-10-06"
    # Wednesday 2014-12-10: the spending bill "must pass by midnight Thursday to avoid a government shutdown".
    assert _allsides_values("eUTCL5Xmj66dvjQZ")["midnight Thursday"] == "2014-12-11T00:00"
    # Wednesday 2020-03-11, Chicago: polling sites "must be relocated before Tuesday" (the March 17 primary).
    assert _allsides_values("buKmVHzhVbNW2ufp")["Tuesday"] == "2020-03-17"


def test_v28_review_a_day_dating_an_event_noun_is_no_deadline() -> None:
    # AllSides bulk report of Wednesday 2016-11-09 (session 33 review's fresh draw, seed 147000): Pennsylvania, "a
    # blue-leaning state that Republicans hadn't carried since 1988 -- until Trump's win there Tuesday", the
    # election day before the report, which v28 as first written moved to the coming Tuesday through "win".
    import json

    from dateline.extract.times import parse_date
    from tests.conftest import CORPUS

    report = json.loads((CORPUS / "allsides-article-bias" / "jsons" / "1DrASFPkQNbt983f.json").read_text(encoding="utf-8"))
    text = report["content"]
    at = text.index("win there Tuesday") + len("win there ")
    found = {f.start: f.value for f in find_times(text, parse_date(report["date"]), load_nlp()(text))}
    assert found[at] == "2016-11-08"


def test_v29_a_day_set_by_a_passive_verb_of_scheduling_is_the_coming_one() -> None:
    # Needs no corpus. Report of Wednesday 2021-06-16. A day the parse hangs on a passive or participle verb of
    # forecasting or scheduling ("is scheduled for", "was expected") dates the expected event, so the coming day
    # whatever the tense of the auxiliary (v28 took the last one under a past auxiliary or a bare participle).
    assert _values("A vote was expected Tuesday in the Senate.") == {"Tuesday": "2021-06-22"}
    assert _values("The committee vote, scheduled for Monday, drew protests.") == {"Monday": "2021-06-21"}
    assert _values("A hearing is scheduled for Friday.") == {"Friday": "2021-06-18"}
    # A past perfect tells of a schedule that no longer holds, and a verb of announcing is no forecast: the last one.
    assert _values("The hearing had been scheduled for Monday.") == {"Monday": "2021-06-14"}
    assert _values("The plan was announced Monday.") == {"Monday": "2021-06-14"}


def test_v29_review_a_present_perfect_schedule_holds_and_an_estimate_dates_its_act() -> None:
    # Needs no corpus. Report of Wednesday 2021-06-16. Session 34's review: a present perfect is a schedule that
    # still holds (the author's rule took any "have" as a past perfect), and a day on the passive of a verb of
    # estimating dates the estimate, not an awaited event (only ``scheduling_verbs`` set the coming day).
    assert _values("The vote has been scheduled for Thursday.") == {"Thursday": "2021-06-17"}
    assert _values("The damage was estimated Monday at $2 billion.") == {"Monday": "2021-06-14"}
    assert _values("Growth was projected Monday at 3 percent by the central bank.") == {"Monday": "2021-06-14"}


def _allsides_value_at(name: str, phrase: str, word: str) -> str:
    """The value of the time at ``word`` inside the first ``phrase`` of one AllSides bulk report (outside the
    gold), anchored on its date: a report may name the same weekday more than once."""
    import json

    from dateline.extract.times import parse_date

    report = json.loads((CORPUS / "allsides-article-bias" / "jsons" / f"{name}.json").read_text(encoding="utf-8"))
    text = report["content"]
    at = text.index(phrase) + phrase.index(word)
    found = {f.start: f.value for f in find_times(text, parse_date(report["date"]), load_nlp()(text))}
    return found[at]


def test_v29_scheduled_days_in_real_reports() -> None:
    # AllSides bulk reports outside the gold (session 34's draws, seeds 159000 and 159200); v28 gave the week before.
    # Monday 2017-03-20: "a floor vote scheduled for Thursday" (the House vote then planned for March 23).
    assert _allsides_value_at("QFclKTsO8Rusi7ap", "scheduled for Thursday", "Thursday") == "2017-03-23"
    # Wednesday 2019-04-24: Butina's "sentencing hearing is scheduled for Friday" (April 26).
    assert _allsides_value_at("jEjszsIryUuIQ7Mj", "scheduled for Friday", "Friday") == "2019-04-26"
    # Monday 2014-11-17: the Senate's Keystone XL vote "is scheduled for Tuesday" (November 18).
    assert _allsides_value_at("HY2mStNHt4cLn3hr", "scheduled for Tuesday", "Tuesday") == "2014-11-18"
