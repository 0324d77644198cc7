import { useMemo } from "react";
import { useTeamsContext } from "./useTeamsContext.js";

/**
 * Joins words as the Teams locale writes a list ("Ana, Ben and Chen", "Ana, Ben und Chen"):
 * a commitment's partners, the roles I hold in a session.
 */
export function useJoinedList(): (words: readonly string[]) => string {
  const { locale } = useTeamsContext();
  return useMemo(() => {
    const list = new Intl.ListFormat(locale, { type: "conjunction" });
    return (words) => list.format(words);
  }, [locale]);
}
