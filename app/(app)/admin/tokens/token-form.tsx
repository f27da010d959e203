"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { issueApiToken } from "../actions";

export function IssueTokenForm({ users }: { users: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(issueApiToken, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} noValidate key={formKey(state)} aria-labelledby="issue-token-title" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
      <h2 id="issue-token-title" className="font-semibold">
        签发 API 令牌
      </h2>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="name" label="令牌用途" required errors={errors?.name} hint="如:省巡视整改平台对接" />
        <SelectField name="userId" label="代表的账号" required placeholder="请选择账号" options={users.map((u) => ({ value: u.id, label: u.label }))} errors={errors?.userId} hint="令牌拥有该账号的全部权限,建议使用只读的领导账号" />
      </div>
      <Button type="submit" disabled={pending}>
        签发令牌
      </Button>
    </form>
  );
}
