"""Starting a site (``wijkkaart init``) and a record in it (``wijkkaart new``)."""
