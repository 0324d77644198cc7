import type {
  CommitmentAnswer,
  CommitmentUpdateRequest,
  MyCommitmentsAnswer,
} from "../../contract/commitments.js";
import type { ApiClient } from "./ApiClient.js";

export type { CommitmentStatus } from "../../domain/commitments/commitment.js";
/** A commitment of mine as the API answers (without the tenant). */
export type MyCommitment = CommitmentAnswer;

/** `GET /api/me/commitments`: mine, open first, then by due day; with history and partners. */
export async function getMyCommitments(api: ApiClient, signal?: AbortSignal): Promise<MyCommitment[]> {
  const answer = await api.request<MyCommitmentsAnswer>("GET", "/api/me/commitments", undefined, {
    signal,
  });
  return answer.items;
}

/** `PATCH /api/me/commitments/{id}`: status, note and due day, from the version I saw (`If-Match`). */
export function updateCommitment(
  api: ApiClient,
  commitment: Pick<MyCommitment, "id" | "etag">,
  change: CommitmentUpdateRequest,
): Promise<MyCommitment> {
  return api.request<MyCommitment>(
    "PATCH",
    `/api/me/commitments/${encodeURIComponent(commitment.id)}`,
    change,
    {
      headers: { "If-Match": commitment.etag },
    },
  );
}

export const myCommitmentsKey = ["me", "commitments"] as const;
export const followThroughKey = (communityId: string) =>
  ["communities", communityId, "follow-through"] as const;
