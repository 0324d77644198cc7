/** Modules as stewards write them, shared by the module tests (parsing, API, panel, bot). */
export const LEADING_THROUGH_CHANGE = `# Leading through change

What changes for people when their work changes, and how a manager helps.

## Read (15 min)
Read the case of a team moving to a new **release process**.

## Reflect (10 min)
When did a change at work go well for you? Why?

## Exchange in groups (45 min)
Share your stories. What did the managers do?

## Actions (15 min)
One thing you will do differently with your team.
`;

export const FUEHREN_IM_WANDEL = `# Führen im Wandel

## Lesen (15 Min.)
Lesen Sie den Fall.

## Austausch in Gruppen (45 Minuten)
Erzählen Sie von Ihren Erfahrungen.

## Vorhaben (15 Min)
Ein Vorhaben für Ihr Team.
`;
