import { useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RemovalRequest } from "../../api/library.js";
import {
  type RemovalDecision,
  type RemovalDecisionOutcome,
  useRemovalRequests,
} from "../../hooks/library/useRemovalRequests.js";

/** A decision that did not go through, shown until the same request is decided again. */
export type FailedDecision = Extract<RemovalDecisionOutcome, { ok: false }>;

/**
 * The state of the stewards' review: the requests, what was just decided (a success line), the
 * decisions that failed, and deciding one, which moves focus to the heading (the card is gone).
 */
export function useRemovalReview(communityId: string) {
  const { t } = useTranslation();
  const headingId = useId();
  const [done, setDone] = useState<string>("");
  const [failures, setFailures] = useState<FailedDecision[]>([]);

  const onDecided = useCallback(
    (outcome: RemovalDecisionOutcome) => {
      const { request, decision } = outcome;
      setFailures((current) => [
        ...current.filter((f) => f.request.entryId !== request.entryId),
        ...(outcome.ok ? [] : [outcome]),
      ]);
      if (outcome.ok)
        setDone(
          t(decision === "delete" ? "removalRequests.deleted" : "removalRequests.kept", {
            title: request.title,
          }),
        );
    },
    [t],
  );
  const requests = useRemovalRequests(communityId, onDecided);

  const decide = (request: RemovalRequest, decision: RemovalDecision) => {
    setDone("");
    requests.decide(request, decision);
    // The card is gone: give focus a place to land that keeps the person in the list.
    document.getElementById(headingId)?.focus();
  };

  return { headingId, requests, done, dismissDone: () => setDone(""), failures, decide };
}
