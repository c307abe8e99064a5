import pytest

from lawsite.core.numerals import from_int, to_int

CASES = [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (28, "二十八"), (62, "六十二"),
         (100, "一百"), (101, "一百零一"), (110, "一百一十"), (111, "一百一十一"),
         (200, "二百"), (305, "三百零五"), (999, "九百九十九"), (1000, "一千"),
         (1001, "一千零一"), (1010, "一千零一十"), (1100, "一千一百")]


@pytest.mark.parametrize("number, numeral", CASES)
def test_both_directions(number, numeral):
    assert from_int(number) == numeral
    assert to_int(numeral) == number


def test_round_trip_up_to_999_and_beyond():
    for number in range(1, 2000):
        assert to_int(from_int(number)) == number


@pytest.mark.parametrize("bad", ["", "零", "一十", "一百十", "十十", "三五", "百", "一百零", "二十零"])
def test_rejects_malformed(bad):
    with pytest.raises(ValueError):
        to_int(bad)


def test_range():
    with pytest.raises(ValueError):
        from_int(0)
