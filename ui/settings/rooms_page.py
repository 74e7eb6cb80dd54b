"""Rooms (活动室): the list in the calendar's order, and an editor for one room with its weekly
opening hours. The editor takes the list's place (no modal dialog), as the accounts' forms do.

Changing a room's hours never cancels a booking: the page names the bookings that now fall
outside them, for staff to move or cancel on the Rooms desk.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QSize,
    Qt,
    QTime,
    Slot,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services.rooms import days, setup
from app.services.rooms.setup import RoomInput, RoomRow
from ui.context import DeskContext
from ui.errors import FieldMessage
from ui.labels import QT_TRANSLATE_NOOP, format_time
from ui.people.tag_list import BigIndicatorStyle
from ui.settings.common import (
    INACTIVE_COLOUR,
    affected_text,
    short_weekday,
    weekday_name,
)
from ui.settings.list_editor import ListEditorPage
from ui.table_model import Index, LinesModel
from ui.widgets import button, plain

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.security import Actor

# Eight colours a room's column can have, named in words (a 60-year-old picks 蓝色, not #3A7BD5);
# each dark enough for white text (at least 4.5:1) and distinct from its neighbours.
COLOURS: tuple[tuple[str, str], ...] = (
    ("#1F5FAD", QT_TRANSLATE_NOOP("RoomsPage", "Blue")),
    ("#2E7D32", QT_TRANSLATE_NOOP("RoomsPage", "Green")),
    ("#B45309", QT_TRANSLATE_NOOP("RoomsPage", "Orange")),
    ("#B3261E", QT_TRANSLATE_NOOP("RoomsPage", "Red")),
    ("#6A3FA0", QT_TRANSLATE_NOOP("RoomsPage", "Purple")),
    ("#00696B", QT_TRANSLATE_NOOP("RoomsPage", "Teal")),
    ("#7B4F2C", QT_TRANSLATE_NOOP("RoomsPage", "Brown")),
    ("#555555", QT_TRANSLATE_NOOP("RoomsPage", "Grey")),
)
NO_COLOUR = ""


def colour_name(colour: str) -> str:
    """蓝色 for a colour of the set, the #RRGGBB itself for another, 默认 for none."""
    if not colour:
        return QCoreApplication.translate("RoomsPage", "Desk's own")
    name = next((name for code, name in COLOURS if code == colour.upper()), None)
    return QCoreApplication.translate("RoomsPage", name) if name else colour


def hours_summary(hours: dict[int, tuple[dt.time, dt.time]]) -> str:
    """周一至周五 09:00–17:00；周六 09:00–12:00 — weekdays with the same hours together."""
    if not hours:
        return QCoreApplication.translate("RoomsPage", "Closed every day")
    groups: list[tuple[list[int], tuple[dt.time, dt.time]]] = []
    for weekday in sorted(hours):
        if groups and groups[-1][1] == hours[weekday] and groups[-1][0][-1] == weekday - 1:
            groups[-1][0].append(weekday)
        else:
            groups.append(([weekday], hours[weekday]))
    parts = []
    for weekdays, (opens, closes) in groups:
        days = short_weekday(weekdays[0])
        if len(weekdays) > 1:
            days = (
                QCoreApplication.translate("RoomsPage", "%1–%2")
                .replace("%1", days)
                .replace("%2", short_weekday(weekdays[-1]))
            )
        parts.append(f"{days} {format_time(opens)}–{format_time(closes)}")
    return QCoreApplication.translate("RoomsPage", "; ").join(parts)


