import "server-only";
import { hashOneTimePassword, hashPassword, verifyStoredPassword } from "./password-hash";
import { db } from "@/db";
import { createApiToken, revokeApiToken as revokeTokenRow } from "@/db/queries/api-tokens";
import { createUnit, findUnitByName, getUnit } from "@/db/queries/units";
import { createUserWithPassword, findOfficeAdmin, findUserByUsername, getPasswordHash, getUserWithUnit, setUserDisabled, setUserPassword } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { CommandLineUserInput, CreateApiTokenInput, CreateUserInput } from "@/lib/validations/account";
import { DEFAULT_OFFICE_UNIT } from "@/lib/validations/setup";
import { generateApiToken, hashApiToken } from "./api-token";
import { oneTimePassword } from "./one-time-password";
import { clearSetupCode } from "./setup";

// Password work is async (scrypt) and better-sqlite3 transactions are synchronous, so the
// hash is computed first and the rows plus their audit entry are written in one transaction.

export async function createAccount(actorId: string | null, input: CreateUserInput) {
  if (!getUnit(db, { id: input.unitId })) {
    throw new AppError("VALIDATION", "所属单位不存在", { unitId: ["所属单位不存在"] });
  }
  if (findUserByUsername(db, { username: input.username })) {
    throw new AppError("CONFLICT", `用户名“${input.username}”已被使用`, {
      username: ["该用户名已被使用"],
    });
  }
  const { password, ...rest } = input;
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => createUserWithPassword(tx, { actorId, input: rest, passwordHash }));
}

/**
 * `cli user create`. The password is the operator's (RECTIFY_PASSWORD) or generated, and a
 * generated one must be changed at first sign-in. The first office administrator may come
 * without a unit: the office's own unit is then created under a default name to rename later.
 */
export async function createAccountFromCommandLine(input: CommandLineUserInput): Promise<{ username: string; password: string }> {
  if (input.isAdmin && input.role !== "office") throw new AppError("VALIDATION", "--admin 只能用于整改办账号(--role office)");
  if (findUserByUsername(db, { username: input.username })) throw new AppError("CONFLICT", `用户名“${input.username}”已被使用`);
  const password = input.password ?? oneTimePassword();
  const passwordHash = input.password === undefined ? hashOneTimePassword(password) : await hashPassword(password);
  db.transaction((tx) => {
    let unitId: number;
    if (input.unit) {
      const unit = findUnitByName(tx, { name: input.unit });
      if (!unit) throw new AppError("NOT_FOUND", `未找到单位“${input.unit}”:请先在“单位与用户”中新建,或用 import-org 导入组织机构`);
      unitId = unit.id;
    } else if (input.role === "office" && input.isAdmin && !findOfficeAdmin(tx)) {
      const unit =
        findUnitByName(tx, { name: DEFAULT_OFFICE_UNIT }) ??
        createUnit(tx, { actorId: null, input: { name: DEFAULT_OFFICE_UNIT, kind: "party", parentId: null } });
      unitId = unit.id;
    } else {
      throw new AppError("VALIDATION", "请用 --unit 指定所属单位(只有创建第一个整改办管理员时可以省略)");
    }
    createUserWithPassword(tx, {
      actorId: null,
      passwordHash,
      mustChangePassword: input.password === undefined,
      input: { username: input.username, name: input.name, role: input.role, unitId, isAdmin: input.isAdmin },
    });
  });
  clearSetupCode();
  return { username: input.username, password };
}

export async function resetPassword(actorId: string, userId: string, password: string) {
  const passwordHash = await hashPassword(password);
  const done = db.transaction((tx) =>
    setUserPassword(tx, { actorId, userId, passwordHash, action: "user.reset_password" }),
  );
  if (!done) throw new AppError("NOT_FOUND", "未找到该用户");
}

export async function changeOwnPassword(params: {
  userId: string;
  sessionToken: string;
  currentPassword: string;
  newPassword: string;
}) {
  const hash = getPasswordHash(db, { userId: params.userId });
  if (!hash || !(await verifyStoredPassword({ hash, password: params.currentPassword }))) {
    throw new AppError("VALIDATION", "当前密码不正确", { currentPassword: ["当前密码不正确"] });
  }
  const passwordHash = await hashPassword(params.newPassword);
  db.transaction((tx) =>
    setUserPassword(tx, {
      actorId: params.userId,
      userId: params.userId,
      passwordHash,
      action: "user.change_password",
      keepSessionToken: params.sessionToken,
    }),
  );
}

/** Disables (all its sessions end) or re-enables an account; an admin cannot disable their own. */
export function setAccountDisabled(actor: Actor, userId: string, disabled: boolean) {
  if (userId === actor.id) throw new AppError("VALIDATION", "不能停用自己的账号");
  const user = db.transaction((tx) => setUserDisabled(tx, { actorId: actor.id, userId, disabled }));
  if (!user) throw new AppError("NOT_FOUND", "未找到该用户");
  return user;
}

/** Issues an API token for an active account; returns the token, shown once (only its hash is kept). */
export function issueApiToken(actor: Actor, input: CreateApiTokenInput): string {
  const user = getUserWithUnit(db, { userId: input.userId });
  if (!user || user.disabled) throw new AppError("VALIDATION", "所选账号不存在或已停用", { userId: ["请选择正常使用的账号"] });
  const token = generateApiToken();
  db.transaction((tx) => createApiToken(tx, { actorId: actor.id, userId: user.id, name: input.name, tokenHash: hashApiToken(token) }));
  return token;
}

export function revokeApiToken(actor: Actor, tokenId: number): void {
  const done = db.transaction((tx) => revokeTokenRow(tx, { actorId: actor.id, tokenId }));
  if (!done) throw new AppError("NOT_FOUND", "令牌不存在或已撤销");
}
