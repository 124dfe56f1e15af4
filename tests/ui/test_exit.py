"""Exit cleanly (issue: "Fatal Python error: bool_dealloc … finalizing" on Ctrl+Q after a
long day). The cause: shiboken6 6.12 on Python 3.11 releases a reference to None on every
Python override that returns nothing and to True on every model signal emitted from Python;
``ui.lifetime`` keeps those singletons out of reach of that fault."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def _run(code_or_file: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    return subprocess.run(
        [sys.executable, "-X", "faulthandler", *code_or_file],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_every_page_and_dialog_then_ctrl_q_twenty_times_exits_cleanly(tmp_path: Path) -> None:
    done = _run([str(HERE / "exit_rounds.py"), "20"], tmp_path)
    assert "Fatal Python error" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-2000:]


def test_overrides_returning_nothing_do_not_wear_out_none_and_true(tmp_path: Path) -> None:
    """Thousands of resize events and model resets: what a day of use does to the counts."""
    code = """
import beschut_desktop.ui
from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
class Window(QWidget):
    def resizeEvent(self, event):
        return None
window = Window()
window.show()
model = QStringListModel(["a", "b"])
for number in range(20000):
    window.resize(200 + number % 7, 100)
    app.processEvents()
    model.layoutChanged.emit()
"""
    done = _run(["-c", code], tmp_path)
    assert "Fatal Python error" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-2000:]


def test_singletons_are_protected_once_the_window_package_is_imported() -> None:
    import beschut_desktop.ui  # noqa: F401
    from beschut_desktop.ui.lifetime import RESERVE, protect_singletons

    assert protect_singletons() is False  # already done on import, never twice
    if sys.version_info < (3, 12):
        assert min(sys.getrefcount(s) for s in (None, True, False)) > RESERVE // 2
