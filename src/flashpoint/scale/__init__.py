"""Running the pipeline on more than one core, and on more than one machine.

- ``scale.local``: the local engine's worker processes. Each worker loads the spaCy pipeline
  and the resolvers once, then runs the whole per-article pipeline (parse and analysis) on
  chunks of articles; results come back in input order. ``Pipeline(workers=N)`` uses it.
- ``scale.spark``: the same pipeline over partitions of a Spark DataFrame (``flashpoint ingest
  --engine spark`` and the ``spark-submit`` entry point in ``scale.submit``), writing mentions
  and events as Parquet. PySpark is an optional extra: ``pip install flashpoint[spark]``.
- ``scale.grouping``: grouping as a Spark job that calls the store's own grouping code
  (stories as ``store.regroup.stories_among``, ``store.grouping.group_block`` per PLOVER type
  on the executors, ids and links by ``store.regroup.group_new`` on the driver), so the events
  and their ids equal what ``flashpoint ingest`` stores for the same articles.
"""
