import { describe, expect, it } from "vitest";
import {
  COMMITMENT,
  commitmentUpdateDialogCard,
  dueCheckInCard,
  sessionCheckInCard,
} from "../../../src/bot/cards/commitmentCards.js";

describe("commitment check-in cards", () => {
  it("lists who committed to what by when, inert as text, with one primary button to update one's own", () => {
    const card = sessionCheckInCard("c1", "Data Community", [
      { ownerName: "Amira", text: "Read [this](javascript:alert(1)) **now**", due: "2026-12-11" },
      { ownerName: "Chen", text: "Ask for approvals in parallel." },
    ]);
    const lines = card.body.slice(2).map((e) => String(e.text));
    expect(lines[0]).toBe(
      "**Amira:** Read [this]\u200B(javascript:alert(1)) \\*\\*now\\*\\* · due Fri, 11 Dec 2026",
    );
    expect(lines[1]).toBe("**Chen:** Ask for approvals in parallel.");
    expect(card.actions).toEqual([
      {
        type: "Action.Submit",
        title: "Update mine",
        style: "positive",
        data: { msteams: { type: "task/fetch" }, verb: COMMITMENT.update, communityId: "c1" },
      },
    ]);
  });

  it("counts what does not fit rather than making the card endless", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ownerName: `P${i}`, text: `t${i}` }));
    const card = sessionCheckInCard("c1", "Data Community", many);
    expect(card.body).toHaveLength(2 + 25 + 1);
    expect(card.body.at(-1)?.text).toBe("…and 5 more (in each person's My learning).");
  });

  it("names the partners on the due-day card and opens the dialog for that commitment", () => {
    const card = dueCheckInCard({
      id: "c9",
      text: "Write the checklist",
      due: "2026-12-11",
      partners: [{ id: "b", displayName: "Bastian" }],
    });
    expect(JSON.stringify(card.body)).toContain("Your accountability partner: Bastian");
    expect(card.actions?.[0]?.data).toEqual({
      msteams: { type: "task/fetch" },
      verb: COMMITMENT.update,
      commitmentId: "c9",
    });
  });

  it("asks which commitment only when there are several, and carries each one's version", () => {
    const one = commitmentUpdateDialogCard({ commitments: [{ id: "a", text: "A", etag: "e-a" }] });
    expect(one.body.some((e) => e.id === "commitmentId")).toBe(false);
    expect(one.actions?.[0]?.data).toEqual({ verb: COMMITMENT.save, etags: { a: "e-a" }, commitmentId: "a" });
    const two = commitmentUpdateDialogCard({
      commitments: [
        { id: "a", text: "A", etag: "e-a" },
        { id: "b", text: "B", due: "2026-01-02", etag: "e-b" },
      ],
      commitmentId: "b",
    });
    expect(two.body.find((e) => e.id === "commitmentId")).toMatchObject({ value: "b" });
    expect(two.actions?.[0]?.data).toEqual({ verb: COMMITMENT.save, etags: { a: "e-a", b: "e-b" } });
  });
});
