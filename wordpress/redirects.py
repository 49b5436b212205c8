"""Old WordPress addresses answer 301 to the article or the photo they became.

``OldAddressMiddleware`` stands before the page cache in ``MIDDLEWARE`` and
asks about a path only when the site has nothing there: the answer that came
back (from a view or from the page cache) is a 404. Every page that exists
pays nothing for old addresses, not even after the cache is emptied, and a
"not found" page the cache kept for an old address before its import can
never hide the redirect. The short form ``/?p=123`` is the one old address
that looks like a page that exists (the home page with a query): it is
looked up first, and only when the request carries a numeric ``p``.
"""

from django.http import HttpResponsePermanentRedirect

from .models import OldAddress


def request_path(request):
    """The request's path as ``OldAddress.path`` keeps one (decoded, case-folded, no slash)."""
    # Django has decoded the path already (%D0%BD… → н); old paths are kept the same way.
    return request.path_info.casefold().rstrip("/")


def target(path):
    """The URL the old address ``path`` leads to, or None (one query)."""
    if not path:
        return None
    address = OldAddress.objects.filter(path=path).select_related("article__rubric", "photo")
    found = address.first()
    return found.target_url() if found else None


class OldAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        post = request.GET.get("p", "")
        if post.isdigit():
            url = target(f"?p={int(post)}")
            if url:
                return HttpResponsePermanentRedirect(url)
        response = self.get_response(request)
        if response.status_code == 404:
            url = target(request_path(request))
            if url:
                return HttpResponsePermanentRedirect(url)
        return response
