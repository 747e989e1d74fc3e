"""The engine's owner, living in the engine thread: runs commands and training runs, reports results.

A training run is driven by a timer in this thread: each tick trains one slice (``TrainingRun``) and
returns to the event loop, so a Pause, a speed change or any other command is taken between slices.
A command that is not about the run (a step, an edit) pauses the run first, on a stage boundary.
"""

from __future__ import annotations

import time
import traceback

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from bpstudio.engine import BPStudioError, InitSpec, Project, Stepper, gradient_check
from bpstudio.engine.decision_field import DecisionField, decision_field, field_extent
from bpstudio.engine.examples import shown_name
from bpstudio.engine.probe import probe_row
from bpstudio.engine.project_state import ProjectState
from bpstudio.engine.run_settings import DIVERGED as DIVERGED_STATE
from bpstudio.engine.run_settings import FINISHED, IDLE, PAUSED, RUNNING, SPEEDS, RunSettings, RunStatus
from bpstudio.engine.stages import BACKWARD, FORWARD
from bpstudio.engine.stepper import divergence_is_data
from bpstudio.engine.text.notation import format_number
from bpstudio.engine.text.torch_export import torch_script
from bpstudio.engine.text.worked_example import worked_example
from bpstudio.engine.training_log import TrainingLog
from bpstudio.engine.training_run import (
    BREAK_EPOCH,
    BREAK_LOSS,
    DIVERGED,
    GOAL_EPOCHS,
    GOAL_LOSS,
    RunOutcome,
    TrainingRun,
)
from bpstudio.session.child_run import POLL_MS, ChildRunner
from bpstudio.session.commands import CancelMark, Command, EngineResult, RunProgress

from .lock_sharing import WindowFirst

translate = QCoreApplication.translate  # the name pyside6-lupdate finds (with a literal context)

KEPT_ENGINES = 16  # engines kept so that undoing an edit returns to exactly where it was
GRADCHECK_ENTRIES = 200  # per array: larger arrays are checked on a seeded sample of entries
RUN_COMMANDS = ("run", "pause", "stop", "speed", "snapshot")
PROGRESS_INTERVAL = 1 / 40  # s: a run sends its new log rows at most this often (the plots redraw at 30 a second)


class _Engine:
    """One engine: the stepper, its data and its training log (kept together for undo)."""

    def __init__(self, project: Project, stepper: Stepper | None = None) -> None:
        self.project = project
        self.stepper = stepper if stepper is not None else project.stepper()
        train, test = project.split()
        self.train = (train.x.T, train.y.T)
        self.test = None if test is None else (test.x.T, test.y.T)
        every = train.x if test is None else np.vstack([train.x, test.x])  # the data view shows both
        self.extent = field_extent(every) if train.x.shape[1] <= 2 else None
        self.log = TrainingLog(project.network.depth)
        if project.state is not None and project.state.log is not None:  # the curves as they were saved
            self.log.append(project.state.log)
        self.field: DecisionField | None = None


