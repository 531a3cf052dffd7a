"""What each resource looks like, one module a resource (``base`` holds what they share)."""
