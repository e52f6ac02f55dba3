"""Reference data: the built-in starter vocabulary and imported ESCO / O*NET skills and occupations.

Nothing here belongs to a user; every person reads the same vocabulary.
"""
