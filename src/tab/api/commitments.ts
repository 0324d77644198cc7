import type { Commitment, CommitmentStatus } from "../../domain/commitments/commitment.js";
import type { CommitmentUpdateInput } from "../../domain/commitments/commitmentSchemas.js";
import type { ApiClient } from "./ApiClient.js";

/** A commitment of mine as the API answers (without the tenant). */
export type MyCommitment = Omit<Commitment, "tenantId">;
export type { CommitmentStatus };

/** `GET /api/me/commitments`: mine, open first, then by due day; with history and partners. */
export async function getMyCommitments(api: ApiClient, signal?: AbortSignal): Promise<MyCommitment[]> {
  const answer = await api.request<{ items: MyCommitment[] }>("GET", "/api/me/commitments", undefined, {
    signal,
  });
  return answer.items;
}

/** `PATCH /api/me/commitments/{id}`: status, note and due day, from the version I saw (`If-Match`). */
export function updateCommitment(
  api: ApiClient,
  commitment: Pick<MyCommitment, "id" | "etag">,
  change: CommitmentUpdateInput,
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
