import type { Answerer, AskAnswer, RetrievedEntry } from "../domain/ask/answerer.js";
import { ExtractiveAnswerer } from "../domain/ask/extractiveAnswerer.js";
import type { Logger } from "../observability/logger.js";
import { citedPassages, groundedMessages } from "./groundedPrompt.js";

/** A chat-completions call: the messages in, the model's text out. */
export type ChatCompletion = (messages: ReturnType<typeof groundedMessages>) => Promise<string>;

/**
 * The generated answer composer (on only when an admin configures a model). It never answers
 * beyond the library: the extractive composer first decides whether the library answers at all
 * and which entries do; only then does the model write from those entries alone, citing each
 * sentence, and sentences it cites nothing for are dropped. When the library has no answer the
 * model is not called (the question is routed to people); an already answered question is
 * offered as it was answered; a model that fails, or says it cannot answer, leaves the quoted one.
 */
export class GeneratedAnswerer implements Answerer {
  constructor(
    private readonly complete: ChatCompletion,
    private readonly logger: Logger,
    private readonly extractive: Answerer = new ExtractiveAnswerer(),
  ) {}

  async answer(question: string, retrieved: readonly RetrievedEntry[]): Promise<AskAnswer> {
    const quoted = await this.extractive.answer(question, retrieved);
    if (quoted.kind !== "answered") return quoted;
    const grounding = quoted.sources.flatMap(
      (s) => retrieved.find((r) => r.communityId === s.communityId && r.id === s.entryId) ?? [],
    );
    try {
      const text = await this.complete(groundedMessages(question, grounding));
      const cited = citedPassages(text, quoted.sources);
      if (!cited) return quoted;
      return { ...quoted, passages: cited.passages, sources: cited.sources, generated: true };
    } catch (error) {
      this.logger.warn("generated answer failed; the quoted answer is given", {
        error: error instanceof Error ? error.message : String(error),
      });
      return quoted;
    }
  }
}
