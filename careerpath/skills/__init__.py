"""Skill inventory, job-posting analysis, target roles and gap analysis."""
