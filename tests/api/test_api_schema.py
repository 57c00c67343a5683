"""Schemathesis against /openapi.json: generated requests to every route (a bounded number
per route) never make the server fail, and every error answers in the one error shape."""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from api_records import build
from flashpoint.api import create_app

EXAMPLES = 30


# Schemathesis builds its tests when the module is collected, so the store is made then.
_FOLDER = Path(tempfile.mkdtemp(prefix="flashpoint-schema-"))
atexit.register(shutil.rmtree, _FOLDER, True)
build(str(_FOLDER / "api.db"))
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(str(_FOLDER / "api.db")))


def in_error_shape(ctx, response, case):
    """Any answer other than 2xx is {"error": {status, code, message[, details]}}."""
    if response.status_code < 300:
        return None
    body = response.json()
    error = body["error"]
    assert set(body) == {"error"} and error["status"] == response.status_code
    assert error["code"] and error["message"]
    return None


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                 HealthCheck.function_scoped_fixture])
def test_generated_requests_never_fail_the_server(case):
    case.call_and_validate(checks=[not_a_server_error, in_error_shape])
