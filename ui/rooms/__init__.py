"""活动室预约: the Rooms desk."""
