/**
 * A stable id made from `text`: the first `bytes` bytes of its SHA-256, in hex. The same text
 * always gives the same id, so a retried request finds what the first one stored, and what the
 * id was made from cannot be read back from it.
 */
export async function digestId(text: string, bytes: number): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest.slice(0, bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
