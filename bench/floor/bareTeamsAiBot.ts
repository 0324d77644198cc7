import { Application, TeamsAdapter, type TurnState } from "@microsoft/teams-ai";
import { CardFactory } from "botbuilder";
import express from "express";
import { helpCard } from "../../src/bot/cards/helpCard.js";

/**
 * The framework floor: a bare teams-ai Application on the same TeamsAdapter and the same HTTP
 * stack, answering every message with the same card and nothing else. What PeerCircle's bot costs
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

const app = express();
app.post("/api/messages", express.json({ limit: "1mb" }), async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context).then(() => undefined));
});
app.get("/health", (_req, res) => {
  res.send("ok");
});
app.listen(Number(process.env.PORT ?? 3979), "127.0.0.1");
