"use server";

import { db } from "@/db";
import { createUnit as insertUnit, getUnit } from "@/db/queries/units";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { getUserWithUnit, setUserDisabled } from "@/db/queries/users";
import { generateApiToken, hashApiToken } from "@/server/api-token";
import { defineAction } from "@/server/action";
import { createAccount, resetPassword } from "@/server/accounts";
import { AppError } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/domain";
import {
  createApiTokenSchema,
  createUnitSchema,
  createUserSchema,
  resetPasswordSchema,
  tokenIdSchema,
  userIdSchema,
} from "@/lib/validations/account";

const ADMIN_PATHS = ["/admin/users", "/admin/units"];

export const createUnit = defineAction({
  permission: "admin.manage",
  schema: createUnitSchema,
  revalidate: ADMIN_PATHS,
  run: ({ actor, input }) => {
    if (input.parentId !== null && !getUnit(db, { id: input.parentId })) {
      throw new AppError("VALIDATION", "上级单位不存在", { parentId: ["上级单位不存在"] });
    }
    const unit = db.transaction((tx) => insertUnit(tx, { actorId: actor.id, input }));
    return `已创建单位“${unit.name}”`;
  },
});

export const createUser = defineAction({
  permission: "admin.manage",
  schema: createUserSchema,
  revalidate: ADMIN_PATHS,
  run: async ({ actor, input }) => {
    if (!getUnit(db, { id: input.unitId })) {
      throw new AppError("VALIDATION", "所属单位不存在", { unitId: ["所属单位不存在"] });
    }
    const user = await createAccount(actor.id, input);
    return `已创建${ROLE_LABELS[user.role]}账号“${user.username}”(${user.name})`;
  },
});

function toggleUser(disabled: boolean) {
  return defineAction({
    permission: "admin.manage",
    schema: userIdSchema,
    revalidate: ADMIN_PATHS,
    run: ({ actor, input }) => {
      if (input.userId === actor.id) throw new AppError("VALIDATION", "不能停用自己的账号");
      const user = db.transaction((tx) => setUserDisabled(tx, { actorId: actor.id, userId: input.userId, disabled }));
      if (!user) throw new AppError("NOT_FOUND", "未找到该用户");
      return disabled ? `已停用账号“${user.username}”,其登录已全部退出` : `已启用账号“${user.username}”`;
    },
  });
}

export const disableUser = toggleUser(true);
export const enableUser = toggleUser(false);

export const resetUserPassword = defineAction({
  permission: "admin.manage",
  schema: resetPasswordSchema,
  revalidate: ADMIN_PATHS,
  run: async ({ actor, input }) => {
    await resetPassword(actor.id, input.userId, input.password);
    return "密码已重置,请将新密码告知本人并提醒其登录后修改";
  },
});

export const issueApiToken = defineAction({
  permission: "admin.manage",
  schema: createApiTokenSchema,
  revalidate: ["/admin/tokens"],
  run: ({ actor, input }) => {
    const user = getUserWithUnit(db, { userId: input.userId });
    if (!user || user.disabled) throw new AppError("VALIDATION", "所选账号不存在或已停用", { userId: ["请选择正常使用的账号"] });
    const token = generateApiToken();
    db.transaction((tx) => createApiToken(tx, { actorId: actor.id, userId: user.id, name: input.name, tokenHash: hashApiToken(token) }));
    // Shown once: only the hash is stored.
    return `已签发令牌(仅显示这一次,请立即复制保存):${token}`;
  },
});

export const revokeToken = defineAction({
  permission: "admin.manage",
  schema: tokenIdSchema,
  revalidate: ["/admin/tokens"],
  run: ({ actor, input }) => {
    const done = db.transaction((tx) => revokeApiToken(tx, { actorId: actor.id, tokenId: input.tokenId }));
    if (!done) throw new AppError("NOT_FOUND", "令牌不存在或已撤销");
    return "令牌已撤销";
  },
});
