"""The studio without widgets: executes commands on the engine and says what the window should show; the engine
thread calls it (``app/engine_link``), tests call it directly. ``_handle`` dispatches on the command's type. A
command that is not about the run (a step, an edit) pauses a running run first, on a stage boundary. A failure
is reported with the command it answers, and changes nothing."""

from __future__ import annotations

import traceback
from functools import singledispatchmethod

from bpstudio.engine import BPStudioError, InitSpec, Project, Stepper, gradient_check
from bpstudio.engine.decision_field import network_field
from bpstudio.engine.examples import shown_name
from bpstudio.engine.i18n import translate
from bpstudio.engine.probe import probe_row
from bpstudio.engine.project_state import ProjectState
from bpstudio.engine.run_settings import PAUSED, RUNNING
from bpstudio.engine.stages import BACKWARD, FORWARD
from bpstudio.engine.stepper import divergence_is_data
from bpstudio.engine.text.scripts import SCRIPTS, script
from bpstudio.engine.text.worked_example import worked_example

from . import commands as do
from .ledger_fill import LedgerFill
from .loaded_engine import Engine
from .project_edits import continues_training
from .run_control import RunControl
from .throttle import Throttle

KEPT_ENGINES = 16  # engines kept so that undoing an edit returns to exactly where it was
GRADCHECK_ENTRIES = 200  # per array: larger arrays are checked on a seeded sample of entries
UNMEASURED = (do.GradCheck, do.Export, *do.RUN_COMMANDS)  # commands after which the log needs no new row


