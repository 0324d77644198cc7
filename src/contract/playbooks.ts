import type { z } from "zod";
import type { PlaybookView } from "../domain/playbooks/playbook.js";
import type { playbookSchema } from "../domain/playbooks/playbookService.js";
import type { ItemsAnswer, TenantFree } from "./answers.js";

/** Playbooks' requests and answers (`/api/communities/:id/playbooks…`). */

/** A playbook as the signed-in person sees it: the steps they ticked off, whether they may edit. */
export type PlaybookAnswer = TenantFree<PlaybookView>;
/** `GET …/playbooks`. */
export type PlaybookListAnswer = ItemsAnswer<PlaybookAnswer>;
/** What a steward sends to compile or change a playbook (`POST`, `PUT` with `If-Match`). */
export type PlaybookRequest = z.input<typeof playbookSchema>;
