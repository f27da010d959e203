import { describe, expect, it } from "vitest";
import { parseRememberedRound } from "./remembered-round";

describe("parseRememberedRound", () => {
  it.each([
    ["9", 9],
    ["all", "all"],
    [undefined, null],
    ["", null],
    ["-1", null],
    ["9; other=1", null],
  ])("%s → %s", (value, expected) => {
    expect(parseRememberedRound(value)).toBe(expected);
  });
});
