"""Rooms (活动室预约): the day and week calendar of the activity rooms and their bookings."""
