"""The centre's work in figures: any period, by community and building group, and the month's
report. Each function takes a database session, the acting account and a `Period`."""
