"""Turn parsed rows into records of the shared schema: areas, actors, clean text, provenance."""
