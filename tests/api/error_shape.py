"""The one check of the API's error shape, used by every test that expects an error."""


def assert_error(response, status: int, code: str) -> dict:
    """Every error answers {"error": {"status", "code", "message"[, "details"]}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) <= {"status", "code", "message", "details"}
    assert error["status"] == status and error["code"] == code
    assert isinstance(error["message"], str) and len(error["message"]) > 10
    return error
