"""The journal database: SQLAlchemy 2 models, the engine, migrations, the search index."""
