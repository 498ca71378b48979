"""wfplan staffing: figures by team, targets and measures, computed then rendered."""
