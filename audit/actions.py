"""What the audit log knows how to name: each app declares its own actions and details.

An app says, in its ``AppConfig.ready()``, which actions it records and how
the details it stores read (``declare(actions={...}, details={...})``). The
log's table has no list of choices, so a new action in one app needs no
migration in another.
"""

_ACTIONS = {}
_DETAILS = {}


def declare(actions=None, details=None):
    """``actions``: {"publish": _("published")}; ``details``: {"key": (label, show)}."""
    _ACTIONS.update(actions or {})
    _DETAILS.update(details or {})


def label(action):
    """An action as the admin names it, in the admin's language."""
    return str(_ACTIONS.get(action, action))


def choices():
    return sorted(((key, str(text)) for key, text in _ACTIONS.items()), key=lambda c: c[1])


def detail(key):
    """(label, show) for a detail key; unknown keys read as they are."""
    return _DETAILS.get(key, (key, str))
