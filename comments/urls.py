"""Readers' URLs, under /comments/ (and /kk/comments/): a rubric may not take that slug."""

from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("comments/signin/", views.signin, name="signin"),
    path("comments/code/", views.code, name="code"),
    path("comments/terms/", views.terms, name="terms"),
    path("comments/account/", views.account, name="account"),
    path("comments/signout/", views.signout, name="signout"),
    path("comments/<int:pk>/", views.article_comments, name="page"),
    path("comments/<int:pk>/block/", views.block, name="block"),
]
