import "server-only";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { existingOrganization } from "@/db/queries/organization";
import { createUnit, findUnitByName } from "@/db/queries/units";
import { createUserWithPassword } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { readTableFile } from "@/lib/ledger-import/read-file";
import { ORG_HEADER } from "@/lib/org-import/columns";
import { parseOrgSheet, type OrgPlan } from "@/lib/org-import/parse";
import { writeDistributionSheet, type DistributedAccount } from "@/lib/org-import/workbooks";
import { hashOneTimePassword } from "./password-hash";
import { oneTimePassword } from "./one-time-password";
import { clearSetupCode } from "./setup";

// The organisation import: units tree and accounts from one file, all or nothing. Every new
// account gets a one-time password, shown once in the 账号分发单 returned here and kept
// nowhere in clear; the first sign-in must replace it.

export interface OrgImportResult {
  units: number;
  users: number;
  existingUnits: number;
  existingAccounts: number;
  /** The 账号分发单 (xlsx); the only place the passwords ever appear. */
  distributionSheet: Buffer;
}

async function readPlan(data: Uint8Array, fileName: string): Promise<OrgPlan> {
  const sheet = await readTableFile(data, fileName, ORG_HEADER);
  return parseOrgSheet(sheet, existingOrganization(db));
}

export function previewOrgFile(params: { data: Uint8Array; fileName: string }): Promise<OrgPlan> {
  return readPlan(params.data, params.fileName);
}

export async function importOrgFile(params: {
  data: Uint8Array;
  fileName: string;
  /** Null from the command line. */
  actorId: string | null;
  now: Date;
  signInUrl: string;
}): Promise<OrgImportResult> {
  const plan = await readPlan(params.data, params.fileName);
  if (plan.errors.length > 0) {
    const first = plan.errors
      .slice(0, 5)
      .map((e) => `${e.line ? `第 ${e.line} 行` : ""}${e.column ? `“${e.column}”` : ""}:${e.message}`)
      .join(";");
    throw new AppError("VALIDATION", `文件有 ${plan.errors.length} 处错误,未导入:${first}`);
  }
  if (plan.units.length === 0 && plan.accounts.length === 0) {
    throw new AppError("VALIDATION", "文件中的单位和账号都已存在,没有需要导入的内容");
  }
  const passwords = new Map(plan.accounts.map((account) => [account.username, oneTimePassword()] as const));
  // The sheet is written before anything is stored: accounts whose passwords nobody could
  // ever read would be worse than no import.
  const distributed: DistributedAccount[] = plan.accounts.map((account) => ({
    unitName: account.unitName,
    name: account.name,
    username: account.username,
    role: account.role,
    password: passwords.get(account.username)!,
  }));
  const distributionSheet = await writeDistributionSheet({
    accounts: distributed,
    issuedAt: params.now.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }),
    signInUrl: params.signInUrl,
  });
  db.transaction((tx) => {
    // Re-read inside the transaction: a unit or account created since the preview is an
    // error for that row now, not a duplicate later.
    const recheck = changedSincePreview(tx, plan);
    if (recheck) throw new AppError("CONFLICT", recheck);
    const unitIds = new Map<string, number>();
    const unitId = (name: string) => unitIds.get(name) ?? findUnitByName(tx, { name })?.id;
    for (const unit of plan.units) {
      const parentId = unit.parentName ? unitId(unit.parentName) : null;
      if (parentId === undefined) throw new AppError("CONFLICT", `上级单位“${unit.parentName}”已不存在,请重新预览`);
      const created = createUnit(tx, { actorId: params.actorId, input: { name: unit.name, kind: unit.kind, parentId } });
      unitIds.set(unit.name, created.id);
    }
    for (const account of plan.accounts) {
      const id = unitId(account.unitName);
      if (id === undefined) throw new AppError("CONFLICT", `单位“${account.unitName}”已不存在,请重新预览`);
      createUserWithPassword(tx, {
        actorId: params.actorId,
        passwordHash: hashOneTimePassword(passwords.get(account.username)!),
        mustChangePassword: true,
        phone: account.phone,
        input: { username: account.username, name: account.name, role: account.role, unitId: id, isAdmin: account.isAdmin },
      });
    }
    recordAudit(tx, {
      actorId: params.actorId,
      action: "organization.import",
      entity: "organization",
      entityId: params.fileName.slice(0, 200),
      after: {
        source: params.fileName,
        units: plan.units.length,
        users: plan.accounts.length,
        existingUnits: plan.existingUnits.length,
        existingAccounts: plan.existingAccounts.length,
      },
    });
  });
  if (plan.accounts.length > 0) clearSetupCode();
  return {
    units: plan.units.length,
    users: plan.accounts.length,
    existingUnits: plan.existingUnits.length,
    existingAccounts: plan.existingAccounts.length,
    distributionSheet,
  };
}

/** Inside the import's transaction: does any planned unit or account exist by now? */
function changedSincePreview(tx: Parameters<typeof existingOrganization>[0], plan: OrgPlan): string | null {
  const now = existingOrganization(tx);
  const unitNames = new Set(now.units.map((u) => u.name));
  const usernames = new Set(now.users.map((u) => u.username));
  const unit = plan.units.find((u) => unitNames.has(u.name));
  if (unit) return `单位“${unit.name}”在预览之后已被创建,请重新预览后导入`;
  const account = plan.accounts.find((a) => usernames.has(a.username));
  if (account) return `用户名“${account.username}”在预览之后已被使用,请重新预览后导入`;
  return null;
}
