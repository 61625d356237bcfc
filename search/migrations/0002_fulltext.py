"""The full-text part of the database backend, per engine.

SQLite: an FTS5 table (rowid = IndexedDocument.id) holding the title and
the body as written (for snippets and autocomplete) and as one stem per word
(for matching and ranking; stems come from Python's Snowball stemmers in the
document's language, since FTS5 has no French stemmer); unicode61 with
remove_diacritics 2 makes matching accent- and case-insensitive.

PostgreSQL: the unaccent extension, one text search configuration per
language (Snowball stemmer after unaccent), and two generated tsvector
columns with GIN indexes: the weighted title + body for matching and
ranking, the unstemmed title for autocomplete prefixes.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fulltext USING fts5(
        title, body, title_stems, body_stems,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )""",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fulltext"]

CONFIG = """CASE language WHEN 'fr' THEN 'search_fr'::regconfig
    WHEN 'en' THEN 'search_en'::regconfig ELSE 'search_simple'::regconfig END"""

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    *(
        statement
        for name, template, stemmer in [
            ("search_fr", "french", "french_stem"),
            ("search_en", "english", "english_stem"),
            ("search_simple", "simple", "simple"),
        ]
        for statement in [
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name} CASCADE",
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {template})",
            f"""ALTER TEXT SEARCH CONFIGURATION {name}
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer}""",
        ]
    ),
    f"""ALTER TABLE search_indexeddocument ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            setweight(to_tsvector({CONFIG}, coalesce(title, '')), 'A')
            || setweight(to_tsvector({CONFIG}, coalesce(body, '')), 'B')
        ) STORED""",
    """ALTER TABLE search_indexeddocument ADD COLUMN title_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('search_simple'::regconfig, coalesce(title, ''))) STORED""",
    "CREATE INDEX search_document_vector ON search_indexeddocument USING GIN (search_vector)",
    "CREATE INDEX search_document_title_vector ON search_indexeddocument USING GIN (title_vector)",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE search_indexeddocument DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE search_indexeddocument DROP COLUMN IF EXISTS title_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS search_fr",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS search_en",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS search_simple",
]

STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
    "postgresql": (POSTGRES_FORWARD, POSTGRES_BACKWARD),
}


def _run(direction):
    def run(apps, schema_editor):
        statements = STATEMENTS.get(schema_editor.connection.vendor)
        if statements is None:
            return
        for statement in statements[direction]:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_documents")]

    operations = [migrations.RunPython(_run(0), _run(1))]
