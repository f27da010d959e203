import { describe, expect, it } from "vitest";
import { chosenRound, parseRememberedRound } from "./remembered-round";

const q = (s = "") => new URLSearchParams(s);

describe("chosenRound", () => {
  it.each([
    ["/rounds/12", "", 12],
    ["/rounds/12/ledger", "?unit=3", 12],
    ["/rounds/7/tasks", "", 7],
    ["/dashboard", "?round=5", 5],
    ["/dashboard", "?round=all", "all"],
    ["/dashboard", "", null],
    ["/dashboard", "?round=0", null],
    ["/dashboard", "?round=1e3", null],
    ["/rounds", "", null],
    ["/rounds/new", "", null],
    ["/rounds/abc/ledger", "", null],
    ["/rounds/12345678901/ledger", "", null],
    ["/ledger", "", null],
    ["/review", "?round=5", null],
  ])("%s%s → %s", (path, search, expected) => {
    expect(chosenRound(path, q(search))).toBe(expected);
  });
});

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
