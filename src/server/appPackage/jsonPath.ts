/** `value` as an object, or undefined when it is anything else. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `value` as an array, or an empty one. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Reads a value by a Teams localisation key such as `bots[0].commandLists[1].commands[2].title`:
 * dot-separated property names, each optionally followed by `[index]` parts.
 */
export function readPath(root: unknown, key: string): unknown {
  let current: unknown = root;
  for (const segment of key.split(".")) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment);
    if (!match?.[1]) return undefined;
    current = asObject(current)?.[match[1]];
    for (const index of (match[2] ?? "").matchAll(/\[(\d+)\]/g)) {
      if (!Array.isArray(current)) return undefined;
      current = current[Number(index[1])];
    }
  }
  return current;
}
