import { describe, expect, it } from "vitest";
import { runsPast } from "./text-length";

describe("runsPast", () => {
  it.each([
    [null, 14, false],
    ["", 14, false],
    ["已完成", 14, false],
    ["一".repeat(42), 14, false], // exactly three lines
    ["一".repeat(43), 14, true],
  ])("%s in %i-character lines", (text, chars, long) => {
    expect(runsPast(text, chars)).toBe(long);
  });
});
