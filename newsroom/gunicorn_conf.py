"""gunicorn settings for production and `make bench`: `gunicorn -c newsroom/gunicorn_conf.py`.

No hook is needed at a worker's exit: view counts wait in Redis or in the
database (viewcounts/counters.py), never inside a worker, and background work
runs in `manage.py db_worker`, so a worker that stops, however it stops,
takes nothing with it.
"""
