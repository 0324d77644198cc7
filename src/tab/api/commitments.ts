import type {
  CommitmentAnswer,
  CommitmentUpdateRequest,
  MyCommitmentsAnswer,
} from "../../contract/commitments.js";
import type { ApiClient } from "./ApiClient.js";
import { getItems, sendFromVersion } from "./apiRequests.js";

export type { CommitmentStatus } from "../../domain/commitments/commitment.js";
/** A commitment of mine as the API answers (without the tenant). */
export type MyCommitment = CommitmentAnswer;

/** `GET /api/me/commitments`: mine, open first, then by due day; with history and partners. */
export function getMyCommitments(api: ApiClient, signal?: AbortSignal): Promise<MyCommitment[]> {
  return getItems<MyCommitmentsAnswer>(api, "/api/me/commitments", signal);
}

/** `PATCH /api/me/commitments/{id}`: status, note and due day, from the version I saw (`If-Match`). */
export function updateCommitment(
  api: ApiClient,
  commitment: Pick<MyCommitment, "id" | "etag">,
  change: CommitmentUpdateRequest,
): Promise<MyCommitment> {
  return sendFromVersion<MyCommitment>(
    api,
    "PATCH",
    `/api/me/commitments/${encodeURIComponent(commitment.id)}`,
    change,
    commitment.etag,
  );
}

export const myCommitmentsKey = ["me", "commitments"] as const;
export const followThroughKey = (communityId: string) =>
  ["communities", communityId, "follow-through"] as const;
