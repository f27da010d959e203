import { describe, expect, it } from "vitest";
import {
  accountKey,
  isTrusted,
  lockMessage,
  lockMinutes,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_WINDOW_MS,
  TRUSTED_FOR_MS,
} from "./sign-in-limit";

const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);
const MIN = 60_000;
/** `count` failures at `at` (a parallel burst all lands on the same instant). */
const times = (count: number, at = T0) => Array.from({ length: count }, () => at);

describe("lockMinutes", () => {
  const cases: [label: string, pairFailures: number[], accountFailures: number[], trusted: boolean, now: number, minutes: number][] = [
    ["no failures", [], [], false, T0, 0],
    ["4 from this address: one more try", times(4), times(4), false, T0, 0],
    ["5 from this address: locked for the window", times(5), times(5), false, T0, 15],
    ["5 at once (a parallel burst): locked", times(5), times(5), false, T0, 15],
    ["5 spread over 10 ms: counted from the oldest of the 5", [T0, T0 + 1, T0 + 2, T0 + 3, T0 + 10], times(5), false, T0 + 10, 15],
    ["5 minutes later: 10 minutes left", times(5), times(5), false, T0 + 5 * MIN, 10],
    ["rounded up to the next minute", times(5), times(5), false, T0 + 5 * MIN + 1, 10],
    ["14 minutes 59 s later: 1 minute left", times(5), times(5), false, T0 + SIGN_IN_WINDOW_MS - 1000, 1],
    ["the window has passed", times(5), times(5), false, T0 + SIGN_IN_WINDOW_MS, 0],
    ["failures older than the window do not count", [...times(4, T0 - SIGN_IN_WINDOW_MS), T0], times(5), false, T0, 0],
    ["the last 5 count: 6 failures, the oldest long ago", [T0 - 10 * MIN, ...times(5, T0 - 2 * MIN)], times(6), false, T0, 13],
    ["order of the failures does not matter", [T0, T0 - 2 * MIN, T0 - MIN, T0 - 3 * MIN, T0 - 4 * MIN], times(5), false, T0, 11],
    ["19 from all addresses: one more try", [], times(19), false, T0, 0],
    ["20 from all addresses: the account is locked here", [], times(20), false, T0, 15],
    ["20 from all addresses, at a trusted address: not locked", [], times(20), true, T0, 0],
    ["trusted, but 5 from this very address: locked", times(5), times(20), true, T0, 15],
    ["both limits: the later end wins", times(5, T0 - 10 * MIN), times(20, T0 - 2 * MIN), false, T0, 13],
  ];
  it.each(cases)("%s", (_label, pairFailures, accountFailures, trusted, now, minutes) => {
    expect(lockMinutes({ pairFailures, accountFailures, trusted, now })).toBe(minutes);
  });

  it("uses the limits it names", () => {
    expect([MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_ACCOUNT, SIGN_IN_WINDOW_MS]).toEqual([5, 20, 15 * MIN]);
  });
});

describe("isTrusted", () => {
  const cases: [lastSuccessAt: number | null, trusted: boolean][] = [
    [null, false],
    [T0, true],
    [T0 - TRUSTED_FOR_MS + 1, true],
    [T0 - TRUSTED_FOR_MS, false],
    [T0 - 31 * 24 * 60 * MIN, false],
  ];
  it.each(cases)("last success at %s → %s", (lastSuccessAt, trusted) => {
    expect(isTrusted(lastSuccessAt, T0)).toBe(trusted);
  });
});

describe("accountKey", () => {
  it.each([
    ["jiaoyu", "jiaoyu"],
    ["JiaoYu", "jiaoyu"],
    ["  jiaoyu ", "jiaoyu"],
    ["\tJIAOYU\n", "jiaoyu"],
  ])("%j → %j (matched as sign-in matches user names)", (username, account) => {
    expect(accountKey(username)).toBe(account);
  });
});

describe("lockMessage", () => {
  it("tells the user in Chinese how long to wait", () => {
    expect(lockMessage(15)).toBe("登录失败次数过多,该账号已暂时锁定,请 15 分钟后再试");
  });
});
