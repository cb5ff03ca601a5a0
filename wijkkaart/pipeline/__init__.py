"""A build from settings to files: steps that name themselves, the second core, the site swapped whole."""
