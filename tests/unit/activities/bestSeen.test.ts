import { describe, expect, it } from "vitest";
import { BestSeen } from "../../../src/domain/activities/grouping/bestSeen.js";

describe("the best state a tabu search has seen", () => {
  it("copies the state only when a move leaves the best, and forgets the copy when beaten", () => {
    const state = [3, 1, 2];
    let copies = 0;
    const best = new BestSeen(10, () => {
      copies++;
      return [...state];
    });
    best.beforeMove(-2);
    best.afterMove(8);
    expect([best.cost, best.kept, best.stall, copies]).toEqual([8, undefined, 0, 0]);
    best.beforeMove(1);
    state.reverse();
    best.afterMove(9);
    expect(best.kept).toEqual([3, 1, 2]);
    best.beforeMove(1);
    best.afterMove(10);
    expect([best.stall, copies]).toEqual([2, 1]);
    best.beforeMove(-5);
    best.afterMove(5);
    expect([best.cost, best.kept, best.stall]).toEqual([5, undefined, 0]);
  });
});
