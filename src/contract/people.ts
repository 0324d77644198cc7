import { z } from "zod";
import type { OrgPerson } from "../domain/people/peopleDirectory.js";
import type { ItemsAnswer } from "./answers.js";

/** `GET /api/people?q=…&limit=…`: people of the organisation by name, for pickers. */
export const peopleQuerySchema = z.object({
  q: z.string().max(100).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type PeopleQuery = z.input<typeof peopleQuerySchema>;

/** A person as a picker shows them (their manager stays on the server). */
export type PersonAnswer = Omit<OrgPerson, "managerId">;
/** The people found; `degraded` when the directory answered only in part. */
export type PeopleSearchAnswer = ItemsAnswer<PersonAnswer> & { degraded: boolean };
