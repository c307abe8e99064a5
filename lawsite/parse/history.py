"""The header of a text: its title and its history (题注), read into entries.

A header is the title line, then the dated lines that say who adopted, approved,
amended, published the text and when. Real texts write the history in many
shapes, and this module reads all of them the same way:

- one entry a line, as a Markdown list (`- 2024年…通过`) or in brackets
  (`（2024年…通过　2024年…批准）`, several entries on one line);
- several entries on one line run together (`…修订根据2016年4月21日…修正`);
- one entry wrapped over several lines, even inside its date (`2014年9月26` /
  `日山东省…批准`) or its decision's title (`《关于修改` / `废止部分…的决定》修正`);
- a stray U+200B (zero-width space) on a line of its own;
- the title repeated after `<!-- INFO END -->`, on one line or wrapped over two.

The history lines are read as one stream of text (the lines joined by line
breaks); an entry ends with its action (通过, 批准, 修正, 修订, 公布, 施行) where the
next entry starts (a date, 根据, a line break) or the stream ends. What stands
between entries (spaces, brackets, line breaks, list marks) is kept as their
separators, and the line breaks inside an entry as its joins, so that nothing is
lost or glued: the separators and entries, in order, are the stream again.

>>> from lawsite.parse.lexer import lex
>>> header = parse(lex(["# 某市条例", "", "- 2014年7月23日 某市第十五届人民代表大会常务委员会第十五次会议通过",
...                     "- 2014年9月26", "日山东省第十二届人民代表大会常务委员会第十次会议批准"]))
>>> header.title, [(e.date.isoformat(), e.action, e.body) for e in header.entries]
('某市条例', [('2014-07-23', '通过', '某市人民代表大会常务委员会'), ('2014-09-26', '批准', '山东省人民代表大会常务委员会')])
>>> header.entries[1].text
'2014年9月26日山东省第十二届人民代表大会常务委员会第十次会议批准'
>>> header.stream == header.separators[0] + "".join(e.source + s for e, s in zip(header.entries, header.separators[1:]))
True
"""

import datetime
import re
from dataclasses import dataclass, field

from lawsite.core.errors import SourceError
from lawsite.parse.lexer import Line

DIGIT = "0-9０-９"
DATE = re.compile(rf"(?P<y>[{DIGIT}]{{4}})\s*年\s*(?P<m>[{DIGIT}]{{1,2}})\s*月\s*(?P<d>[{DIGIT}]{{1,2}})\s*日")
ACTIONS = ("通过", "批准", "修正", "修订", "修改", "公布", "公告", "施行")
ENDS = re.compile(r"(?P<action>通过|批准|修正|修订|修改|公布|公告|施行)(?:《[^《》]*》|》)?$")   # 决定修正》: a bracket misplaced upstream
# An entry ends with its action, where what follows is a separator and then the next
# entry (a date, 根据 …, 自…施行) or a line break or the end.
SEPARATOR = r"[\s\u200b（）()；;，,、。\-*+]*"
BOUNDARY = re.compile(
    rf"(?<=通过|批准|修正|修订|修改|公布|公告|施行)(?P<sep>{SEPARATOR}和?)"
    rf"(?=$|根据|依据|自?[{DIGIT}]{{4}}\s*年)"
    rf"|(?<=通过|批准|修正|修订|修改|公布|公告|施行)(?P<broken>[ \t\u3000\u200b）)；;，,。]*\n{SEPARATOR})"
    rf"|(?<=》)(?P<named>{SEPARATOR})(?=根据|[{DIGIT}]{{4}}\s*年)")    # 通过《旧名》1995年…修正
NAMED = re.compile(r"通过《[^《》]*》$")
LEADING_CHARS = " \t\n\r\u3000\u200b（）()；;，,、。-*+"        # SEPARATOR's characters
JOIN = re.compile(r"[ \t\u3000\u200b]*\n[\s\u200b]*")          # a line break inside an entry
BODY = re.compile(r"(?P<place>(?:(?!第)[\u4e00-\u9fff（）])*?)(?:第?[一二三四五六七八九十百零〇]+届)?"
                  r"(?P<organ>(?:全国)?人民代表大会常务委员会|人民代表大会常委会|人大常委会|人民代表大会|人大"
                  r"|人民政府)")
