import { describe, expect, it } from "vitest";
import { actionLabel, auditChanges, auditTime, entityLabel } from "./audit-format";
import { auditDateRange, auditQuery } from "./validations/audit-filter";

describe("auditChanges", () => {
  it("shows only the fields that changed, enums in Chinese", () => {
    expect(auditChanges({ status: "completed", version: 3, text: "同" }, { status: "incomplete", version: 4, text: "同", reason: "出现反复" })).toEqual([
      { field: "status", label: "状态", before: "已完成", after: "未完成" },
      { field: "version", label: "版本", before: "3", after: "4" },
      { field: "reason", label: "原因", before: null, after: "出现反复" },
    ]);
  });

  it("lists a created row's fields, skips bookkeeping and hidden ones, shortens long values", () => {
    const long = "很".repeat(80);
    const changes = auditChanges(null, { id: 7, title: long, createdAt: "2026-01-01", result: "holds" }, { hide: new Set(["id"]) });
    expect(changes).toEqual([
      { field: "title", label: "标题", before: null, after: `${"很".repeat(60)}…` },
      { field: "result", label: "结果", before: null, after: "巩固" },
    ]);
    expect(auditChanges("not an object", undefined)).toEqual([]);
    expect(auditChanges({ a: 1, b: 2, c: 3 }, {}, { limit: 2 })).toHaveLength(2);
  });
});

describe("labels and time", () => {
  it("names known actions and entities in Chinese and shows unknown ones raw", () => {
    expect(actionLabel("measure.reopen")).toBe("重新打开");
    expect(actionLabel("round.import")).toBe("导入台账");
    expect(actionLabel("something.new")).toBe("something.new");
    expect(entityLabel("look_back")).toBe("回头看");
  });

  it("prints Beijing time", () => {
    expect(auditTime(new Date("2026-11-20T16:30:05Z"))).toBe("2026-11-21 00:30:05");
  });

  it("turns a day range into Beijing instants and a filter into a link", () => {
    const { since, until } = auditDateRange({ from: "2026-11-21", to: "2026-11-21" });
    expect(since?.toISOString()).toBe("2026-11-20T16:00:00.000Z");
    expect(until?.toISOString()).toBe("2026-11-21T16:00:00.000Z");
    expect(auditQuery({ action: "measure.reopen", page: 3 }, { page: 1 })).toBe("?action=measure.reopen");
  });
});
