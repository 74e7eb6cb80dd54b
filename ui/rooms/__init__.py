"""活动室预约: the Rooms desk (calendar, booking editor, council agendas)."""
