"""gunicorn settings for production and `make bench`: `gunicorn -c newsroom/gunicorn_conf.py`."""


def worker_exit(server, worker):
    # View counts waiting inside this worker (local-memory cache, or a Redis
    # outage) reach the database before it goes.
    from viewcounts import counters  # noqa: PLC0415 - Django is set up by now

    counters.flush_pending_in_process()
