import { describe, expect, it } from "vitest";
import { listNotificationsQuerySchema, markReadBodySchema } from "./notifications";

describe("markReadBodySchema", () => {
  it("accepts ids or all, never both or neither", () => {
    expect(markReadBodySchema.parse({ ids: [1, 2] })).toEqual({ ids: [1, 2] });
    expect(markReadBodySchema.parse({ all: true })).toEqual({ all: true });
    for (const bad of [{}, { ids: [1], all: true }, { all: false }, { ids: [] }, { ids: ["x"] }, { ids: [0] }, { ids: [1.5] }, null]) {
      expect(markReadBodySchema.safeParse(bad).success).toBe(false);
    }
  });

  it("says in Chinese what is wrong, on the field", () => {
    const result = markReadBodySchema.safeParse({ ids: ["x"] });
    expect(result.error?.issues[0]).toMatchObject({ path: ["ids", 0], message: "通知编号应为数字" });
    expect(markReadBodySchema.safeParse({}).error?.issues[0]?.message).toContain("二者选一");
  });
});

describe("listNotificationsQuerySchema", () => {
  it("defaults and bounds the page", () => {
    expect(listNotificationsQuerySchema.parse({})).toEqual({ limit: 50, before: undefined, unread: false });
    expect(listNotificationsQuerySchema.parse({ limit: "10", before: "99", unread: "1" })).toEqual({ limit: 10, before: 99, unread: true });
    for (const bad of [{ limit: "abc" }, { limit: "0" }, { limit: "201" }, { before: "-1" }, { unread: "yes" }]) {
      expect(listNotificationsQuerySchema.safeParse(bad).success).toBe(false);
    }
  });
});
