/**
 * Cuts markdown to at most `limit` characters at the last paragraph break before the limit, or,
 * when that would drop more than half of what fits (one giant paragraph), at the last space. A code
 * block left open by the cut is closed, so the rest of the entry page is not swallowed by it.
 */
export function truncateMarkdown(markdown: string, limit: number): { markdown: string; truncated: boolean } {
  if (markdown.length <= limit) return { markdown, truncated: false };
  // Room for the fence that may have to close an open code block.
  const room = limit - 16;
  let cut = markdown.lastIndexOf("\n\n", room);
  if (cut < room / 2) cut = lastSpaceBefore(markdown, room);
  if (cut < room / 2) cut = codePointBoundary(markdown, room);
  let kept = markdown.slice(0, cut).trimEnd();
  const openFence = unclosedFence(kept);
  if (openFence) kept = `${kept}\n${openFence}`;
  // A fence inside a pathological code block could be longer than the room we kept.
  if (kept.length > limit) kept = kept.slice(0, codePointBoundary(kept, limit));
  return { markdown: kept, truncated: true };
}

function lastSpaceBefore(text: string, end: number): number {
  for (let i = end; i > end / 2; i--) {
    if (/\s/.test(text.charAt(i))) return i;
  }
  return 0;
}

/** `end`, moved back by one when it would split a surrogate pair (an emoji, a rare CJK ideograph). */
function codePointBoundary(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/** The fence that would close a fenced code block still open at the end of `markdown`, if any. */
function unclosedFence(markdown: string): string | undefined {
  let open: string | undefined;
  for (const line of markdown.split("\n")) {
    const fence = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (!open) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
  }
  return open;
}
