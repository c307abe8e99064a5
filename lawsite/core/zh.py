"""Named classes of Chinese characters and words, defined once for every stage.

Strings are the contents of a regular-expression character class (ranges kept
as written), or tuples of words to be joined as alternatives (in this order: a
longer word before a shorter one it starts with, where that matters).

>>> import re
>>> re.findall(f"[^{SENTENCE_ENDS}]+[{SENTENCE_ENDS}]?", "一；二。三")
['一；', '二。', '三']
>>> alternatives(REFERENCE_CONNECTORS)
'、|和|或者|或|及|以及|与|至'
"""

# Characters of Chinese text. (Comments cannot live inside a verbose character
# class: there, whitespace and # are literal.)
CJK_RANGES = (
    "\u3001-\u303f"     # CJK punctuation (。、「」 …), not the ideographic space U+3000
    "\u3400-\u4dbf"     # CJK extension A
    "\u4e00-\u9fff"     # CJK unified ideographs
    "\uf900-\ufaff"     # CJK compatibility ideographs
    "\uff01-\uff60"     # full-width forms (，：；（） …)
    "\u2018\u2019\u201c\u201d\u2026\u2014\u00b7"   # ‘’“”…—· used in Chinese text
)

# Punctuation, full-width and CJK, with the quotes, ellipsis, dash and middle dot of
# Chinese text: what similarity never counts across.
PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·"

# Where a sentence of a provision ends (a ； ends one as a 。 does).
SENTENCE_ENDS = "。；"

# The half-width semicolon that texts as received sometimes have instead of ；.
HALF_WIDTH_SEMICOLON = ";"

# What a complete paragraph ends with, and the closing marks that may follow it.
TERMINAL_MARKS = "。；：！？…"
CLOSING_MARKS = "”’」』）)"

# Half-width punctuation of extracted texts and its full-width form.
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

# How an instrument names itself (本条例第十条, 本规定所称…): 条例, 规定, 办法, 细则, 决定, 守则.
SELF_NAMES = ("本条例", "本规定", "本办法", "本细则", "本决定", "本守则")

# What joins a reference to the one before it (第十条、第十二条和第十五条至第十七条).
REFERENCE_CONNECTORS = ("、", "和", "或者", "或", "及", "以及", "与", "至")

# What joins two names of a list of actors (发展改革、科技和工业信息化等部门).
LIST_SEPARATORS = ("以及", "或者", "、", "和", "及")

# The modal words, each giving its subject a modality; the first one ends the subject.
MODAL_WORDS = {
    "duty": ("应当", "必须", "负责", "牵头"),      # 应当…, 负责…, 牵头推进…
    "power": ("可以", "有权"),                   # 可以…, 有权…
    "prohibition": ("不得", "禁止", "严禁"),      # 不得…, 禁止…, 严禁…
}

# Verbs of encouragement, alone or joined: 鼓励, 鼓励和支持, 培育、引导和支持, 鼓励引导.
ENCOURAGING_VERBS = ("鼓励", "支持", "引导", "倡导")


def alternatives(words: tuple[str, ...]) -> str:
    """The words as alternatives of a regular expression (they hold no special characters)."""
    return "|".join(words)
