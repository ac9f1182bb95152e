"""Visitor feedback ("Hjälpte denna information dig?") and page-view statistics."""
