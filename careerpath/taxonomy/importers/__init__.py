"""Importers for the operator-downloaded ESCO and O*NET releases (``careerpath import_taxonomy``).

Each importer reads and checks every file first, then writes everything in one
transaction: a malformed file names its file, line and column and nothing is written, and
a re-import updates rows in place instead of adding new ones.
"""
