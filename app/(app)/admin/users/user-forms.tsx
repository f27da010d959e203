"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { ROLES, ROLE_LABELS } from "@/lib/domain";
import { createUser, disableUser, enableUser, resetUserPassword } from "../actions";

export function CreateUserForm({ units }: { units: { id: number; name: string }[] }) {
  const [state, action, pending] = useActionState(createUser, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate className="space-y-4 rounded-lg border border-gray-200 bg-white p-5" aria-labelledby="create-user-title" key={formKey(state)}>
      <h2 id="create-user-title" className="font-semibold">
        新建用户
      </h2>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="username" label="用户名" autoComplete="off" required defaultValue={values?.username} errors={errors?.username} hint="登录用,可含字母、数字、下划线、点和连字符" />
        <TextField name="name" label="姓名" required defaultValue={values?.name} errors={errors?.name} />
        <SelectField
          name="role"
          label="角色"
          required
          defaultValue={values?.role ?? ""}
          placeholder="请选择角色"
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          errors={errors?.role}
        />
        <SelectField
          name="unitId"
          label="所属单位"
          required
          defaultValue={values?.unitId ?? ""}
          placeholder="请选择单位"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
          errors={errors?.unitId}
        />
        <TextField name="password" label="初始密码" type="password" autoComplete="new-password" required errors={errors?.password} hint="至少 8 位,须同时包含字母和数字" />
        <div className="flex items-center gap-2 pt-6">
          <input id="isAdmin" name="isAdmin" type="checkbox" defaultChecked={values?.isAdmin === "on"} className="h-4 w-4" />
          <label htmlFor="isAdmin" className="text-sm">
            管理员(仅整改办账号有效:可管理单位与用户)
          </label>
        </div>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "正在创建…" : "创建用户"}
      </Button>
    </form>
  );
}

export function ToggleUserButton({ userId, username, disabled }: { userId: string; username: string; disabled: boolean }) {
  return (
    <ConfirmButton
      action={disabled ? enableUser : disableUser}
      fields={{ userId }}
      label={disabled ? "启用" : "停用"}
      ariaLabel={`${disabled ? "启用" : "停用"} ${username}`}
      variant={disabled ? "secondary" : "danger"}
      confirm={disabled ? undefined : `确定停用账号“${username}”吗?停用后该账号将立即退出登录且无法再登录。`}
    />
  );
}

export function ResetPasswordForm({ userId, username }: { userId: string; username: string }) {
  const [state, action, pending] = useActionState(resetUserPassword, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const fieldId = `password-${userId}`;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700">重置密码</summary>
      <form action={action} noValidate className="mt-2 space-y-2">
        <input type="hidden" name="userId" value={userId} />
        <label htmlFor={fieldId} className="block text-xs text-gray-700">
          {username} 的新密码
        </label>
        <input
          id={fieldId}
          name="password"
          type="password"
          autoComplete="new-password"
          className="block w-48 rounded-md border border-gray-300 px-2 py-1"
          aria-invalid={errors?.password ? true : undefined}
          aria-describedby={errors?.password ? `${fieldId}-error` : undefined}
        />
        {errors?.password ? (
          <p id={`${fieldId}-error`} className="text-xs text-red-700">
            {errors.password.join(";")}
          </p>
        ) : null}
        <Button type="submit" variant="secondary" disabled={pending}>
          确认重置
        </Button>
        <FormMessage state={state && (state.ok || !errors) ? state : null} />
      </form>
    </details>
  );
}
