"""The Volunteers desk: volunteers, the duty rota and the certificate register."""
