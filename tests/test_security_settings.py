"""Production mode, headers, templates and the health check."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k" * 20 + "Zq8-x_Y3vP0aLm4RtB7nW2cE5uH9jK1gF6dS0"
MFA_KEY = Fernet.generate_key().decode()


def run(args, **env):
    full_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CAREERPATH_", "DJANGO_"))
    }
    full_env["DATABASE_URL"] = os.environ.get("DATABASE_URL", "")
    full_env.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production(**extra):
    return {
        "CAREERPATH_ENV": "production",
        "CAREERPATH_SECRET_KEY": STRONG_KEY,
        "CAREERPATH_HOSTS": "careers.example.org",
        "CAREERPATH_MFA_KEYS": MFA_KEY,
        "CAREERPATH_DATA_DIR": "/tmp/careerpath-test-data",
        **extra,
    }


def test_check_deploy_is_clean_in_production():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **production()
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_secret_key_can_come_from_a_file(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text(STRONG_KEY)
    env = production()
    del env["CAREERPATH_SECRET_KEY"]
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        CAREERPATH_SECRET_KEY_FILE=str(key_file),
        **env,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"CAREERPATH_SECRET_KEY": ""}, "needs CAREERPATH_SECRET_KEY"),
        ({"CAREERPATH_SECRET_KEY": "django-insecure-" + "x" * 60}, "too weak"),
        ({"CAREERPATH_SECRET_KEY": "short"}, "too weak"),
        ({"CAREERPATH_HOSTS": ""}, "needs CAREERPATH_HOSTS"),
        ({"CAREERPATH_DEBUG": "true"}, "cannot be on"),
        ({"CAREERPATH_DEBUG": "maybe"}, "must be true or false"),
    ],
)
def test_production_refuses_to_start_without_a_real_configuration(change, message):
    result = run(["manage.py", "check"], **production(**change))
    assert result.returncode != 0
    assert message in result.stderr


def test_local_and_production_differ_only_in_the_tls_flags():
    script = "import json; from django.conf import settings as s; print(json.dumps({n: getattr(s, n) for n in s.PRODUCTION_ONLY + ('DEBUG', 'CONTENT_SECURITY_POLICY', 'PASSWORD_HASHERS', 'CACHES', 'X_FRAME_OPTIONS')}))"
    code = f"import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'careerpath.settings'); django.setup(); {script}"
    local = json.loads(
        run(["-c", code], CAREERPATH_DATA_DIR="/tmp/careerpath-test-data").stdout
    )
    prod = json.loads(run(["-c", code], **production()).stdout)
    differing = {name for name in local if local[name] != prod[name]}
    assert differing == set(settings.PRODUCTION_ONLY)
    assert prod["SESSION_COOKIE_SECURE"] is True
    assert prod["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert local["CACHES"]["default"]["BACKEND"].endswith("DatabaseCache")
    assert local["PASSWORD_HASHERS"][0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
def test_pages_send_a_strict_csp_and_no_store(alice_client):
    response = alice_client.get(reverse("agenda:dashboard"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def template_files():
    return sorted(p for p in (ROOT / "careerpath").rglob("templates/**/*.html"))


def test_templates_have_no_inline_script_style_or_handlers():
    offences = []
    for path in template_files():
        text = path.read_text()
        for match in re.finditer(
            r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", text
        ):
            offences.append(f"{path}: inline script {match.group(0)}")
        if re.search(r"\sstyle=\"", text) or "<style" in text:
            offences.append(f"{path}: inline style")
        if re.search(r"\son[a-z]+=", text):
            offences.append(f"{path}: event handler attribute")
        if re.search(r"(src|href)=\"(https?:)?//", text):
            offences.append(f"{path}: external asset")
    assert template_files()
    assert offences == []


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_does_not():
    # A real PostgreSQL URL on a port where nothing listens.
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'careerpath.settings'); django.setup();"
        "from django.test import Client; r = Client(HTTP_HOST='127.0.0.1').get('/healthz'); print(r.status_code, r.content.decode())"
    )
    result = run(
        ["-c", code],
        DATABASE_URL="postgres://nobody@127.0.0.1:9/none?connect_timeout=2",
        CAREERPATH_DATA_DIR="/tmp/careerpath-test-data",
    )
    assert result.stdout.startswith("503"), result.stderr[-2000:]
    assert '"database": "error"' in result.stdout


@pytest.mark.django_db
def test_unknown_pages_get_the_friendly_404(alice_client):
    response = alice_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()


def test_careerpath_command_runs_management_commands():
    result = run(
        ["-m", "careerpath.cli", "check"],
        CAREERPATH_DATA_DIR="/tmp/careerpath-test-data",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
