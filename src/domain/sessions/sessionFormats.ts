import type { CalendarDefaults } from "../formats/formatDefinition.js";
import { SESSION_FORMATS, type SessionFormat } from "../formats/formatIds.js";
import { FORMATS } from "../formats/formatRegistry.js";

export type { FormatPhase } from "../formats/formatDefinition.js";
export {
  SESSION_FORMATS,
  SESSION_ROLES,
  type SessionFormat,
  type SessionRole,
} from "../formats/formatIds.js";

/** What a format brings to a session by default (from its definition in src/domain/formats). */
export interface FormatDefaults extends CalendarDefaults {
  /** The bot's activity engine runs the phases in the meeting (src/domain/activities). */
  runsInMeeting: boolean;
}

/** The calendar's view of every format, derived from the one registry. */
export const FORMAT_DEFAULTS = Object.fromEntries(
  SESSION_FORMATS.map((id) => {
    const format: { calendar: CalendarDefaults; activity?: unknown } = FORMATS[id];
    return [id, { ...format.calendar, runsInMeeting: format.activity !== undefined }];
  }),
) as Record<SessionFormat, FormatDefaults>;
