"""The case file of one person: a tab per part of the file (details, indication, placements,
reviews, subsidy, objections, notes, history)."""
