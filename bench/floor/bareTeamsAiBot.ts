import { randomInt, randomUUID } from "node:crypto";
import { TableClient } from "@azure/data-tables";
import { Application, TeamsAdapter, type TurnState } from "@microsoft/teams-ai";
import { CardFactory } from "botbuilder";
import express from "express";
import { helpCard } from "../../src/bot/cards/helpCard.js";

/**
 * The framework floor: a bare teams-ai Application on the same TeamsAdapter and the same HTTP
 * stack. A message gets the same help card back; a `saveInsight` submitAction does one Tables
 * insert (when TABLES_CONNECTION_STRING is given) and answers with a message. What PeerCircle costs
 * above this is PeerCircle's own overhead.
 */
const adapter = new TeamsAdapter({});
const bot = new Application<TurnState>({
  adapter,
  startTypingTimer: false,
  longRunningMessages: false,
  removeRecipientMention: true,
});
bot.activity("message", async (context) => {
  await context.sendActivity({ attachments: [CardFactory.adaptiveCard(helpCard())] });
});

const connection = process.env.TABLES_CONNECTION_STRING;
const table = connection
  ? TableClient.fromConnectionString(connection, `floor${randomUUID().slice(0, 8)}`, {
      allowInsecureConnection: true,
    })
  : undefined;
if (table) await table.createTable();

/**
 * The partition a floor insert goes to: one of 8 for each 2 s, so a partition holds about one
 * burst's rows, as PeerCircle's do (an activity's rows, spread over its owner partitions). One
 * partition for the whole run grew to tens of thousands of rows, and Azurite checks an insert's
 * keys against every row of its partition: by the end of an `activity-300` run, 20 floor inserts
 * took 100–190 ms where a fresh partition takes 8 (a floor slowed by the run, not by the framework).
 */
function floorPartition(): string {
  return `floor|${Math.floor(Date.now() / 2_000)}|${randomInt(8)}`;
}

bot.messageExtensions.submitAction<{ title?: string; body?: string }>(
  "saveInsight",
  async (context, _state, data) => {
    if (!table) throw new Error("TABLES_CONNECTION_STRING is required for submitAction");
    await table.createEntity({
      partitionKey: `${context.activity.conversation.tenantId}|${floorPartition()}`,
      rowKey: randomUUID(),
      title: data.title ?? "",
      body: data.body ?? "",
    });
    return "Saved";
  },
);

const app = express();
app.post("/api/messages", express.json({ limit: "1mb" }), async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context).then(() => undefined));
});
// The tab API's floor: express with a JSON body and one Tables insert, answering JSON (what a
// bare HTTP write costs before PeerCircle checks the caller, the activity and the phase).
app.post("/api/floor", express.json({ limit: "100kb" }), async (req, res) => {
  if (!table) throw new Error("TABLES_CONNECTION_STRING is required for /api/floor");
  const body = req.body as { text?: unknown };
  await table.createEntity({
    partitionKey: `api|${floorPartition()}`,
    rowKey: randomUUID(),
    text: typeof body.text === "string" ? body.text : "",
  });
  res.json({ saved: true });
});
app.get("/health", (_req, res) => {
  res.send("ok");
});
app.listen(Number(process.env.PORT ?? 3979), "127.0.0.1");
// Exits on SIGTERM as the app's servers do (so a CPU profile, when asked for, is written).
process.once("SIGTERM", () => process.exit(0));
