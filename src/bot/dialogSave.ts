import type { Application, TurnState } from "@microsoft/teams-ai";
import type { TaskModuleTaskInfo, TurnContext } from "botbuilder";
import type { z } from "zod";
import type { Caller } from "../domain/identity.js";
import type { Logger } from "../observability/logger.js";
import { friendly, parsePayload, requestIdOf, savedOrAgain } from "./invokes.js";
import { callerFromActivity } from "./teamsCaller.js";

/** What a dialog that saves something does with its submit (see {@link registerDialogSave}). */
export interface DialogSave<Data> {
  /** Saves once per invoke (`requestId`: Teams may deliver it again); answers the thanks. */
  save(me: Caller, data: Data, requestId: string, context: TurnContext): Promise<string>;
  /** The dialog again, with what the person wrote and the rules' refusal (`error`) to put right. */
  again(
    me: Caller,
    data: Data,
    error: string,
    context: TurnContext,
  ): Promise<TaskModuleTaskInfo> | TaskModuleTaskInfo;
}

/**
 * The submit of a dialog that saves what a person wrote (an answer, a question ahead): the caller
 * and the payload parsed with `schema` are saved, or the dialog comes back with the refusal.
 */
export function registerDialogSave<S extends z.ZodTypeAny>(
  app: Application<TurnState>,
  verb: string,
  deps: { allowedTenants: ReadonlySet<string>; logger: Logger },
  schema: S,
  dialogSave: DialogSave<z.output<S>>,
): void {
  app.taskModules.submit(verb, (context, _state, raw) =>
    friendly(deps, context, async () => {
      const me = callerFromActivity(context, deps.allowedTenants);
      const data = parsePayload(schema, raw);
      return savedOrAgain(
        () => dialogSave.save(me, data, requestIdOf(context), context),
        (error) => dialogSave.again(me, data, error, context),
      );
    }),
  );
}
