import { Router } from "express";
import { z } from "zod";
import type { PersonTimeZones } from "../../domain/people/personTimeZones.js";
import { parseInput } from "../../domain/validation.js";
import { callerOf } from "../http/requireCaller.js";

const timeZoneSchema = z.object({ timeZone: z.string().min(1).max(64) });

/** `PUT /me/time-zone`: the tab tells the server the zone of the person's browser. */
export function timeZoneRoutes(zones: PersonTimeZones): Router {
  const router = Router();
  router.put("/me/time-zone", async (req, res) => {
    const { timeZone } = parseInput(timeZoneSchema, req.body);
    const caller = callerOf(res);
    await zones.remember(caller.tenantId, caller.userId, timeZone);
    res.status(204).end();
  });
  return router;
}
