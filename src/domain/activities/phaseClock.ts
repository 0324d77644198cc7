import type { ActivityControl, ActivityFlow, ControlKind } from "./activity.js";
import type { PlannedPhase } from "./activityFormats.js";

/**
 * The phase engine. An activity's current phase and remaining time are derived from its stored
 * facts (the planned phases and the facilitator's controls) and a clock, so any server instance
 * answers the same and no timer has to live in one process for correctness: a phase whose time
 * is up has ended, whether or not anyone announced it.
 */

export type ActivityStatus = "not-started" | "running" | "paused" | "ended";

/** Where an activity stands at one moment. */
export interface PhaseState {
  status: ActivityStatus;
  /** Index into the planned phases: -1 before the start, the phase count once ended. */
  phaseIndex: number;
  /** The furthest phase ever entered (-1 before the start): an activity ended during think never paired. */
  reachedPhaseIndex: number;
  /** The current phase's id (`think`, `pair`, …) while running or paused. */
  phaseId?: string;
  /** When the current phase began (ISO). */
  phaseStartedAt?: string;
  /** The current phase's length, extensions included. */
  durationMs: number;
  /** Time left in the current phase (frozen while paused; 0 when not running). */
  remainingMs: number;
  /** When the current phase ends if nothing changes (running only; a countdown targets it). */
  endsAt?: string;
  pausedAt?: string;
  startedAt?: string;
  endedAt?: string;
}

/** The facts the state is derived from. */
export interface ActivityTimeline {
  phases: readonly PlannedPhase[];
  controls: readonly ActivityControl[];
}

/** A control as it is asked for, before it is numbered and stored. */
export type ControlRequest = { kind: ControlKind; phaseIndex?: number; minutes?: number };

interface Machine {
  status: ActivityStatus;
  index: number;
  phaseStart: number;
  duration: number;
  /** Running: when the phase ends. */
  deadline: number;
  /** Paused: what was left when paused. */
  remaining: number;
  pausedAt: number;
  startedAt: number;
  endedAt: number;
  reached: number;
}

const MINUTE = 60_000;

/** The state of a stored activity (its planned phases and controls, as read) at `now`. */
export function flowStateAt(flow: Pick<ActivityFlow, "activity" | "controls">, now: Date): PhaseState {
  return phaseAt({ phases: flow.activity.phases, controls: flow.controls }, now);
}

/** The state of an activity at `now`. Pure: the same facts and clock give the same answer. */
export function phaseAt(timeline: ActivityTimeline, now: Date): PhaseState {
  const { phases } = timeline;
  const m: Machine = {
    status: "not-started",
    index: -1,
    phaseStart: Number.NaN,
    duration: 0,
    deadline: Number.NaN,
    remaining: 0,
    pausedAt: Number.NaN,
    startedAt: Number.NaN,
    endedAt: Number.NaN,
    reached: -1,
  };
  // Instances' clocks differ a little: time never runs backwards within one activity.
  let clock = Number.NEGATIVE_INFINITY;
  const controls = [...timeline.controls].sort((a, b) => a.seq - b.seq);
  for (const control of controls) {
    clock = Math.max(clock, Date.parse(control.at));
    advanceTo(m, phases, clock);
    if (problemOf(m, phases.length, control) === undefined) apply(m, phases, control, clock);
  }
  clock = Math.max(clock, now.getTime());
  advanceTo(m, phases, clock);
  return stateOf(m, phases, clock);
}

/**
 * Why a control cannot be applied to the activity as it stands, in words for the facilitator, or
 * undefined when it can. Replaying stored controls skips those that could not apply, so a stale
 * click (say "extend think" just after think ran out) changes nothing.
 */
export function controlProblem(
  state: PhaseState,
  phaseCount: number,
  control: ControlRequest,
): string | undefined {
  const m: Pick<Machine, "status" | "index"> = { status: state.status, index: state.phaseIndex };
  return problemOf(m, phaseCount, control);
}

