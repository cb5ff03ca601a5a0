"""The social map's records: YAML read with its lines, checked in Dutch, and the catalog every output asks."""
