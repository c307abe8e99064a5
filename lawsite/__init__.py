"""lawsite: publish Chinese local regulations as a citable static site.

The build is a pipeline of small stages, one module each:

    sources   find ordinances, read text + metadata, validate
    lexer     classify each source line (title, heading, article start, text …)
    repair    undo extraction artefacts, recording every change
    parse     repaired lines → model
    model     dataclasses and eIds
    export    model → docs/data/corpus.json
"""
