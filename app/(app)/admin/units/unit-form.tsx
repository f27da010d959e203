"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { UNIT_KINDS, UNIT_KIND_LABELS } from "@/lib/domain";
import { createUnit, renameUnit } from "../actions";

export function CreateUnitForm({ units }: { units: { id: number; name: string }[] }) {
  const [state, action, pending] = useActionState(createUnit, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate className="space-y-4 rounded-lg border border-gray-200 bg-white p-5" aria-labelledby="create-unit-title" key={formKey(state)}>
      <h2 id="create-unit-title" className="font-semibold">
        新建单位
      </h2>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-3">
        <TextField name="name" label="单位名称" required defaultValue={values?.name} errors={errors?.name} />
        <SelectField
          name="kind"
          label="单位类型"
          required
          defaultValue={values?.kind ?? "government"}
          options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
          errors={errors?.kind}
        />
        <SelectField
          name="parentId"
          label="上级单位"
          defaultValue={values?.parentId ?? ""}
          placeholder="(无,作为顶级单位)"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
          errors={errors?.parentId}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "正在创建…" : "创建单位"}
      </Button>
    </form>
  );
}

export function RenameUnitForm({ units }: { units: { id: number; name: string }[] }) {
  const [state, action, pending] = useActionState(renameUnit, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate className="space-y-4 rounded-lg border border-gray-200 bg-white p-5" aria-labelledby="rename-unit-title" key={formKey(state)}>
      <h2 id="rename-unit-title" className="font-semibold">
        单位改名
      </h2>
      <FormMessage state={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          name="unitId"
          label="要改名的单位"
          required
          defaultValue={values?.unitId ?? ""}
          placeholder="请选择"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
          errors={errors?.unitId}
        />
        <TextField name="name" label="新名称" required defaultValue={values?.name} errors={errors?.name} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "改名"}
      </Button>
    </form>
  );
}
