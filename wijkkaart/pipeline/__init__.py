"""A build from settings to files: declared steps planned on two cores, each failure naming its step, the site
swapped whole."""
