"""Resolving places: ``gazetteer`` (with ``gazetteer_index`` and ``gazetteer_sources``) holds the
names, ``toponyms`` finds place mentions in the text, ``places`` resolves them with the article's
context and picks each event's location, ``place_hierarchy`` knows what lies within what."""
