import { describe, expect, it } from "vitest";
import { unitHeadsSchema } from "./unit-heads";

const none = { principalKind: "none", deputyKind: "none" };

describe("the 单位负责人 form", () => {
  it.each([
    [{ ...none }, { principal: null, deputy: null }],
    [{ ...none, principalKind: "contact", principalName: " 郑局长 ", principalPhone: "0755-2779 0000" }, { principal: { name: "郑局长", phone: "0755-2779 0000" }, deputy: null }],
    [{ ...none, principalKind: "contact", principalName: "郑局长", principalPhone: "" }, { principal: { name: "郑局长", phone: null }, deputy: null }],
    [{ ...none, deputyKind: "account", deputyUserId: "u-1" }, { principal: null, deputy: { userId: "u-1" } }],
    // What a hidden field of another kind still carries is ignored.
    [{ ...none, deputyKind: "none", deputyUserId: "u-1", deputyName: "某" }, { principal: null, deputy: null }],
  ])("%o → %o", (form, heads) => {
    expect(unitHeadsSchema.parse({ unitId: "3", ...form })).toEqual({ unitId: 3, ...heads });
  });

  it.each([
    [{ ...none, principalKind: "account" }, "principalUserId", "请选择主要负责人的账号"],
    [{ ...none, deputyKind: "contact", deputyName: "  " }, "deputyName", "请输入分管领导的姓名"],
    [{ ...none, deputyKind: "contact", deputyName: "某", deputyPhone: "打电话" }, "deputyPhone", "分管领导电话格式不正确"],
    [{ ...none, principalKind: "boss" }, "principalKind", "请选择主要负责人的登记方式"],
  ])("refuses %o next to the field, in Chinese", (form, path, message) => {
    const result = unitHeadsSchema.safeParse({ unitId: "3", ...form });
    expect(result.success).toBe(false);
    expect(result.error!.issues.filter((i) => i.path[0] === path).map((i) => i.message)).toEqual([message]);
  });
});
