import { describe, expect, it } from "vitest";
import { createPaperBatchSchema, updatePaperBatchSchema } from "@/lib/validations/survey-paper";

// 纸质问卷批次's form: the grid's cells named counts.<题号>.<choice>, gathered, checked and
// kept only where something was counted; each refusal in Chinese at the cell or row it names.

const valid = {
  surveyId: "7",
  label: "新安街道 第1批",
  collectedOn: "2026-11-01",
  forms: "20",
  "counts.1.satisfied": "12",
  "counts.1.basically_satisfied": "5",
  "counts.1.dissatisfied": "",
  "counts.1.unknown": "1",
  "counts.2.satisfied": "20",
};

const issues = (input: Record<string, unknown>) =>
  createPaperBatchSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];

describe("纸质问卷批次的表单", () => {
  it("空格按 0 计,只保留填了数的格子", () => {
    expect(createPaperBatchSchema.parse(valid)).toEqual({
      surveyId: 7,
      label: "新安街道 第1批",
      collectedOn: "2026-11-01",
      forms: 20,
      counts: [
        { position: 1, choice: "satisfied", count: 12 },
        { position: 1, choice: "basically_satisfied", count: 5 },
        { position: 1, choice: "unknown", count: 1 },
        { position: 2, choice: "satisfied", count: 20 },
      ],
    });
    expect(updatePaperBatchSchema.parse({ ...valid, batchId: "3" })).toMatchObject({ batchId: 3, forms: 20 });
  });

  it.each([
    ["一题合计多于份数", { "counts.1.dissatisfied": "3" }, "counts.1", "第 1 题各项合计 21 份,多于本批的 20 份"],
    ["负数", { "counts.1.satisfied": "-1" }, "counts.1.satisfied", "份数应为 0 或正整数"],
    ["小数", { "counts.1.satisfied": "1.5" }, "counts.1.satisfied", "份数应为 0 或正整数"],
    ["字母", { "counts.2.satisfied": "abc" }, "counts.2.satisfied", "份数应为 0 或正整数"],
    ["不存在的选项", { "counts.1.castle": "1" }, "counts.1", "只能填写满意、基本满意、不满意、不了解四项的份数"],
    ["题号不是数字", { "counts.x.satisfied": "1" }, "counts.x", "提交的题目不在本问卷中"],
    ["份数为零", { forms: "0" }, "forms", "份数至少为 1"],
    ["份数过大", { forms: "1e308" }, "forms", "一批最多 10000 份"],
    ["批次名称过长", { label: "长".repeat(61) }, "label", "批次名称不能超过 60 个字符"],
    ["收集日期在将来", { collectedOn: "2099-01-01" }, "collectedOn", "收集日期不能晚于今天"],
  ])("%s", (_, change, path, message) => {
    expect(issues({ ...valid, ...change })).toContainEqual([path, message]);
  });

  it("一格也没有填:请填写各题的份数", () => {
    expect(issues({ surveyId: "7", label: "空的一批", collectedOn: "2026-11-01", forms: "5" })).toEqual([
      ["counts", "请填写各题选择满意、基本满意、不满意、不了解的份数"],
    ]);
  });
});
