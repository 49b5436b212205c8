"""A database made before the models moved to their own apps migrates forward with nothing lost.

The views per day, the flushed batches, the audit log and the translation
basis lived in ``articles`` until they got apps of their own (viewcounts,
audit, translations). A newsroom's database made then is taken back to that
state here, filled through the models as they were, and migrated forward:
every table keeps every row, the moved models keep their content types, so
a role's permissions on them and their history stay theirs.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# Main as it was before the move: the articles app's last migration, and no
# migration of the apps that took its models.
BEFORE = [
    ("articles", "0016_source_cited_name"),
    ("audit", None),
    ("viewcounts", None),
    ("translations", None),
]
MOVED = {
    "auditentry": "audit",
    "articleviewday": "viewcounts",
    "viewflush": "viewcounts",
    "translationbasis": "translations",
}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    return executor.migrate(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def _counts(state_apps):
    """Rows per table, for every model of the state (tables by name, not by model)."""
    tables = sorted({model._meta.db_table for model in state_apps.get_models()})
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def _fill(old):
    """A small newsroom, made through the models as they were before the move."""
    now = timezone.now()
    content_type = old.get_model("contenttypes", "ContentType")
    permission = old.get_model("auth", "Permission")
    group = old.get_model("auth", "Group")
    user = old.get_model("auth", "User").objects.create(username="chief", is_staff=True)
    rubric = old.get_model("articles", "Rubric").objects.create(
        name_ru="Актау", name_kk="Ақтау", slug="aktau"
    )
    article = old.get_model("articles", "Article").objects.create(
        title_ru="Школа",
        body_ru="<p>Открыли.</p>",
        title_kk="Мектеп",
        body_kk="<p>Ашылды.</p>",
        rubric=rubric,
        status="published",
        published_at=now,
        in_ru=True,
        in_kk=True,
    )
    old.get_model("articles", "ArticleViewDay").objects.create(
        article=article, day=now.date(), views=42
    )
    old.get_model("articles", "ViewFlush").objects.create(batch="b1", views=42)
    old.get_model("articles", "AuditEntry").objects.create(
        actor=user, actor_name="chief", action="publish", object_type="articles.article"
    )
    old.get_model("articles", "TranslationBasis").objects.create(
        article=article, title="Школа", body="<p>Открыли.</p>", taken_at=now
    )
    # A role allowed to read the audit log, by the content type the log had then.
    audit_type, _made = content_type.objects.get_or_create(app_label="articles", model="auditentry")
    view_log, _made = permission.objects.get_or_create(
        content_type=audit_type, codename="view_auditentry", defaults={"name": "Can view"}
    )
    editors, _made = group.objects.get_or_create(name="Editors")
    editors.permissions.add(view_log)
    # History that points at a moved model's content type.
    revision = old.get_model("reversion", "Revision").objects.create(date_created=now, comment="")
    old.get_model("reversion", "Version").objects.create(
        revision=revision,
        object_id="1",
        content_type=audit_type,
        db="default",
        format="json",
        serialized_data="[]",
        object_repr="entry",
    )
    return audit_type.pk


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_migrates_forward_with_every_row():
    latest = _latest()
    try:
        old = _migrate(BEFORE)
        audit_type_id = _fill(old)
        before = _counts(old)
        assert all(before[f"articles_{model}"] for model in MOVED)

        new = _migrate(latest)
        after = _counts(new)
        assert {table: after.get(table) for table in before} == before

        content_type = new.get_model("contenttypes", "ContentType")
        for model, app in MOVED.items():
            assert content_type.objects.filter(app_label=app, model=model).count() == 1
            assert not content_type.objects.filter(app_label="articles", model=model).exists()
        # The same content type, moved: the role keeps its permission, history its object.
        assert content_type.objects.get(pk=audit_type_id).app_label == "audit"
        editors = new.get_model("auth", "Group").objects.get(name="Editors")
        assert editors.permissions.filter(
            content_type__app_label="audit", codename="view_auditentry"
        ).exists()
        version = new.get_model("reversion", "Version").objects.get()
        assert version.content_type_id == audit_type_id
    finally:
        _migrate(latest)
