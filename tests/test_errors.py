"""The error tree: codes, and secrets masked in every message."""
from flashpoint.errors import MASK, FlashpointError, StoreError, mask_secrets, remember_secret


def test_url_passwords_are_masked_in_any_message():
    text = "failed: postgresql://fp:pa:ss w@rd@db:5432/x and mysql://root:toor@h/y"
    assert mask_secrets(text) == ("failed: postgresql://fp:***@db:5432/x and "
                                  "mysql://root:***@h/y")


def test_conninfo_passwords_are_masked():
    assert mask_secrets("host=db password='s3 cr\\'et' user=fp") == "host=db password=*** user=fp"
    assert mask_secrets("host=db password=s3cret user=fp") == "host=db password=*** user=fp"


def test_a_remembered_secret_is_masked_even_alone():
    remember_secret("Zq9-only-here")
    error = StoreError('unexpected spaces found in "Zq9-only-here"')
    assert str(error) == f'[FP300] unexpected spaces found in "{MASK}"'


def test_the_usage_example_is_not_a_secret():
    example = "write postgresql://user:password@host:port/dbname"
    assert mask_secrets(example) == example


def test_every_error_carries_its_code():
    assert str(FlashpointError("x")) == "[FP000] x"
