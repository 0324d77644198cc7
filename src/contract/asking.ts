import type { AnswerView } from "../domain/ask/answerService.js";
import type { AskResult } from "../domain/ask/askService.js";
import type { RoutingSettings } from "../domain/ask/questionRoute.js";
import type { RouteView } from "../domain/ask/questionRoutingService.js";
import type { Reputation } from "../domain/ask/reputation.js";
import type { ItemsAnswer, TenantFree } from "./answers.js";

/** Asking the community's people (`/api/communities/:id/…`). Requests are the domain's schemas. */

/** `GET|POST …/entries/:entryId/route`: who the question went to and when (absent: never routed). */
export interface RouteAnswer {
  route?: RouteView;
}

/** `GET …/unanswered` (stewards): routed questions past their target without an answer. */
export type UnansweredAnswer = ItemsAnswer<RouteView>;

/** `GET|PUT …/routing-settings`. */
export type RoutingSettingsAnswer = RoutingSettings;

/** `POST …/ask {question}`: the library's answer (quoted passages and their sources) or "unknown". */
export type AskLibraryAnswer = AskResult;

/** `POST …/questions {question}`: the open question (201 when new) and who it went to. */
export interface AskPeopleAnswer {
  entryId: string;
  created: boolean;
  route: RouteView;
}

/** `…/entries/:entryId/answers`: one answer under a question, as the tab receives it. */
export type AnswerItem = TenantFree<AnswerView>;

/** `GET /api/me/reputation`: my reputation across my communities (counts, topics, badges). */
export type ReputationAnswer = Reputation;

/** `POST …/recognitions {personId, note}` (stewards): whether a card reached the channel. */
export interface RecognitionAnswer {
  posted: boolean;
}
