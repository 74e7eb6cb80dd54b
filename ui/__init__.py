"""Youlin Desk's Qt shell: windows, desks, widgets, Qt models and dialogs over `app`."""
