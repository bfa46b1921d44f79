"""The workspace of a cost-sharing project (``cost_sharing/instruments/project_cost``)."""
