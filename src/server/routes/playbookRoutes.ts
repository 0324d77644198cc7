import { Router } from "express";
import { withoutTenant } from "../../contract/answers.js";
import type { PlaybookAnswer, PlaybookListAnswer } from "../../contract/playbooks.js";
import type { PlaybookView } from "../../domain/playbooks/playbook.js";
import type { PlaybookService } from "../../domain/playbooks/playbookService.js";
import { communityItemRoutes } from "../http/communityItemRoutes.js";
import { requireIfMatch } from "../http/ifMatch.js";
import { answerJson, answerVersioned, type RouteCall } from "../http/jsonRoutes.js";

type Params = { communityId: string; playbookId: string; entryId: string };

/** The playbook as the contract answers it (the tenant id stays on the server). */
const answer = (view: PlaybookView): PlaybookAnswer => withoutTenant(view);

/** `/api/communities/:communityId/playbooks`: compiled checklists and each member's own ticks. */
export function playbookRoutes(playbooks: PlaybookService): Router {
  const router = Router({ mergeParams: true });
  const versioned = (handle: (call: RouteCall<Params>) => Promise<PlaybookView>, status?: number) =>
    answerVersioned(answer, handle, status);
  /** Ticks an entry of the playbook off as done (or not) for the caller. */
  const tick = (done: boolean) =>
    answerJson<Params>(async ({ caller, params }) =>
      answer(await playbooks.tick(caller, params.communityId, params.playbookId, params.entryId, done)),
    );

  router.get(
    "/",
    answerJson<Params>(async ({ caller, params }) => {
      const items = (await playbooks.list(caller, params.communityId)).map(answer);
      return { items } satisfies PlaybookListAnswer;
    }),
  );

  communityItemRoutes(router, playbooks, {
    idParam: "playbookId",
    toAnswer: answer,
    updateMethod: "put",
    deletable: true,
  });

  /** A steward publishes a proposed playbook (`If-Match`: the version they reviewed). */
  router.post(
    "/:playbookId/publish",
    requireIfMatch,
    versioned(({ caller, params, ifMatch }) =>
      playbooks.publish(caller, params.communityId, params.playbookId, ifMatch),
    ),
  );

  router.put("/:playbookId/done/:entryId", tick(true));
  router.delete("/:playbookId/done/:entryId", tick(false));

  return router;
}
