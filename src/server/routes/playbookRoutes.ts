import { Router } from "express";
import { withoutTenant } from "../../contract/answers.js";
import type { PlaybookAnswer, PlaybookListAnswer } from "../../contract/playbooks.js";
import type { PlaybookView } from "../../domain/playbooks/playbook.js";
import type { PlaybookService } from "../../domain/playbooks/playbookService.js";
import { requireIfMatch } from "../http/ifMatch.js";
import { callerOf } from "../http/requireCaller.js";

type Params = { communityId: string; playbookId: string; entryId: string };

/** The playbook as the contract answers it (the tenant id stays on the server). */
const answer = (view: PlaybookView): PlaybookAnswer => withoutTenant(view);

/** `/api/communities/:communityId/playbooks`: compiled checklists and each member's own ticks. */
export function playbookRoutes(playbooks: PlaybookService): Router {
  const router = Router({ mergeParams: true });

  router.get("/", async (req, res) => {
    const { communityId } = req.params as Params;
    const items = (await playbooks.list(callerOf(res), communityId)).map(answer);
    res.json({ items } satisfies PlaybookListAnswer);
  });

  router.post("/", async (req, res) => {
    const { communityId } = req.params as Params;
    const created = await playbooks.create(callerOf(res), communityId, req.body);
    res.status(201).setHeader("ETag", created.etag).json(answer(created));
  });

  router.get("/:playbookId", async (req, res) => {
    const { communityId, playbookId } = req.params as Params;
    const view = await playbooks.get(callerOf(res), communityId, playbookId);
    res.setHeader("ETag", view.etag).json(answer(view));
  });

  router.put("/:playbookId", requireIfMatch, async (req, res) => {
    const { communityId, playbookId } = req.params as Params;
    const updated = await playbooks.update(
      callerOf(res),
      communityId,
      playbookId,
      req.body,
      req.get("If-Match") ?? "",
    );
    res.setHeader("ETag", updated.etag).json(answer(updated));
  });

  /** A steward publishes a proposed playbook (`If-Match`: the version they reviewed). */
  router.post("/:playbookId/publish", requireIfMatch, async (req, res) => {
    const { communityId, playbookId } = req.params as Params;
    const published = await playbooks.publish(
      callerOf(res),
      communityId,
      playbookId,
      req.get("If-Match") ?? "",
    );
    res.setHeader("ETag", published.etag).json(answer(published));
  });

  router.delete("/:playbookId", async (req, res) => {
    const { communityId, playbookId } = req.params as Params;
    await playbooks.delete(callerOf(res), communityId, playbookId);
    res.status(204).end();
  });

  router.put("/:playbookId/done/:entryId", async (req, res) => {
    const { communityId, playbookId, entryId } = req.params as Params;
    res.json(answer(await playbooks.tick(callerOf(res), communityId, playbookId, entryId, true)));
  });

  router.delete("/:playbookId/done/:entryId", async (req, res) => {
    const { communityId, playbookId, entryId } = req.params as Params;
    res.json(answer(await playbooks.tick(callerOf(res), communityId, playbookId, entryId, false)));
  });

  return router;
}
