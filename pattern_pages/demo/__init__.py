"""The demo library, written by the project in its own words.

Codes and names (LGSL codes and service names, GSS codes and council names, Design System slugs, names and
URLs) are public facts taken from the lists in ``../shared/data``; every description, pattern and process is
our own writing. ``cms.demo.load_demo()`` turns these data structures into published pages, snippets and records.
"""
