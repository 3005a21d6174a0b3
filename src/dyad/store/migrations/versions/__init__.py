"""One module per schema revision, applied in order by ``dyad.store.database.migrate``."""
