"""The records a user keeps, as plain typed values: no database, no Qt."""
