"""The window worked from the keyboard (issue 19): search results chosen with the arrows and Enter,
Ctrl+Z from the annotation toolbar's boxes, opacity typed after F2, the year shown while Play runs,
the text-label dialog, and the window's layout on small screens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from gis_app.core.annotations import make
from gis_app.ui.annotation_dialog import AnnotationTextDialog
from gis_app.ui.layout_fit import MAP_SHARE, fit_layout_to_screen
from gis_app.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def window(qapp):
    from gis_app.core.catalog import load_catalog

    win = MainWindow(load_catalog(), restore=False)
    win.resize(1400, 900)
    win.show()
    assert win.map.wait_ready(30000), "the map never said it was painted"
    # What the lead wires in main_window.py (see the report): the year Play shows, on the map.
    win.time_filter.year_shown.connect(
        lambda year: win.map.call("setYearBadge", None if year is None else str(year)))
    yield win
    win.map.shutdown()
    win.close()
    win.deleteLater()


def focus(widget: QWidget, qtbot) -> None:
    widget.window().activateWindow()
    QTest.qWaitForWindowActive(widget.window())
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    inside = (widget, *widget.findChildren(QWidget))
    qtbot.waitUntil(lambda: QApplication.focusWidget() in inside, timeout=3000)


def keys_to(box) -> QWidget:
    """Where a key goes now: the open drop-down (a popup takes the keyboard), else the focus."""
    popup = QApplication.activePopupWidget()
    return popup or QApplication.focusWidget() or box


def test_search_vorukh_down_down_enter_selects_the_enclave(window, qtbot):
    box = window.search_box
    focus(box, qtbot)
    box.search("")  # the index is built in a worker thread on first use (issue 17)
    assert box.wait_indexed()
    QTest.keyClicks(box, "Vorukh")
    popup = box.completer_.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    shown = [box.results.item(r).text() for r in range(box.results.rowCount())]
    assert shown[1].startswith("Vorukh") and shown[1].endswith("— Fergana valley enclaves"), shown
    chosen = []
    box.result_chosen.connect(lambda lid, fid: chosen.append((lid, fid)))
    QTest.keyClick(keys_to(box), Qt.Key.Key_Down)
    QTest.keyClick(keys_to(box), Qt.Key.Key_Down)
    assert popup.currentIndex().row() == 1
    QTest.keyClick(keys_to(box), Qt.Key.Key_Return)
    assert chosen == [("enclaves", "vorukh")], "one choice, the highlighted one"
    assert box.text() == "Vorukh", "the box shows the name only"
    assert not popup.isVisible()
    assert window.selection == ("enclaves", "vorukh")
    assert window.info_panel.title.text() == "Vorukh"
    assert window.info_panel.subtitle.text() == "Fergana valley enclaves"
    assert box.accessibleName() == "Search"


def test_ctrl_z_with_the_focus_in_the_toolbar_undoes_the_width_change(window, qtbot):
    window.undo_stack.clear()
    window.annotations.clear()
    ann_id = window.annotation_tools.add(make("text", {"type": "Point", "coordinates": [71.0, 40.0]},
                                              text="Batken"))
    window.annotation_tools.select(ann_id)
    toolbar = window.annotation_toolbar
    assert toolbar.width_box.value() == 3.0
    focus(toolbar.width_box, qtbot)
    QTest.keyClick(keys_to(toolbar.width_box), Qt.Key.Key_Up)  # 3.0 -> 3.5, typed in the toolbar
    QTest.keyClick(keys_to(toolbar.width_box), Qt.Key.Key_Up)  # -> 4.0 (one undo step)
    assert window.annotations.get(ann_id)["properties"]["width"] == 4.0
    QTest.keyClick(keys_to(toolbar.width_box), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.annotations.get(ann_id)["properties"]["width"] == 3.0, "Ctrl+Z reached the undo stack"
    assert toolbar.width_box.value() == 3.0, "the box shows the restored width"
    assert QApplication.focusWidget() in (toolbar.width_box, toolbar.width_box.lineEdit())
    QTest.keyClick(keys_to(toolbar.width_box), Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.annotations.get(ann_id)["properties"]["width"] == 4.0, "Ctrl+Shift+Z redid it"
    QTest.keyClick(keys_to(toolbar.width_box), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(keys_to(toolbar.width_box), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.annotations) == 0, "the next Ctrl+Z undid adding the label"
    for box in (toolbar.width_box, toolbar.font_box, toolbar.opacity_box, toolbar.color_button):
        assert box.accessibleName(), box


def test_opacity_typed_after_f2_and_shown_beside_the_slider(window, qtbot):
    panel = window.layer_panel
    tree, model = panel.tree, panel.model
    window.state.set_opacity("provinces", 1.0)
    row = model.layer_index("provinces", 0)
    tree.scrollTo(row)
    focus(tree, qtbot)
    tree.setCurrentIndex(row)  # the row's title cell, as arrowing down the tree leaves it
    cell = tree.visualRect(model.layer_index("provinces", 1))
    before = tree.viewport().grab(cell).toImage()
    QTest.keyClick(keys_to(tree), Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: tree.state() == tree.State.EditingState, timeout=3000)
    editor = QApplication.focusWidget()
    assert editor.accessibleName() == "Opacity (%)"
    QTest.keyClicks(editor, "40")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.get("provinces").opacity == 0.4, timeout=3000)
    assert model.data(model.layer_index("provinces", 1), Qt.ItemDataRole.AccessibleTextRole) == \
        "Opacity of Provinces: 40 %"
    # the number is painted right of the slider: that part of the cell changed, and is ink
    after = tree.viewport().grab(cell).toImage()
    number = QRect(cell.width() - panel.tree.fontMetrics().horizontalAdvance("100 %") - 4, 0,
                   panel.tree.fontMetrics().horizontalAdvance("100 %"), cell.height())
    changed = sum(1 for x in range(number.left(), number.right()) for y in range(number.height())
                  if before.pixel(x, y) != after.pixel(x, y))
    assert changed > 20, "the value beside the slider did not change from 100 % to 40 %"
    dark = sum(1 for x in range(number.left(), number.right()) for y in range(number.height())
               if QColor(after.pixel(x, y)).lightness() < 110)
    assert dark > 15, "no number drawn beside the slider"
    window.state.set_opacity("provinces", 1.0)
    zoomed = []
    panel.layer_activated.connect(zoomed.append)
    focus(tree, qtbot)
    tree.setCurrentIndex(row)
    QTest.keyClick(keys_to(tree), Qt.Key.Key_Return)
    assert zoomed == ["provinces"], "Enter on a layer zooms to it"
    panel.layer_activated.disconnect(zoomed.append)


def test_the_text_label_dialog_shows_text_only_and_no_label_overlaps(qtbot, tmp_path):
    dialog = AnnotationTextDialog("text")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = [w for w in dialog.findChildren(QLabel) if w.isVisible()]
    assert [w.text().replace("&", "") for w in labels] == ["Text:"]
    assert not dialog.note_label.isVisible()
    shown = [w for w in dialog.findChildren(QWidget) if w.isVisible() and w.parent() is dialog]
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            assert not a.geometry().intersects(b.geometry()), (a, b)
    assert dialog.grab().save(str(tmp_path / "text-dialog.png"))
    marker = AnnotationTextDialog("marker")
    qtbot.addWidget(marker)
    marker.show()
    assert marker.note_label.isVisible() and marker.note_label.buddy() is marker.note_edit
    assert not marker.note_label.geometry().intersects(marker.text_label.geometry())


def badge(window):
    return window.map.eval_js("atlas.yearBadge()")


def test_play_runs_from_the_start_of_the_range_and_shows_each_year(window, qtbot):
    tf = window.time_filter
    tf.set_range(1990, 2022)
    years: list = []
    tf.year_shown.connect(years.append)
    tf.timer.setInterval(10_000)  # the test steps itself, and reads the map after each step
    focus(tf.play_button, qtbot)
    QTest.keyClick(keys_to(tf.play_button), Qt.Key.Key_Space)
    assert tf.play_button.isChecked()
    assert window.state.time_range == (1990, 1990), "Play starts at the start of the range"
    qtbot.waitUntil(lambda: badge(window) == "1990", timeout=3000)
    for year in range(1991, 2023):
        tf.step()
        assert window.state.time_range == (1990, year)
        qtbot.waitUntil(lambda y=year: badge(window) == str(y), timeout=3000)
    tf.step()  # past the end: Play stops, the range is the user's again, the year leaves the map
    assert not tf.play_button.isChecked() and tf.play_button.text() == "▶ Play"
    assert window.state.time_range == (1990, 2022)
    qtbot.waitUntil(lambda: badge(window) is None, timeout=3000)
    assert years == [*range(1990, 2023), None]

    # with its own timer: it runs to the end and stops by itself
    years.clear()
    tf.timer.setInterval(5)
    tf.set_range(2019, 2022)
    tf.play_button.click()
    qtbot.waitUntil(lambda: not tf.play_button.isChecked(), timeout=5000)
    assert years == [2019, 2020, 2021, 2022, None]
    tf.year_shown.disconnect(years.append)
    tf.enabled_box.setChecked(False)


def test_play_paused_resumes_and_a_hand_change_ends_it(window, qtbot):
    tf = window.time_filter
    tf.timer.setInterval(10_000)
    tf.set_range(2000, 2005)
    tf.play_button.click()
    tf.step()
    tf.play_button.click()  # pause at 2001
    assert window.state.time_range == (2000, 2001) and tf.play_end == 2005
    tf.play_button.click()  # resume, not restart
    assert window.state.time_range == (2000, 2001)
    tf.last_spin.setValue(2003)  # the user moves the range: Play ends
    assert not tf.play_button.isChecked() and tf.play_end is None
    qtbot.waitUntil(lambda: badge(window) is None, timeout=3000)
    tf.enabled_box.setChecked(False)


def map_width(window) -> int:
    return window.map.width()


@pytest.mark.parametrize("size", [(1366, 768), (800, 600)])
def test_the_layout_fits_a_small_screen_with_the_default_docks(window, qtbot, tmp_path, size):
    screen = QRect(0, 0, *size)
    for dock in (window.info_dock, window.slides_dock, window.table_dock, window.time_dock,
                 window.layer_dock):
        dock.show()
    window.resize(*size)
    qtbot.wait(100)
    changes = fit_layout_to_screen(window, screen)
    qtbot.wait(200)
    assert window.frameGeometry().width() <= size[0] and window.frameGeometry().height() <= size[1], changes
    assert window.minimumSizeHint().height() <= size[1]
    width = map_width(window)
    if size[0] >= 1366:
        assert width >= MAP_SHARE * window.width() - 2, (width, changes)
    else:
        assert width >= 240, (width, changes)
    assert window.map.height() >= 200
    for dock in (window.info_dock, window.slides_dock, window.table_dock, window.time_dock):
        assert not dock.isHidden(), "a dock was closed: it must stay on a tab"
    image = window.grab().toImage()
    assert image.save(str(tmp_path / f"window-{size[0]}x{size[1]}.png"))
    assert not image.isNull() and isinstance(image, QImage)
    window.resize(1400, 900)
    for dock in (window.info_dock, window.slides_dock, window.table_dock):
        dock.hide()


def test_undo_and_find_work_whatever_widget_has_the_focus(window, qtbot):
    """Ctrl+Z (the window's undo) and Ctrl+F (search) from the map, the layer tree, the time
    filter's year boxes and the annotation toolbar's boxes."""
    window.undo_stack.clear()
    window.annotations.clear()
    places = {"map": window.map.focusProxy() or window.map, "layers": window.layer_panel.tree,
              "first year": window.time_filter.first_spin, "font": window.annotation_toolbar.font_box}
    window.time_filter.enabled_box.setChecked(True)
    for name, widget in places.items():
        window.annotation_tools.add(make("marker", {"type": "Point", "coordinates": [69.3, 41.3]}, text=name))
        assert len(window.annotations) == 1
        focus(widget, qtbot)
        QTest.keyClick(keys_to(widget), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert len(window.annotations) == 0, f"Ctrl+Z with the focus in the {name} did not undo"
        focus(widget, qtbot)
        QTest.keyClick(keys_to(widget), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_box, timeout=3000)
        window.undo_stack.clear()
    window.time_filter.enabled_box.setChecked(False)


def test_the_layout_guard_corrects_a_window_larger_than_its_screen(window, qtbot):
    """What the window does at start with a restored layout (LayoutGuard): the offscreen screen is
    800 px wide, the window restored at 1400."""
    from gis_app.ui.layout_fit import LayoutGuard

    screen = window.screen().availableGeometry()
    for dock in (window.info_dock, window.slides_dock, window.time_dock):
        dock.show()
    window.resize(1400, 900)
    guard = LayoutGuard(window)
    try:
        window.resize(1400, 901)  # what a restoreGeometry does
        qtbot.waitUntil(lambda: bool(guard.changes), timeout=3000)
        qtbot.wait(300)
        frame = window.frameGeometry()
        assert screen.contains(frame), (frame, screen, guard.changes)
        assert window.map.width() >= min(240, window.width() // 2), guard.changes
    finally:
        window.removeEventFilter(guard)
        guard.deleteLater()
        window.resize(1400, 900)
        for dock in (window.info_dock, window.slides_dock):
            dock.hide()
