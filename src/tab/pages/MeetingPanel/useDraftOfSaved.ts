import { useState } from "react";

/**
 * A draft of something stored that follows what is stored until the person edits it: saved
 * elsewhere meanwhile (another window, the chat card's dialog) while untouched here, the draft
 * shows that; once edited, the person's words stay. `first` is the draft to start from, `same`
 * tells two values apart (by content for arrays).
 */
export function useDraftOfSaved<T>(saved: T, first: T = saved, same: (a: T, b: T) => boolean = Object.is) {
  const [draft, setDraft] = useState(first);
  const [base, setBase] = useState(saved);
  if (!same(saved, base)) {
    setBase(saved);
    if (same(draft, base)) setDraft(saved);
  }
  return [draft, setDraft] as const;
}
