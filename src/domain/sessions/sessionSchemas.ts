import { z } from "zod";
import { isRealDateTime } from "../strictDates.js";
import { personText } from "../validation.js";
import { problemOfRule } from "./recurrence.js";
import { SESSION_FORMATS, SESSION_ROLES } from "./sessionFormats.js";

const isoInstant = z
  .string()
  .refine(isRealDateTime, "Give the start as a date and time that exist (YYYY-MM-DDTHH:mm).");

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "That is not a time zone PeerCircle knows (use names like Europe/Berlin).");

const joinUrl = z
  .string()
  .url("The join link must be a web address.")
  .refine((u) => u.startsWith("https://"), "The join link must start with https://.");

const role = z.object({
  role: z.enum(SESSION_ROLES),
  person: z
    .object({ id: z.string().min(1).max(100), displayName: personText(z.string().min(1).max(200)) })
    .optional(),
});

/** A repeat rule (RRULE) and its exceptions; moved occurrences are changed one by one. */
const recurrence = z.object({
  rule: z
    .string()
    .trim()
    .max(500)
    .superRefine((rule, ctx) => {
      const problem = problemOfRule(rule);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    }),
  exceptions: z.array(isoInstant).max(500).default([]),
});

/** Asks for a Teams meeting in the steward's calendar, inviting the RSVPs or the whole community. */
const teamsMeeting = z.object({
  attendees: z.enum(["rsvps", "community"], {
    message: "Invite the people who RSVP'd or the whole community.",
  }),
});

/** What a steward fills in to plan a session. */
export const newSessionSchema = z.object({
  title: personText(z.string().trim().min(3, "Give the session a title of at least 3 characters.").max(150)),
  format: z.enum(SESSION_FORMATS, { message: "Pick a format." }),
  startsAt: isoInstant,
  durationMinutes: z
    .number()
    .int()
    .min(5, "A session lasts at least 5 minutes.")
    .max(480, "A session lasts at most 8 hours.")
    .optional(),
  timeZone: timeZone.default("UTC"),
  description: personText(z.string().trim().max(4000)).default(""),
  agenda: z
    .array(personText(z.string().trim().min(1).max(300)))
    .max(30)
    .default([]),
  roles: z.array(role).max(20).optional(),
  joinUrl: joinUrl.optional(),
  recurrence: recurrence.optional(),
  teamsMeeting: teamsMeeting.optional(),
});
export type NewSessionInput = z.input<typeof newSessionSchema>;

/** What a steward may change. */
export const sessionChangesSchema = newSessionSchema
  .partial()
  .extend({ cancelled: z.boolean().optional(), recurrence: recurrence.nullable().optional() })
  .refine((c) => Object.keys(c).length > 0, "Nothing to change.");
export type SessionChangesInput = z.input<typeof sessionChangesSchema>;

export const rsvpSchema = z.object({
  response: z.enum(["going", "maybe", "no"], { message: "Answer going, maybe or no." }),
});

/** A change to one occurrence of a series: skip it, or move it (and change its length). */
export const occurrenceChangeSchema = z.union([
  z.object({ cancelled: z.literal(true) }),
  z.object({
    startsAt: isoInstant,
    durationMinutes: z.number().int().min(5).max(480).optional(),
  }),
]);
export type OccurrenceChangeInput = z.input<typeof occurrenceChangeSchema>;

/** A member's choice of roles for the rotation (opt-in), and a pause. */
export const rolePreferenceSchema = z.object({
  willing: z.array(z.enum(SESSION_ROLES)).max(SESSION_ROLES.length),
  snoozedUntil: isoInstant.nullable().optional(),
});
export type RolePreferenceInput = z.input<typeof rolePreferenceSchema>;

/** A community's reminder settings (stewards). */
export const reminderSettingsSchema = z.object({
  enabled: z.boolean(),
  leadMinutes: z
    .number()
    .int()
    .min(5, "Remind at least 5 minutes before.")
    .max(7 * 24 * 60, "Remind at most a week before."),
});
export type ReminderSettingsInput = z.input<typeof reminderSettingsSchema>;

/** The widest calendar range one request may ask for: a year and a month of a series' occurrences. */
export const MAX_RANGE_DAYS = 400;

const dateOrInstant = z
  .string()
  .max(40, "Dates look like YYYY-MM-DD.")
  .regex(/^\d{4}-\d{2}-\d{2}/, "Dates look like YYYY-MM-DD.")
  .refine((s) => !Number.isNaN(Date.parse(s)), "That is not a date.");

/**
 * The range of the session calendar (`from`/`to`: ISO dates or instants). Every series is expanded
 * over it, so its width is bounded; a wider view asks again per month or year.
 */
export const calendarRangeSchema = z
  .object({ from: dateOrInstant.optional(), to: dateOrInstant.optional() })
  .superRefine(({ from, to }, ctx) => {
    if (from === undefined || to === undefined) return;
    const width = Date.parse(to) - Date.parse(from);
    if (width < 0)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["to"],
        message: "The range ends before it starts.",
      });
    else if (width > MAX_RANGE_DAYS * 86_400_000)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["to"],
        message: `Ask for at most ${MAX_RANGE_DAYS} days of the calendar at a time.`,
      });
  });
export type CalendarRangeInput = z.input<typeof calendarRangeSchema>;
