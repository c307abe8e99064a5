"""Importers: the stage before parse/. They turn a corpus received from elsewhere
into sources/-style ordinances (the text byte for byte, metadata derived from it)."""
