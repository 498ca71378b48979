"""The editing commands: changes made to the text of plan files, keeping every comment."""
