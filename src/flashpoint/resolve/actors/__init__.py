"""Resolving actors: ``actor_registry`` (with ``actor_rows`` and ``actor_index``) holds the known
actors, ``actor_text`` normalises a name, ``actors`` resolves an actor span in its sentence, and
``actor_roles`` places an actor in its event (its country, the part it plays)."""