class StudioSession:
    def __init__(self, project: Project, marks: do.CancelMark | None = None) -> None:
        self.marks = marks if marks is not None else do.CancelMark()
        self.engine = Engine(project)  # may raise for an invalid project
        self.runs = RunControl(self.marks)
        self.throttle = Throttle()
        self._kept: dict[int, Engine] = {}  # engines left by edits, for undo/redo
        self._ident = 0  # the command being executed
        self._wanted: do.TakeState | None = None  # asked of a running run: answered with its next state
        self.ledger_fill = LedgerFill()
        self._measure()  # the log's first row: the starting weights

    @property
    def stepper(self) -> Stepper:
        return self.engine.stepper

    def close(self) -> None:
        self.runs.close()

    def _stopped(self) -> bool:
        return self.marks.upto >= self._ident

    # ----- commands -------------------------------------------------------------------------
    def execute(self, cmd: do.Command) -> list[do.Report]:
        self._ident = cmd.ident
        if isinstance(cmd, do.TakeState):  # never pauses a run: its next state answers
            self._wanted = cmd
            if self.runs.training:
                self.runs.want_state()
            return self._state_taken()
        try:
            if self.runs.status.state == RUNNING and not isinstance(cmd, do.RUN_COMMANDS):
                self.runs.halt(self.engine, PAUSED)  # a step or an edit takes over from the run
            reply = self._handle(cmd)
            if not isinstance(cmd, UNMEASURED):
                self._measure()
        except BPStudioError as exc:
            return self._failed(cmd, str(exc))
        except MemoryError:
            return self._failed(cmd, translate(
                "EngineController", "Not enough memory for this network and data; nothing was changed."))
        except Exception as exc:  # noqa: BLE001 - a bug must reach the user as a message, not kill the thread
            traceback.print_exc()
            return self._failed(cmd, translate("EngineController", "Internal error in the engine: {error}").format(
                error=f"{type(exc).__name__}: {exc}"))
        info = reply if isinstance(reply, str) else ""
        answer = reply if isinstance(reply, (do.GradCheckAnswer, do.Exported)) else None
        return self._offer(self.result(cmd, info, answer)) + self._state_taken()

    def _state_taken(self, news: bool = False) -> list[do.Report]:
        """The answer to TakeState once there is a state to give: at once without a run, else with its next."""
        cmd = self._wanted
        if cmd is None or (self.runs.training and not news):
            return []
        self._wanted = None
        return [do.StateTaken(cmd, self.engine.project, self._state())]

    def tick(self) -> list[do.Report]:
        """What is due now: a result held by the throttle, a run's reports."""
        news = self.runs.tick(self.engine)
        out: list[do.Report] = [do.Failure(self.runs.command, news.error)] if news.error else []
        due = self.ledger_fill.due
        if due is not None and not self.runs.training:
            self.ledger_fill.due = None  # (a newer command carries them instead)
            out += [] if self.marks.sent > self._ident else self._offer(self.result(due, fill=True))
        self.throttle.progress |= news.progress
        if news.state:
            out += self._offer(self.result(self.runs.command))
        elif self.throttle.progress_due():
            out.append(do.RunProgress(self.runs.command, self.runs.status, self.engine.log.view, self.engine.field))
        held = self.throttle.held()
        if held is not None:
            out.append(held)
        out += self._state_taken(news.state)
        if self.runs.run is not None and self.runs.training and self.throttle.panels_due(self.runs.run.settings.speed):
            self.runs.want_state()
        return out

    def wake_in(self) -> float | None:
        """Seconds until ``tick`` has something to do (None: nothing till the next command or run report)."""
        held = self.ledger_fill.wait(self.throttle.wait())
        if not self.runs.training or self.runs.run is None:
            return held
        run = self.throttle.run_wait(self.runs.run.settings.speed, woken=self.runs.channel is not None)
        return min((w for w in (held, run) if w is not None), default=None)

    def _failed(self, cmd: do.Command, message: str) -> list[do.Report]:
        held = self.throttle.held(now=True)  # held for this command's result, which won't come
        return [do.Failure(cmd, message)] if held is None else [held, do.Failure(cmd, message)]

    def _offer(self, result: do.EngineResult) -> list[do.Report]:
        shown = self.throttle.result(result, newer_coming=self.marks.sent > self._ident)  # a command queued
        return [] if shown is None else [shown]

    def result(self, cmd: do.Command, info: str = "", answer: do.GradCheckAnswer | do.Exported | None = None,
               fill: bool = False) -> do.EngineResult:
        s, e = self.stepper, self.engine
        snap = self.ledger_fill.shown(e.ledger, s.snapshot(), cmd, fill)  # the ledger measured next
        return do.EngineResult(cmd, e.project, snap, s.can_step_back, s.batches_per_epoch, info,
                               tuple(st.name for st in s.stages), self.runs.status, e.log.view, e.field, answer)

    @singledispatchmethod
    def _handle(self, cmd: do.Command) -> object:
        raise BPStudioError(f"unknown command {cmd!r}")

    # the commands that are one call (what they return is not a reply)
    _handle.register(do.Refresh, lambda self, cmd: None)
    _handle.register(do.Step, lambda self, cmd: self.stepper.step())
    _handle.register(do.StepBack, lambda self, cmd: self.stepper.step_back())
    _handle.register(do.StepForwardLayer, lambda self, cmd: self._to_stage_end(FORWARD))
    _handle.register(do.StepBackwardLayer, lambda self, cmd: self._to_stage_end(BACKWARD))
    _handle.register(do.SetParameter, lambda self, c: self.stepper.set_parameter(c.layer, c.name, c.index, c.value))
    _handle.register(do.Run, lambda self, cmd: self.runs.start(self.engine, cmd))  # runs: see RunControl
    _handle.register(do.Pause, lambda self, cmd: self.runs.pause(self.engine))
    _handle.register(do.Stop, lambda self, cmd: self.runs.stop(self.engine))
    _handle.register(do.SetSpeed, lambda self, cmd: self.runs.set_speed(cmd.speed))
    _handle.register(do.ChooseMapInputs, lambda self, cmd: self.engine.choose_map_inputs(cmd.first, cmd.second))

    def _to_stage_end(self, kind: str) -> None:
        while True:  # run to the end of the next stage of that kind
            snap = self.stepper.step()
            assert snap.stage is not None
            if snap.stage.kind == kind or self._stopped():
                return

    @_handle.register
    def _finish(self, cmd: do.FinishIteration) -> None:
        s = self.stepper  # stage by stage, so Esc (and closing) can stop it between stages
        s.advance_stage()
        while not s.complete and not self._stopped():
            s.advance_stage()

    @_handle.register
    def _goto(self, cmd: do.Goto) -> None:
        s = self.stepper
        pos = s.snapshot().position
        while pos > cmd.position and s.can_step_back:
            pos = s.step_back().position
        while pos < cmd.position and not self._stopped():
            pos = s.step().position

    @_handle.register
    def _reset(self, cmd: do.Reset) -> None:
        self.runs.end(self.engine)
        self.stepper.reset()
        self.engine.log.clear()

    @_handle.register
    def _run_iterations(self, cmd: do.RunIterations) -> str | None:  # a note for the status bar
        done = self.stepper.run_iterations(cmd.count, should_stop=self._stopped)
        if done < cmd.count:
            return translate("EngineController", "Stopped after {n} iteration(s).").format(n=done)
        return None

    # ----- measuring, checking, exporting ---------------------------------------------------
    def _measure(self) -> None:
        """Keep the training log in step with the weights: a row per completed iteration stepped by
        hand, rows forgotten when stepping back undoes their updates."""
        s, e = self.stepper, self.engine
        c = s.completed_iterations
        last = e.log.last
        if last is not None and last["iteration"] > c:
            e.log.truncate(c)
            last = e.log.last
        if s.at_iteration_start and (last is None or last["iteration"] != c):
            with divergence_is_data():
                e.log.append(probe_row(s.plan, s.parameters, c, s.batches_per_epoch, e.train, e.test))
        if e.field is None or s.at_iteration_start:
            with divergence_is_data():
                e.field = network_field(s.plan, s.parameters, e.plane)

    @_handle.register
    def _export(self, cmd: do.Export) -> do.Exported:
        """The text of a worked example of this iteration, a PyTorch script for these weights, or the state."""
        s, name = self.stepper, shown_name(self.engine.project.name)  # the title as the window has it
        if cmd.what == "state":  # for a save: where training has got to, with the training log
            return do.Exported(cmd.what, self._state())
        if cmd.what in SCRIPTS:  # training on (NumPy, PyTorch), or this batch (gradients)
            return do.Exported(cmd.what, script(cmd.what, s, name, cmd.notation))
        if cmd.what != "example":
            raise BPStudioError(f"unknown export {cmd.what!r}")
        # a copy at this iteration's start (from the history): the whole iteration shown, this engine untouched
        copy = Stepper(s.spec, s.x, s.y, s.training, InitSpec("explicit"), params=s.parameters)
        position = s.snapshot().position
        earlier = s.recent(position)
        copy.restore(earlier[0] if position and len(earlier) == position else s.checkpoint())
        with divergence_is_data():
            return do.Exported(cmd.what, worked_example(copy, name, cmd.fmt, cmd.digits, cmd.notation, cmd.entry,
                                                        cmd.sample))

    def _state(self) -> ProjectState:
        return self.engine.saved_state()  # (the project's own, never a planted mistake's)

    @_handle.register
    def _plant(self, cmd: do.PlantMistake) -> None:
        self.runs.end(self.engine)
        self.engine.plant(cmd.mistake)

    @_handle.register
    def _gradcheck(self, cmd: do.GradCheck) -> do.GradCheckAnswer:
        s = self.stepper
        x, y = s.current_batch()
        big = max(W.size for W, _ in s.parameters) > GRADCHECK_ENTRIES
        with divergence_is_data():
            result = gradient_check(s.plan, s.parameters, x, y,
                                    max_entries_per_array=GRADCHECK_ENTRIES if big else None)
        it = s.snapshot().iteration + (2 if s.complete else 1)  # the iteration whose batch the next forward uses
        where = translate("EngineController", "the weights after {done} updates, the batch of iteration {i} "
                          "({m} samples)").format(done=s.completed_iterations, i=it, m=x.shape[1])
        where += self.engine.planted_note()
        if big:
            where += translate("EngineController", "; arrays larger than {n} entries checked on {n} entries drawn at "
                               "random").format(n=GRADCHECK_ENTRIES)
        return do.GradCheckAnswer(result, where)

    # ----- projects -------------------------------------------------------------------------
    @_handle.register
    def _set_project(self, cmd: do.SetProject) -> None:
        """Switch to the engine kept under ``restore`` if there is one (undo and redo return to exact states),
        else to a new one, built first, so an invalid project leaves the current one untouched. The current
        engine is kept under ``save_as``. An edit that changes only training settings carries on from the current
        weights; a project opened or restored (``exact``) starts exactly from its own saved state."""
        project = cmd.project
        self.engine.plant("")  # an edit is the project's: a planted mistake is switched off first
        kept = self._kept.pop(cmd.restore, None) if cmd.restore is not None else None
        if kept is not None and kept.project is project:
            engine = kept
        else:
            old = self.engine.project
            engine = Engine(project)
            engine.choose_map_inputs(*self.engine.plane.features)  # the maps stay over the inputs chosen
            same_start = not cmd.exact and continues_training(old, project)
            if same_start:  # only training settings changed: carry on from the current weights
                engine.stepper.continue_from(self.stepper)
                if engine.stepper.completed_iterations:  # counted on: the curves go on too
                    engine.log.append(self.engine.log.rows())
                    engine.field = self.engine.field
        self.runs.end(self.engine)
        if cmd.save_as is not None:
            self._kept[cmd.save_as] = self.engine
            while len(self._kept) > KEPT_ENGINES:  # the oldest undo steps fall back to rebuilding
                self._kept.pop(next(iter(self._kept)))
        self.engine = engine

