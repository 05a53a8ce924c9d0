"""Loading: read YAML files keeping positions, then validate them into the typed model."""
