"""Hostile input: what an attacker or a careless editor could put into `scorecards/` and
`content/`, one fixture per kind, each with the exact code, position and key words expected."""
