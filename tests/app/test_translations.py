"""The Chinese UI: every text of the app and the engine is in the .ts and translated, the compiled .qm is
current, and a window built in zh_CN shows no English sentence anywhere (menus, tooltips, panels, docks)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTabBar,
    QTableView,
    QTextBrowser,
    QWidget,
)

from bpstudio.app.look import language
from bpstudio.engine import i18n, load_project
from bpstudio.engine.resource_files import example_path, examples_dir, translations_dir

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations as ts_tool  # noqa: E402

BIN = Path(sys.executable).parent
TS = translations_dir() / "bpstudio_zh_CN.ts"
QM = translations_dir() / "bpstudio_zh_CN.qm"
# Latin words a Chinese UI keeps: names of functions, formats, libraries, keys, and mathematical words
KEPT = {
    "BP", "Studio", "NumPy", "PyTorch", "CSV", "TSV", "PNG", "SVG", "JSON", "HTML", "LaTeX", "Markdown", "NaN",
    "XOR", "Iris", "Xavier", "Glorot", "He", "ReLU", "relu", "sigmoid", "tanh", "softmax", "log", "exp", "max",
    "min", "Ctrl", "Shift", "Alt", "Esc", "PgUp", "PgDown", "Tab", "Enter", "Left", "Right", "Up", "Down", "Del",
    "Delete", "Insert", "Backspace", "Space", "Home", "End", "Return", "Blue", "Brown", "L2", "MSE", "npz",
    "bpsproj", "md", "tex", "SGD", "RMSProp", "RMSprop", "Adam", "torch", "optim",  # optimizers keep their names
    "html", "csv", "tsv", "png", "svg", "npy", "txt", "pt", "py", "argmax", "Jacobian", "one", "hot",
    "e", "i", "j", "k", "l", "m", "n", "x", "y", "z", "a", "b", "w", "W", "L", "C", "U", "N", "f", "g", "h", "s",
    "v", "u", "T", "Z", "A", "dW", "db", "dA", "dZ", "lr", "eta", "mu", "ms", "Hz", "KB", "MB", "id",
    "English", "Fisher", "sin", "cos", "xavier", "he", "scale", "LeakyReLU", "bak", "seed", "Nielsen", "Ng",
    "deeplearning", "ai",  # the course's name: deeplearning.ai (View ▸ Notation)
    "Softmax", "leaky", "Leaky", "Mazur", "Goodfellow",
}
EXAMPLES = sorted((p.stem for p in examples_dir().glob("*.bpsproj")), key=len, reverse=True)


def ts_entries(path: Path) -> set[tuple[str, str]]:
    return {(c, s) for c, s, _ in ts_tool.messages(ET.parse(path))}


def english_words(text: str) -> list[str]:
    """The Latin words of ``text`` that a translation should have replaced (markup and file names removed)."""
    text = re.sub(r"<[^>]*>|&\w+;|&#\d+;", " ", text)
    for stem in EXAMPLES:  # the built-in examples are named by their files
        text = text.replace(stem, " ")
    text = re.sub(r"\S+\.(?:bpsproj|npz|csv|json|md|html|tex|png|svg|py|bak)\b", " ", text)
    text = re.sub(r"\b(?:Ctrl|Shift|Alt)\+\S+|\bF\d{1,2}\b|\(&\w\)|&(\w)", " ", text)
    return [w for w in re.findall(r"[A-Za-z][A-Za-z]+", text) if w not in KEPT]


# ----- the files -----------------------------------------------------------------------------
def test_every_text_is_translated_with_its_fields_mnemonics_and_keys():
    tree = ET.parse(TS)
    assert tree.getroot().get("language") == "zh_CN"
    missing = ts_tool.untranslated(tree)
    assert not missing, f"{len(missing)} texts untranslated in zh_CN, e.g. {missing[:5]}"
    problems = [(c, s, t.text, p) for c, s, t in ts_tool.messages(tree) for p in ts_tool.problems(s, t.text or "")]
    assert not problems, problems[:10]


def test_the_ts_holds_every_text_of_the_code(tmp_path):
    """A text added to the code without running scripts/update-translations fails here."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "bpstudio").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    in_code, in_ts = ts_entries(fresh), ts_entries(TS)
    assert len(in_code) > 600
    assert in_code - in_ts == set(), "run scripts/update-translations: new texts are missing from the .ts"
    assert in_ts - in_code == set(), "run scripts/update-translations: the .ts holds texts the code no longer has"


def test_the_qm_is_compiled_from_the_ts(tmp_path):
    qm = tmp_path / "fresh.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True)
    assert qm.read_bytes() == QM.read_bytes(), "run scripts/update-translations --compile"


