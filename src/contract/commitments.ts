import type { Commitment } from "../domain/commitments/commitment.js";
import type { CommitmentUpdateInput } from "../domain/commitments/commitmentSchemas.js";
import type { ItemsAnswer, TenantFree } from "./answers.js";

/** Commitments' requests and answers (`/api/me/commitments…`). Requests are the domain's schemas. */

/** A commitment of mine as the API answers it. */
export type CommitmentAnswer = TenantFree<Commitment>;
/** `GET /api/me/commitments`: mine, open first, then by due day; with history and partners. */
export type MyCommitmentsAnswer = ItemsAnswer<CommitmentAnswer>;
/** `PATCH /api/me/commitments/:id` (with `If-Match`): status, note and due day. */
export type CommitmentUpdateRequest = CommitmentUpdateInput;
