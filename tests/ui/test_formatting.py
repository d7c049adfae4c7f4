"""Months read as a clerk writes them: 2024年1月, not 2024-01-01."""

from __future__ import annotations

import datetime as dt

from ui import formatting as fmt


def test_a_month_shows_as_year_and_month() -> None:
    assert fmt.month_text(dt.date(2024, 1, 1)) == "2024年1月"
    assert fmt.month_text(dt.date(2024, 12, 1)) == "2024年12月"
    assert fmt.month_text(dt.date(2024, 7, 15)) == "2024年7月15日"  # a day inside the month
    assert fmt.month_text(None) == ""


def test_sentences_follow_one_another_without_a_space_after_a_chinese_stop() -> None:
    from ui.formatting import sentences

    assert sentences("测算286人。", "其中38名未计入。") == "测算286人。其中38名未计入。"
    assert (
        sentences("286 people.", "Of these, 38 not counted.")
        == "286 people. Of these, 38 not counted."
    )
    assert sentences("测算286人。", "") == "测算286人。"
