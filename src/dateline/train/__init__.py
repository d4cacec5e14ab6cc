"""Rebuilding the shipped models from ../shared (``python -m dateline.train.attribution``)."""
