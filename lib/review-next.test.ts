import { describe, expect, it } from "vitest";
import { nextInQueue } from "./review-next";

const queue = [1, 2, 2, 3].map((measureId, i) => ({ id: i + 10, measureId }));

describe("nextInQueue", () => {
  it.each([
    [1, 11], // the next measure's first claim
    [2, 13], // past this measure's other claims
    [3, 10], // wraps to the oldest
    [9, 10], // not queued (just signed off): the oldest
  ])("after measure %s → claim %s", (measureId, id) => {
    expect(nextInQueue(queue, measureId)?.id).toBe(id);
  });

  it("has none when only this measure is queued, or nothing is", () => {
    expect(nextInQueue([{ id: 1, measureId: 5 }], 5)).toBeNull();
    expect(nextInQueue([], 5)).toBeNull();
  });
});
