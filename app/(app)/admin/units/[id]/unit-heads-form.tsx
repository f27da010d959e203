"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { UNIT_HEAD_POSTS, UNIT_HEAD_POST_LABELS, type UnitHeadPost } from "@/lib/domain";
import { setUnitHeadsAction } from "../../actions";

export type HeadDefault = { kind: "none" } | { kind: "account"; userId: string } | { kind: "contact"; name: string; phone: string };

const KIND_OPTIONS = [
  { value: "account", label: "本单位账号(站内通知)" },
  { value: "contact", label: "联系人(无账号,电话联系)" },
  { value: "none", label: "暂不登记" },
];

export function UnitHeadsForm({ unitId, accounts, current }: { unitId: number; accounts: { id: string; label: string }[]; current: Record<string, HeadDefault> }) {
  const [state, action, pending] = useActionState(setUnitHeadsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submitted = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate key={formKey(state)} aria-labelledby="unit-heads-title" className="max-w-3xl space-y-4 rounded-lg border border-gray-200 bg-white p-5">
      <h2 id="unit-heads-title" className="font-semibold">
        登记单位负责人
      </h2>
      <FormMessage state={state} />
      <input type="hidden" name="unitId" value={unitId} />
      {UNIT_HEAD_POSTS.map((post) => (
        <HeadFields key={post} post={post} accounts={accounts} initial={current[post] ?? { kind: "none" }} submitted={submitted} errors={errors} />
      ))}
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存负责人"}
      </Button>
    </form>
  );
}

function HeadFields({
  post,
  accounts,
  initial,
  submitted,
  errors,
}: {
  post: UnitHeadPost;
  accounts: { id: string; label: string }[];
  initial: HeadDefault;
  submitted?: Record<string, string>;
  errors?: Record<string, string[]>;
}) {
  const label = UNIT_HEAD_POST_LABELS[post];
  const [kind, setKind] = useState(submitted?.[`${post}Kind`] ?? initial.kind);
  return (
    <fieldset className="space-y-3 rounded-md border border-gray-200 p-4">
      <legend className="px-1 text-sm font-semibold">{label}</legend>
      <SelectField
        name={`${post}Kind`}
        label={`${label}登记方式`}
        value={kind}
        onChange={(event) => setKind(event.target.value)}
        options={KIND_OPTIONS}
        errors={errors?.[`${post}Kind`]}
      />
      {kind === "account" ? (
        <SelectField
          name={`${post}UserId`}
          label={`${label}账号`}
          defaultValue={submitted?.[`${post}UserId`] ?? (initial.kind === "account" ? initial.userId : "")}
          placeholder="请选择本单位的账号"
          options={accounts.map((a) => ({ value: a.id, label: a.label }))}
          errors={errors?.[`${post}UserId`]}
          hint={accounts.length === 0 ? "本单位还没有可用账号,可先在“用户”中建立,或登记为联系人" : undefined}
        />
      ) : null}
      {kind === "contact" ? (
        <div className="grid gap-4 md:grid-cols-2">
          <TextField name={`${post}Name`} label={`${label}姓名`} defaultValue={submitted?.[`${post}Name`] ?? (initial.kind === "contact" ? initial.name : "")} errors={errors?.[`${post}Name`]} />
          <TextField
            name={`${post}Phone`}
            label={`${label}电话`}
            type="tel"
            defaultValue={submitted?.[`${post}Phone`] ?? (initial.kind === "contact" ? initial.phone : "")}
            errors={errors?.[`${post}Phone`]}
            hint="预警到这一级时,由整改办电话告知"
          />
        </div>
      ) : null}
    </fieldset>
  );
}
