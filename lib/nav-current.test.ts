import { describe, expect, it } from "vitest";
import { currentNavHref } from "./nav-current";

const office = ["/rounds", "/ledger", "/review", "/reporting", "/notices", "/dashboard", "/admin/users"];

describe("currentNavHref", () => {
  it.each([
    ["/rounds/5/ledger", office, "/ledger"],
    ["/rounds/5/ledger/export", office, "/ledger"],
    ["/rounds/5", office, "/rounds"],
    ["/rounds/5/tasks", office, "/rounds"],
    ["/rounds", office, "/rounds"],
    ["/ledger", office, "/ledger"],
    ["/notices/3", office, "/notices"],
    ["/admin/users/new", office, "/admin/users"],
    ["/account/password", office, null],
    // A leader's menu has no 台账: a round's ledger is then nobody's item.
    ["/rounds/5/ledger", ["/dashboard", "/notices"], null],
    ["/reviewer", office, null],
  ])("%s → %s", (path, hrefs, expected) => {
    expect(currentNavHref(path, hrefs)).toBe(expected);
  });
});
