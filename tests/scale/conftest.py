"""One local Spark session for every Spark test (starting one takes seconds)."""
import os
import shutil

import pytest


@pytest.fixture(scope="session")
def spark():
    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        pytest.skip("Spark needs Java 17+ and none is installed (`make test` installs Debian's "
                    "openjdk-17-jre-headless; or apt-get install it)")
    from flashpoint.scale.spark import spark_session  # pyspark: `make test` installs the extra

    session = spark_session("local[2]", app="flashpoint-tests")
    session.conf.set("spark.sql.shuffle.partitions", "2")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