def test_the_checks_catch_a_lost_field_mnemonic_or_key():
    assert ts_tool.problems("Saved {path}", "已保存") == ["fields ['{path}'] ≠ []"]
    assert ts_tool.problems("&File", "文件") == ["the & mnemonic is lost"]
    assert ts_tool.problems("Step (F11)", "单步") == ["keys ['F11'] not named"]
    assert ts_tool.problems("&File", "文件(&F)") == []
    assert english_words("保存项目 (Ctrl+S) 到 a.bpsproj，用 sigmoid") == []
    assert english_words("打开 the project") == ["the", "project"]


# ----- the language choice -------------------------------------------------------------------
@pytest.fixture
def chinese(qapp):
    assert language.install_language(language.CHINESE) == language.CHINESE
    yield
    language.install_language(language.ENGLISH)


def test_the_system_locale_chooses_and_the_setting_overrides(qapp):
    from PySide6.QtCore import QLocale

    assert language.resolve("system", QLocale("zh_CN")) == "zh_CN"
    assert language.resolve("system", QLocale("zh_TW")) == "zh_CN"
    assert language.resolve("system", QLocale("en_GB")) == "en"
    assert language.resolve("en", QLocale("zh_CN")) == "en"
    assert language.stored_choice() == "system"
    language.store_choice("zh_CN")
    assert language.stored_choice() == "zh_CN"
    with pytest.raises(ValueError):
        language.store_choice("fr")


def test_installing_chinese_translates_qt_and_engine_text(chinese):
    assert language.current_language() == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert i18n.translate("EquationPanel", "update") != "update"
    language.install_language(language.ENGLISH)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert i18n.translate("EquationPanel", "update") == "update"


