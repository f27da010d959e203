"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { changePassword } from "../actions";

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePassword, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="max-w-md space-y-4" noValidate key={formKey(state)}>
      <FormMessage state={state} />
      <TextField name="currentPassword" label="当前密码" type="password" autoComplete="current-password" required errors={errors?.currentPassword} />
      <TextField name="newPassword" label="新密码" type="password" autoComplete="new-password" required hint="至少 8 位,须同时包含字母和数字" errors={errors?.newPassword} />
      <TextField name="confirmPassword" label="确认新密码" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "修改密码"}
      </Button>
    </form>
  );
}