ORGANS = {"人民代表大会常委会": "人民代表大会常务委员会", "人大常委会": "人民代表大会常务委员会",
          "人大": "人民代表大会"}
ANNOUNCEMENT = re.compile(r"公告(?:[〔\[（(][0-9０-９]{4}[〕\]）)])?第?[0-9０-９一二三四五六七八九十百零〇]+号")
MEETING = re.compile(r"[\u4e00-\u9fff（）]+?(?:人民代表大会常务委员会|人民代表大会常委会|人大常委会|人民代表大会)"
                     r"(?:第[一二三四五六七八九十百零〇]+次)?(?:全体)?会议")
DECISION = re.compile(r"《[^《》]*(?:《[^《》]*》[^《》]*)*》|关于(?:[^《》]|《[^《》]*》)*?的决定")   # 《…》, 关于修改《…》的决定
ORDINAL = re.compile(r"第[一二三四五六七八九十]+次(?=修正|修订)")
# how an entry starts: a date (根据…, 自…施行, 经…), or, where the date is missing
# upstream, the meeting (宁波市第十届人民代表大会常务委员会…, 常务委员会第三十次会议…)
START = re.compile(rf"^(?:根据|依据|自|经)?[{DIGIT}]{{4}}\s*年"
                   r"|^[\u4e00-\u9fff]{0,12}?(?:第[一二三四五六七八九十]+届)?(?:人民代表大会|人大|常务委员会)")


@dataclass(frozen=True)
class Piece:
    """A part of an entry on one line: its text starts at `column` (0-based) of `line`."""

    line: int
    column: int
    text: str


@dataclass(frozen=True)
class Entry:
    """One entry of the history, e.g. `2024年10月22日烟台市第十八届…会议通过`."""

    source: str                      # as in the stream: line breaks inside it included
    pieces: tuple[Piece, ...]        # its parts, one a line
    action: str                      # the last action: 通过, 批准, 修正, 修订, 公布, 施行
    date: datetime.date | None       # the first date, if it has one
    body: str | None                 # the body that acted, without 第X届: 烟台市人民代表大会常务委员会
    meeting: str | None              # as written: 烟台市第十八届人民代表大会常务委员会第二十二次会议
    decision: str | None             # the amending decision, as written: 《关于修改…的决定》
    ordinal: str | None              # 第一次 (修正), as written
    approved: tuple[datetime.date | None, str] | None   # `…批准的<date><body>…修正`: the approval
    announcement: str | None         # 公告第14号, as written

    @property
    def text(self) -> str:
        """The entry as one line: its pieces without the line breaks between them."""
        return "".join(piece.text for piece in self.pieces)

    @property
    def line(self) -> int:
        return self.pieces[0].line


@dataclass
class Header:
    title: str                                   # whitespace removed
    title_line: int | None
    entries: list[Entry] = field(default_factory=list)
    separators: list[str] = field(default_factory=lambda: [""])   # one more than entries
    stream: str = ""                             # the history lines joined by "\n"
    repeated_title: list[int] = field(default_factory=list)        # lines repeating the title


def parse(lines: list[Line], path: str = "") -> Header:
    """The header lines (before the body) → title and entries. Raises a SourceError
    at the line of anything that is not the title or a history entry."""
    content = [line for line in lines if line.kind not in ("blank", "comment")
               and line.raw.strip("\u200b \t\u3000")]
    if not content:
        return Header("", None)
    title_line, *rest = content
    title = _squeeze(title_line.content)
    history, repeated = _without_repeated_title(rest, title)
    header = Header(title, title_line.line, repeated_title=repeated)
    if history:
        _read_history(header, history, path)
    return header


def _squeeze(text: str) -> str:
    return re.sub(r"[\s\u200b]+", "", text)


def _without_repeated_title(lines: list[Line], title: str) -> tuple[list[Line], list[int]]:
    """The lines that are not the title again (on one line or wrapped over several,
    with spaces: `上海市实施 《中华人民共和国义务教育法》办法`)."""
    kept, repeated, index = [], [], 0
    while index < len(lines):
        joined, end = "", index
        while end < len(lines) and title.startswith(joined + _squeeze(lines[end].content)) \
                and len(joined + _squeeze(lines[end].content)) > len(joined):
            joined += _squeeze(lines[end].content)
            end += 1
            if joined == title:
                break
        if joined == title and end > index:         # (an empty title is never repeated)
            repeated += [line.line for line in lines[index:end]]
            index = end
        else:
            kept.append(lines[index])
            index += 1
    return kept, repeated


