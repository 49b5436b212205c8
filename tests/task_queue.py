"""Running the background tasks in a test: what a worker does, in the test's own thread."""

from django.db import transaction
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_queue(limit=500):
    """Run every task that is due, as ``manage.py db_worker`` does; how many ran.

    The worker's own steps (claim the next due task under a row lock, run it,
    record the outcome), without its loop's reconnecting, so it works inside
    a test's transaction too. A task that raised fails the test with its
    traceback.
    """
    before = set(DBTaskResult.objects.failed().values_list("pk", flat=True))
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while ran < limit:
        with transaction.atomic():
            task = DBTaskResult.objects.ready().filter(backend_name="default").get_locked()
            if task is None:
                break
            task.claim(worker.worker_id)
        worker.run_task(task)
        ran += 1
    failed = DBTaskResult.objects.failed().exclude(pk__in=before)
    assert not failed.exists(), failed.first().traceback
    return ran
