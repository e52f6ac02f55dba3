"""The ``careerpath`` command: ``serve``, ``worker`` and every management command.

careerpath serve            gunicorn on CAREERPATH_BIND (default 127.0.0.1:8000)
careerpath worker           the background task worker
careerpath seed_demo_data   a demo account with realistic content
careerpath backup PATH      a consistent backup while the app runs (database + secret key)
careerpath restore PATH     a backup into an empty data folder, checked and counted
careerpath <command> …      any Django management command (migrate, check, …)
"""

from __future__ import annotations

import os
import sys


def _serve(args: list[str]) -> None:
    from gunicorn.app.wsgiapp import run

    from careerpath.env import env_int, env_str

    bind = env_str("CAREERPATH_BIND", default="127.0.0.1:8000")
    workers = env_int("CAREERPATH_WORKERS", default=2, minimum=1)
    sys.argv = [
        "gunicorn",
        "careerpath.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--timeout",
        "30",
        "--graceful-timeout",
        "20",
        "--max-requests",
        "2000",
        "--max-requests-jitter",
        "200",
        "--access-logfile",
        "-",
        *args,
    ]
    run()


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerpath.settings")
    command = argv[1] if len(argv) > 1 else "help"
    if command == "serve":
        _serve(argv[2:])
        return
    if command == "worker":
        argv = [argv[0], "db_worker", *argv[2:]]
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
