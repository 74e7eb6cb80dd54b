"""The Volunteers & certificates desk (志愿者与证书): volunteers and their hours, the duty rota,
certificates."""
