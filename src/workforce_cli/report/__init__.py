"""wfplan report and calendar: the progress report a committee reads, and the iCalendar feed."""
