import { ROLE_LABELS, ROLES, UNIT_KIND_LABELS, UNIT_KINDS, type Role, type UnitKind } from "@/lib/domain";
import { normalizeHeader } from "@/lib/ledger-import/parse-plan";
import type { RawSheet } from "@/lib/ledger-import/types";
import { USERNAME_PATTERN } from "@/lib/validations/account";
import { ORG_COLUMNS, type OrgColumn } from "./columns";

// The organisation file (units tree and accounts, one xlsx or csv) read against what the
// database already holds. Pure: the caller passes the existing units and accounts. Every
// mistake is collected with its row and column, so the office fixes the file once; the
// import itself runs only when there are none.

export interface ExistingOrg {
  units: { name: string; parentName: string | null }[];
  users: { username: string; unitName: string; phone: string | null }[];
}

export interface OrgIssue {
  line: number | null;
  column: OrgColumn | null;
  message: string;
}

export interface PlannedUnit {
  line: number;
  name: string;
  parentName: string | null;
  kind: UnitKind;
}

export interface PlannedAccount {
  line: number;
  username: string;
  name: string;
  role: Role;
  unitName: string;
  phone: string | null;
  isAdmin: boolean;
}

export interface OrgPlan {
  /** Units to create, parents before children. */
  units: PlannedUnit[];
  accounts: PlannedAccount[];
  /** Units the file names that exist already: matched by name, never duplicated or moved. */
  existingUnits: string[];
  /** Rows whose account exists already in the same unit: left as it is. */
  existingAccounts: string[];
  errors: OrgIssue[];
  warnings: OrgIssue[];
}

const HEADER_ALIASES: Record<string, OrgColumn> = {
  单位: "单位名称",
  所属单位: "单位名称",
  上级: "上级单位",
  上级单位名称: "上级单位",
  单位类型: "单位类别",
  类别: "单位类别",
  账号: "用户名",
  登录名: "用户名",
  联系人: "姓名",
  账号角色: "角色",
  手机号: "手机",
  手机号码: "手机",
  是否管理员: "管理员",
};

const kindByLabel = new Map(UNIT_KINDS.map((kind) => [UNIT_KIND_LABELS[kind], kind] as const));
const roleByLabel = new Map(ROLES.map((role) => [ROLE_LABELS[role], role] as const));
const ACCOUNT_COLUMNS: readonly OrgColumn[] = ["用户名", "姓名", "角色", "手机", "管理员"];

