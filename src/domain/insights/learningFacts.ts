import type { PersonRef } from "../identity.js";
import type { LearningInteraction } from "../library/entryRepository.js";
import type { SessionRole } from "../sessions/sessionFormats.js";

/**
 * Where services write learning facts (the library's partition of the community, beside the
 * entries: the EntryRepository implements it). Idempotent per `key`.
 */
export interface LearningFactRecorder {
  recordInteraction(interaction: LearningInteraction): Promise<void>;
}

/** Someone taught the people present: a micro-teach, in a calendar session or as an activity. */
export interface Lesson {
  tenantId: string;
  communityId: string;
  teacher: PersonRef;
  /** Who was there (the teacher among them is skipped). */
  learners: readonly PersonRef[];
  at: string;
  /** Names the lesson (a session's occurrence, an activity): recording it again adds nothing. */
  key: string;
}

/**
 * Records "taught" facts (learner ← teacher), one per learner and lesson, so a retried close or a
 * second instance recording the same lesson adds nothing. Returns how many learners it names.
 */
export async function recordTaught(recorder: LearningFactRecorder, lesson: Lesson): Promise<number> {
  const learners = lesson.learners.filter(
    (p, i, all) => p.id !== lesson.teacher.id && all.findIndex((q) => q.id === p.id) === i,
  );
  for (const learner of learners)
    await recorder.recordInteraction({
      tenantId: lesson.tenantId,
      communityId: lesson.communityId,
      kind: "taught",
      from: learner,
      to: lesson.teacher,
      at: lesson.at,
      key: `${lesson.key}-taught-${learner.id}`,
    });
  return learners.length;
}

/** Who held a role in a session's occurrence (the SessionService). */
export interface SessionRoleHolders {
  roleHolderAt(
    tenantId: string,
    communityId: string,
    sessionId: string,
    role: SessionRole,
    at: Date,
  ): Promise<PersonRef | undefined>;
}

/** An activity of a calendar session ended with these people present. */
export interface SessionAttendance {
  tenantId: string;
  communityId: string;
  sessionId: string;
  /** When the activity started: which occurrence of a series it was. */
  startedAt: string;
  attendees: readonly PersonRef[];
  /** When it ended: the facts' time. */
  at: string;
  /** The activity: recording the same attendance again adds nothing. */
  key: string;
}

/**
 * A calendar session with a micro-teacher: everyone present learned from them (one "taught" fact
 * each). Nothing when the occurrence had no micro-teacher. Returns how many learners it recorded.
 */
export async function recordSessionTeaching(
  sessions: SessionRoleHolders,
  recorder: LearningFactRecorder,
  attendance: SessionAttendance,
): Promise<number> {
  const teacher = await sessions.roleHolderAt(
    attendance.tenantId,
    attendance.communityId,
    attendance.sessionId,
    "micro-teacher",
    new Date(attendance.startedAt),
  );
  if (!teacher) return 0;
  return recordTaught(recorder, {
    tenantId: attendance.tenantId,
    communityId: attendance.communityId,
    teacher,
    learners: attendance.attendees,
    at: attendance.at,
    key: attendance.key,
  });
}
