"""A reader for the PHP-serialized values WordPress exports (``a:2:{s:2:"ru";i:12;…}``).

Polylang keeps a translation group (``post_translations``,
``term_translations``) as a serialized array in the term's description, and
WordPress keeps an attachment's sizes and picture data
(``_wp_attachment_metadata``) the same way. Only what ``serialize()`` writes
for arrays, strings, numbers, booleans and null is read; objects (``O:``)
and references are refused: an export never needs them, and reading them is
how PHP's own unserialize gets exploited. The library that does this on
PyPI (phpserialize) has had no release since 2016.

String lengths are in bytes of UTF-8, as PHP counts them.
"""


class PHPValueError(ValueError):
    """The text is not a PHP-serialized value this reader accepts."""


def loads(text):
    """The value of a serialized PHP value: dict (array), str, int, float, bool or None."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    value, end = _read(data, 0, depth=0)
    if data[end:].strip():
        raise PHPValueError("Trailing data after the value.")
    return value


MAX_DEPTH = 32


def _expect(data, position, token):
    if data[position : position + len(token)] != token:
        raise PHPValueError(f"Expected {token!r} at byte {position}.")
    return position + len(token)


def _until(data, position, stop):
    end = data.find(stop, position)
    if end == -1:
        raise PHPValueError(f"Unterminated value at byte {position}.")
    return data[position:end].decode("ascii", "replace"), end + 1


def _read(data, position, depth):  # noqa: PLR0912 - one branch per PHP type
    if depth > MAX_DEPTH:
        raise PHPValueError("Nested too deep.")
    kind = data[position : position + 2]
    position += 2
    if kind == b"N;":
        return None, position
    if kind == b"b:":
        raw, position = _until(data, position, b";")
        return raw == "1", position
    if kind == b"i:":
        raw, position = _until(data, position, b";")
        try:
            return int(raw), position
        except ValueError:
            raise PHPValueError(f"Not an integer: {raw!r}.") from None
    if kind == b"d:":
        raw, position = _until(data, position, b";")
        try:
            return float(raw), position
        except ValueError:
            raise PHPValueError(f"Not a number: {raw!r}.") from None
    if kind == b"s:":
        raw, position = _until(data, position, b":")
        try:
            length = int(raw)
        except ValueError:
            raise PHPValueError(f"Not a length: {raw!r}.") from None
        position = _expect(data, position, b'"')
        if length < 0 or position + length > len(data):
            raise PHPValueError("String longer than the data.")
        value = data[position : position + length].decode("utf-8", "replace")
        position = _expect(data, position + length, b'";')
        return value, position
    if kind == b"a:":
        raw, position = _until(data, position, b":")
        try:
            count = int(raw)
        except ValueError:
            raise PHPValueError(f"Not a count: {raw!r}.") from None
        position = _expect(data, position, b"{")
        result = {}
        for _index in range(count):
            key, position = _read(data, position, depth + 1)
            if not isinstance(key, (int, str)):
                raise PHPValueError("An array key must be an integer or a string.")
            result[key], position = _read(data, position, depth + 1)
        position = _expect(data, position, b"}")
        return result, position
    raise PHPValueError(f"Unsupported value type {kind!r} at byte {position - 2}.")
