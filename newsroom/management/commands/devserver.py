"""``make run``: the development server and a task worker beside it, started and stopped together.

Each child runs in a process group of its own, so that this command alone
decides how they stop: Ctrl-C or a SIGTERM here sends the server's group a
SIGINT (what Ctrl-C does to ``runserver``: its autoreloader and the serving
process both stop cleanly, running their exit handlers) and the worker a
SIGTERM (it finishes the task at hand, then exits). When either child ends
by itself, the other is stopped the same way.
"""

import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand

# Longer than a Bot API call (TELEGRAM_TIMEOUT): the worker finishes the task at hand.
STOP_SECONDS = 45


class Command(BaseCommand):
    help = "Run the development server with a background task worker beside it."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--worker-interval",
            type=float,
            default=0.5,
            help="Seconds the idle worker waits before looking for tasks again.",
        )

    def handle(self, *args, addrport, worker_interval, **options):
        manage = [sys.executable, "manage.py"]
        worker = subprocess.Popen(  # noqa: S603 - our own manage.py
            [*manage, "db_worker", "--no-reload", f"--interval={worker_interval}", "-v", "0"],
            start_new_session=True,
        )
        server = subprocess.Popen(  # noqa: S603
            [*manage, "runserver", addrport], start_new_session=True
        )
        stopping = []

        def stop(signum=None, frame=None):
            stopping.append(signum)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while not stopping and server.poll() is None and worker.poll() is None:
            time.sleep(0.2)
        self._stop(server, signal.SIGINT)
        self._stop(worker, signal.SIGTERM)

    def _stop(self, child, signum):
        if child.poll() is None:
            try:
                os.killpg(child.pid, signum)
            except ProcessLookupError:
                return
        try:
            child.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.stderr.write(f"Process {child.pid} did not stop in {STOP_SECONDS} s: killed.")
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
