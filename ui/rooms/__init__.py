"""Rooms (活动室预约): the day and week calendar of the rooms, the booking editor, printing."""
