"""What every app may ask of a request: the client's address, whether it is for the admin."""

from django.conf import settings


def client_ip(request):
    """The client's address, trusting exactly ``TRUSTED_PROXY_COUNT`` proxies.

    With no trusted proxy (the default) only the socket's address counts.
    Behind N proxies, each appends the address it saw to X-Forwarded-For, so
    the N-th entry from the right is the one our outermost proxy wrote; what
    the client put to the left of it is ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        # Did not come through all our proxies: only the socket is known.
        return remote
    return forwarded[-count]


def admin_path(request):
    """True when the request is for an admin page, in either language."""
    return request.resolver_match is not None and request.resolver_match.app_name == "admin"
