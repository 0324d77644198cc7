import { toApiError } from "../../api/ApiError.js";
import { InlineError } from "../../components/InlineError/InlineError.js";

/**
 * Why the panel's last action failed (a save, a control, a swap), in words a person can act on,
 * under what failed; nothing while there is no failure. Takes a mutation's error as it comes.
 */
export function ActionError({ title, error }: { title: string; error: unknown }) {
  return error ? <InlineError title={title} error={toApiError(error)} /> : null;
}
