"""Domain rules: pure functions, no I/O (matching, eligibility, dates, cadence, synthesis)."""
