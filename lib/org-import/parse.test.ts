import { describe, expect, it } from "vitest";
import type { RawSheet } from "@/lib/ledger-import/types";
import { normalizePhone, parseOrgSheet, type ExistingOrg } from "./parse";

const HEADER = ["单位名称", "上级单位", "单位类别", "用户名", "姓名", "角色", "手机", "管理员"];
const NONE: ExistingOrg = { units: [], users: [] };

/** Rows as the office types them; line numbers as Excel shows them under a header on row 1. */
function sheet(rows: string[][], header = HEADER): RawSheet {
  return { header, headerLine: 1, rows: rows.map((cells, index) => ({ line: index + 2, cells })) };
}

describe("parseOrgSheet", () => {
  it("reads a three-level tree with a unit alone and a unit with two accounts", () => {
    const plan = parseOrgSheet(
      sheet([
        ["某区委", "", "党委部门", "", "", "", "", ""],
        ["区委巡察整改办", "某区委", "党委部门", "ZGB", "王敏", "整改办", "138 0000 0001", "是"],
        ["区教育局", "某区委", "政府部门", "jyj", "李强", "责任单位", "", ""],
        ["区教育局", "", "", "jyj2", "赵丽", "责任单位", "", ""],
        ["区实验学校", "区教育局", "其他", "syxx", "陈刚", "责任单位", "", ""],
      ]),
      NONE,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.units.map((u) => [u.name, u.parentName, u.kind])).toEqual([
      ["某区委", null, "party"],
      ["区委巡察整改办", "某区委", "party"],
      ["区教育局", "某区委", "government"],
      ["区实验学校", "区教育局", "other"],
    ]);
    expect(plan.accounts.map((a) => [a.username, a.unitName, a.role, a.phone, a.isAdmin])).toEqual([
      ["zgb", "区委巡察整改办", "office", "13800000001", true],
      ["jyj", "区教育局", "unit", null, false],
      ["jyj2", "区教育局", "unit", null, false],
      ["syxx", "区实验学校", "unit", null, false],
    ]);
  });

  it("creates parents before children whatever the file's order", () => {
    const plan = parseOrgSheet(
      sheet([
        ["区实验学校", "区教育局", "", "", "", "", "", ""],
        ["区教育局", "某区委", "", "", "", "", "", ""],
        ["某区委", "", "", "", "", "", "", ""],
      ]),
      NONE,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.units.map((u) => u.name)).toEqual(["某区委", "区教育局", "区实验学校"]);
  });

  it("matches existing units by name, never duplicating or moving them", () => {
    const existing: ExistingOrg = { units: [{ name: "区教育局", parentName: "区委" }, { name: "区委", parentName: null }], users: [] };
    const plan = parseOrgSheet(
      sheet([
        ["区教育局", "区政府", "", "jyj", "李强", "责任单位", "", ""],
        ["区政府", "", "政府部门", "", "", "", "", ""],
      ]),
      existing,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.units.map((u) => u.name)).toEqual(["区政府"]);
    expect(plan.existingUnits).toEqual(["区教育局"]);
    expect(plan.accounts.map((a) => a.unitName)).toEqual(["区教育局"]);
    expect(plan.warnings.map((w) => w.message)).toEqual(["单位“区教育局”已存在,上级单位保持为“区委”,文件中的“区政府”未采用"]);
  });

  it("skips an account that exists in the same unit and refuses one taken by another unit", () => {
    const existing: ExistingOrg = {
      units: [{ name: "区教育局", parentName: null }, { name: "新安街道", parentName: null }],
      users: [{ username: "jyj", unitName: "区教育局", phone: "13900000000" }, { username: "xinan", unitName: "新安街道", phone: null }],
    };
    const plan = parseOrgSheet(
      sheet([
        ["区教育局", "", "", "jyj", "李强", "责任单位", "", ""],
        ["区教育局", "", "", "xinan", "王五", "责任单位", "", ""],
        ["区教育局", "", "", "new1", "赵六", "责任单位", "13900000000", ""],
      ]),
      existing,
    );
    expect(plan.existingAccounts).toEqual(["jyj"]);
    expect(plan.errors).toEqual([
      { line: 3, column: "用户名", message: "用户名“xinan”已被“新安街道”的账号使用" },
      { line: 4, column: "手机", message: "手机号已登记在账号“jyj”下" },
    ]);
  });

  it("names every mistake by row and column", () => {
    const plan = parseOrgSheet(
      sheet([
        ["", "", "", "a1", "甲", "责任单位", "", ""],
        ["单位甲", "不存在的单位", "事业单位", "", "", "", "", ""],
        ["单位乙", "", "", "b1", "", "科员", "12345", "是"],
        ["单位乙", "", "", "B1", "乙", "责任单位", "", "是"],
        ["单位丙", "", "", "c 1", "丙", "领导", "", ""],
        ["单位丁", "单位戊", "", "", "", "", "", ""],
        ["单位戊", "单位丁", "", "", "", "", "", ""],
      ]),
      NONE,
    );
    expect(plan.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "单位名称", "单位名称为空"],
      [3, "单位类别", "单位类别“事业单位”无法识别,应为:党委部门、政府部门、街道、国有企业、其他"],
      [3, "上级单位", "上级单位“不存在的单位”不存在:请在文件中列出它,或先在系统中创建"],
      [4, "姓名", "姓名为空"],
      [4, "角色", "角色“科员”无法识别,应为:整改办、责任单位、领导、上级督导、纪检监察"],
      [4, "手机", "手机号“12345”无效,应为 11 位手机号码"],
      [5, "管理员", "只有整改办账号可以是管理员"],
      [6, "用户名", "用户名“c 1”无效:2 至 32 个字符,只能包含字母、数字、下划线、点和连字符"],
      [7, "上级单位", "单位“单位丁”的上级单位构成了循环"],
    ]);
  });

  it("refuses a username twice in the file, in any letter case", () => {
    const plan = parseOrgSheet(
      sheet([
        ["单位甲", "", "", "Li", "李", "责任单位", "", ""],
        ["单位乙", "", "", "li", "李", "责任单位", "", ""],
      ]),
      NONE,
    );
    expect(plan.errors).toEqual([{ line: 3, column: "用户名", message: "用户名“li”与第 2 行重复" }]);
  });

  it("refuses a unit given two different parents or kinds", () => {
    const plan = parseOrgSheet(
      sheet([
        ["上级甲", "", "", "", "", "", "", ""],
        ["上级乙", "", "", "", "", "", "", ""],
        ["单位甲", "上级甲", "街道", "", "", "", "", ""],
        ["单位甲", "上级乙", "其他", "", "", "", "", ""],
      ]),
      NONE,
    );
    expect(plan.errors.map((e) => e.message)).toEqual([
      "与第 4 行不一致:单位“单位甲”的上级单位在那里是“上级甲”",
      "与第 4 行不一致:单位“单位甲”在那里是“街道”",
    ]);
  });

  it("accepts the header words offices use instead of the template's, in any column order", () => {
    const plan = parseOrgSheet(
      sheet([["13800000002", "责任单位", "李强", "jyj", "区教育局"]], ["手机号码", "账号角色", "联系人", "登录名", "所属单位"]),
      NONE,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.accounts).toEqual([{ line: 2, username: "jyj", name: "李强", role: "unit", unitName: "区教育局", phone: "13800000002", isAdmin: false }]);
  });
});

describe("normalizePhone", () => {
  it.each([
    ["13800000001", "13800000001"],
    ["138-0000-0001", "13800000001"],
    ["+86 138 0000 0001", "13800000001"],
    ["8613800000001", "13800000001"],
    ["0755-12345678", null],
    ["1380000000", null],
  ])("%s → %s", (input, expected) => expect(normalizePhone(input)).toBe(expected));
});
