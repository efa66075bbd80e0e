"""jobsieve's labelled evaluation set for boilerplate stripping and body language (see score.py)."""
