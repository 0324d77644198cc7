import { z } from "zod";
import { parseInput } from "../../validation.js";

/** Largest group a strategy may ask for: beyond this a "group" is a circle (`circle`). */
export const MAX_GROUP_SIZE = 50;
/** Most rounds one phase may have: Knowledge Café runs 3–5; 20 leaves room without inviting loops. */
export const MAX_ROUNDS = 20;

const size = z
  .number({ required_error: "Give the group size.", invalid_type_error: "Give the group size as a number." })
  .int("Give the group size as a whole number.")
  .min(2, "A group has at least 2 people.")
  .max(MAX_GROUP_SIZE, `A group has at most ${MAX_GROUP_SIZE} people; use a circle for everyone.`);

/** A setting the kind does not take is refused, not ignored: a typo in `size` would otherwise vanish. */
const settingsOf = (kind: string, takes: string) => `The grouping "${kind}" takes ${takes}.`;

const sized = {
  size,
  /** Smallest group allowed when the count does not divide; default `size - 1` (never below 2). */
  min: size.optional(),
  /** Largest group allowed when the count does not divide; default `size + 1`. */
  max: size.optional(),
};

/**
 * How a phase groups its participants, declared by the format as data:
 * - `none`: no groups (everyone works alone or in plenary);
 * - `pairs`: pairs and, for an odd count, one trio ({@link pairParticipants});
 * - `groups`: groups of `size`, balanced within `min`–`max` when the count does not divide;
 * - `rounds`: new groups of `size` each round for `rounds` rounds, people meeting as few of the
 *   same people again as possible;
 * - `circle`: one group of everyone (mastermind);
 * - `hotSeat`: a circle (several of at most `max` when more people come) and one person on each
 *   circle's hot seat, chosen fairly across sessions;
 * - `acrossDepartments`: groups of `size` (balanced as `groups`), each mixing departments as far
 *   as the numbers allow (a peer review's reviewers); the holders of the roles in `without` (the
 *   author whose draft they review) are kept out of the groups.
 */
export const groupingStrategySchema = z
  .discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.literal("none") }).strict(settingsOf("none", "no settings")),
      z.object({ kind: z.literal("pairs") }).strict(settingsOf("pairs", "no settings")),
      z
        .object({ kind: z.literal("groups"), ...sized })
        .strict(settingsOf("groups", "a size, min and max only")),
      z
        .object({
          kind: z.literal("rounds"),
          ...sized,
          rounds: z
            .number({
              required_error: "Give the number of rounds.",
              invalid_type_error: "Give the number of rounds as a number.",
            })
            .int("Give the number of rounds as a whole number.")
            .min(1, "A phase in rounds has at least 1 round.")
            .max(MAX_ROUNDS, `A phase has at most ${MAX_ROUNDS} rounds.`),
        })
        .strict(settingsOf("rounds", "a size, rounds, min and max only")),
      z.object({ kind: z.literal("circle") }).strict(settingsOf("circle", "no settings")),
      z
        .object({
          kind: z.literal("hotSeat"),
          /** Circles of at most this many (more people make several circles, each with its own hot seat). */
          max: size.optional(),
          /** Smallest circle when several are needed; default 2. */
          min: size.optional(),
        })
        .strict(settingsOf("hotSeat", "a max and a min only")),
      z
        .object({
          kind: z.literal("acrossDepartments"),
          ...sized,
          /** Roles held for the whole activity whose holders stay out of the groups (`author`). */
          without: z
            .array(z.string().regex(/^[a-z][a-z-]{0,30}$/, "Name roles in plain words."))
            .max(4, "Keep at most 4 roles out of the groups.")
            .optional(),
        })
        .strict(settingsOf("acrossDepartments", "a size, min, max and the roles kept out only")),
    ],
    {
      errorMap: () => ({
        message: "Pick a grouping: none, pairs, groups, rounds, circle, hotSeat or acrossDepartments.",
      }),
    },
  )
  .superRefine((strategy, ctx) => {
    if (
      strategy.kind === "hotSeat" &&
      strategy.min !== undefined &&
      strategy.max !== undefined &&
      strategy.min > strategy.max
    )
      ctx.addIssue({
        code: "custom",
        path: ["min"],
        message: "The smallest circle cannot be above the largest.",
      });
    if (strategy.kind !== "groups" && strategy.kind !== "rounds" && strategy.kind !== "acrossDepartments")
      return;
    // Only bounds given are compared: the defaults fit any size, and a wrong size is said once.
    const { min, max } = strategy;
    if (min !== undefined && min > strategy.size)
      ctx.addIssue({
        code: "custom",
        path: ["min"],
        message: "The smallest group cannot be above the size.",
      });
    if (max !== undefined && max < strategy.size)
      ctx.addIssue({ code: "custom", path: ["max"], message: "The largest group cannot be below the size." });
  });

export type GroupingStrategy = z.output<typeof groupingStrategySchema>;
export type SizedStrategy = Extract<GroupingStrategy, { kind: "groups" | "rounds" }>;

/** The roles whose holders a strategy keeps out of its groups (none but `acrossDepartments`' `without`). */
export function rolesKeptOut(strategy: GroupingStrategy | undefined): readonly string[] {
  return strategy?.kind === "acrossDepartments" ? (strategy.without ?? []) : [];
}

/** Strategies already checked, by object: a format's own are checked once, not at every placement. */
const checkedStrategies = new WeakMap<object, GroupingStrategy>();

/**
 * The strategy checked; a wrong one is refused with a ValidationError naming each field. The
 * object is taken as it is now: a strategy is never changed once made (formats' are constants).
 */
export function parseGroupingStrategy(input: unknown): GroupingStrategy {
  if (typeof input !== "object" || input === null) return parseInput(groupingStrategySchema, input);
  const known = checkedStrategies.get(input);
  if (known) return known;
  const checked = parseInput(groupingStrategySchema, input);
  checkedStrategies.set(input, checked);
  return checked;
}

/** The smallest and largest group a sized strategy allows (its defaults filled in). */
export function boundsOf(strategy: { size: number; min?: number | undefined; max?: number | undefined }): {
  min: number;
  max: number;
} {
  return {
    min: strategy.min ?? Math.max(2, strategy.size - 1),
    max: strategy.max ?? strategy.size + 1,
  };
}
