"""The draft agreement as data: built from a scenario and its computed result, rendered elsewhere.

This package is Qt-free and imports no renderer. ``settings`` holds the pydantic
models saved with a scenario (draft label, signing details, edited articles);
``model`` the plain dataclasses of the document; ``build`` turns a scenario into
an :class:`~chengyu_accord.cost_sharing.agreement.model.AgreementDoc`; ``binding``
keeps numbers in edited articles tied to the computation. The submodules are
imported explicitly (``scenario.py`` imports ``settings``, so this file imports
nothing to avoid a cycle).
"""
