"""志愿者与证书: the Volunteers & certificates desk and its parts."""
