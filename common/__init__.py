"""Plumbing shared by the apps and owned by none: id parsing, paging, the API's error shape.

It sits beside the apps, below the faces: people and statements both import it, and it imports
neither of them.
"""
