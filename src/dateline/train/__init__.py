"""Training and model selection by cross-validation (`python -m dateline.train.events --cv`)."""
