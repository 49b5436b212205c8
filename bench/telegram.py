"""`make bench`, Telegram: a burst of publications and a quiet queue, against a fake Bot API.

Everything runs on 127.0.0.1 with settings of its own (none is read from the
shell): a scratch SQLite database in .bench/telegram/, the fake Bot API of
the tests (tests/telegram_fake.py) limiting each channel to 20 messages a
minute as Telegram does, and two real workers (``manage.py db_worker``)
beside this process, which publishes articles through the models as an
editor's save does.

1. A quiet queue: 5 publications one after another (Kazakh channel); the
   delay from each publication's commit to the fake receiving its post.
2. A burst: 30 publications at once (Russian channel): time until the last
   post, posts per minute, the most posts in any 60 s (the limit), 429s
   Telegram had to send, duplicates (must be 0) and whether the channel got
   them in publication order.
"""

import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench" / "telegram"
sys.path.insert(0, str(ROOT))

from tests.telegram_fake import KK, RU, TOKEN, FakeBotApi  # noqa: E402

BURST = 30
QUIET = 5
WORKERS = 2


def environment(fake):
    env = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DATABASE_URL=f"sqlite:///{WORK / 'db.sqlite3'}",
        MEDIA_ROOT=str(WORK / "media"),
        DEBUG="true",
        LOG_LEVEL="ERROR",
        PYTHONPATH=str(ROOT),
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_CHANNEL_RU=RU,
        TELEGRAM_CHANNEL_KK=KK,
        TELEGRAM_API_URL=fake.url,
        TELEGRAM_POSTS_PER_MINUTE="20",
    )
    return env


def wait_for(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    fake = FakeBotApi(per_minute=20).start()
    env = environment(fake)
    # This process is the editor: the same settings as the workers.
    for name in ("DATABASE_URL", "REDIS_URL", "CACHE_KEY_PREFIX"):
        os.environ.pop(name, None)
    os.environ.update(env)
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415
    from django.utils import timezone  # noqa: PLC0415

    from articles.models import Article, Rubric  # noqa: PLC0415

    call_command("migrate", verbosity=0)
    rubric = Rubric.objects.create(name_ru="Актау", name_kk="Ақтау", slug="aktau", position=1)

    def publish(title, language):
        return Article.objects.create(
            rubric=rubric,
            status=Article.Status.PUBLISHED,
            published_at=timezone.now(),
            **{
                f"title_{language}": title,
                f"lead_{language}": "Лид.",
                f"body_{language}": "<p>Текст.</p>",
            },
        )

    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--no-reload",
                "--interval=0.1",
                "--no-startup-delay",
                "-v",
                "0",
            ],
            cwd=ROOT,
            env=env,
        )
        for _ in range(WORKERS)
    ]
    try:
        time.sleep(2)  # the workers start up
        print(f"== Telegram: {WORKERS} workers (manage.py db_worker), fake Bot API at 20/min")
        quiet_queue(fake, publish)
        burst(fake, publish)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            worker.wait(30)
        fake.stop()


def quiet_queue(fake, publish):
    delays = []
    for number in range(QUIET):
        before = len(fake.posts(KK))
        started = time.time()
        publish(f"Тыныш кезек {number}", "kk")
        if not wait_for(lambda before=before: len(fake.posts(KK)) > before, 30):
            print("   quiet queue: a post did not arrive within 30 s")
            break
        delays.append(fake.posts(KK)[-1]["date"] - started)
        time.sleep(0.5)
    print(
        f"   quiet queue, publication → post: median {statistics.median(delays):.2f} s, "
        f"max {max(delays):.2f} s over {len(delays)} (target: under 2 s)"
    )


def burst(fake, publish):
    started = time.time()
    for number in range(BURST):
        publish(f"Новость {number + 1}", "ru")
    published = time.time() - started
    arrived = wait_for(lambda: len(fake.posts(RU)) >= BURST, 180)
    time.sleep(1)  # anything sent twice would arrive now
    posts = fake.posts(RU)
    titles = [post["text"].split("\n")[0] for post in posts]
    dates = sorted(post["date"] for post in posts)
    last = dates[-1] - started if dates else float("nan")
    busiest = max(
        (sum(1 for other in dates if start <= other < start + 60) for start in dates), default=0
    )
    refused = sum(1 for _method, status in fake.refusals if status == 429)
    in_order = titles == [f"Новость {number + 1}" for number in range(BURST)]
    print(f"   burst of {BURST} publications (made in {published:.1f} s):")
    print(f"     posted {len(posts)}/{BURST}{'' if arrived else ' (timed out)'}")
    print(f"     time until the last post: {last:.1f} s")
    print(f"     posts per minute: {len(posts) / (last / 60):.1f} (most in any 60 s: {busiest})")
    print(f"     429 answers from Telegram: {refused}")
    print(f"     duplicates: {len(titles) - len(set(titles))}")
    print(f"     in publication order: {'yes' if in_order else 'NO'}")


if __name__ == "__main__":
    main()
