"""What the site shows: pages, cards, finder data, search records, maps, addresses, CSP and offline files."""
