"""Accord's engine: scenarios, exact money, computations and agreements as data. No Qt here."""

import os

__version__ = "0.1.0"

# Accord uses no pydantic plugins; looking them up scans every installed distribution's
# metadata on the first model class, which costs tens of milliseconds at start-up.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
