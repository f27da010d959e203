import "server-only";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { db } from "@/db";
import { findUserByUsername, getPasswordHash, setUserPassword } from "@/db/queries/users";
import { createUserWithPassword } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import type { CreateUserInput } from "@/lib/validations/account";

// Password work is async (scrypt) and better-sqlite3 transactions are synchronous, so the
// hash is computed first and the rows plus their audit entry are written in one transaction.

export async function createAccount(actorId: string | null, input: CreateUserInput) {
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
