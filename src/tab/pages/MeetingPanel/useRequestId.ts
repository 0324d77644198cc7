import { useState } from "react";
import { newRequestId } from "./activityText.js";

/**
 * One request id per thing being written (an item, an answer, a swap): a retried click sends the
 * same id, so the server applies it once; `renew` after a success gives the next one its own.
 */
export function useRequestId() {
  const [requestId, setRequestId] = useState(newRequestId);
  const renew = () => setRequestId(newRequestId());
  return [requestId, renew] as const;
}
