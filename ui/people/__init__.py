"""居民档案: the People desk and the person form it shares with Reception."""
