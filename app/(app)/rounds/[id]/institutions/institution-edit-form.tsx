"use client";

import { useActionState } from "react";
import Link from "@/components/link";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/field";
import { updateInstitutionAction } from "./actions";

/**
 * The office's edit of one rule: its 复查日期 and the problems of the round it answers
 * (checkboxes, so the list works with the keyboard alone). After an error the form keeps
 * what was submitted.
 */
export function InstitutionEditForm({ institution, problems, backHref }: {
  institution: { id: number; title: string; reviewDate: string | null; problemIds: number[] };
  problems: { id: number; number: number; title: string }[];
  backHref: string;
}) {
  const [state, action, pending] = useActionState(updateInstitutionAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const submitted = values ? new Set(String(values.problemIds ?? "").split(",").filter(Boolean).map(Number)) : null;
  return (
    <section aria-labelledby="institution-edit-title" className="no-print mb-6 rounded-lg border border-brand-200 bg-white p-4">
      <h2 id="institution-edit-title" className="mb-3 font-semibold">
        编辑制度:{institution.title}
      </h2>
      <FormMessage state={state} />
      <form action={action} noValidate key={formKey(state)} className="mt-3 space-y-4">
        <input type="hidden" name="institutionId" value={institution.id} />
        <div className="max-w-xs">
          <TextField
            name="reviewDate"
            type="date"
            label="复查日期"
            hint="到期时整改办复查该制度是否仍然适用、是否执行到位"
            defaultValue={values?.reviewDate ?? institution.reviewDate ?? ""}
            errors={errors?.reviewDate}
          />
        </div>
        <CheckboxGroup
          name="problemIds"
          legend="针对的问题(本轮次)"
          options={problems.map((p) => ({ id: p.id, label: `问题${p.number}:${p.title}` }))}
          checked={(id) => (submitted ? submitted.has(id) : institution.problemIds.includes(id))}
          errors={errors?.problemIds}
          empty="本轮次尚无问题"
          scroll
        />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "正在保存…" : "保存"}
          </Button>
          <Link href={backHref} className="text-sm text-brand-700 underline-offset-2 hover:underline">
            返回列表
          </Link>
        </div>
      </form>
    </section>
  );
}
