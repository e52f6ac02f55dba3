"""careerpath: a self-hosted, privacy-first career advancement planner."""

__version__ = "0.1.0"