class EngineWorker(QObject):
    """Owns the engine. Every slot runs in the worker thread (or inline in synchronous mode)."""

    use_process = True  # full-speed runs train in a child process (no contention with the window)
    resultReady = Signal(object)  # EngineResult
    progressReady = Signal(object)  # RunProgress, between results while a run goes
    failed = Signal(str, int)  # message, command ident
    finished = Signal(int)  # command ident, after resultReady or failed

    def __init__(self, project: Project, cancel: CancelMark) -> None:
        super().__init__()
        self._engine = _Engine(project)
        self._cancel = cancel
        self._ident = 0  # the command being run
        self._kept: dict[int, _Engine] = {}  # engines left by edits, for undo/redo
        self._run: TrainingRun | None = None
        self._run_ident = 0
        self._status = RunStatus()
        self._sent_log = (-1, 0)  # (generation, rows) of the training log already sent
        self._last_report = self._last_progress = 0.0
        self._window_first = WindowFirst(cancel)
        self._child = ChildRunner()
        self._child_halt = ""  # "pause" or "stop" once asked of a child run
        self._timer = QTimer(self)  # a child: it moves to the engine thread with the worker
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._measure()  # the log's first row: the starting weights

    @property
    def _stepper(self) -> Stepper:
        return self._engine.stepper

    def _stopped(self) -> bool:
        return self._cancel.upto >= self._ident

    # ----- commands ---------------------------------------------------------------------
    @Slot(object)
    def execute(self, cmd: Command) -> None:
        self._ident = cmd.ident
        try:
            if self._status.state == RUNNING and cmd.name not in RUN_COMMANDS:
                self._halt(PAUSED, "")  # a step or an edit takes over from the run
            extra = self._run_command(cmd)
            self.resultReady.emit(self._result(cmd, **extra))
        except BPStudioError as exc:
            self.failed.emit(str(exc), cmd.ident)
        except MemoryError:
            self.failed.emit(
                translate("EngineController",
                          "Not enough memory for this network and data; nothing was changed."), cmd.ident)
        except Exception as exc:  # noqa: BLE001 - a bug must reach the user as a message, not kill the thread
            traceback.print_exc()
            self.failed.emit(
                translate("EngineController",
                          "Internal error in the engine: {error}").format(error=f"{type(exc).__name__}: {exc}"),
                             cmd.ident)
        finally:
            self.finished.emit(cmd.ident)

    def _result(self, cmd: Command, info: str = "", **extra) -> EngineResult:
        s, e = self._stepper, self._engine
        reset, rows = self._new_log_rows()
        return EngineResult(e.project, s.snapshot(), s.can_step_back, cmd.name, cmd.ident, s.batches_per_epoch,
                            info, tuple(st.name for st in s.stages), self._status, reset, rows, e.field, **extra)

    def _new_log_rows(self) -> tuple[bool, np.ndarray]:
        """(start over?, rows) of the training log not yet sent to the window."""
        log = self._engine.log
        generation, sent = self._sent_log
        if log.generation != generation or len(log) < sent:  # cleared, truncated or thinned: send it all
            reset, rows = True, log.rows(0)
        else:
            reset, rows = False, log.rows(sent)
        self._sent_log = (log.generation, len(log))
        rows.setflags(write=False)
        return reset, rows

    def _report_interval(self, run: TrainingRun) -> float:
        """Seconds between full results (with a snapshot) while running: every slice at the speeds that
        show each stage or iteration, a few a second when the window renders only now and then."""
        rate = SPEEDS[run.settings.speed].iterations_per_second
        if rate is None:
            return 0.5
        return 0.0 if rate <= 30 else 0.1

    def _run_command(self, cmd: Command) -> dict:
        s = self._stepper
        name, args = cmd.name, cmd.args
        if name in ("run", "pause", "stop", "speed"):
            self._control_run(name, args)
            return {}
        if name == "gradcheck":
            return self._gradcheck()
        if name == "export":
            return {"exported": (args[0], self._export(*args))}
        info = ""
        if name == "snapshot":
            return {}
        if name == "step":
            s.step()
        elif name in ("forward_layer", "backward_layer"):
            kind = FORWARD if name == "forward_layer" else BACKWARD
            while True:  # run to the end of the next stage of that kind
                snap = s.step()
                assert snap.stage is not None
                if snap.stage.kind == kind or self._stopped():
                    break
        elif name == "step_back":
            s.step_back()
        elif name == "finish_iteration":  # stage by stage, so Esc (and closing) can stop it between stages
            s.step()
            while not s.complete and not self._stopped():
                s.step()
        elif name == "goto":  # a stage of the current iteration, by position
            (target,) = args
            pos = s.snapshot().position
            while pos > target and s.can_step_back:
                pos = s.step_back().position
            while pos < target and not self._stopped():
                pos = s.step().position
        elif name == "reset":
            self._end_run()
            s.reset()
            self._engine.log.clear()
        elif name == "set_parameter":
            layer, pname, index, value = args
            s.set_parameter(layer, pname, index, value)
        elif name == "set_project":
            project, save_as, restore = args
            self._set_project(project, save_as, restore)
        elif name == "run_iterations":
            (count,) = args
            done = s.run_iterations(count, should_stop=self._stopped)
            if done < count:
                info = translate("EngineController", "Stopped after {n} iteration(s).").format(n=done)
        else:
            raise BPStudioError(f"unknown command {name!r}")
        self._measure()
        return {"info": info} if info else {}

    def _measure(self) -> None:
        """Keep the training log in step with the weights: a row per completed iteration stepped by
        hand, rows forgotten when stepping back undoes their updates."""
        s, e = self._stepper, self._engine
        c = s.completed_iterations
        last = e.log.last
        if last is not None and last["iteration"] > c:
            e.log.truncate(c)
            last = e.log.last
        if s.at_iteration_start and (last is None or last["iteration"] != c):
            with divergence_is_data():
                e.log.append(probe_row(s.plan, s.parameters, c, s.batches_per_epoch, e.train, e.test))
        if e.extent is not None and (e.field is None or s.at_iteration_start):
            with divergence_is_data():
                e.field = decision_field(s.plan, s.parameters, e.extent)

    def _export(self, what: str, fmt: str = "md", digits: int = 4, notation: str = "column") -> object:
        """The text of a worked example of this iteration, or of a PyTorch script for these weights."""
        s, name = self._stepper, shown_name(self._engine.project.name)  # the title as the window shows it
        if what == "state":  # for a save: where training has got to, with the training log
            params, iteration, epoch, batch, position, velocity = s.saved_state()
            log = self._engine.log
            return ProjectState(iteration, epoch, batch, position, params, velocity, log.rows() if len(log) else None)
        if what == "torch":
            return torch_script(s, name)
        if what != "example":
            raise BPStudioError(f"unknown export {what!r}")
        # a copy at the start of this iteration (the stages stepped so far are in the history), so the
        # document holds the whole iteration the panels show, and the engine here is left as it is
        copy = Stepper(s.spec, s.x, s.y, s.training, InitSpec("explicit"), params=s.parameters)
        position = s.snapshot().position
        earlier = s.recent(position)
        copy.restore(earlier[0] if position and len(earlier) == position else s.checkpoint())
        with divergence_is_data():
            return worked_example(copy, name, fmt, digits, notation)

    def _gradcheck(self) -> dict:
        s = self._stepper
        x, y = s.current_batch()
        big = max(W.size for W, _ in s.parameters) > GRADCHECK_ENTRIES
        with divergence_is_data():
            result = gradient_check(s.plan, s.parameters, x, y,
                                    max_entries_per_array=GRADCHECK_ENTRIES if big else None)
        snap = s.snapshot()
        it = snap.iteration + (2 if s.complete else 1)  # the iteration whose batch the next forward uses
        where = translate("EngineController",
                          "weights now, the batch of iteration {i} ({m} samples)").format(i=it, m=x.shape[1])
        if big:
            where += translate("EngineController", "; arrays larger than {n} entries checked on {n} entries drawn at "
                "random").format(
                n=GRADCHECK_ENTRIES)
        return {"gradcheck": result, "gradcheck_where": where}

    # ----- training runs ----------------------------------------------------------------
    def _control_run(self, name: str, args: tuple) -> None:
        if name == "run":
            settings, resume = args
            assert isinstance(settings, RunSettings)
            e = self._engine
            if resume and self._run is not None and self._status.state == PAUSED:
                self._run.resume(settings)
            else:
                self._run = TrainingRun(e.stepper, settings, e.train, e.test, e.log, extent=e.extent)
            self._run_ident = self._ident
            self._cancel.pause = False
            self._status = RunStatus(RUNNING, "", self._goal_text())
            self._continue_run()
        elif name == "pause":
            self._cancel.pause = False
            if self._status.state == RUNNING:
                self._halt(PAUSED, "")
        elif name == "stop":
            self._cancel.pause = False
            if self._run is not None:
                self._halt(IDLE, translate("EngineController", "Stopped."))
                self._run = None
        elif name == "speed" and self._run is not None:
            if self._child.running and self._status.state == RUNNING:
                outcome = self._take_child()
                self._run.set_speed(args[0])
                if outcome is not None:
                    self._finish_run(outcome)
                else:
                    self._continue_run()
            else:
                self._run.set_speed(args[0])

    def _continue_run(self) -> None:
        """Train on: in a child process at full speed, else slice by slice in this thread."""
        run = self._run
        assert run is not None
        if self.use_process and SPEEDS[run.settings.speed].iterations_per_second is None:
            try:
                self._child.start(self._engine, run)
                self._timer.start(POLL_MS)
                return
            except (OSError, EOFError):  # no child process to be had: train here instead
                traceback.print_exc()
                self.use_process = False
        self._timer.start(0)

    def _take_child(self) -> RunOutcome | None:
        """Halt a child run and take over its state; its outcome if it ended by itself meanwhile."""
        assert self._run is not None
        news = self._child.halt(self._engine, self._run)
        if news.error:
            raise BPStudioError(
                translate("EngineController", "The training process failed: {error}").format(error=news.error))
        return news.outcome

    def _halt(self, state: str, reason: str, outcome: RunOutcome | None = None) -> None:
        """End the run's slices on a stage boundary where every panel has its numbers."""
        self._timer.stop()
        if self._child.running:
            self._take_child()
        if self._run is not None:
            self._run.finish()
            self._engine.field = self._run.field or self._engine.field
        divergence = outcome.divergence if outcome is not None else None
        self._status = RunStatus(state, reason, self._goal_text(), divergence)

    def _end_run(self) -> None:
        self._timer.stop()
        if self._child.running:
            self._take_child()
        self._run = None
        self._status = RunStatus()

    def close(self) -> None:
        """End the child process (from the window's thread, once this worker's thread has stopped)."""
        self._child.close()

    def _tick_child(self, run: TrainingRun) -> None:
        if self._cancel.upto >= self._run_ident:  # Esc
            self._halt(IDLE, translate("EngineController", "Stopped."))
            self._run = None
        elif self._cancel.pause:
            self._timer.start(POLL_MS)  # the "pause" command is on its way: it takes the child's state
            return
        else:
            news = self._child.poll(self._engine, run)
            if news.error:
                self._halt(IDLE, "")
                self._run = None
                self.failed.emit(
                    translate("EngineController", "The training process failed: {error}").format(error=news.error),
                                 self._run_ident)
                self.resultReady.emit(self._result(Command("run_tick", (), self._run_ident)))
                return
            if news.done:
                self._finish_run(news.outcome) if news.outcome is not None else self._halt(PAUSED, "")
            else:
                self._timer.start(POLL_MS)
                self._status = RunStatus(RUNNING, "", self._goal_text())
                if not news.state:
                    if news.progress:
                        reset, rows = self._new_log_rows()
                        self.progressReady.emit(RunProgress(self._status, reset, rows, self._engine.field))
                    return
        self.resultReady.emit(self._result(Command("run_tick", (), self._run_ident)))

    @Slot()
    def _tick(self) -> None:
        run = self._run
        if run is None or self._status.state != RUNNING:
            return
        self._ident = self._run_ident
        if self._child.running:
            self._tick_child(run)
            return

        def interrupted() -> bool:  # polled after every fast iteration
            self._window_first.give_way(run.rate)
            return self._cancel.pause or self._cancel.upto >= self._run_ident

        try:
            outcome = None if interrupted() else run.advance(interrupted)
            self._window_first.give_way(run.rate)  # before the report (a snapshot is copied for it)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the run stops, the thread lives
            traceback.print_exc()
            self._halt(IDLE, "")
            self._run = None
            self.failed.emit(
                translate("EngineController",
                          "Internal error in the engine: {error}").format(error=f"{type(exc).__name__}: {exc}"),
                             self._run_ident)
            self.resultReady.emit(self._result(Command("run_tick", (), self._run_ident)))  # the run's end
            return
        self._engine.field = run.field or self._engine.field
        if outcome is not None:
            self._finish_run(outcome)
        elif self._cancel.upto >= self._run_ident:  # Esc
            self._halt(IDLE, translate("EngineController", "Stopped."))
            self._run = None
        elif self._cancel.pause:
            pass  # the "pause" command is on its way and ends the run's slices
        else:
            self._timer.start(int(run.next_delay() * 1000))
            now = time.perf_counter()
            self._status = RunStatus(RUNNING, "", self._goal_text())
            if now - self._last_report < self._report_interval(run):
                if now - self._last_progress >= PROGRESS_INTERVAL:
                    self._last_progress = now
                    reset, rows = self._new_log_rows()
                    self.progressReady.emit(RunProgress(self._status, reset, rows, self._engine.field))
                return
        self._last_report = self._last_progress = time.perf_counter()
        self.resultReady.emit(self._result(Command("run_tick", (), self._run_ident)))

    def _finish_run(self, outcome: RunOutcome) -> None:
        # the reason says why; the run panel and the status bar put "Finished:" or "Paused:" before it
        loss = "" if outcome.loss is None else format_number(outcome.loss, 6)
        if outcome.reason == GOAL_EPOCHS:
            self._halt(FINISHED, translate("EngineController", "{n} epoch(s) done.").format(n=outcome.epoch))
        elif outcome.reason == GOAL_LOSS:
            assert self._run is not None
            target = format_number(self._run.settings.goal.target_loss, 6)
            self._halt(FINISHED,
                translate("EngineController",
                          "the training loss {loss} is below the target {target}.").format(
                loss=loss, target=target))
        elif outcome.reason == BREAK_LOSS:
            self._halt(PAUSED,
                translate("EngineController",
                          "the training loss {loss} fell below the breakpoint.").format(loss=loss))
        elif outcome.reason == BREAK_EPOCH:
            self._halt(PAUSED, translate("EngineController", "at the end of epoch {e}.").format(e=outcome.epoch))
        else:
            assert outcome.reason == DIVERGED
            self._halt(DIVERGED_STATE,
                translate("EngineController", "Diverged: a number became NaN or infinite."), outcome)
        if not outcome.pause:
            self._run = None

    def _goal_text(self) -> str:
        run = self._run
        if run is None:
            return ""
        done = run.goal_epochs_done
        if done is not None:
            return translate("EngineController", "epoch {done} of {asked}").format(done=done[0], asked=done[1])
        if run.settings.goal.kind == "loss":
            last = self._engine.log.last
            target = format_number(run.settings.goal.target_loss, 6)
            if last is None or not np.isfinite(last["train_loss"]):
                return translate("EngineController", "target loss {target}").format(target=target)
            return translate("EngineController", "training loss {loss}, target {target}").format(
                loss=format_number(last["train_loss"], 6), target=target)
        return ""

    # ----- projects ---------------------------------------------------------------------
    def _set_project(self, project: Project, save_as: int | None = None, restore: int | None = None) -> None:
        """Switch to ``project``: to the engine kept under ``restore`` if there is one (undo and redo
        return to exact states), else to a new one. The new engine is built first, so an invalid
        project leaves the current one untouched. The current engine is kept under ``save_as``."""
        kept = self._kept.pop(restore, None) if restore is not None else None
        if kept is not None and kept.project is project:
            engine = kept
        else:
            old = self._engine.project
            engine = _Engine(project)
            same_start = (project.network == old.network and project.init == old.init
                          and project.data == old.data and _same_parameters(project, old)
                          and project.training.seed == old.training.seed)  # a new seed: new random weights
            if same_start:  # only training settings changed: carry on from the current weights
                engine.stepper.continue_from(self._stepper)
                if engine.stepper.completed_iterations:  # counted on: the curves go on too
                    engine.log.append(self._engine.log.rows())
                    engine.field = self._engine.field
        self._end_run()
        if save_as is not None:
            self._kept[save_as] = self._engine
            while len(self._kept) > KEPT_ENGINES:  # the oldest undo steps fall back to rebuilding
                self._kept.pop(next(iter(self._kept)))
        self._engine = engine
        self._sent_log = (-1, 0)  # the window's log starts over with this engine's


def _same_parameters(a: Project, b: Project) -> bool:
    if a.parameters is None or b.parameters is None:
        return a.parameters is b.parameters
    return all((Wa == Wb).all() and (ba == bb).all()
               for (Wa, ba), (Wb, bb) in zip(a.parameters, b.parameters, strict=True))
