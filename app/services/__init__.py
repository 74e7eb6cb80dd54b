"""Services: take a session and the acting account, validate, check permissions, write once."""
