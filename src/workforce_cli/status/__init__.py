"""wfplan status and overdue: each milestone rated as of a date, then rendered."""
