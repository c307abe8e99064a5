"""The jurisdictions of the corpora: provinces (北京, 上海 are municipalities of
province level: they have no city) and the cities and autonomous counties whose
people's congresses make local regulations, with their English names.

>>> city_of("山东省", "青岛市"), city_of("山东省", "青岛"), city_of("山东省", "浙江")
('青岛市', '青岛市', None)
>>> english("青岛市"), english("景宁畲族自治县"), english("浙江省")
('Qingdao', 'Jingning She Autonomous County', 'Zhejiang')
"""

from pypinyin import lazy_pinyin

PROVINCES = {"beijing": "北京市", "henan": "河南省", "shandong": "山东省", "shanghai": "上海市",
             "zhejiang": "浙江省"}

CITIES = {
    "北京市": (),
    "上海市": (),
    "河南省": ("郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市",
              "许昌市", "漯河市", "三门峡市", "南阳市", "商丘市", "信阳市", "周口市", "驻马店市"),
    "山东省": ("济南市", "青岛市", "淄博市", "枣庄市", "东营市", "烟台市", "潍坊市", "济宁市", "泰安市",
              "威海市", "日照市", "临沂市", "德州市", "聊城市", "滨州市", "菏泽市", "莱芜市"),
    "浙江省": ("杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市",
              "台州市", "丽水市", "景宁畲族自治县"),
}

# English names that the pinyin of the characters does not give
ENGLISH = {"景宁畲族自治县": "Jingning She Autonomous County", "泰安市": "Tai'an"}


def short(name: str) -> str:
    """济南市 → 济南, 浙江省 → 浙江 (an autonomous county keeps its name)."""
    return name[:-1] if name.endswith(("市", "省")) else name


def city_of(province: str, text: str) -> str | None:
    """The city of `province` that `text` starts with (济南市…, 济南…), if any."""
    for city in CITIES.get(province, ()):
        if text.startswith(city) or text.startswith(short(city)):
            return city
    return None


def english(name: str) -> str:
    """The English name: 青岛市 → Qingdao, 河南省 → Henan."""
    if name in ENGLISH:
        return ENGLISH[name]
    return "".join(lazy_pinyin(short(name))).capitalize()


def ascii_name(name: str) -> str:
    """For a slug or a URI: Qingdao → qingdao, Tai'an → taian."""
    return "".join(char for char in english(name).lower() if char.isascii() and char.isalnum())