function problemOf(
  m: Pick<Machine, "status" | "index">,
  phaseCount: number,
  control: ControlRequest,
): string | undefined {
  const live = m.status === "running" || m.status === "paused";
  switch (control.kind) {
    case "start":
      return m.status === "not-started" ? undefined : "The activity has already started.";
    case "end":
      return m.status === "ended" ? "The activity has already ended." : undefined;
    case "pause":
      return m.status === "running" ? undefined : "Only a running phase can be paused.";
    case "resume":
      return m.status === "paused" ? undefined : "The activity is not paused.";
    case "next":
    case "extend": {
      if (!live)
        return m.status === "ended" ? "The activity has already ended." : "Start the activity first.";
      if (control.phaseIndex === undefined || control.phaseIndex < 0 || control.phaseIndex >= phaseCount)
        return "Say which phase this is for.";
      if (control.phaseIndex !== m.index) return "That phase has already ended; the activity moved on.";
      if (control.kind === "extend" && !(control.minutes !== undefined && control.minutes > 0))
        return "Say how many minutes to add.";
      return undefined;
    }
  }
}

function apply(m: Machine, phases: readonly PlannedPhase[], control: ActivityControl, at: number): void {
  switch (control.kind) {
    case "start":
      m.startedAt = at;
      enterPhase(m, phases, 0, at);
      return;
    case "next":
      enterPhase(m, phases, m.index + 1, at);
      return;
    case "extend": {
      const added = (control.minutes ?? 0) * MINUTE;
      m.duration += added;
      if (m.status === "running") m.deadline += added;
      else m.remaining += added;
      return;
    }
    case "pause":
      m.status = "paused";
      m.pausedAt = at;
      m.remaining = Math.max(0, m.deadline - at);
      return;
    case "resume":
      m.status = "running";
      m.deadline = at + m.remaining;
      m.pausedAt = Number.NaN;
      return;
    case "end":
      m.status = "ended";
      m.index = phases.length;
      m.endedAt = at;
      return;
  }
}

function enterPhase(m: Machine, phases: readonly PlannedPhase[], index: number, at: number): void {
  const phase = phases[index];
  if (!phase) {
    m.status = "ended";
    m.index = phases.length;
    m.endedAt = at;
    return;
  }
  m.status = "running";
  m.index = index;
  m.reached = Math.max(m.reached, index);
  m.phaseStart = at;
  m.duration = phase.minutes * MINUTE;
  m.deadline = at + m.duration;
  m.remaining = 0;
  m.pausedAt = Number.NaN;
}

/** Phases whose time ran out before `at` end on their own, each at its deadline. */
function advanceTo(m: Machine, phases: readonly PlannedPhase[], at: number): void {
  while (m.status === "running" && m.deadline <= at) enterPhase(m, phases, m.index + 1, m.deadline);
}

function stateOf(m: Machine, phases: readonly PlannedPhase[], now: number): PhaseState {
  const iso = (t: number) => new Date(t).toISOString();
  const base = Number.isNaN(m.startedAt) ? {} : { startedAt: iso(m.startedAt) };
  if (m.status === "not-started")
    return { status: m.status, phaseIndex: -1, reachedPhaseIndex: -1, durationMs: 0, remainingMs: 0 };
  if (m.status === "ended")
    return {
      ...base,
      status: m.status,
      phaseIndex: phases.length,
      reachedPhaseIndex: m.reached,
      durationMs: 0,
      remainingMs: 0,
      endedAt: iso(m.endedAt),
    };
  const phase = {
    ...base,
    phaseIndex: m.index,
    reachedPhaseIndex: m.reached,
    phaseId: phases[m.index]?.id ?? "",
    phaseStartedAt: iso(m.phaseStart),
    durationMs: m.duration,
  };
  if (m.status === "paused")
    return { ...phase, status: m.status, remainingMs: m.remaining, pausedAt: iso(m.pausedAt) };
  return {
    ...phase,
    status: m.status,
    remainingMs: Math.min(m.duration, Math.max(0, m.deadline - now)),
    endsAt: iso(m.deadline),
  };
}
