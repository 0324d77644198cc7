import { odata } from "@azure/data-tables";

/**
 * The first key after every key that starts with `prefix`: its last character bumped (`route|` →
 * `route}`), so `ge prefix and lt end` is a range scan over one kind of row.
 */
export function prefixEnd(prefix: string): string {
  return `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
}

/** A filter for the rows of one partition whose row keys start with `prefix`. */
export function rowsWithPrefix(partitionKey: string, prefix: string): string {
  return odata`PartitionKey eq ${partitionKey} and RowKey ge ${prefix} and RowKey lt ${prefixEnd(prefix)}`;
}

/** A filter for the rows whose row keys start with `prefix`, in every partition. */
export function rowKeysWithPrefix(prefix: string): string {
  return odata`RowKey ge ${prefix} and RowKey lt ${prefixEnd(prefix)}`;
}
