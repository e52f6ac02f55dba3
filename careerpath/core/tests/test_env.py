import pytest
from django.core.exceptions import ImproperlyConfigured

from careerpath.env import email_settings, env_bool, env_int, env_list, env_secret


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("yes", True),
        ("ON", True),
        ("0", False),
        ("off", False),
        ("", True),
    ],
)
def test_env_bool_accepts_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("CAREERPATH_X", raw)
    assert env_bool("CAREERPATH_X", default=True) is expected


def test_env_bool_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("CAREERPATH_X", "maybe")
    with pytest.raises(
        ImproperlyConfigured, match="CAREERPATH_X must be true or false, not 'maybe'"
    ):
        env_bool("CAREERPATH_X", default=False)


def test_env_int_refuses_words_and_values_below_the_minimum(monkeypatch):
    monkeypatch.setenv("CAREERPATH_N", "two")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("CAREERPATH_N", default=1)
    monkeypatch.setenv("CAREERPATH_N", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("CAREERPATH_N", default=1, minimum=1)


def test_env_list_splits_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("CAREERPATH_HOSTS", " a.example , ,b.example")
    assert env_list("CAREERPATH_HOSTS") == ["a.example", "b.example"]


def test_env_secret_reads_a_file_and_refuses_both(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("CAREERPATH_SECRET_KEY_FILE", str(secret))
    assert env_secret("CAREERPATH_SECRET_KEY") == "s3cret"
    monkeypatch.setenv("CAREERPATH_SECRET_KEY", "other")
    with pytest.raises(ImproperlyConfigured, match="not both"):
        env_secret("CAREERPATH_SECRET_KEY")
    monkeypatch.delenv("CAREERPATH_SECRET_KEY")
    monkeypatch.setenv("CAREERPATH_SECRET_KEY_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="cannot be read"):
        env_secret("CAREERPATH_SECRET_KEY")


def test_email_url_forms():
    assert email_settings("")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    smtp = email_settings("smtp://me%40x.org:p%40ss@mail.example.org:587?tls=true")
    assert smtp["EMAIL_HOST"] == "mail.example.org"
    assert smtp["EMAIL_PORT"] == 587
    assert smtp["EMAIL_HOST_USER"] == "me@x.org"
    assert smtp["EMAIL_HOST_PASSWORD"] == "p@ss"
    assert smtp["EMAIL_USE_TLS"] is True
    assert email_settings("smtps://mail.example.org")["EMAIL_USE_SSL"] is True
    for bad in ("http://mail.example.org", "smtp://", "smtp://h?colour=blue"):
        with pytest.raises(ImproperlyConfigured):
            email_settings(bad)
