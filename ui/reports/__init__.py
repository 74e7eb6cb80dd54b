"""The Reports desk (统计报表): the centre's figures over any period, for staff and admins."""
