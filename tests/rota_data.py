"""Test data for the duty rota: a community, building groups, volunteers and a 桶前督导 duty."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.db import Database
from app.models import BuildingGroup, Community, Duty, DutyAssignment, Volunteer
from tests.menu_data import add_person


@dataclass(frozen=True)
class Rota:
    community_id: int
    group_id: int
    other_group_id: int
    duty_id: int  # 垃圾分类桶前督导, Wednesdays 07:00-08:30 at 3号楼组
    people: dict[str, int]  # name -> person id, each with a volunteer profile


def make_rota(db: Database, since: dt.date = dt.date(2026, 10, 1)) -> Rota:
    """王建国 (双报到, phone 13812345678) and 李秀兰 on the Wednesday bins duty from `since`;
    赵明 has a profile but no duty; 钱多多 has none."""
    with db.write() as session:
        community = Community(name="桃园社区")
        other = Community(name="梅岭社区")
        session.add_all([community, other])
        session.flush()
        group = BuildingGroup(community_id=community.id, name="3号楼组")
        other_group = BuildingGroup(community_id=other.id, name="7号楼组")
        session.add_all([group, other_group])
        session.flush()
        people = {
            "王建国": add_person(session, "王建国", phone="13812345678"),
            "李秀兰": add_person(session, "李秀兰"),
            "赵明": add_person(session, "赵明"),
            "钱多多": add_person(session, "钱多多"),
        }
        for n, name in enumerate(("王建国", "李秀兰", "赵明")):
            session.add(
                Volunteer(
                    person_id=people[name],
                    volunteer_number=f"DLZY{n + 1:05d}",
                    double_report=name != "李秀兰",
                )
            )
        duty = Duty(
            name="垃圾分类桶前督导",
            building_group_id=group.id,
            weekday=2,
            start_time=dt.time(7, 0),
            end_time=dt.time(8, 30),
            place="3号楼垃圾厢房",
        )
        session.add(duty)
        session.flush()
        for name in ("王建国", "李秀兰"):
            volunteer_id = session.query(Volunteer.id).filter_by(person_id=people[name]).scalar()
            session.add(DutyAssignment(duty_id=duty.id, volunteer_id=volunteer_id, since=since))
        session.flush()
        return Rota(community.id, group.id, other_group.id, duty.id, people)
