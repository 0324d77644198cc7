import { RestError } from "@azure/data-tables";
import { ConcurrencyError, ConflictError } from "../domain/errors.js";

/** HTTP status of an Azure SDK error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}

/**
 * Translates Tables failures into domain errors at the edge: 412 (stale ETag) → ConcurrencyError,
 * 409 (entity exists) → ConflictError. Anything else is rethrown unchanged.
 */
export async function translateTableErrors<T>(what: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    const status = statusOf(error);
    if (status === 412) throw new ConcurrencyError(`${what} was changed by someone else meanwhile.`);
    if (status === 409) throw new ConflictError(`${what} already exists.`);
    throw error;
  }
}
