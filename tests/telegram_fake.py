"""A fake Telegram Bot API: a real HTTP server in a thread, speaking the Bot API's JSON.

It keeps each chat's messages, checks what Telegram checks (the HTML parse
mode's tags and entities, caption and text lengths after parsing, the bot
being an administrator of the chat, a JPEG for a photo, "message is not
modified", deleting only within 48 hours), enforces a per-chat limit of
messages a minute with 429 and ``parameters.retry_after``, and lets a test
inject failures: a status with its description, a delay longer than the
client's timeout (the message is still posted: the client cannot know), or
a dropped connection.
"""

import email.parser
import email.policy
import html
import json
import re
import threading
import time
import urllib.parse
from collections import defaultdict, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

TOKEN = "123456789:AAFakeTokenForTheTestsOnly_0123456789"
RU = "@newsroom_ru_test"
KK = "@newsroom_kk_test"

_ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre"}
_ALLOWED_TAGS |= {"tg-spoiler", "blockquote", "span"}
_TAG = re.compile(r"<(/?)([a-zA-Z-]+)((?:\s+[a-z]+=\"[^\"<>]*\")*)\s*>")
_ENTITY = re.compile(r"&(lt|gt|amp|quot);")


def parse_html(text):
    """What Telegram shows for ``text`` in HTML parse mode; ValueError as Telegram refuses it."""
    shown = []
    position = 0
    stack = []
    while position < len(text):
        char = text[position]
        if char == "<":
            match = _TAG.match(text, position)
            if not match or match.group(2).lower() not in _ALLOWED_TAGS:
                raise ValueError(f"can't parse entities: unsupported start tag at {position}")
            closing, name = match.group(1), match.group(2).lower()
            if closing:
                if not stack or stack.pop() != name:
                    raise ValueError(f"can't parse entities: unmatched end tag at {position}")
            else:
                stack.append(name)
            position = match.end()
        elif char == "&":
            match = _ENTITY.match(text, position)
            if not match:
                raise ValueError(f"can't parse entities: stray & at {position}")
            shown.append(html.unescape(match.group(0)))
            position = match.end()
        elif char == ">":
            raise ValueError(f"can't parse entities: stray > at {position}")
        else:
            shown.append(char)
            position += 1
    if stack:
        raise ValueError("can't parse entities: unclosed tag")
    return "".join(shown)


def _length(text):
    return len(text.encode("utf-16-le")) // 2


class Failure(Exception):
    def __init__(self, status, description, retry_after=None):
        super().__init__(description)
        self.status, self.description, self.retry_after = status, description, retry_after


