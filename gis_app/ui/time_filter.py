"""The time filter: a year range (two sliders and spin boxes) for the dated layers, with a play
button that steps the range's end through the years, from the start of the range to its end, and
tells the map which year it shows (`year_shown`, drawn large by atlas.setYearBadge). It edits
MapState.time_range; the map and the charts follow the state."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)

from gis_app.core.events import Change, Kind
from gis_app.core.map_state import MapState
from gis_app.ui.i18n import Retranslating
from gis_app.ui.keys import pass_window_shortcuts

STEP_MS = 900


class TimeFilter(Retranslating, QWidget):
    # The year Play shows now (int), or None when Play has ended or the range was changed by hand.
    # The window hands it to the page: map.call("setYearBadge", str(year) or None).
    year_shown = Signal(object)

    def __init__(self, state: MapState, bounds: tuple[int, int], parent=None):
        super().__init__(parent)
        self.state = state
        self.bounds = bounds
        self.play_end: int | None = None  # where the running (or paused) Play stops
        self._stepping = False
        first, last = bounds
        self.enabled_box = QCheckBox(self)
        self.first_slider, self.last_slider = QSlider(Qt.Orientation.Horizontal, self), \
            QSlider(Qt.Orientation.Horizontal, self)
        self.first_spin, self.last_spin = QSpinBox(self), QSpinBox(self)
        for slider, spin in ((self.first_slider, self.first_spin), (self.last_slider, self.last_spin)):
            slider.setRange(first, last)
            spin.setRange(first, last)
            slider.valueChanged.connect(spin.setValue)
            spin.valueChanged.connect(slider.setValue)
            spin.valueChanged.connect(self._changed)
        self.first_slider.setValue(first)
        self.last_slider.setValue(last)
        self.play_button = QToolButton(self)
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._play)
        self.first_label, self.last_label = QLabel(self), QLabel(self)
        self.timer = QTimer(self)
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self.step)
        self.enabled_box.toggled.connect(self._changed)
        self._keys = pass_window_shortcuts(self.first_spin, self.last_spin)
        # Tab goes as the eye reads the panel: the switch, Play, then each year's slider and box.
        order = (self.enabled_box, self.play_button, self.first_slider, self.first_spin,
                 self.last_slider, self.last_spin)
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.addWidget(self.enabled_box, 0, 0, 1, 2)
        grid.addWidget(self.play_button, 0, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.first_label, 1, 0)
        grid.addWidget(self.first_slider, 1, 1)
        grid.addWidget(self.first_spin, 1, 2)
        grid.addWidget(self.last_label, 2, 0)
        grid.addWidget(self.last_slider, 2, 1)
        grid.addWidget(self.last_spin, 2, 2)
        grid.setRowStretch(3, 1)
        self.sync_from_state()
        state.subscribe(self._state_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.enabled_box.setText(self.tr("Filter dated layers by year"))
        self.enabled_box.setToolTip(self.tr("Conflict incidents by their dates, UN missions by start year"))
        self.first_label.setText(self.tr("From"))
        self.last_label.setText(self.tr("To"))
        self.first_label.setBuddy(self.first_spin)
        self.last_label.setBuddy(self.last_spin)
        first, last = self.tr("First year"), self.tr("Last year")
        for widget, name in ((self.first_slider, first), (self.first_spin, first),
                             (self.last_slider, last), (self.last_spin, last)):
            widget.setAccessibleName(name)
        self.enabled_box.setAccessibleName(self.enabled_box.text())
        self._play_text()

    def _play_text(self) -> None:
        playing = self.play_button.isChecked()
        self.play_button.setText(self.tr("❚❚ Pause") if playing else self.tr("▶ Play"))
        self.play_button.setToolTip(self.tr(
            "Step through the years from the start of the range to its end, showing each year on the map"))
        self.play_button.setAccessibleName(self.tr("Pause") if playing else self.tr("Play"))

    # --- state ------------------------------------------------------------------------------
    def sync_from_state(self) -> None:
        span = self.state.time_range
        widgets = (self.enabled_box, self.first_spin, self.last_spin)
        for w in widgets:
            w.blockSignals(True)
        self.enabled_box.setChecked(span is not None)
        if span is not None:
            self.first_spin.setValue(max(self.bounds[0], min(self.bounds[1], span[0])))
            self.last_spin.setValue(max(self.bounds[0], min(self.bounds[1], span[1])))
            self.first_slider.setValue(self.first_spin.value())
            self.last_slider.setValue(self.last_spin.value())
        for w in widgets:
            w.blockSignals(False)
        for w in (self.first_slider, self.last_slider, self.first_spin, self.last_spin):
            w.setEnabled(span is not None)

    def _state_changed(self, what: Change) -> None:
        if Kind.TIME in what:
            self.sync_from_state()

    def _changed(self, *_args) -> None:
        if not self._stepping and self.play_end is not None:  # the user changed the range: Play ends
            self._end_play()
        if self.first_spin.value() > self.last_spin.value():  # keep first <= last
            sender = self.sender()
            if sender is self.first_spin:
                self.last_spin.setValue(self.first_spin.value())
            else:
                self.first_spin.setValue(self.last_spin.value())
            return
        on = self.enabled_box.isChecked()
        for w in (self.first_slider, self.last_slider, self.first_spin, self.last_spin):
            w.setEnabled(on)
        self.state.set_time_range((self.first_spin.value(), self.last_spin.value()) if on else None)

    def set_bounds(self, bounds: tuple[int, int]) -> None:
        """The years the dated layers span changed (a user layer added or removed): the sliders
        cover them; a range the user set stays, cut to the new bounds."""
        if tuple(bounds) == tuple(self.bounds):
            return
        self.bounds = tuple(bounds)
        for widget in (self.first_slider, self.last_slider, self.first_spin, self.last_spin):
            widget.blockSignals(True)
            widget.setRange(*self.bounds)
            if self.state.time_range is None:  # filter off: the sliders show the whole span
                widget.setValue(self.bounds[0] if widget in (self.first_slider, self.first_spin)
                                else self.bounds[1])
            widget.blockSignals(False)
        self.sync_from_state()

    def set_range(self, first: int, last: int) -> None:
        """Turn the filter on with this range (what moving the sliders does)."""
        self.enabled_box.blockSignals(True)
        self.enabled_box.setChecked(True)
        self.enabled_box.blockSignals(False)
        self.first_spin.blockSignals(True)
        self.first_spin.setValue(first)
        self.first_slider.setValue(first)
        self.first_spin.blockSignals(False)
        self.last_spin.setValue(last)
        self._changed()

    # --- play -------------------------------------------------------------------------------
    def _play(self, playing: bool) -> None:
        self._play_text()
        if not playing:
            self.timer.stop()  # paused: the range and the year stay as they are
            return
        first, last = self.first_spin.value(), self.last_spin.value()
        on = self.enabled_box.isChecked()
        paused = self.play_end is not None and on and first <= last < self.play_end
        if not paused:
            # From the start of the range to its end; a one-year range (or none) runs to the last year.
            if not on:
                first, last = self.bounds
            end = last if last > first else self.bounds[1]
            self._set_quietly(first, first)
            self.play_end = end
        self.year_shown.emit(self.last_spin.value())
        self.timer.start()

    def _set_quietly(self, first: int, last: int) -> None:
        self._stepping = True
        try:
            self.set_range(first, last)
        finally:
            self._stepping = False

    def step(self) -> None:
        """One year on; at the end of the range Play stops and the year leaves the map."""
        end = self.play_end if self.play_end is not None else self.bounds[1]
        if self.last_spin.value() >= end:
            self._end_play()
            return
        self._stepping = True
        try:
            self.last_spin.setValue(self.last_spin.value() + 1)
        finally:
            self._stepping = False
        if self.play_end is not None:
            self.year_shown.emit(self.last_spin.value())

    def _end_play(self) -> None:
        self.play_end = None
        self.timer.stop()
        if self.play_button.isChecked():
            self.play_button.blockSignals(True)
            self.play_button.setChecked(False)
            self.play_button.blockSignals(False)
            self._play_text()
        self.year_shown.emit(None)
