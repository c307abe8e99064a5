"""Chinese numerals ↔ integers, as used in 第X章, 第X节, 第X条 and （X） labels.

Counting numbers in legal texts use the small forms 一二三四五六七八九十百千 and
零 for an empty place: 第一百零一条, 第一百一十条 (never 第一百十条).

>>> to_int("六十二")
62
>>> to_int("一百零一"), to_int("一百一十"), to_int("九百九十九")
(101, 110, 999)
>>> to_int("十"), to_int("十二"), to_int("二十")
(10, 12, 20)
>>> from_int(62), from_int(101), from_int(110), from_int(1000)
('六十二', '一百零一', '一百一十', '一千')
>>> all(to_int(from_int(n)) == n for n in range(1, 10000))
True
"""

import re

DIGITS = "零一二三四五六七八九"
UNITS = {"十": 10, "百": 100, "千": 1000}

# A well-formed numeral from 1 to 9999, one optional group per unit:
NUMERAL = re.compile(
    r"""
    ^(?:(?P<qian>[一二三四五六七八九])千)?      # thousands: 一千 … 九千
     (?:零?(?P<bai>[一二三四五六七八九])百)?    # hundreds, 零 after an empty place
     (?:零?(?P<shi>[一二三四五六七八九]?)十)?   # tens: 十 alone is 10 at the start
     (?:零?(?P<ge>[一二三四五六七八九]))?$      # units
    """,
    re.VERBOSE,
)

CHARS = DIGITS + "".join(UNITS)
"""Every character a numeral may contain (for building other patterns)."""


def to_int(numeral: str) -> int:
    """Return the value of a Chinese numeral; raise ValueError if it is not one.

    >>> to_int("三十")
    30
    >>> to_int("三五")
    Traceback (most recent call last):
    ...
    ValueError: not a Chinese numeral: '三五'
    """
    match = NUMERAL.match(numeral)
    if not numeral or not match or numeral != from_int(_value(match)):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return _value(match)


def value(numeral: str) -> int:
    """The value of a numeral, or 0 when it is not a well-formed one (第三五条 is text).

    >>> value("二十八"), value("三五")
    (28, 0)
    """
    try:
        return to_int(numeral)
    except ValueError:
        return 0


def _value(match: re.Match) -> int:
    parts = match.groupdict()
    value = sum(DIGITS.index(parts[unit]) * scale
                for unit, scale in (("qian", 1000), ("bai", 100), ("ge", 1)) if parts[unit])
    if parts["shi"] is not None:                   # 十 present
        value += 10 * (DIGITS.index(parts["shi"]) if parts["shi"] else 1)
    return value


def from_int(number: int) -> str:
    """Write 1 ≤ number ≤ 9999 the way legal texts do.

    >>> from_int(10), from_int(15), from_int(105), from_int(2020)
    ('十', '十五', '一百零五', '二千零二十')
    """
    if not 1 <= number <= 9999:
        raise ValueError(f"out of range: {number}")
    out, pending_zero = "", False
    for scale, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // scale % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        # 十五, not 一十五, when the number starts with its tens
        out += ("" if (scale == 10 and digit == 1 and not out) else DIGITS[digit]) + unit
    return out


def to_roman(number: int) -> str:
    """Roman numeral, for English chapter labels (Chapter IV).

    >>> to_roman(4), to_roman(9), to_roman(14)
    ('IV', 'IX', 'XIV')
    """
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + letters, number - value
    return out
