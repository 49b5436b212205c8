"""Reader pages: sign-in by phone and SMS code, terms, the article's comments, the account.

None of these pages is in the page cache (they read the session); the
article page itself never reads it. Its comments come from ``block``, the
same HTML for every reader, cached per article and language (blocks.py).
"""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST, require_safe

from articles.models import Article, Comments
from groundwork.requests import client_ip

from . import blocks, sms, throttle
from .forms import CodeForm, CommentForm, PhoneForm, TermsForm
from .models import CODE_MAX_WRONG_TRIES, Comment, Reader, SignInCode

logger = logging.getLogger(__name__)

SESSION_READER = "comments_reader"
SESSION_PHONE = "comments_phone"  # the number a code was sent to
SESSION_VERIFIED = "comments_verified"  # the number a code proved, before the terms
SESSION_NEXT = "comments_next"


# The signed-in reader ---------------------------------------------------------


def current_reader(request):
    pk = request.session.get(SESSION_READER)
    if pk is None:
        return None
    return Reader.objects.active().filter(pk=pk).first()


def _sign_in(request, reader):
    # A new session key: a session id planted before sign-in is worth nothing after.
    request.session.cycle_key()
    request.session[SESSION_READER] = reader.pk
    request.session.pop(SESSION_PHONE, None)
    request.session.pop(SESSION_VERIFIED, None)


def _sign_out(request):
    # Only the reader's keys: a staff sign-in in the same browser stays.
    for key in (SESSION_READER, SESSION_PHONE, SESSION_VERIFIED, SESSION_NEXT):
        request.session.pop(key, None)


def _remember_next(request):
    target = request.GET.get("next") or request.POST.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        request.session[SESSION_NEXT] = target


def _next_url(request):
    return request.session.pop(SESSION_NEXT, None) or reverse("comments:account")


def _alternates(name, args=(), languages=None):
    """This page in each language, for the language switch: {code: path}."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        if languages is None or code in languages:
            with translation.override(code):
                urls[code] = reverse(name, args=args)
    return urls


def _too_many(request, message):
    return render(request, "comments/too_many.html", {"message": message}, status=429)


# Sign-in: phone, code, terms ----------------------------------------------------


def signin(request):
    _remember_next(request)
    form = PhoneForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        phone = form.cleaned_data["phone"]
        # The same answers for every number, whether it has an account or not.
        if not throttle.allow_code(phone, client_ip(request)):
            return _too_many(request, gettext("Too many codes requested. Try again in an hour."))
        code = SignInCode.issue(phone)
        text = gettext("%(site)s: your code is %(code)s. It is valid for 5 minutes.") % {
            "site": settings.NEWSROOM_SITE_NAME.get(get_language(), ""),
            "code": code,
        }
        try:
            sms.send(phone, text)
        except sms.SMSError:
            SignInCode.objects.filter(phone=phone).delete()
            form.add_error(
                None,
                gettext("We could not send the SMS just now. Please try again in a minute."),
            )
            return render(request, "comments/signin.html", {"form": form}, status=503)
        request.session[SESSION_PHONE] = phone
        return redirect("comments:code")
    return render(
        request,
        "comments/signin.html",
        {"form": form, "alternates": _alternates("comments:signin"), "noindex": True},
    )


def code(request):
    phone = request.session.get(SESSION_PHONE)
    if not phone:
        return redirect("comments:signin")
    form = CodeForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if not throttle.allow_code_check(client_ip(request)):
            return _too_many(request, gettext("Too many attempts. Try again in an hour."))
        result = SignInCode.verify(phone, form.cleaned_data["code"])
        if result == "ok":
            reader = Reader.objects.active().filter(phone=phone).first()
            if reader is not None and reader.terms_version == settings.COMMENTS_TERMS_VERSION:
                _sign_in(request, reader)
                return redirect(_next_url(request))
            request.session[SESSION_VERIFIED] = phone
            request.session.pop(SESSION_PHONE, None)
            return redirect("comments:terms")
        if result == "wrong":
            form.add_error("code", gettext("Wrong code. Check the SMS and try again."))
            status = 400
        elif result == "exhausted":
            form.add_error(
                "code",
                gettext(
                    "The code was entered wrongly %(count)s times and no longer works. "
                    "Request a new code."
                )
                % {"count": CODE_MAX_WRONG_TRIES},
            )
            status = 429
        else:
            form.add_error("code", gettext("The code has expired. Request a new code."))
            status = 400
    return render(
        request,
        "comments/code.html",
        {"form": form, "phone": phone},
        status=status,
    )


def terms(request):
    phone = request.session.get(SESSION_VERIFIED)
    if not phone:
        return redirect("comments:signin")
    existing = Reader.objects.active().filter(phone=phone).first()
    form = TermsForm(
        request.POST if request.method == "POST" else None,
        initial={"display_name": existing.display_name if existing else ""},
    )
    if request.method == "POST" and form.is_valid():
        fields = {
            "display_name": form.cleaned_data["display_name"],
            "terms_version": settings.COMMENTS_TERMS_VERSION,
            "terms_accepted_at": timezone.now(),
        }
        try:
            with transaction.atomic():
                reader, _created = Reader.objects.active().update_or_create(
                    phone=phone, defaults=fields
                )
        except IntegrityError:
            # The same number finished in another tab a moment ago.
            reader = Reader.objects.active().get(phone=phone)
        _sign_in(request, reader)
        return redirect(_next_url(request))
    return render(
        request,
        "comments/terms.html",
        {"form": form, "terms_version": settings.COMMENTS_TERMS_VERSION},
    )


@require_POST
def signout(request):
    _sign_out(request)
    return redirect("articles:home")


def account(request):
    reader = current_reader(request)
    if reader is None:
        return redirect(f"{reverse('comments:signin')}?next={reverse('comments:account')}")
    if request.method == "POST" and request.POST.get("close") == "yes":
        reader.closed_at = timezone.now()
        reader.save(update_fields=["closed_at"])
        _sign_out(request)
        return render(
            request,
            "comments/closed.html",
            {
                "purge_on": reader.closed_at
                + timezone.timedelta(days=settings.READER_RETENTION_DAYS)
            },
        )
    return render(
        request,
        "comments/account.html",
        {"reader": reader, "alternates": _alternates("comments:account")},
    )


# An article's comments ----------------------------------------------------------


def _article(pk):
    """A published article in the page's language whose comments are not hidden; else 404."""
    article = get_object_or_404(Article.objects.published().select_related("rubric"), pk=pk)
    if not article.exists_in(get_language()) or article.comments_state == Comments.HIDDEN:
        raise Http404
    return article


