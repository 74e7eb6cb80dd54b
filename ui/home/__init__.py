"""Home (首页): today at a glance."""
