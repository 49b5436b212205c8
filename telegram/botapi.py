"""A small Bot API client: one call, its answer, and what kind of failure it was.

Calls go to ``{TELEGRAM_API_URL}/bot{token}/{method}`` as a form, or as
multipart when a file is uploaded (a photo from our own renditions, so it
works without a public address). What can go wrong is sorted by what the
caller may do next:

- ``Refused``: Telegram answered ``ok: false``. A 429 carries
  ``retry_after``; 5xx may be tried again; 400/403 are the editor's to fix.
- ``NotDelivered``: the request never reached Telegram (refused connection,
  DNS, a timeout while connecting or sending): safe to try again.
- ``NoAnswer``: the request was sent and no answer came (a read timeout, a
  dropped connection). Telegram may have posted it: Telegram has no
  idempotency key, so sending again could post twice.

The token is never logged: errors name the method only.
"""

import json
import urllib.error
import urllib.parse
import urllib.request
import uuid

from django.conf import settings


class BotApiError(Exception):
    pass


class Refused(BotApiError):
    def __init__(self, status, description, retry_after=None):
        super().__init__(f"{status}: {description}")
        self.status = status
        self.description = description
        self.retry_after = retry_after

    @property
    def temporary(self):
        return self.status == 429 or self.status >= 500

    @property
    def not_modified(self):
        return self.status == 400 and "not modified" in self.description


class NotDelivered(BotApiError):
    pass


class NoAnswer(BotApiError):
    pass


def _multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for name, (filename, content, content_type) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def call(method, fields, files=None):
    """Call ``method``; its ``result`` on success, else one of the errors above."""
    url = f"{settings.TELEGRAM_API_URL}/bot{settings.TELEGRAM_BOT_TOKEN}/{method}"
    fields = {
        key: json.dumps(value) if isinstance(value, dict | list) else value
        for key, value in fields.items()
        if value is not None
    }
    if files:
        data, content_type = _multipart(fields, files)
    else:
        data = urllib.parse.urlencode(fields).encode()
        content_type = "application/x-www-form-urlencoded"
    request = urllib.request.Request(  # noqa: S310 - the operator's own http(s) URL
        url, data=data, headers={"Content-Type": content_type}, method="POST"
    )
    try:
        # urllib wraps what fails while connecting and sending in URLError;
        # what fails while waiting for the answer comes out as it is.
        with urllib.request.urlopen(request, timeout=settings.TELEGRAM_TIMEOUT) as response:  # noqa: S310
            body = response.read()
    except urllib.error.HTTPError as error:
        body = error.read()
        status = error.code
    except urllib.error.URLError as error:
        raise NotDelivered(f"{method}: {error.reason}") from None
    except (TimeoutError, ConnectionError, OSError) as error:
        raise NoAnswer(f"{method}: {error or type(error).__name__}") from None
    else:
        status = 200
    try:
        answer = json.loads(body)
    except ValueError:
        raise Refused(status, f"not a Bot API answer ({len(body)} bytes)") from None
    if not isinstance(answer, dict):
        raise Refused(status, "not a Bot API answer")
    if answer.get("ok"):
        return answer.get("result")
    parameters = answer.get("parameters") or {}
    raise Refused(
        int(answer.get("error_code") or status),
        str(answer.get("description") or "no description"),
        retry_after=parameters.get("retry_after"),
    )
