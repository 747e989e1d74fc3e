"""Build 2 → 3 tanh → 4 ReLU → 2 softmax with cross-entropy on moons by clicks on the network diagram only, in
the real window on a virtual X screen (Xvfb + xdotool), and save a screenshot:

    .venv/bin/python scripts/canvas-build-demo.py docs/screenshots/canvas-built-moons.png [--size 1280x800] \
        [--refusal OTHER.png]

The start is a moons project without a hidden layer (2 → 1 sigmoid, binary cross-entropy: what Apply makes for
two classes). The app runs as ``bpstudio gui`` does, with a timer that writes where the diagram's buttons are on
the screen; the clicks there are real X events (xdotool). Menus are answered with the arrow keys.
Afterwards the window steps (F11) into the backward pass, so every unit shows its δ. With ``--refusal``, layer 1
is then clicked down to 1 unit and once more, and the refusal on the diagram is saved too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START = {
    "format": "bpstudio-project", "version": 1, "name": "Moons, to build on the diagram",
    "description": "Two moons, two classes; no hidden layer yet.",
    "network": {"input_size": 2, "layers": [{"units": 1, "activation": "sigmoid"}], "loss": "binary_cross_entropy"},
    "init": {"method": "xavier", "scale": 0.1},
    "training": {"learning_rate": 0.3, "batch_size": 0, "epochs": 500, "seed": 0, "shuffle": False},
    "data": {"generator": "moons", "params": {"n": 200, "noise": 0.1, "seed": 1}},
}
# (button, menu entry chosen with Down × n then Return, or None)
STEPS = [("layer+", None), ("units- 1", None), ("activation 1", ("tanh", 3)), ("layer+", None),
         ("units+ 2", None), ("activation 2", ("relu", 4)), ("loss", ("cross_entropy", 3))]


def run_app(project: str, report: str) -> int:
    """The app as ``bpstudio gui`` starts it, plus a timer that writes where the canvas's buttons are on the
    screen to ``report`` (it only reads the window; the driver clicks there with real X events)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from bpstudio.app.window.launch import launch
    from bpstudio.app.window.main_window import MainWindow

    app = QApplication(sys.argv)

    def write() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            return
        w = windows[0]
        canvas = w.canvas
        if canvas.editing.controls is None:
            return
        where = {}
        for key, button in canvas.editing.controls.buttons.items():
            p = canvas.viewport().mapToGlobal(canvas.mapFromScene(button.sceneBoundingRect().center()))
            where[key] = (p.x(), p.y())
        layers = [(u.units, u.activation) for u in w.state.project.network.layers] if w.state else []
        corner = canvas.viewport().mapToGlobal(canvas.viewport().rect().topRight())
        Path(report).write_text(json.dumps({"buttons": where, "layers": layers, "corner": (corner.x(), corner.y())}))

    timer = QTimer()
    timer.timeout.connect(write)
    timer.start(300)
    return launch(project)


def main() -> int:
    if sys.argv[1] == "--app":
        return run_app(sys.argv[2], sys.argv[3])
    out = Path(sys.argv[1]).resolve()
    size = sys.argv[sys.argv.index("--size") + 1] if "--size" in sys.argv else "1280x800"
    home = tempfile.mkdtemp(prefix="bpstudio-demo-")
    env = {**os.environ, "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data"}
    project = Path(home) / "moons.bpsproj"
    project.write_text(json.dumps(START, indent=2))
    display = f":{150 + os.getpid() % 300}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    xenv = {**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    report = Path(home) / "buttons.json"
    app = subprocess.Popen([sys.executable, __file__, "--app", str(project), str(report)], env=xenv)

    def xdo(*args: str) -> str:
        return subprocess.run(["xdotool", *args], env=xenv, capture_output=True, text=True).stdout.strip()

    try:
        time.sleep(6)
        wid = xdo("search", "--onlyvisible", "--pid", str(app.pid)).splitlines()[0]
        xdo("windowfocus", "--sync", wid)
        for key, choice in STEPS:
            before = report.read_text()
            x, y = json.loads(before)["buttons"][key]
            print(f"click {key} at ({x}, {y})")
            xdo("mousemove", str(x), str(y), "click", "1")
            time.sleep(1.0)
            if choice is not None:
                xdo("key", "--delay", "120", *["Down"] * choice[1], "Return")
            for _ in range(50):  # until the window shows the edited network
                time.sleep(0.2)
                if report.read_text() != before:
                    break
            time.sleep(0.5)
        shown = json.loads(report.read_text())
        print("layers:", shown["layers"])
        xdo("mousemove", str(shown["corner"][0] - 8), str(shown["corner"][1] + 4), "click", "1")  # the note read
        x0, y0, width, height = 0, 0, *(int(v) for v in size.split("x"))
        xdo("mousemove", str(x0 + width - 5), str(y0 + height - 5))  # no hover tooltip in the picture
        xdo("key", "--delay", "400", *["F11"] * 7)  # into the backward pass: δ on every unit
        time.sleep(2)
        subprocess.run(["import", "-window", "root", str(out)], env=xenv, check=True)
        print(f"saved {out}")
        if "--refusal" in sys.argv:  # then layer 1 down to 1 unit, and once more: refused, on the diagram
            for _ in range(3):
                x, y = json.loads(report.read_text())["buttons"]["units- 1"]
                xdo("mousemove", str(x), str(y), "click", "1")
                time.sleep(1.5)
            refusal = Path(sys.argv[sys.argv.index("--refusal") + 1]).resolve()
            subprocess.run(["import", "-window", "root", str(refusal)], env=xenv, check=True)
            print(f"saved {refusal}")
    finally:
        app.terminate()
        app.wait(10)
        xvfb.terminate()
        xvfb.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
