"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { createSnapshotAction } from "../report/actions";

/** Freezes the ledger as it stands now; the date and label say what it was for. */
export function SnapshotForm({ roundId, today }: { roundId: number; today: string }) {
  const [state, action, pending] = useActionState(createSnapshotAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submitted = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate key={formKey(state)} aria-label="冻结台账" className="mb-6 space-y-3 rounded-lg border border-gray-200 bg-white p-4">
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
        <TextField name="asOf" label="截至日期" type="date" max={today} defaultValue={submitted?.asOf ?? today} errors={errors?.asOf} />
        <TextField
          name="label"
          label="快照说明"
          maxLength={100}
          defaultValue={submitted?.label ?? ""}
          errors={errors?.label}
          placeholder="如:报省委巡视办的阶段性台账"
        />
        <Button type="submit" disabled={pending}>
          {pending ? "正在冻结…" : "冻结当前台账"}
        </Button>
      </div>
    </form>
  );
}
