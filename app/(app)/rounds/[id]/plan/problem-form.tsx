"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import type { Problem } from "@/db/schema";
import { createProblemAction, updateProblemAction } from "./actions";
import { unitSelectOptions, type UnitOption } from "./unit-options";

/** Add a problem to the round, or edit one when `problem` is given. */
export function ProblemForm({
  roundId,
  problem,
  aspects,
  units,
  nextNumber,
  aspectId,
}: {
  roundId: number;
  problem?: Problem;
  aspects: { id: number; name: string }[];
  units: UnitOption[];
  nextNumber?: number;
  /** The aspect a new problem goes under unless another is chosen. */
  aspectId?: number | null;
}) {
  const [state, action, pending] = useActionState(problem ? updateProblemAction : createProblemAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submitted = state && !state.ok ? state.values : undefined;
  const value = (key: keyof Problem, fallback: string | number | null | undefined) =>
    submitted?.[key] ?? (problem ? stringOf(problem[key] as string | number | null) : stringOf(fallback));
  const title = problem ? "编辑问题" : "新增问题";
  return (
    <form
      id={problem ? undefined : "new-problem"}
      action={action}
      noValidate
      key={formKey(state)}
      aria-labelledby="problem-form-title"
      className="no-print space-y-3 rounded-lg border border-gray-200 bg-white p-4"
    >
      <h3 id="problem-form-title" className="font-semibold">
        {title}
      </h3>
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      {problem ? <input type="hidden" name="problemId" value={problem.id} /> : null}
      <div className="grid gap-3 md:grid-cols-[8rem_1fr]">
        <TextField name="number" label="问题序号" type="number" inputMode="numeric" min={1} max={9999} required defaultValue={value("number", nextNumber)} errors={errors?.number} />
        <TextField name="title" label="问题标题" required defaultValue={value("title", "")} errors={errors?.title} />
      </div>
      <SelectField
        name="aspectId"
        label="所属方面"
        defaultValue={value("aspectId", aspectId)}
        placeholder="(不属于任何方面)"
        options={aspects.map((a) => ({ value: String(a.id), label: a.name }))}
        errors={errors?.aspectId}
      />
      <div className="grid gap-3 md:grid-cols-2">
        <TextField name="leadLeader" label="牵头领导" defaultValue={value("leadLeader", "")} errors={errors?.leadLeader} />
        <SelectField
          name="leadUnitId"
          label="牵头单位"
          defaultValue={value("leadUnitId", "")}
          placeholder="(未指定)"
          options={unitSelectOptions(units)}
          errors={errors?.leadUnitId}
        />
      </div>
      <TextAreaField name="description" label="问题描述" defaultValue={value("description", "")} errors={errors?.description} hint="反馈意见中对该问题的具体表述(可选)" />
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : problem ? "保存问题" : "新增问题"}
      </Button>
    </form>
  );
}

function stringOf(v: string | number | null | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}