class FakeBotApi:
    def __init__(self, token=TOKEN, per_minute=20):
        self.token = token
        self.per_minute = per_minute
        self.chats = {RU, KK}  # the channels that exist
        self.admin_of = {RU, KK}  # those where the bot is an administrator
        self.lock = threading.Lock()
        self.messages = defaultdict(dict)  # chat -> {message_id: message}
        self.next_id = defaultdict(lambda: 100)
        self.calls = []  # (method, fields) of every call that reached a handler
        self.refusals = []  # (method, error_code) of every error answered
        self.sent_times = defaultdict(deque)  # chat -> times of recent messages
        self.injected = defaultdict(deque)  # method -> failures to answer next
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    # Driving it from a test --------------------------------------------------

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def fail(self, method, status, description, retry_after=None, times=1):
        """Answer the next ``times`` calls of ``method`` with this error."""
        for _ in range(times):
            self.injected[method].append(("error", status, description, retry_after))

    def stall(self, method, seconds, times=1):
        """Do the next call of ``method``, but answer only after ``seconds``."""
        for _ in range(times):
            self.injected[method].append(("stall", seconds, None, None))

    def drop(self, method, times=1):
        """Close the connection on the next call of ``method`` without doing it."""
        for _ in range(times):
            self.injected[method].append(("drop", None, None, None))

    def posts(self, chat):
        """The chat's messages as a reader sees them, oldest first."""
        with self.lock:
            return [self.messages[chat][key] for key in sorted(self.messages[chat])]

    def methods(self):
        with self.lock:
            return [method for method, _fields in self.calls]

    def age(self, chat, message_id, hours):
        with self.lock:
            self.messages[chat][message_id]["date"] -= hours * 3600

    # The Bot API ---------------------------------------------------------------

    def handle(self, method, fields, files):
        with self.lock:
            self.calls.append((method, fields))
        chat = fields.get("chat_id", "")
        if chat not in self.chats:
            raise Failure(400, "Bad Request: chat not found")
        if chat not in self.admin_of:
            raise Failure(403, "Forbidden: bot is not a member of the channel chat")
        handler = getattr(self, f"_{method}", None)
        if handler is None:
            raise Failure(404, "Not Found")
        return handler(chat, fields, files)

    def _limit(self, chat):
        now = time.time()
        window = self.sent_times[chat]
        while window and window[0] < now - 60:
            window.popleft()
        if len(window) >= self.per_minute:
            retry_after = int(window[0] + 60 - now) + 1
            raise Failure(429, f"Too Many Requests: retry after {retry_after}", retry_after)
        window.append(now)

    def _shown(self, fields, key, limit):
        try:
            shown = parse_html(fields.get(key, "")) if fields.get("parse_mode") == "HTML" else ""
        except ValueError as error:
            raise Failure(400, f"Bad Request: {error}") from None
        if _length(shown) > limit:
            raise Failure(400, f"Bad Request: message {key} is too long")
        return shown

    def _new(self, chat, kind, text, raw, photo=None):
        with self.lock:
            self._limit(chat)
            self.next_id[chat] += 1
            message_id = self.next_id[chat]
            self.messages[chat][message_id] = {
                "message_id": message_id,
                "kind": kind,
                "text": text,
                "html": raw,
                "photo": photo,
                "date": time.time(),
            }
        return {"message_id": message_id, "chat": {"id": -1001, "username": chat[1:]}}

    def _sendMessage(self, chat, fields, files):
        shown = self._shown(fields, "text", 4096)
        return self._new(chat, "text", shown, fields["text"])

    def _sendPhoto(self, chat, fields, files):
        photo = files.get("photo")
        if not photo or not photo.startswith(b"\xff\xd8"):
            raise Failure(400, "Bad Request: IMAGE_PROCESS_FAILED")
        shown = self._shown(fields, "caption", 1024)
        return self._new(chat, "photo", shown, fields["caption"], photo=photo)

    def _message(self, chat, fields):
        message = self.messages[chat].get(int(fields.get("message_id", 0)))
        if message is None:
            raise Failure(400, "Bad Request: message to edit not found")
        return message

    def _edit(self, chat, fields, key, limit, photo=None):
        shown = self._shown(fields, key, limit)
        with self.lock:
            self._limit(chat)
            message = self._message(chat, fields)
            if message["text"] == shown and (photo is None or photo == message["photo"]):
                raise Failure(
                    400,
                    "Bad Request: message is not modified: specified new message content and "
                    "reply markup are exactly the same as a current content and reply markup "
                    "of the message",
                )
            message.update(text=shown, html=fields[key])
            if photo is not None:
                message["photo"] = photo
        return {"message_id": message["message_id"]}

    def _editMessageText(self, chat, fields, files):
        if self._message(chat, fields)["kind"] != "text":
            raise Failure(400, "Bad Request: there is no text in the message to edit")
        return self._edit(chat, fields, "text", 4096)

    def _editMessageCaption(self, chat, fields, files):
        if self._message(chat, fields)["kind"] != "photo":
            raise Failure(400, "Bad Request: there is no caption in the message to edit")
        return self._edit(chat, fields, "caption", 1024)

    def _editMessageMedia(self, chat, fields, files):
        media = json.loads(fields["media"])
        name = media["media"].removeprefix("attach://")
        photo = files.get(name)
        if not photo or not photo.startswith(b"\xff\xd8"):
            raise Failure(400, "Bad Request: IMAGE_PROCESS_FAILED")
        edit = {**fields, "caption": media.get("caption", ""), "parse_mode": media["parse_mode"]}
        return self._edit(chat, edit, "caption", 1024, photo=photo)

    def _deleteMessage(self, chat, fields, files):
        with self.lock:
            message = self.messages[chat].get(int(fields.get("message_id", 0)))
            if message is None:
                raise Failure(400, "Bad Request: message to delete not found")
            if time.time() - message["date"] > 48 * 3600:
                raise Failure(400, "Bad Request: message can't be deleted for everyone")
            del self.messages[chat][message["message_id"]]
        return True

    # HTTP ----------------------------------------------------------------------

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                match = re.fullmatch(r"/bot([^/]+)/(\w+)", self.path)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if not match or match.group(1) != fake.token:
                    return self._answer(
                        401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
                    )
                method = match.group(2)
                fields, files = _form(self.headers.get("Content-Type", ""), body)
                with fake.lock:
                    injected = fake.injected[method].popleft() if fake.injected[method] else None
                if injected and injected[0] == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return None
                if injected and injected[0] == "error":
                    _kind, status, description, retry_after = injected
                    answer = {"ok": False, "error_code": status, "description": description}
                    if retry_after is not None:
                        answer["parameters"] = {"retry_after": retry_after}
                    return self._answer(status, answer)
                try:
                    result = fake.handle(method, fields, files)
                except Failure as failure:
                    fake.refusals.append((method, failure.status))
                    answer = {
                        "ok": False,
                        "error_code": failure.status,
                        "description": failure.description,
                    }
                    if failure.retry_after is not None:
                        answer["parameters"] = {"retry_after": failure.retry_after}
                    return self._answer(failure.status, answer)
                if injected and injected[0] == "stall":
                    time.sleep(injected[1])
                return self._answer(200, {"ok": True, "result": result})

            def _answer(self, status, answer):
                data = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up waiting (a stalled answer)

        return Handler


def _form(content_type, body):
    if content_type.startswith("multipart/form-data"):
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        fields, files = {}, {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            if part.get_filename():
                files[name] = part.get_payload(decode=True)
            else:
                fields[name] = part.get_payload(decode=True).decode()
        return fields, files
    pairs = urllib.parse.parse_qsl(body.decode(), keep_blank_values=True)
    return dict(pairs), {}


@pytest.fixture
def telegram_api(settings):
    """The fake started, and the settings pointing at it with both channels connected."""
    fake = FakeBotApi().start()
    settings.TELEGRAM_BOT_TOKEN = TOKEN
    settings.TELEGRAM_CHANNEL_RU = RU
    settings.TELEGRAM_CHANNEL_KK = KK
    settings.TELEGRAM_API_URL = fake.url
    settings.TELEGRAM_TIMEOUT = 2
    yield fake
    fake.stop()
