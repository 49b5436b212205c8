"""Sending the sign-in code by SMS through a pluggable gateway (``SMS_BACKEND``).

- ``ConsoleBackend`` (the default): writes the message to the log of the
  ``comments.sms`` logger, i.e. the terminal of ``make run``. For development.
- ``HttpBackend``: POSTs JSON ``{"to", "from", "text"}`` to ``SMS_HTTP_URL``
  with ``Authorization: Bearer <SMS_HTTP_TOKEN>``; any 2xx is success. Most
  Kazakh SMS providers (or a small adapter in front of one) take this shape.

A backend raises ``SMSError`` when the message did not go out; the reader is
then told to try again and nothing they typed is lost. The token is never
logged, nor is the code outside the console backend.
"""

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.module_loading import import_string

from . import phones

logger = logging.getLogger(__name__)


class SMSError(Exception):
    """The message could not be handed to the provider."""


class ConsoleBackend:
    def send(self, phone, text):
        logger.warning("SMS to %s: %s", phone, text)


class HttpBackend:
    def __init__(self):
        self.url = settings.SMS_HTTP_URL
        self.sender = settings.SMS_HTTP_SENDER
        self.token = settings.SMS_HTTP_TOKEN
        self.timeout = settings.SMS_HTTP_TIMEOUT

    def send(self, phone, text):
        if not self.url:
            raise SMSError("SMS_HTTP_URL is not set")
        body = json.dumps({"to": phone, "from": self.sender, "text": text}).encode()
        request = urllib.request.Request(  # noqa: S310 - the URL comes from settings
            self.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.token}",
            },
        )
        where = phones.mask(phone)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                response.read(1024)
        except urllib.error.HTTPError as error:
            # The provider's status only: its body may echo our request.
            logger.error("SMS provider refused the message to %s: HTTP %s", where, error.code)
            raise SMSError(f"HTTP {error.code}") from None
        except (OSError, ValueError) as error:
            # Timeouts, refused connections, DNS: the reason, never the request.
            logger.error("SMS provider unreachable for %s: %s", where, type(error).__name__)
            raise SMSError(type(error).__name__) from None
        logger.info("SMS sent to %s", where)


def backend():
    return import_string(settings.SMS_BACKEND)()


def send(phone, text):
    backend().send(phone, text)
