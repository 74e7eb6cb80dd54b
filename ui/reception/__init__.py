"""Reception (接待签到): find a visitor with one search box and check them in."""
