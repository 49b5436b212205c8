"""Fixtures for the admin's browser tests: roles, users, logging in through the form."""

import io
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from PIL import Image

PASSWORD = "browser-pass-2026"

# The roles come from a data migration; transactional tests (live_server)
# flush the database, so they are made again the same way.
_roles = import_module("articles.migrations.0003_newsroom_roles")


@pytest.fixture
def roles(transactional_db):
    _roles.create_roles(apps, None)
    return {group.name: group for group in Group.objects.all()}


@pytest.fixture
def make_staff(roles):
    def make(username, role, **fields):
        user = User.objects.create_user(username, password=PASSWORD, is_staff=True, **fields)
        user.groups.add(roles[role])
        return user

    return make


@pytest.fixture
def admin_login(live_server):
    """Log ``page`` in as ``username`` through the real /admin/login/ form."""

    def login(page, username, prefix=""):
        page.goto(f"{live_server.url}{prefix}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(f"{live_server.url}{prefix}/admin/")

    return login


@pytest.fixture
def jpeg_file(tmp_path):
    """A small real JPEG on disk, for <input type=file>."""
    path = tmp_path / "naberezhnaya.jpg"
    Image.new("RGB", (640, 480), (30, 110, 170)).save(path, "JPEG")
    return path


@pytest.fixture
def jpeg_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 110, 170)).save(buffer, "JPEG")
    return buffer.getvalue()
