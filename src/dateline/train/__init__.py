"""Rebuilding the shipped models from ../shared (``python -m dateline.train.attribution``) and model selection
by cross-validation (``python -m dateline.train.events --cv``)."""
