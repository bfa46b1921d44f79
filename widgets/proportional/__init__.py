"""The workspace of the proportional split (``cost_sharing/instruments/proportional``)."""
