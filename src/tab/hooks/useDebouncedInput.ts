import { useCallback, useEffect, useRef, useState } from "react";

/** What {@link useDebouncedInput} gives an input: the text to show, and how to change or commit it. */
export interface DebouncedInput {
  text: string;
  change: (value: string) => void;
  flush: () => void;
}

/**
 * A text input that commits what is typed once typing pauses for `delayMs` (search as you type
 * asks the server once per pause, not once per key). The text shows every key at once; `flush`
 * commits now (Enter). When `committed` changes from elsewhere (Clear filters, the back button),
 * the input shows it.
 */
export function useDebouncedInput(
  committed: string,
  onCommit: (value: string) => void,
  delayMs = 250,
): DebouncedInput {
  const [text, setText] = useState(committed);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastCommitted = useRef(committed);
  const latestText = useRef(committed);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  useEffect(() => {
    if (committed === lastCommitted.current) return;
    clearTimeout(timer.current);
    lastCommitted.current = committed;
    latestText.current = committed;
    setText(committed);
  }, [committed]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = useCallback(() => {
    clearTimeout(timer.current);
    if (latestText.current === lastCommitted.current) return;
    lastCommitted.current = latestText.current;
    commitRef.current(latestText.current);
  }, []);

  const change = useCallback(
    (value: string) => {
      latestText.current = value;
      setText(value);
      clearTimeout(timer.current);
      timer.current = setTimeout(commit, delayMs);
    },
    [commit, delayMs],
  );

  return { text, change, flush: commit };
}
