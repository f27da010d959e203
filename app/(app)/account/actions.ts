"use server";

import { defineAction } from "@/server/action";
import { changeOwnPassword } from "@/server/accounts";
import { changePasswordSchema } from "@/lib/validations/account";

export const changePassword = defineAction({
  permission: "account.self",
  schema: changePasswordSchema,
  run: async ({ actor, session, input }) => {
    await changeOwnPassword({
      userId: actor.id,
      sessionToken: session.sessionToken,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
    });
    // After the one-time password, on to the work it was holding back.
    if (actor.mustChangePassword) return { redirectTo: "/" };
    return "密码已修改,其他设备上的登录已退出。";
  },
});