class RoomTableModel(LinesModel[RoomRow]):
    """The rooms in the calendar's order; one out of use is greyed and says so in words."""

    CONTEXT = "RoomTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("RoomTableModel", "Room"),
        QT_TRANSLATE_NOOP("RoomTableModel", "Seats"),
        QT_TRANSLATE_NOOP("RoomTableModel", "Where"),
        QT_TRANSLATE_NOOP("RoomTableModel", "Opening hours"),
        QT_TRANSLATE_NOOP("RoomTableModel", "Status"),
    )
    NAME, CAPACITY, LOCATION, HOURS, STATUS = range(5)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        room = self._lines[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                room.name,
                str(room.capacity),
                room.location,
                hours_summary(room.hours),
                self._status(room),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NAME and room.facilities:
                return room.facilities
            if column == self.HOURS:
                return hours_summary(room.hours)
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME and room.colour:
            return QColor(room.colour)
        if role == Qt.ItemDataRole.ForegroundRole and not room.active:
            return QColor(INACTIVE_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.CAPACITY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _status(self, room: RoomRow) -> str:
        if not room.active:
            return self.tr("Out of use")
        return self.tr("Can be booked") if room.bookable else self.tr("Not bookable")


class HoursRow:
    """One weekday of the hours grid: a "closed" tick and two time editors."""

    def __init__(self, weekday: int, parent: QWidget, indicators: QStyle) -> None:
        self.weekday = weekday
        name = weekday_name(weekday)
        self.label = QLabel(name, parent)
        self.closed = QCheckBox(QCoreApplication.translate("RoomsPage", "Not open"), parent)
        self.closed.setStyle(indicators)
        self.closed.setObjectName(f"settings.rooms.hours.{weekday}.closed")
        self.closed.setAccessibleName(
            QCoreApplication.translate("RoomsPage", "%1 not open").replace("%1", name)
        )
        self.opens = self._time_edit(f"settings.rooms.hours.{weekday}.opens", parent)
        self.opens.setAccessibleName(
            QCoreApplication.translate("RoomsPage", "%1 opens at").replace("%1", name)
        )
        self.closes = self._time_edit(f"settings.rooms.hours.{weekday}.closes", parent)
        self.closes.setAccessibleName(
            QCoreApplication.translate("RoomsPage", "%1 closes at").replace("%1", name)
        )
        self.dash = QLabel("–", parent)
        self.message = FieldMessage(f"settings.rooms.hours.{weekday}.message", parent)
        self.closed.toggled.connect(self.on_closed_toggled)

    @staticmethod
    def _time_edit(object_name: str, parent: QWidget) -> QTimeEdit:
        edit = QTimeEdit(parent)
        edit.setObjectName(object_name)
        edit.setDisplayFormat("HH:mm")
        edit.setCurrentSection(QTimeEdit.Section.HourSection)
        return edit

    def set(self, hours: tuple[dt.time, dt.time] | None) -> None:
        if hours is not None:
            self.opens.setTime(QTime(hours[0].hour, hours[0].minute))
            self.closes.setTime(QTime(hours[1].hour, hours[1].minute))
        self.closed.setChecked(hours is None)
        self.on_closed_toggled(hours is None)

    def value(self) -> tuple[dt.time, dt.time] | None:
        if self.closed.isChecked():
            return None
        opens, closes = self.opens.time(), self.closes.time()
        return dt.time(opens.hour(), opens.minute()), dt.time(closes.hour(), closes.minute())

    def on_closed_toggled(self, closed: bool) -> None:
        for widget in (self.opens, self.closes, self.dash):
            widget.setEnabled(not closed)


class RoomsPage(ListEditorPage[RoomRow]):
    """The centre's rooms: add one, change one (its hours too), put them in the calendar's
    order, take one out of use."""

    STRETCH = RoomTableModel.HOURS

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "rooms", RoomTableModel(), parent)
        self._editing: int | None = None  # the room's id; None for a new room

        self._edit = button(self.tr("&Change room…"), "settings.rooms.edit", self)
        self._edit.clicked.connect(self.on_edit_clicked)
        self._up = button(self.tr("Move &up"), "settings.rooms.moveUp", self)
        self._up.clicked.connect(self.on_move_up_clicked)
        self._down = button(self.tr("Move &down"), "settings.rooms.moveDown", self)
        self._down.clicked.connect(self.on_move_down_clicked)
        list_actions = QHBoxLayout()
        for widget in (self._edit, self._up, self._down):
            list_actions.addWidget(widget)
        list_actions.addStretch(1)
        self.list_layout.addLayout(list_actions)
        self._warning = FieldMessage("settings.rooms.affected", self)

        self._finish(
            self.tr("Rooms and opening hours"),
            self.tr(
                "The rooms as the calendar shows them, in this order. A room no longer used "
                "is taken out of use; its bookings stay."
            ),
            self.tr("&New room…"),
            self._build_editor(),
            (self._warning,),
        )

    # ---- the editor -------------------------------------------------------------------------

    def _build_editor(self) -> QGroupBox:
        box = QGroupBox(self.tr("Room"), self)
        self._indicators = BigIndicatorStyle(box)  # tick boxes as big as the text

        self._name = QLineEdit(box)
        self._name.setMaxLength(40)
        self._name.setPlaceholderText(self.tr("e.g. 书画室"))
        self._capacity = QSpinBox(box)
        self._capacity.setRange(0, setup.MAX_CAPACITY)
        self._capacity.setSuffix(self.tr(" people"))
        self._location = QLineEdit(box)
        self._location.setMaxLength(60)
        self._location.setPlaceholderText(self.tr("e.g. 2nd floor, east side"))
        self._facilities = QLineEdit(box)
        self._facilities.setMaxLength(200)
        self._facilities.setPlaceholderText(self.tr("e.g. 投影、音响、钢琴"))

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        row = 0
        for field, text, widget in (
            ("name", self.tr("&Name:"), self._name),
            ("capacity", self.tr("&Seats:"), self._capacity),
            ("location", self.tr("&Where:"), self._location),
            ("facilities", self.tr("&Facilities:"), self._facilities),
        ):
            row = self._field_row(grid, row, field, text, widget)

        # Colour: named swatches, one tick among them.
        colour_label = QLabel(self.tr("Colour:"), box)
        self._colours = QButtonGroup(box)
        self._colours.setExclusive(True)
        swatches = QGridLayout()
        choices = [
            (NO_COLOUR, QCoreApplication.translate("RoomsPage", "Desk's own")),
            *((c, QCoreApplication.translate("RoomsPage", n)) for c, n in COLOURS),
        ]
        for i, (code, name) in enumerate(choices):
            swatch = QPushButton(name, box)
            swatch.setObjectName(f"settings.rooms.colour.{code.lstrip('#') or 'none'}")
            swatch.setAccessibleName(self.tr("Colour %1").replace("%1", name))
            swatch.setCheckable(True)
            swatch.setAutoDefault(False)
            swatch.setProperty("colour", code)
            swatch.setProperty("name", name)
            swatch.setIcon(self._swatch_icon(code))
            swatch.setIconSize(QSize(self.fontMetrics().height(), self.fontMetrics().height()))
            self._colours.addButton(swatch, i)
            swatches.addWidget(swatch, i // 3, i % 3)
        self._colours.buttonToggled.connect(self.on_colour_toggled)
        self._other_colour = ""  # a colour not in the set, kept as it is
        colour_message = FieldMessage("settings.rooms.colour.message", box)
        first_swatch = self._colours.button(0)
        colour_label.setBuddy(first_swatch)
        self._fields.add("colour", first_swatch, colour_message)
        grid.addWidget(colour_label, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(swatches, row, 1)
        grid.addWidget(colour_message, row + 1, 1)
        row += 2

        self._bookable = QCheckBox(self.tr("Can be &booked"), box)
        self._bookable.setObjectName("settings.rooms.bookable")
        self._bookable.setAccessibleName(plain(self._bookable.text()))
        self._bookable.setStyle(self._indicators)
        self._active = QCheckBox(self.tr("In &use"), box)
        self._active.setObjectName("settings.rooms.active")
        self._active.setAccessibleName(plain(self._active.text()))
        self._active.setStyle(self._indicators)
        ticks = QHBoxLayout()
        ticks.addWidget(self._bookable)
        ticks.addWidget(self._active)
        ticks.addStretch(1)
        grid.addLayout(ticks, row, 1)
        grid.setRowStretch(row + 1, 1)

        # Opening hours, Monday to Sunday.
        hours_box = QGroupBox(self.tr("Opening hours"), box)
        hours_box.setObjectName("settings.rooms.hours")
        hours_grid = QGridLayout(hours_box)
        self._hours = [HoursRow(weekday, hours_box, self._indicators) for weekday in range(7)]
        for hours_row in self._hours:
            line = hours_row.weekday * 2
            hours_grid.addWidget(hours_row.label, line, 0)
            hours_grid.addWidget(hours_row.closed, line, 1)
            hours_grid.addWidget(hours_row.opens, line, 2)
            hours_grid.addWidget(hours_row.dash, line, 3)
            hours_grid.addWidget(hours_row.closes, line, 4)
            hours_grid.addWidget(hours_row.message, line + 1, 0, 1, 5)
            self._fields.add(f"hours.{hours_row.weekday}", hours_row.opens, hours_row.message)
        self._copy_monday = button(
            self.tr("Same hours as &Monday every open day"), "settings.rooms.copyMonday", box
        )
        self._copy_monday.clicked.connect(self.on_copy_monday_clicked)
        hours_grid.addWidget(self._copy_monday, 14, 0, 1, 5)
        hours_grid.setColumnStretch(5, 1)

        actions = self._editor_actions(self.tr("&Save room"), box)

        self._fields_part = QWidget(box)
        self._fields_part.setObjectName("settings.rooms.fields")
        fields_layout = QVBoxLayout(self._fields_part)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addLayout(grid)
        self._hours_box = hours_box
        self._body = QGridLayout()
        self._wide: bool | None = None
        layout = QVBoxLayout(box)
        layout.addLayout(actions)
        layout.addLayout(self._body)
        self._arrange_editor(wide=True)
        return box

    def _arrange_editor(self, *, wide: bool) -> None:
        """Wide: the hours beside the fields. Narrow (large text on a small screen): under them,
        so nothing needs scrolling sideways."""
        if wide == self._wide:
            return
        self._wide = wide
        self._body.removeWidget(self._fields_part)
        self._body.removeWidget(self._hours_box)
        self._body.addWidget(self._fields_part, 0, 0, Qt.AlignmentFlag.AlignTop)
        self._body.addWidget(
            self._hours_box, 0 if wide else 1, 1 if wide else 0, Qt.AlignmentFlag.AlignTop
        )
        self._body.setColumnStretch(0, 3)
        self._body.setColumnStretch(1, 2 if wide else 0)

    def _update_arrangement(self) -> None:
        scroll = self.parentWidget()
        width = scroll.width() if scroll is not None else self.width()
        needed = (
            self._fields_part.minimumSizeHint().width()
            + self._hours_box.minimumSizeHint().width()
            + self.fontMetrics().height() * 3
        )
        self._arrange_editor(wide=width >= needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_arrangement()

    def _swatch_icon(self, code: str) -> QIcon:
        side = self.fontMetrics().height()
        pixmap = QPixmap(side, side)
        pixmap.fill(QColor(code) if code else QColor("white"))
        painter = QPainter(pixmap)
        painter.setPen(QColor("#444444"))  # the white "desk's own" needs an edge to be seen
        painter.drawRect(0, 0, side - 1, side - 1)
        painter.end()
        return QIcon(pixmap)

    @Slot(QAbstractButton, bool)
    def on_colour_toggled(self, swatch: QAbstractButton, checked: bool) -> None:
        # The chosen colour says so with a tick, not only with the button's shade.
        name = str(swatch.property("name"))
        swatch.setText(f"✓ {name}" if checked else name)

    # ---- what tests and the desk use -------------------------------------------------------

    def _fetch(self, session: Session, actor: Actor) -> list[RoomRow]:
        return setup.list_rooms(session, actor)

    def new_item(self) -> None:
        """Open the editor on a new room (the centre's hours filled in)."""
        try:
            hours = self._context.run(
                lambda session, _actor: days.default_hours(session), write=False
            )
        except DomainError as error:
            self._message.show_error(error.message)
            return
        self._fill_editor(None, RoomInput("", 20, bookable=True, active=True, hours=hours))

    def edit_selected(self) -> bool:
        selected = self.selected()
        if selected is None:
            self._message.show_error(self.tr("First choose a room in the list."))
            return False
        self._fill_editor(
            selected.id,
            RoomInput(
                selected.name,
                selected.capacity,
                selected.location,
                selected.facilities,
                selected.colour,
                selected.bookable,
                selected.active,
                selected.hours,
            ),
        )
        return True

    def set_hours(self, weekday: int, hours: tuple[dt.time, dt.time] | None) -> None:
        """Fill in one weekday of the hours grid (None ticks "closed")."""
        self._hours[weekday].set(hours)

    def hours_row(self, weekday: int) -> HoursRow:
        return self._hours[weekday]

    def choose_colour(self, code: str) -> None:
        """Click the swatch of `code` ("" for the desk's own colour)."""
        for swatch in self._colours.buttons():
            if swatch.property("colour") == code.upper():
                swatch.click()
                return
        raise KeyError(code)

    def chosen_colour(self) -> str:
        checked = self._colours.checkedButton()
        return str(checked.property("colour")) if checked is not None else self._other_colour

    def move_selected(self, step: int) -> bool:
        return self._move(step)

    def warning(self) -> str:
        """The bookings a change left outside the hours, in words ("" when none)."""
        return self._warning.text()

    # ---- slots ------------------------------------------------------------------------------

    @Slot()
    def on_move_up_clicked(self) -> None:
        self._move(-1)

    @Slot()
    def on_move_down_clicked(self) -> None:
        self._move(1)

    @Slot()
    def on_copy_monday_clicked(self) -> None:
        monday = self._hours[0].value()
        if monday is None:
            self._message.show_error(self.tr("First enter Monday's hours."))
            return
        for hours_row in self._hours[1:]:
            if not hours_row.closed.isChecked():
                hours_row.set(monday)

    # ---- inside -----------------------------------------------------------------------------

    def _fill_editor(self, room_id: int | None, data: RoomInput) -> None:
        self._editing = room_id
        self._open_editor(
            self.tr("New room") if room_id is None else self.tr("Room: %1").replace("%1", data.name)
        )
        self._warning.clear()
        self._name.setText(data.name)
        self._capacity.setValue(data.capacity)
        self._location.setText(data.location)
        self._facilities.setText(data.facilities)
        self._bookable.setChecked(data.bookable)
        self._active.setChecked(data.active)
        self._other_colour = ""
        known = {code for code, _name in COLOURS} | {NO_COLOUR}
        if data.colour.upper() in known:
            self.choose_colour(data.colour)
        else:  # a colour set elsewhere: kept unless another is chosen
            checked = self._colours.checkedButton()
            if checked is not None:
                self._colours.setExclusive(False)
                checked.setChecked(False)
                self._colours.setExclusive(True)
            self._other_colour = data.colour
        hours = data.hours or {}
        for hours_row in self._hours:
            hours_row.set(hours.get(hours_row.weekday))
        self._name.setFocus()

    def save(self) -> bool:
        """Save the editor's room through the service; True when saved."""
        self._warning.clear()
        hours: dict[int, tuple[dt.time, dt.time]] = {}
        for hours_row in self._hours:
            value = hours_row.value()
            if value is not None:
                hours[hours_row.weekday] = value
        data = RoomInput(
            self._name.text(),
            self._capacity.value(),
            self._location.text(),
            self._facilities.text(),
            self.chosen_colour(),
            self._bookable.isChecked(),
            self._active.isChecked(),
            hours,
        )
        room_id = self._editing
        if room_id is None:
            saved = self._write(lambda session, actor: setup.create_room(session, actor, data))
        else:
            saved = self._write(
                lambda session, actor: setup.update_room(session, actor, room_id, data)
            )
        if saved is None:
            return False
        self._saved(saved.room.id, self.tr("Room “%1” saved.").replace("%1", saved.room.name))
        if saved.affected:
            lead = (
                self.tr("%1 bookings to come are in a room now out of use:")
                if not saved.room.active
                else self.tr("%1 bookings to come fall outside the new opening hours:")
            )
            self._warning.set_message(affected_text(lead, saved.affected))
        return True

    def _move(self, step: int) -> bool:
        selected = self.selected()
        if selected is None:
            self._message.show_error(self.tr("First choose a room in the list."))
            return False
        try:
            self._context.run(
                lambda session, actor: setup.move_room(session, actor, selected.id, step),
                write=True,
            )
        except DomainError as error:
            self._message.show_error(self.tr("Not moved: %1").replace("%1", error.message))
            return False
        self.reload()
        self._message.show_info(
            self.tr("“%1” is now in place %2 on the calendar.")
            .replace("%1", selected.name)
            .replace("%2", str(self.row_of(selected.id) + 1))
        )
        self._context.data_changed()
        return True

    def _selection_changed(self) -> None:
        selected = self.selected()
        row = self.row_of(selected.id) if selected is not None else -1
        self._edit.setEnabled(selected is not None)
        self._up.setEnabled(row > 0)
        self._down.setEnabled(0 <= row < self._model.rowCount() - 1)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            for swatch in self._colours.buttons():
                swatch.setIcon(self._swatch_icon(str(swatch.property("colour"))))
                side = self.fontMetrics().height()
                swatch.setIconSize(QSize(side, side))
            self._update_arrangement()
