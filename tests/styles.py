"""Write an ordinance (a plain nested structure) out in each source style we accept.

Used by the property-based tests: what is written in any style must parse back
to the structure it was written from.

A spec: {"title": str, "chapters": [chapter] | None, "articles": [article] | None,
         "inserted": {index of an article that is inserted (第二条之一), not the first}}
  chapter: {"title": str, "sections": [{"title", "articles"}] | None, "articles": [...]}
  article: [paragraph]; paragraph: {"text": str, "items": [{"text", "subitems": [str]}]}
"""

from lawsite.core.numerals import from_int

HISTORY = ["2024年10月22日测试市第一届人民代表大会常务委员会第二次会议通过",
           "2024年11月20日山东省第十四届人民代表大会常务委员会第十二次会议批准"]


def outline(spec):
    """(kind, number, title or article) in reading order, numbering articles through:
    an article's number is (n, 0) for 第n条, (n, k) for the inserted 第n条之k."""
    number, index, inserted = (0, 0), -1, spec.get("inserted", set())

    def articles(items):
        nonlocal number, index
        for article in items:
            index += 1
            number = (number[0], number[1] + 1) if index in inserted and index else (number[0] + 1, 0)
            yield ("article", number, article)

    if spec["chapters"] is None:
        yield from articles(spec["articles"])
        return
    for c, chapter in enumerate(spec["chapters"], 1):
        yield ("chapter", c, chapter["title"])
        if chapter["sections"] is None:
            yield from articles(chapter["articles"])
        else:
            for s, section in enumerate(chapter["sections"], 1):
                yield ("section", s, section["title"])
                yield from articles(section["articles"])


def label(number) -> str:
    """第二条, or 第二条之一 for an inserted article."""
    base, own = number
    return f"第{from_int(base)}条" + (f"之{from_int(own)}" if own else "")


def eid(number) -> str:
    base, own = number
    return f"art_{base}-{own}" if own else f"art_{base}"


def text_lines(article):
    """The lines of an article's text: paragraphs, items （一）, subitems 1."""
    for paragraph in article:
        if paragraph["text"]:
            yield paragraph["text"]
        for i, item in enumerate(paragraph["items"], 1):
            yield f"（{from_int(i)}）{item['text']}"
            for k, sub in enumerate(item["subitems"], 1):
                yield f"{k}.{sub}"


def markdown(spec, damage=None) -> str:
    """烟台 style: # title, - history, <!-- INFO END -->, #### 章, ##### 节, ###### 条."""
    out = [f"# {spec['title']}", ""] + [x for h in HISTORY for x in (f"- {h}", "")]
    out += ["<!-- INFO END -->", ""]
    marks = {"chapter": "####", "section": "#####"}
    for kind, number, value in outline(spec):
        if kind == "article":
            out += [f"###### {label(number)}", ""]
            out += [x for line in text_lines(value) for x in (line, "")]
        else:
            out += [f"{marks[kind]} 第{from_int(number)}{'章' if kind == 'chapter' else '节'} {value}", ""]
    return "\n".join(out)


def pdf(spec, damage) -> str:
    """济南 style: # title, (history), # 目 录, headings at random levels or none,
    第X条 inline, and extraction damage: half-width commas, spaces inside words,
    paragraphs split at page breaks (sometimes as a heading fragment)."""
    out = [f"# {spec['title']}", "", f"({HISTORY[0]} {HISTORY[1]})", ""]
    headings = [(k, n, v) for k, n, v in outline(spec) if k != "article"]
    if headings:
        out += ["# 目 录", ""]
        out += [x for k, n, v in headings for x in (_heading(k, n, v, spaced=True), "")]
    for kind, number, value in outline(spec):
        if kind != "article":
            level = damage.draw_level()
            out += [(level + " " if level else "") + _heading(kind, number, value, spaced=True), ""]
            continue
        lines = list(text_lines(value))
        lines[0] = f"{label(number)} {lines[0]}"
        for line in lines:
            for part in damage.split(damage.spoil(line)):
                out += [part, ""]
    return "\n".join(out)


def plain(spec, damage=None) -> str:
    """Plain text as copied from a web page: no markup, full-width spaces, no blank lines."""
    out = [spec["title"], f"（{HISTORY[0]}　{HISTORY[1]}）"]
    for kind, number, value in outline(spec):
        if kind == "article":
            lines = list(text_lines(value))
            out.append(f"　　{label(number)}　{lines[0]}")
            out += [f"　　{line}" for line in lines[1:]]
        else:
            out.append(_heading(kind, number, value).replace(" ", "　"))
    return "\n".join(out)


def _heading(kind, number, title, spaced=False):
    division = "章" if kind == "chapter" else "节"
    shown = " ".join(title) if spaced and len(title) == 2 else title   # 总 则
    return f"第{from_int(number)}{division} {shown}"


STYLES = {"markdown": markdown, "pdf": pdf, "plain": plain}