/** Mainland mobile numbers, written with spaces, dashes or +86 as people do. */
export function normalizePhone(text: string): string | null {
  const digits = text.replace(/[\s-]/g, "").replace(/^(?:\+?86)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export function parseOrgSheet(sheet: RawSheet, existing: ExistingOrg): OrgPlan {
  const errors: OrgIssue[] = [];
  const warnings: OrgIssue[] = [];
  const columnIndex = new Map<OrgColumn, number>();
  sheet.header.forEach((raw, index) => {
    const name = normalizeHeader(raw);
    const column = (ORG_COLUMNS as readonly string[]).includes(name) ? (name as OrgColumn) : HEADER_ALIASES[name];
    if (column && !columnIndex.has(column)) columnIndex.set(column, index);
  });

  const existingUnits = new Map(existing.units.map((u) => [u.name, u] as const));
  const existingUsers = new Map(existing.users.map((u) => [u.username, u] as const));
  const existingPhones = new Map(existing.users.filter((u) => u.phone).map((u) => [u.phone!, u.username] as const));

  const declared = new Map<string, { line: number; parentName: string | null; kind: UnitKind | null }>();
  const accounts: PlannedAccount[] = [];
  const existingAccounts: string[] = [];
  const usernameLines = new Map<string, number>();
  const phoneLines = new Map<string, number>();

  for (const row of sheet.rows) {
    const cell = (column: OrgColumn) => {
      const index = columnIndex.get(column);
      return index === undefined ? "" : (row.cells[index] ?? "").trim();
    };
    const error = (column: OrgColumn | null, message: string) => errors.push({ line: row.line, column, message });

    const unitName = cell("单位名称");
    if (!unitName) {
      error("单位名称", "单位名称为空");
      continue;
    }
    if (unitName.length > 60) error("单位名称", "单位名称不能超过 60 个字符");

    const parentName = cell("上级单位") || null;
    if (parentName === unitName) error("上级单位", "上级单位不能是单位自己");
    const kindText = cell("单位类别");
    const kind = kindText ? (kindByLabel.get(kindText) ?? null) : null;
    if (kindText && !kind) error("单位类别", `单位类别“${kindText}”无法识别,应为:${[...kindByLabel.keys()].join("、")}`);

    const first = declared.get(unitName);
    if (!first) declared.set(unitName, { line: row.line, parentName, kind });
    else {
      if (parentName && first.parentName && parentName !== first.parentName) {
        error("上级单位", `与第 ${first.line} 行不一致:单位“${unitName}”的上级单位在那里是“${first.parentName}”`);
      }
      if (kind && first.kind && kind !== first.kind) {
        error("单位类别", `与第 ${first.line} 行不一致:单位“${unitName}”在那里是“${UNIT_KIND_LABELS[first.kind]}”`);
      }
      first.parentName ??= parentName;
      first.kind ??= kind;
    }

    // A row with no account columns filled creates (or names) the unit alone.
    if (ACCOUNT_COLUMNS.every((column) => cell(column) === "")) continue;
    const account = readAccount(cell, error, unitName);
    if (!account) continue;

    const sameName = usernameLines.get(account.username);
    if (sameName !== undefined) {
      error("用户名", `用户名“${account.username}”与第 ${sameName} 行重复`);
      continue;
    }
    usernameLines.set(account.username, row.line);
    const known = existingUsers.get(account.username);
    if (known) {
      if (known.unitName === unitName) existingAccounts.push(account.username);
      else error("用户名", `用户名“${account.username}”已被“${known.unitName}”的账号使用`);
      continue;
    }
    if (account.phone) {
      const samePhone = phoneLines.get(account.phone);
      const owner = existingPhones.get(account.phone);
      if (samePhone !== undefined) error("手机", `手机号与第 ${samePhone} 行重复`);
      else if (owner) error("手机", `手机号已登记在账号“${owner}”下`);
      phoneLines.set(account.phone, row.line);
    }
    accounts.push({ line: row.line, ...account });
  }

  const units = plannedUnits(declared, existingUnits, errors, warnings);
  if (sheet.rows.length > 0 && declared.size === 0 && errors.length === 0) {
    errors.push({ line: null, column: null, message: "文件中没有任何单位行,请在表头下方填写" });
  }
  return {
    units,
    accounts,
    existingUnits: [...declared.keys()].filter((name) => existingUnits.has(name)),
    existingAccounts,
    errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    warnings,
  };
}

function readAccount(
  cell: (column: OrgColumn) => string,
  error: (column: OrgColumn, message: string) => void,
  unitName: string,
): Omit<PlannedAccount, "line"> | null {
  const before = { ok: true };
  const fail = (column: OrgColumn, message: string) => {
    before.ok = false;
    error(column, message);
  };
  const username = cell("用户名").toLowerCase();
  if (!username) fail("用户名", "填写了账号信息,但用户名为空");
  else if (username.length < 2 || username.length > 32 || !USERNAME_PATTERN.test(username)) {
    fail("用户名", `用户名“${cell("用户名")}”无效:2 至 32 个字符,只能包含字母、数字、下划线、点和连字符`);
  }
  const name = cell("姓名");
  if (!name) fail("姓名", "姓名为空");
  else if (name.length > 40) fail("姓名", "姓名不能超过 40 个字符");
  const roleText = cell("角色");
  const role = roleByLabel.get(roleText);
  if (!roleText) fail("角色", "角色为空,应为:整改办、责任单位、领导");
  else if (!role) fail("角色", `角色“${roleText}”无法识别,应为:${[...roleByLabel.keys()].join("、")}`);
  const phoneText = cell("手机");
  const phone = phoneText ? normalizePhone(phoneText) : null;
  if (phoneText && !phone) fail("手机", `手机号“${phoneText}”无效,应为 11 位手机号码`);
  const adminText = cell("管理员");
  const isAdmin = adminText === "是";
  if (adminText && adminText !== "是" && adminText !== "否") fail("管理员", `“管理员”一栏应填“是”或“否”,而不是“${adminText}”`);
  if (isAdmin && role && role !== "office") fail("管理员", "只有整改办账号可以是管理员");
  if (!before.ok || !role) return null;
  return { username, name, role, unitName, phone, isAdmin };
}

/**
 * The units to create, parents first. A parent must be in the file or in the database; an
 * existing unit keeps its place in the tree (the file cannot move it), and a cycle in the
 * file is named rather than looped on.
 */
function plannedUnits(
  declared: Map<string, { line: number; parentName: string | null; kind: UnitKind | null }>,
  existingUnits: Map<string, { name: string; parentName: string | null }>,
  errors: OrgIssue[],
  warnings: OrgIssue[],
): PlannedUnit[] {
  const fresh = new Map<string, PlannedUnit>();
  for (const [name, unit] of declared) {
    const known = existingUnits.get(name);
    if (known) {
      if (unit.parentName && unit.parentName !== known.parentName) {
        warnings.push({
          line: unit.line,
          column: "上级单位",
          message: `单位“${name}”已存在,上级单位保持为“${known.parentName ?? "(无)"}”,文件中的“${unit.parentName}”未采用`,
        });
      }
      continue;
    }
    if (unit.parentName && !declared.has(unit.parentName) && !existingUnits.has(unit.parentName)) {
      errors.push({ line: unit.line, column: "上级单位", message: `上级单位“${unit.parentName}”不存在:请在文件中列出它,或先在系统中创建` });
    }
    fresh.set(name, { line: unit.line, name, parentName: unit.parentName, kind: unit.kind ?? "other" });
  }

  const ordered: PlannedUnit[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (unit: PlannedUnit): void => {
    if (state.get(unit.name) === "done") return;
    if (state.get(unit.name) === "visiting") {
      errors.push({ line: unit.line, column: "上级单位", message: `单位“${unit.name}”的上级单位构成了循环` });
      state.set(unit.name, "done");
      return;
    }
    state.set(unit.name, "visiting");
    const parent = unit.parentName ? fresh.get(unit.parentName) : undefined;
    if (parent) visit(parent);
    if (state.get(unit.name) === "visiting") {
      state.set(unit.name, "done");
      ordered.push(unit);
    }
  };
  for (const unit of fresh.values()) visit(unit);
  return ordered;
}
