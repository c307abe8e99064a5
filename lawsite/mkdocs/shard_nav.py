"""The navigation of one shard of a sharded build (lawsite/publish/shards.py).

A shard's build sees the whole docs/ (so that every link resolves to its relative
URL) but renders only its own pages; the hook gives it the navigation of what it
renders, with the corpus-wide pages kept as the way up to the whole corpus:

- a jurisdiction's shard keeps its own ordinances and drops the others (and a
  province's group of the navigation left empty);
- the hub keeps each ordinance as one link to its page, not its chapters and
  articles, which the jurisdiction's shard renders;
- a part of a jurisdiction cut into several shards keeps the ordinances of the
  other parts (`siblings`) as one link each, as the hub does.

`shard` is the build's `extra.lawsite_shard`: {"name", "own": [its slugs] (none
for the hub), "siblings": [the slugs of its jurisdiction's other parts],
"ordinances": [every slug of the corpus], "hub": bool}.

>>> nav = [{"首页": "index.md"},
...        {"甲条例": ["a/index.md", {"第一条": "a/article-1.md"}]},
...        {"乙条例": ["b/index.md", {"第一条": "b/article-1.md"}]},
...        {"English": [{"Home": "en/index.md"}, {"A": ["en/a/index.md"]}, {"B": ["en/b/index.md"]}]}]
>>> for item in restrict(nav, {"own": ["a"], "ordinances": ["a", "b"], "hub": False}): print(item)
{'首页': 'index.md'}
{'甲条例': ['a/index.md', {'第一条': 'a/article-1.md'}]}
{'English': [{'Home': 'en/index.md'}, {'A': ['en/a/index.md']}]}
>>> restrict(nav, {"own": [], "ordinances": ["a", "b"], "hub": True})[1:3]
[{'甲条例': 'a/index.md'}, {'乙条例': 'b/index.md'}]
>>> restrict(nav, {"own": ["b"], "siblings": ["a"], "ordinances": ["a", "b"], "hub": False})[1:3]
[{'甲条例': 'a/index.md'}, {'乙条例': ['b/index.md', {'第一条': 'b/article-1.md'}]}]
"""


def restrict(nav: list, shard: dict) -> list:
    ordinances, own, siblings = set(shard["ordinances"]), set(shard["own"]), set(shard.get("siblings", ()))
    kept = []
    for item in nav:
        if not isinstance(item, dict):
            kept.append(item)
            continue
        (title, value), = item.items()
        slug = ordinance_of(value, ordinances)
        if slug is not None:
            if shard["hub"] or slug in siblings:
                kept.append({title: value[0]})
            elif slug in own:
                kept.append(item)
        elif isinstance(value, list):
            inner = restrict(value, shard)
            if inner:
                kept.append({title: inner})
        else:
            kept.append(item)
    return kept


def ordinance_of(value, ordinances: set[str]) -> str | None:
    """The slug of an ordinance's section of the navigation (its first entry is the
    ordinance's page, `<slug>/index.md` or `<lang>/<slug>/index.md`), else None."""
    if not isinstance(value, list) or not value or not isinstance(value[0], str):
        return None
    parts = value[0].split("/")
    if parts[-1] == "index.md" and len(parts) in (2, 3) and parts[-2] in ordinances:
        return parts[-2]
    return None
