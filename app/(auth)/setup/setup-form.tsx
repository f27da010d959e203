"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { DEFAULT_OFFICE_UNIT } from "@/lib/validations/setup";
import { setUp } from "../actions";

export function SetupForm() {
  const [state, action, pending] = useActionState(setUp, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const value = (name: string) => (state && !state.ok ? state.values?.[name] : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField name="setupCode" label="设置代码" autoComplete="off" autoFocus required defaultValue={value("setupCode")} errors={errors?.setupCode} />
      <TextField
        name="unitName"
        label="本单位名称"
        required
        defaultValue={value("unitName") ?? DEFAULT_OFFICE_UNIT}
        hint="整改办所在的单位,之后可在“单位与用户”中修改"
        errors={errors?.unitName}
      />
      <TextField name="name" label="管理员姓名" required defaultValue={value("name")} errors={errors?.name} />
      <TextField name="username" label="用户名" autoComplete="username" required defaultValue={value("username")} hint="字母、数字、下划线、点或连字符" errors={errors?.username} />
      <TextField name="password" label="密码" type="password" autoComplete="new-password" required hint="至少 8 位,须同时包含字母和数字" errors={errors?.password} />
      <TextField name="confirmPassword" label="确认密码" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "正在创建…" : "创建管理员"}
      </Button>
    </form>
  );
}