def _read_history(header: Header, lines: list[Line], path: str) -> None:
    # the stream: each line's text after its Markdown heading marks, joined by "\n";
    # `where` maps each character of the stream to its (line, column) in the file
    parts, where = [], []
    for line in lines:
        start = line.raw.index(line.content) if line.content and line.content in line.raw else 0
        text = line.raw[start:].rstrip()
        parts.append(text)
        where += [(line.line, start + i) for i in range(len(text))] + [None]
    stream = "\n".join(parts)
    header.stream = stream
    leading = len(stream) - len(stream.lstrip(LEADING_CHARS))
    header.separators = [stream[:leading]]
    position = leading
    for match in BOUNDARY.finditer(stream, leading):
        before = stream[position:match.start()]
        if match.start() < position or before.count("《") > before.count("》"):
            continue                                 # inside a decision's title: 《关于修改\n废止…》
        if match.group("named") is not None and not NAMED.search(before):
            continue
        _add(header, stream, where, position, match.start(), path)
        header.separators.append(match.group())
        position = match.end()
    if position < len(stream):                   # text after the last entry's action
        _add(header, stream, where, position, len(stream), path)
        header.separators.append("")


def _add(header: Header, stream: str, where: list, start: int, end: int, path: str) -> None:
    source = stream[start:end]
    pieces, at = [], start
    for join in list(JOIN.finditer(source)) + [None]:
        stop = start + join.start() if join else end
        if stop > at:
            line, column = where[at]
            pieces.append(Piece(line, column, stream[at:stop]))
        at = start + join.end() if join else end
    entry = _entry(source, tuple(pieces))
    if not ENDS.search(entry.text) or not START.search(entry.text) or "。" in entry.text:
        raise SourceError(path, entry.line, "unexpected line before the first chapter or "
                          f"article: {entry.text[:30]!r} (expected the title and dated adoption, "
                          "approval or amendment lines)")
    header.entries.append(entry)


def _date(match: re.Match | None) -> datetime.date | None:
    if match is None:
        return None
    digits = {k: int(v.translate(FULL_WIDTH)) for k, v in match.groupdict().items()}
    try:
        return datetime.date(digits["y"], digits["m"], digits["d"])
    except ValueError:
        return None


FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _body(text: str) -> str | None:
    match = BODY.search(text)
    if not match:
        return None
    organ = match.group("organ")
    return match.group("place") + ORGANS.get(organ, organ)


def _entry(source: str, pieces: tuple[Piece, ...]) -> Entry:
    text = "".join(piece.text for piece in pieces)
    ends = ENDS.search(text)
    action = ends.group("action") if ends else ""
    dates = list(DATE.finditer(text))
    first = dates[0] if dates else None
    after = text[first.end():] if first else text
    approved = None
    approval = text.find("批准")
    before = [d for d in dates if d.end() <= approval]
    if action in ("修正", "修订", "修改") and approval > 0 and before and len(dates) > 1:
        # 2016年1月22日 山东省…批准的2015年12月25日青岛市…决定第一次修正, or
        # 2019年12月27日 威海市…会议通过并经2020年1月15日山东省…批准的《…》修正:
        # the approval is the date before 批准, the amendment the other one
        by = before[-1]
        approved = (_date(by), _body(text[by.end():approval]) or "")
        first = next(d for d in dates if d is not by)
        after = text[first.end():by.start()] if first.start() < by.start() else text[first.end():]
    meeting = MEETING.search(after)
    decision = DECISION.search(text[first.end():] if first else text)
    ordinal = ORDINAL.search(after)
    announcement = ANNOUNCEMENT.search(text)
    return Entry(source, pieces, action, _date(first), _body(after),
                 meeting.group().strip() if meeting else None,
                 decision.group() if decision else None,
                 ordinal.group() if ordinal else None, approved,
                 announcement.group() if announcement else None)
