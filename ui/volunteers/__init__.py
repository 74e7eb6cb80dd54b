"""The Volunteers & certificates desk (志愿者与证书)."""
