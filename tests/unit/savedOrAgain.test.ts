import { describe, expect, it } from "vitest";
import { adaptiveCard, paragraph } from "../../src/bot/cards/adaptiveCard.js";
import { dialog, savedOrAgain } from "../../src/bot/invokes.js";
import { ConflictError, ValidationError } from "../../src/domain/errors.js";

const card = (text: string) => adaptiveCard([paragraph(text)]);

describe("savedOrAgain (a dialog's save)", () => {
  it("answers what the save answers", async () => {
    await expect(
      savedOrAgain(
        async () => "Saved.",
        () => dialog("Again", card("x")),
      ),
    ).resolves.toBe("Saved.");
  });

  it("shows the dialog again with the message when the rules refuse the save", async () => {
    const answer = await savedOrAgain(
      async () => {
        throw new ValidationError("Write a little more.");
      },
      (message) => dialog("Again", card(message)),
    );
    expect(answer).toMatchObject({ title: "Again" });
    expect(JSON.stringify(answer)).toContain("Write a little more.");
  });

  it("lets any other failure through (it is ours, not the person's to put right)", async () => {
    const save = async () => {
      throw new Error("storage away");
    };
    await expect(savedOrAgain(save, () => dialog("Again", card("x")))).rejects.toThrow("storage away");
    await expect(
      savedOrAgain(
        async () => {
          throw new ConflictError("Already there.");
        },
        (message) => dialog("Again", card(message)),
      ),
    ).resolves.toMatchObject({ title: "Again" });
  });
});
