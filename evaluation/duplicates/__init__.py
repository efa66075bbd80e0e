"""The labelled duplicate pairs (pairs.toml) and their evaluation (evaluate.py)."""