def test_a_missing_translation_file_leaves_english(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(language, "translations_dir", lambda: tmp_path)
    assert language.install_language(language.CHINESE) == language.ENGLISH
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_chinese_glyphs_render_in_the_ui_fonts(qapp):
    """Every character of a Chinese sentence gets a real glyph (index 0 is the missing-glyph box)."""
    from bpstudio.app.equations.equation_panel import MONO_FAMILY

    text = "反向传播：误差 δ、权重、偏置"
    for font in (QApplication_font(), QFont(MONO_FAMILY)):
        layout = QTextLayout(text, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        glyphs = [g for run in layout.glyphRuns() for g in run.glyphIndexes()]
        assert glyphs and 0 not in glyphs, font.family()


def QApplication_font() -> QFont:  # noqa: N802 - reads as the Qt call it wraps
    from PySide6.QtWidgets import QApplication

    return QApplication.font()


# ----- the window in Chinese -----------------------------------------------------------------
def window_texts(w) -> list[tuple[str, str]]:
    """(where, text) for every text the window shows or explains: menus, actions, docks, labels, buttons,
    tooltips, combo items, tabs, table headers, plot titles, the equations and the canvas."""
    found: list[tuple[str, str]] = []
    examples = {p.stem for p in examples_dir().glob("*.bpsproj")}

    def add(where: str, text: str | None) -> None:
        if text and text.strip():
            found.append((where, text))

    def menu(m: QMenu, path: str) -> None:
        add(f"menu {path}", m.title())
        add(f"menu {path} tooltip", m.toolTip())
        for action in m.actions():
            if action.menu() is not None:
                menu(action.menu(), f"{path} ▸ {action.menu().title()}")
                continue
            if action.text() not in examples and not action.text().startswith(("/", "~")):
                add(f"action {path} ▸ {action.text()}", action.text())
            add(f"tooltip of {action.text()}", action.toolTip())

    for action in w.menuBar().actions():
        if action.menu() is not None:
            menu(action.menu(), action.menu().title())
    for dock in w.findChildren(QDockWidget):
        add("dock title", dock.windowTitle())
    for widget in w.findChildren(QWidget):
        name = type(widget).__name__
        add(f"tooltip of {name} {widget.objectName()}", widget.toolTip())
        add(f"accessible name of {name} {widget.objectName()}", widget.accessibleName())
        if isinstance(widget, QLabel):
            add(f"label {widget.objectName()}", widget.text())
        elif isinstance(widget, QAbstractButton):
            add(f"button {widget.objectName()}", widget.text())
        elif isinstance(widget, QGroupBox):
            add("group", widget.title())
        elif isinstance(widget, QLineEdit):
            add("placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                if widget.itemText(i) not in examples:
                    add(f"combo {widget.objectName()}", widget.itemText(i))
                add(f"combo tip {widget.objectName()}", widget.itemData(i, Qt.ItemDataRole.ToolTipRole))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add("tab", widget.tabText(i))
                add("tab tip", widget.tabToolTip(i))
        elif isinstance(widget, QListWidget):
            for i in range(widget.count()):
                add(f"list item of {widget.objectName()}", widget.item(i).text())
                add(f"list tip of {widget.objectName()}", widget.item(i).toolTip())
        elif isinstance(widget, QTextBrowser):
            add(f"text of {widget.objectName()}", widget.toPlainText())
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for orientation, count in ((Qt.Orientation.Horizontal, widget.horizontalHeader().count()),
                                       (Qt.Orientation.Vertical, widget.verticalHeader().count())):
                for i in range(min(count, 20)):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.headerData(i, orientation, role)
                        if isinstance(value, str):
                            add(f"header of {widget.objectName()}", value)
        elif isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                add(f"canvas tooltip {type(item).__name__}", item.toolTip())
                if hasattr(item, "toPlainText"):
                    add(f"canvas text {type(item).__name__}", item.toPlainText())
    return found


def test_the_window_in_chinese_has_no_english_text_left(qtbot, chinese):
    from bpstudio.app.window.main_window import MainWindow

    w = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    qtbot.waitUntil(lambda: w.state is not None, timeout=10_000)
    w.actions_.forward.trigger()  # a stage with its derivation in the equation panel
    qtbot.waitUntil(lambda: w.state.snapshot.iteration >= 0 and w.state.snapshot.stage is not None, timeout=10_000)
    texts = window_texts(w)
    assert len(texts) > 300
    english = [(where, text, words) for where, text in texts if (words := english_words(text))]
    report = "\n".join(f"{where}: {text!r} → {words}" for where, text, words in english[:40])
    assert not english, f"{len(english)} texts still in English:\n{report}"
    # what the acceptance names: a menu, a tooltip, a panel title
    titles = [a.menu().title() for a in w.menuBar().actions() if a.menu() is not None]
    assert titles[0] == "文件(&F)"
    assert w.equation_dock.windowTitle() == QCoreApplication.translate("MainWindow", "Equations") != "Equations"
    assert "F10" in w.actions_.forward.toolTip() and "前向" in w.actions_.forward.toolTip()
    w.close()


def test_the_language_menu_stores_the_choice_and_offers_a_restart(qtbot, monkeypatch):
    from bpstudio.app.window.language_menu import LanguageMenu, restart_command
    from bpstudio.app.window.main_window import MainWindow

    w = MainWindow(load_project(example_path("seed003_2-2-1")), threaded=False)
    qtbot.addWidget(w)
    asked = []
    monkeypatch.setattr(LanguageMenu, "ask_restart", lambda self: asked.append(True) or False)
    menu = w.language_menu
    assert [a.data() for a in menu.group.actions()] == ["system", "en", "zh_CN"]
    assert menu.actions["system"].isChecked()
    menu.actions["zh_CN"].trigger()
    assert language.stored_choice() == "zh_CN" and asked == [True]
    assert menu.actions["zh_CN"].isChecked()
    assert language.current_language() == "en"  # applies at the next start
    program, arguments = restart_command("/tmp/x.bpsproj")
    assert program == sys.executable and arguments[-3:] == ["bpstudio", "gui", "/tmp/x.bpsproj"]
    w.close()


def test_every_built_in_example_has_a_translatable_name():
    import json

    from bpstudio.engine.examples import NAMES

    names = {json.loads(p.read_text("utf-8"))["name"] for p in examples_dir().glob("*.bpsproj")}
    assert names == set(NAMES)


@pytest.mark.parametrize("notation", ["column", "row"])
def test_a_worked_example_and_every_hover_derivation_in_chinese(chinese, notation):
    """The export's headings and sentences and the hover text of every entry, as a Chinese learner gets them."""
    from bpstudio.engine.backprop import Plan
    from bpstudio.engine.examples import shown_name
    from bpstudio.engine.text.explain import explain
    from bpstudio.engine.text.worked_example import worked_example

    for name in ("seed003_2-2-1", "iris_softmax"):
        project = load_project(example_path(name))
        text = worked_example(project.stepper(), shown_name(project.name), "md", notation=notation)
        assert text.startswith("# 计算实例")
        english = [line for line in text.splitlines() if english_words(line) and not line.startswith("```")]
        assert not english, english[:10]
        stepper, plan = project.stepper(), Plan.of(project.network)
        lines = 0
        while not stepper.complete:
            snap = stepper.step()
            for q in ("W", "b", "z", "a", "delta", "dW", "db"):
                for layer in range(1, project.network.depth + 1):
                    if snap.get(q, layer) is not None:
                        hover = explain(snap, plan, project.training.learning_rate, q, layer, 0, 0, 4, notation)
                        lines += len(hover.splitlines())
                        assert not english_words(hover), hover
        assert lines > 100
