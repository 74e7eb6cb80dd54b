"""志愿者与证书, the Volunteers and certificates desk's services.

- `hours`: service hours per person for any period, the year's totals, who reaches a threshold.
- `profiles`: a person's volunteer profile (number, skills, availability, 双报到 details).
- `records`: make-up records (补录) by staff with a reason, and a person's records for a period.
- `rota`: recurring duties (垃圾分类桶前督导) per building group, who is on them, each week's turn
  marked done (a duty record) or missed, and who has missed several weeks.
- `certificates`: the register — issuing (one, or everyone who qualifies), reprints (补发),
  revoking, and verifying a serial and code.
"""
