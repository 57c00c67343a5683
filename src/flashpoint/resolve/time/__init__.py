"""Resolving time: ``timex`` reads a date expression, ``timecalc`` does the date arithmetic,
``time`` finds the dates of a document and picks each event's date, ``timeline`` follows the
narrative chains ("two days later") that carry a date from one sentence to the next."""
