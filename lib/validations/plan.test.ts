import { describe, expect, it } from "vitest";
import { deadlineFormDefaults, measureDeadline, measureSchema, problemSchema } from "./plan";

const form = (fields: Record<string, string>) => ({ text: "建立台账", goal: "", leadUnitId: "", coUnitIds: "", deadlineText: "", deadlineDate: "", deadlineKind: "", category: "", ...fields });

describe("measureSchema", () => {
  it("reads co-units from a comma-joined value or a repeated field", () => {
    expect(measureSchema.parse(form({ coUnitIds: "3,5" })).coUnitIds).toEqual([3, 5]);
    expect(measureSchema.parse({ ...form({}), coUnitIds: ["3", "5"] }).coUnitIds).toEqual([3, 5]);
    expect(measureSchema.parse(form({})).coUnitIds).toEqual([]);
  });

  it("asks for a date when the deadline text is not understood", () => {
    const result = measureSchema.safeParse(form({ deadlineText: "2019年底至2020年上半年" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["deadlineText"]);
    expect(measureSchema.safeParse(form({ deadlineText: "2019年底至2020年上半年", deadlineDate: "2020-06-30" })).success).toBe(true);
  });
});

describe("measureDeadline", () => {
  it.each([
    [{ deadlineText: "2026年12月底,并长期坚持" }, { deadline: "2026-12-31", deadlineKind: "ongoing", category: "time_limited" }],
    [{ deadlineText: "按序时进度推进" }, { deadline: null, deadlineKind: "scheduled", category: "time_limited" }],
    [{ deadlineText: "立行立改" }, { deadline: "2026-03-31", deadlineKind: "date", category: "immediate" }],
    [{ deadlineText: "2026年12月底", deadlineDate: "2026-11-15" }, { deadline: "2026-11-15", deadlineKind: "date" }],
    [{ deadlineDate: "2026-11-15", deadlineKind: "ongoing", category: "long_term" }, { deadline: "2026-11-15", deadlineKind: "ongoing", category: "long_term" }],
  ])("%j → %j", (fields, expected) => {
    expect(measureDeadline(measureSchema.parse(form(fields)), { feedbackDate: "2026-03-01" })).toMatchObject(expected);
  });
});

describe("deadlineFormDefaults", () => {
  it("shows what the text implies as automatic, and what was chosen as chosen", () => {
    expect(deadlineFormDefaults({ deadline: "2026-12-31", deadlineKind: "ongoing", deadlineText: "2026年12月底,并长期坚持", category: "time_limited" })).toEqual({
      deadlineText: "2026年12月底,并长期坚持",
      deadlineDate: "",
      deadlineKind: "",
      category: "",
    });
    expect(deadlineFormDefaults({ deadline: "2026-11-15", deadlineKind: "ongoing", deadlineText: "2026年12月底", category: "long_term" })).toEqual({
      deadlineText: "2026年12月底",
      deadlineDate: "2026-11-15",
      deadlineKind: "ongoing",
      category: "long_term",
    });
  });
});

describe("problemSchema", () => {
  it.each(["", "0", "10000", "1.5", "abc"])("refuses the number %j", (number) => {
    const result = problemSchema.safeParse({ number, title: "问题", aspectId: "", leadUnitId: "" });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["问题序号应为 1 至 9999 的整数"]);
  });

  it("requires a title", () => {
    const result = problemSchema.safeParse({ number: "3", title: "  ", aspectId: "", leadUnitId: "" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["title", "请输入问题标题"]]);
  });
});
