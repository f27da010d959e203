import "server-only";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { db } from "@/db";
import { createApiToken, revokeApiToken as revokeTokenRow } from "@/db/queries/api-tokens";
import { getUnit } from "@/db/queries/units";
import { createUserWithPassword, findUserByUsername, getPasswordHash, getUserWithUnit, setUserDisabled, setUserPassword } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { CreateApiTokenInput, CreateUserInput } from "@/lib/validations/account";
import { generateApiToken, hashApiToken } from "./api-token";

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
  if (!hash || !(await verifyPassword({ hash, password: params.currentPassword }))) {
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
