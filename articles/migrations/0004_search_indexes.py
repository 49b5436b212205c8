"""GIN indexes for reader search on PostgreSQL (one per language).

The expression is search.engine.search_vector_sql(), the one the search
query uses, so the planner can match it. SQLite has no such indexes: search
there is a plain fallback, and this migration does nothing.
"""

from django.db import migrations

LANGUAGES = {"ru": "russian", "kk": "simple"}


def _expression(language, config):
    parts = [
        f"setweight(to_tsvector('{config}'::regconfig, coalesce({field}_{language}, '')), '{weight}')"
        for field, weight in (("title", "A"), ("lead", "B"), ("body", "C"))
    ]
    return " || ".join(parts)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language, config in LANGUAGES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS article_search_{language}_idx "
            f"ON articles_article USING gin (({_expression(language, config)}))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language in LANGUAGES:
        schema_editor.execute(f"DROP INDEX IF EXISTS article_search_{language}_idx")


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_newsroom_roles")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
