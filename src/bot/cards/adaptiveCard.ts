/**
 * Adaptive Card JSON, as Teams renders it. Teams supports schema 1.5 at most
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference).
 */
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  version: "1.5";
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
  msteams?: Record<string, unknown>;
}

/** Wraps body elements and actions in a Teams-ready 1.5 card that uses the full message width. */
export function adaptiveCard(
  body: Record<string, unknown>[],
  actions: Record<string, unknown>[] = [],
): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: "Full" },
  };
}

export const heading = (text: string): Record<string, unknown> => ({
  type: "TextBlock",
  text,
  size: "Large",
  weight: "Bolder",
  wrap: true,
  style: "heading",
});

export const paragraph = (text: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: "TextBlock",
  text,
  wrap: true,
  ...extra,
});
