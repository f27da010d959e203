"use server";

import { db } from "@/db";
import { createUnit as insertUnit, getUnit } from "@/db/queries/units";
import { setUserDisabled } from "@/db/queries/users";
import { defineAction } from "@/lib/action";
import { createAccount, resetPassword } from "@/lib/accounts";
import { AppError } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/domain";
import { createUnitSchema, createUserSchema, resetPasswordSchema, userIdSchema } from "@/lib/validations/account";

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
