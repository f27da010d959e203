import { describe, expect, it } from "vitest";
import { deadlineFormDefaults, indicatorFormDefaults, measureDeadline, measureIndicator, measureSchema, problemSchema } from "./plan";

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

  it("takes a known re-proof interval, blank as the default, and refuses any other in Chinese", () => {
    expect(measureSchema.parse(form({ reproofInterval: "half_yearly" })).reproofInterval).toBe("half_yearly");
    expect(measureSchema.parse(form({ reproofInterval: "" })).reproofInterval).toBeNull();
    const result = measureSchema.safeParse(form({ reproofInterval: "weekly" }));
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([[["reproofInterval"], "请选择复证周期"]]);
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

describe("量化指标 on the measure form", () => {
  const errorsOf = (fields: Record<string, string>) => {
    const result = measureSchema.safeParse(form(fields));
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("is optional: a blank name stores none", () => {
    expect(measureIndicator(measureSchema.parse(form({})))).toBeNull();
  });

  it("reads the direction from baseline and target, and takes 1,200 and full-width digits", () => {
    expect(measureIndicator(measureSchema.parse(form({ indicatorName: "断面氨氮浓度", indicatorUnit: "mg/L", indicatorBaseline: "2.1", indicatorTarget: "1.5" })))).toEqual({
      name: "断面氨氮浓度",
      unit: "mg/L",
      direction: "lower",
      baseline: 2.1,
      target: 1.5,
    });
    expect(measureIndicator(measureSchema.parse(form({ indicatorName: "追缴租金", indicatorBaseline: "0", indicatorTarget: "1,200" })))?.target).toBe(1200);
    expect(measureIndicator(measureSchema.parse(form({ indicatorName: "追缴租金", indicatorBaseline: "０", indicatorTarget: "１２０" })))?.direction).toBe("higher");
  });

  it.each([
    [{ indicatorBaseline: "2.1" }, "indicatorName", "填写了基线值、目标值或单位时,请填写指标名称"],
    [{ indicatorName: "氨氮", indicatorTarget: "1.5" }, "indicatorBaseline", "请填写基线值"],
    [{ indicatorName: "氨氮", indicatorBaseline: "约两毫克", indicatorTarget: "1.5" }, "indicatorBaseline", "基线值应为数字,如 12.5"],
    [{ indicatorName: "氨氮", indicatorBaseline: "1e13", indicatorTarget: "1.5" }, "indicatorBaseline", "基线值超出可填写的范围"],
    [{ indicatorName: "氨氮", indicatorBaseline: "2", indicatorTarget: "2" }, "indicatorDirection", "目标值与基线值相同时,请选择指标方向"],
    [{ indicatorName: "氨氮", indicatorBaseline: "2", indicatorTarget: "3", indicatorDirection: "lower" }, "indicatorTarget", "越低越好的指标,目标值不应高于基线值"],
    [{ indicatorName: "氨氮", indicatorBaseline: "2", indicatorTarget: "1", indicatorDirection: "sideways" }, "indicatorDirection", "请选择指标方向"],
  ])("%j is refused on %s", (fields, field, message) => {
    expect(errorsOf(fields)[field]).toBe(message);
  });

  it("shows a direction the figures imply as automatic in the edit form", () => {
    expect(indicatorFormDefaults({ name: "氨氮", unit: "mg/L", direction: "lower", baseline: 2.1, target: 1.5 }).indicatorDirection).toBe("");
    expect(indicatorFormDefaults({ name: "达标率", unit: "%", direction: "higher", baseline: 100, target: 100 }).indicatorDirection).toBe("higher");
  });
});
