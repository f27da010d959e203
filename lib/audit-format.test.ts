import { describe, expect, it } from "vitest";
import { actionLabel, auditChanges, auditObject, auditReferences, auditTime, entityLabel } from "./audit-format";
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

describe("ids and codes in words", () => {
  const names = { unit: { "10": "区教育局", "25": "新安街道" }, user: { "u-1": "林教育" }, round: { "1": "宝安区巡视整改" } };

  it("names units, users and rounds, and words enums, weekdays and flags", () => {
    const after = { unitId: 10, authorId: "u-1", isClaim: true, coUnitIds: [10, 25], roundId: 1, reportCycle: "monthly", reportWeekday: 5, kind: "patrol" };
    expect(auditChanges(null, after, { names }).map((c) => `${c.label}:${c.after}`)).toEqual([
      "单位:区教育局", "填报人:林教育", "申报完成:是", "配合单位:区教育局、新安街道", "轮次:宝安区巡视整改", "报送周期:每月", "报送日:周五", "类型:巡察",
    ]);
  });

  it("says an id it could not find is gone, and summarises nested values", () => {
    expect(auditChanges(null, { authorId: "u-9", leadUnitId: 99, evidence: [{ fileName: "纪要.pdf", sha256: "c", size: 1 }], unitIds: "all", cycle: "2026-W47" }, { names })).toEqual([
      { field: "authorId", label: "填报人", before: null, after: "已删除的用户" },
      { field: "leadUnitId", label: "牵头单位", before: null, after: "单位 99(已删除)" },
      { field: "evidence", label: "佐证材料", before: null, after: "纪要.pdf" },
      { field: "unitIds", label: "提醒单位", before: null, after: "全部" },
      { field: "cycle", label: "报送周期", before: null, after: "2026年第47周" },
    ]);
  });

  it("names the object of a row, from the snapshot when the row is gone", () => {
    expect(auditObject({ entity: "round", entityId: "1", before: null, after: null }, names)).toBe("轮次 宝安区巡视整改");
    expect(auditObject({ entity: "user", entityId: "u-1", before: null, after: null }, names)).toBe("用户 林教育");
    expect(auditObject({ entity: "aspect", entityId: "5", before: { name: "空方面" }, after: null }, names)).toBe("方面 空方面");
    expect(auditObject({ entity: "reminders", entityId: "2026-11-21", before: null, after: null }, names)).toBe("提醒任务 2026-11-21");
  });

  it("collects the referenced ids of a page of rows, by kind", () => {
    const refs = auditReferences([
      { entity: "progress_report", entityId: "69", before: null, after: { unitId: 10, authorId: "u-1", measureId: 22 } },
      { entity: "round", entityId: "1", before: { inspectedUnitId: 1 }, after: { coUnitIds: [25], unitIds: "all" } },
    ]);
    expect([...refs.unit].sort()).toEqual(["1", "10", "25"]);
    expect([...refs.user]).toEqual(["u-1"]);
    expect([...refs.round]).toEqual(["1"]);
    expect([...refs.progress_report]).toEqual(["69"]);
    expect([...refs.measure]).toEqual(["22"]);
  });
});
