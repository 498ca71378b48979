"""wfplan diff: what a change does to the plans between two revisions."""
