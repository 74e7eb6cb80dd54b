"""志愿者与证书, the Volunteers and certificates desk's services.

- `hours`: service hours per person for any period, the year's totals, who reaches a threshold.
"""
