"""The typed settings (keys, defaults, migration of the loose keys users already have) and the
prompts service (real dialogs' folder memory, the scripted double)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QByteArray, QSettings

from gis_app.ui import prompts as prompts_module
from gis_app.ui import settings as s
from gis_app.ui.prompts import QtPrompts, ScriptedPrompts, UnexpectedPromptError, prompts_for


def test_an_empty_store_reads_every_default_and_gets_the_current_schema():
    settings = s.Settings(s.MemoryBackend())
    assert settings.get(s.SCHEMA) == s.SCHEMA_VERSION
    assert settings.get(s.LANGUAGE) is None
    assert settings.get(s.CITATION_STYLE) == "apa"
    assert settings.get(s.RECENT_PROJECTS) == []
    assert settings.get(s.MAP_STATE) is None
    assert settings.last_folder("export") == ""
    names = [key.name for key in s.KEYS]
    assert len(names) == len(set(names)), "a key is declared twice"


def test_values_round_trip_and_bad_values_are_refused_without_a_trace():
    settings = s.Settings(s.MemoryBackend())
    settings.set(s.LANGUAGE, "kk")
    settings.set(s.CITATION_STYLE, "gost")
    settings.set(s.MAP_STATE, {"view": [41.0, 70.0, 5]})
    settings.set_last_folder("project", "/home/lecturer/atlas")
    assert (settings.get(s.LANGUAGE), settings.get(s.CITATION_STYLE)) == ("kk", "gost")
    assert settings.get(s.MAP_STATE) == {"view": [41.0, 70.0, 5]}
    assert settings.last_folder("project") == "/home/lecturer/atlas"
    with pytest.raises(ValueError, match="ui/language"):
        settings.set(s.LANGUAGE, "de")
    with pytest.raises(ValueError, match="unknown file dialog kind"):
        settings.set_last_folder("downloads", "/tmp")
    assert settings.get(s.LANGUAGE) == "kk"


def test_the_recent_list_keeps_the_newest_first_once_each_and_at_most_eight():
    settings = s.Settings(s.MemoryBackend())
    for i in range(10):
        settings.add_recent_project(f"/p/{i}.atlas.json")
    settings.add_recent_project("/p/5.atlas.json")
    recent = settings.get(s.RECENT_PROJECTS)
    assert recent[0] == "/p/5.atlas.json" and len(recent) == s.MAX_RECENT
    assert len(set(recent)) == len(recent)


def test_the_loose_keys_of_earlier_versions_are_migrated_keeping_the_users_values(tmp_path):
    """A settings file as the atlas wrote it before the schema (QSettings INI, one recent project
    comes back as a plain string), with one value no atlas could read."""
    path = tmp_path / "gis-app.conf"
    old = QSettings(str(path), QSettings.Format.IniFormat)
    old.setValue("ui/language", "ru")
    old.setValue("citations/style", "gost")
    old.setValue("project/recent", ["/home/u/lecture.atlas.json"])
    old.setValue("map/state", json.dumps({"view": [40.0, 69.0, 6]}))
    old.setValue("window/geometry", QByteArray(b"\x01\xd9\xd0\xcb geometry"))
    old.setValue("window/state", "not bytes")  # unreadable: dropped by the migration
    old.sync()
    del old

    reopened = QSettings(str(path), QSettings.Format.IniFormat)
    settings = s.Settings(s.QSettingsBackend(reopened))
    assert settings.get(s.SCHEMA) == s.SCHEMA_VERSION
    assert settings.get(s.LANGUAGE) == "ru"
    assert settings.get(s.CITATION_STYLE) == "gost"
    assert settings.get(s.RECENT_PROJECTS) == ["/home/u/lecture.atlas.json"]
    assert settings.get(s.MAP_STATE) == {"view": [40.0, 69.0, 6]}
    assert settings.get(s.WINDOW_GEOMETRY) == b"\x01\xd9\xd0\xcb geometry"
    assert reopened.value("window/state") is None
    assert str(QSettings(str(path), QSettings.Format.IniFormat).value("settings/schema_version")) == "1"
    # Opening it again migrates nothing more.
    assert s.Settings(s.QSettingsBackend(reopened)).migrate() == []


def test_a_hand_edited_value_reads_as_the_default():
    settings = s.Settings(s.MemoryBackend({"settings/schema_version": 1, "citations/style": "mla",
                                           "map/state": "{not json"}))
    assert settings.get(s.CITATION_STYLE) == "apa"
    assert settings.get(s.MAP_STATE) is None


# --- prompts ----------------------------------------------------------------------------------------
def test_the_scripted_double_answers_in_order_records_and_fails_on_an_unexpected_question():
    scripted = ScriptedPrompts().queue("ask", "discard").queue("save_file", "/tmp/a.png")
    assert scripted.ask("Unsaved changes", "Save?", ("save", "discard", "cancel")) == "discard"
    assert scripted.save_file("export", "Export map", "atlas-map.png") == "/tmp/a.png"
    scripted.warn("Not saved", "Could not write /tmp/a.png")
    assert [a.method for a in scripted.asked] == ["ask", "save_file", "warn"]
    assert scripted.messages("warn")[0].text == "Could not write /tmp/a.png"
    with pytest.raises(UnexpectedPromptError, match="Delete slide"):
        scripted.ask("Delete slide", "Delete slide 2?")
    scripted.queue("open_file", "/x")
    with pytest.raises(UnexpectedPromptError, match="expected open_file, got ask"):
        scripted.ask("Recover?", "Restore it?")
    scripted.queue("ask", "maybe")
    with pytest.raises(UnexpectedPromptError, match="not one of the choices"):
        scripted.ask("Delete slide", "Delete slide 2?")
    with pytest.raises(ValueError):
        scripted.ask("t", "x", ("yes", "perhaps"))


def test_file_dialogs_start_in_the_last_folder_of_their_kind(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QWidget

    settings = s.Settings(s.MemoryBackend())
    widget = QWidget()
    qtbot.addWidget(widget)
    real = QtPrompts(widget, settings)
    (tmp_path / "exports").mkdir()
    (tmp_path / "slides").mkdir()
    starts = []

    def fake_save(parent, title, start, filters):
        starts.append(start)
        return str(tmp_path / "exports" / "map.png"), filters

    def fake_dir(parent, title, start):
        starts.append(start)
        return str(tmp_path / "slides")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(fake_dir))
    assert real.save_file("export", "Export map", "atlas-map.png") == str(tmp_path / "exports" / "map.png")
    assert real.save_file("export", "Export map", "atlas-map.pdf")
    assert real.existing_dir("slides", "Export slides")
    assert starts[1] == str(tmp_path / "exports" / "atlas-map.pdf")  # the folder of the last export
    assert not starts[0].startswith(str(tmp_path))  # the first one opens at home
    assert settings.last_folder("slides") == str(tmp_path / "slides")
    assert settings.last_folder("project") == ""  # each kind its own folder


def test_a_widget_uses_its_windows_prompts_else_the_default(qtbot):
    from PySide6.QtWidgets import QDialog, QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.prompts = ScriptedPrompts()
    dialog = QDialog(window)
    assert prompts_for(dialog) is window.prompts  # through the dialog's parent window
    own = ScriptedPrompts()
    assert prompts_for(dialog, own) is own
    assert isinstance(prompts_for(QDialog()), ScriptedPrompts)  # the tests' default (conftest)
    assert prompts_module.default_factory is not prompts_module._qt_default
    assert isinstance(prompts_module._qt_default(None), QtPrompts)


def test_the_real_question_box_offers_the_choices_and_esc_cancels(qtbot):
    """QtPrompts.ask with a real QMessageBox: the buttons offered, the one clicked, Esc = cancel."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    real = QtPrompts(parent, s.Settings(s.MemoryBackend()))
    seen = []

    def answer(button):
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # not up yet
            QTimer.singleShot(20, lambda: answer(button))
            return
        seen.append(sorted(b.text().replace("&", "") for b in box.buttons()))
        if button is None:
            box.reject()  # Esc or the window's close button
        else:
            box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Discard))
    assert real.ask("Unsaved changes", "Save?", ("save", "discard", "cancel")) == "discard"
    assert seen[-1] == ["Cancel", "Discard", "Save"]
    QTimer.singleShot(0, lambda: answer(None))
    assert real.ask("Unsaved changes", "Save?", ("save", "discard", "cancel")) == "cancel"
    QTimer.singleShot(0, lambda: answer(None))
    assert real.ask("Delete slide", "Delete slide 2?", ("yes", "no")) == "no"