def _thread(article):
    """The approved comments, oldest first, each with its approved replies."""
    replies = Comment.objects.visible().select_related("reader").order_by("created_at", "id")
    return list(
        Comment.objects.visible()
        .filter(article=article, parent=None)
        .select_related("reader")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "id")
    )


def _block_context(article):
    thread = _thread(article)
    count = sum(1 + len(comment.replies.all()) for comment in thread)
    return {
        "article": article,
        "thread": thread,
        "count": count,
        "is_open": article.comments_state == Comments.OPEN,
    }


@require_safe
def block(request, pk):
    """The comments block of the article page: one HTML per article and language, cached."""
    article = _article(pk)
    html = blocks.cached_block(
        article.pk,
        get_language(),
        lambda: render_to_string("comments/block.html", _block_context(article)),
    )
    return HttpResponse(html)


def article_comments(request, pk):
    """The article's comments and the form: where the block links, and where it posts."""
    article = _article(pk)
    reader = current_reader(request)
    is_open = article.comments_state == Comments.OPEN
    form = CommentForm(
        request.POST if request.method == "POST" else None,
        initial={"parent": request.GET.get("reply")},
    )
    status = 200
    if request.method == "POST":
        refusal = _refusal(request, article, reader)
        if refusal is not None:
            return refusal
        if form.is_valid():
            comment = _post(article, reader, form)
            if comment is not None:
                request.session["comments_posted"] = comment.status
                return redirect(reverse("comments:page", args=[article.pk]) + "#form")
            form.add_error(None, gettext("The comment you replied to is no longer there."))
        status = 400
    context = {
        **_block_context(article),
        "reader": reader,
        "form": form,
        "is_open": is_open,
        "posted": request.session.pop("comments_posted", None),
        "alternates": _alternates("comments:page", [article.pk], article.languages),
        # The article is the page to find; this one only repeats its comments.
        "noindex": True,
    }
    return render(request, "comments/article_comments.html", context, status=status)


def _refusal(request, article, reader):
    """Why this POST may not add a comment, as a page in the reader's language; else None.

    The page gives the typed text back, so that nothing the reader wrote is lost.
    """
    context = {"article": article, "typed": request.POST.get("text", "")[:20000]}
    if article.comments_state != Comments.OPEN:
        message, status = gettext("Comments on this article are closed."), 403
    elif reader is None:
        message, status = gettext("Sign in with your phone number to comment."), 403
        context["signin"] = True
    elif reader.is_blocked:
        message, status = gettext("Your account is blocked: you cannot comment."), 403
    elif not throttle.allow_comment(reader, client_ip(request)):
        message, status = gettext("Too many comments. Try again in an hour."), 429
    else:
        return None
    return render(request, "comments/refused.html", {**context, "message": message}, status=status)


def _post(article, reader, form):
    parent = None
    if form.cleaned_data.get("parent"):
        parent = (
            Comment.objects.visible()
            .filter(article=article, pk=form.cleaned_data["parent"])
            .first()
        )
        if parent is None:
            return None
    status = Comment.Status.PENDING if settings.COMMENTS_PREMODERATION else Comment.Status.APPROVED
    return Comment.objects.create(
        article=article,
        reader=reader,
        parent=parent,
        text=form.cleaned_data["text"],
        language=get_language(),
        status=status,
        moderated_at=None if status == Comment.Status.PENDING else timezone.now(),
    )
