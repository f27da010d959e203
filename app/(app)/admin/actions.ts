"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action";
import { createAccount, issueApiToken as issueToken, resetPassword, revokeApiToken, setAccountDisabled } from "@/server/accounts";
import { createUnit as addUnit, renameUnit as changeUnitName, setUnitHeads } from "@/server/units";
import { ROLE_LABELS } from "@/lib/domain";
import {
  createApiTokenSchema,
  createUnitSchema,
  createUserSchema,
  renameUnitSchema,
  resetPasswordSchema,
  tokenIdSchema,
  userIdSchema,
} from "@/lib/validations/account";
import { unitHeadsSchema } from "@/lib/validations/unit-heads";

const ADMIN_PATHS = ["/admin/users", "/admin/units"];

export const createUnit = defineAction({
  permission: "admin.manage",
  schema: createUnitSchema,
  revalidate: ADMIN_PATHS,
  run: ({ actor, input }) => {
    const unit = addUnit(actor, input);
    return `已创建单位“${unit.name}”`;
  },
});

export const renameUnit = defineAction({
  permission: "admin.manage",
  schema: renameUnitSchema,
  revalidate: ADMIN_PATHS,
  run: ({ actor, input }) => {
    const unit = changeUnitName(actor, input);
    return `单位已改名为“${unit.name}”`;
  },
});

export const setUnitHeadsAction = defineAction({
  permission: "admin.manage",
  schema: unitHeadsSchema,
  revalidate: ADMIN_PATHS,
  run: ({ actor, input }) => {
    const unit = setUnitHeads(actor, input);
    revalidatePath(`/admin/units/${unit.id}`);
    return `已保存“${unit.name}”的主要负责人和分管领导`;
  },
});

export const createUser = defineAction({
  permission: "admin.manage",
  schema: createUserSchema,
  revalidate: ADMIN_PATHS,
  run: async ({ actor, input }) => {
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
      const user = setAccountDisabled(actor, input.userId, disabled);
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
    return "密码已重置,请将新密码告知本人;其下次登录时须先修改密码";
  },
});

export const issueApiToken = defineAction({
  permission: "admin.manage",
  schema: createApiTokenSchema,
  revalidate: ["/admin/tokens"],
  run: ({ actor, input }) => {
    const token = issueToken(actor, input);
    // Shown once: only the hash is stored.
    return `已签发令牌(仅显示这一次,请立即复制保存):${token}`;
  },
});

export const revokeToken = defineAction({
  permission: "admin.manage",
  schema: tokenIdSchema,
  revalidate: ["/admin/tokens"],
  run: ({ actor, input }) => {
    revokeApiToken(actor, input.tokenId);
    return "令牌已撤销";
  },
});
