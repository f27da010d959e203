"use client";

import { useActionState } from "react";
import { advanceClueAction, registerClueAction } from "@/app/(app)/clues/actions";
import {
  CLUE_HANDLERS,
  CLUE_HANDLER_LABELS,
  CLUE_KINDS,
  CLUE_KIND_LABELS,
  CLUE_STAGE_LABELS,
  CLUE_TIME_LIMITS,
  CLUE_TIME_LIMIT_LABELS,
  type ClueStage,
} from "@/lib/domain";
import { CLUE_NOTE_MAX, CLUE_NUMBER_MAX, CLUE_TITLE_MAX } from "@/lib/validations/clue";
import { Button } from "./ui/button";
import { SelectField, TextAreaField, TextField } from "./ui/field";
import { FormMessage, formKey } from "./ui/form-message";

// The register's two forms: registering an item handed over, and moving one to its next
// stage. Errors sit next to their field (aria-describedby); after an error the form comes
// back with what was typed.

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));

export function RegisterClueForm({ roundId, units, today }: { roundId: number; units: { id: number; name: string }[]; today: string }) {
  const [state, formAction, pending] = useActionState(registerClueAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} noValidate key={formKey(state)} aria-label="登记信访件或问题线索" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
      <h2 className="text-base font-semibold">登记移交的信访件、问题线索</h2>
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="kind" label="类别" options={options(CLUE_KINDS, CLUE_KIND_LABELS)} defaultValue={values?.kind ?? "clue"} errors={errors?.kind} />
        <TextField name="number" label="编号" maxLength={CLUE_NUMBER_MAX} defaultValue={values?.number} errors={errors?.number} hint="巡视(察)组移交时的编号,本轮次内不重复" />
      </div>
      <TextAreaField name="title" label="标题或反映内容摘要" rows={2} maxLength={CLUE_TITLE_MAX} defaultValue={values?.title} errors={errors?.title} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="handler" label="承办单位" options={options(CLUE_HANDLERS, CLUE_HANDLER_LABELS)} defaultValue={values?.handler ?? "commission"} errors={errors?.handler} />
        <SelectField
          name="handlerUnitId"
          label="承办的责任单位(承办单位为责任单位时填写)"
          placeholder="—"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
          defaultValue={values?.handlerUnitId ?? ""}
          errors={errors?.handlerUnitId}
        />
        <TextField name="receivedDate" label="接收日期" type="date" max={today} defaultValue={values?.receivedDate ?? today} errors={errors?.receivedDate} />
        <SelectField name="timeLimit" label="办理时限" options={options(CLUE_TIME_LIMITS, CLUE_TIME_LIMIT_LABELS)} defaultValue={values?.timeLimit ?? "6"} errors={errors?.timeLimit} />
        <TextField name="dueDate" label="指定的办结日期(办理时限为指定日期时填写)" type="date" defaultValue={values?.dueDate} errors={errors?.dueDate} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "正在登记…" : "登记"}
      </Button>
    </form>
  );
}

export interface ClueOutcomeValues {
  peopleHandled: number;
  disciplined: number;
  organizational: number;
  prosecuted: number;
}

const HEADCOUNTS: { name: keyof ClueOutcomeValues; label: string }[] = [
  { name: "peopleHandled", label: "处理人数" },
  { name: "disciplined", label: "其中党纪政务处分人数" },
  { name: "organizational", label: "其中组织处理人数" },
  { name: "prosecuted", label: "其中移送司法机关人数" },
];

/** 变更办理阶段: only the stages that may follow the current one are offered. */
export function AdvanceClueForm({ clueId, next, current, today }: { clueId: number; next: readonly ClueStage[]; current: ClueOutcomeValues; today: string }) {
  const [state, formAction, pending] = useActionState(advanceClueAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <div className="space-y-2">
      <FormMessage state={state} />
      {next.length === 0 ? null : (
        <form
          action={formAction}
          noValidate
          key={formKey(state)}
          aria-label="变更办理阶段"
          className="space-y-3 rounded-lg border border-gray-200 bg-white p-4"
          onSubmit={(event) => {
            // A stage change cannot be undone: ask once, naming the stage.
            const stage = new FormData(event.currentTarget).get("toStage") as ClueStage | null;
            if (stage && CLUE_STAGE_LABELS[stage] && !window.confirm(`确认进入“${CLUE_STAGE_LABELS[stage]}”阶段吗?变更后不能撤回。`)) event.preventDefault();
          }}
        >
          <h2 className="text-base font-semibold">变更办理阶段</h2>
          <input type="hidden" name="clueId" value={clueId} />
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField name="toStage" label="下一阶段" options={next.map((s) => ({ value: s, label: CLUE_STAGE_LABELS[s] }))} defaultValue={values?.toStage ?? next[0]} errors={errors?.toStage} />
            <TextField name="changeDate" label="办理日期" type="date" max={today} defaultValue={values?.changeDate ?? today} errors={errors?.changeDate} />
          </div>
          <TextAreaField name="note" label="办理情况" rows={2} maxLength={CLUE_NOTE_MAX} defaultValue={values?.note} errors={errors?.note} />
          <fieldset className="grid gap-3 sm:grid-cols-4">
            <legend className="mb-1 text-sm font-medium text-gray-800">处理结果(人数;不变的可不改)</legend>
            {HEADCOUNTS.map((h) => (
              <TextField
                key={h.name}
                name={h.name}
                label={h.label}
                type="number"
                min={0}
                inputMode="numeric"
                defaultValue={values?.[h.name] ?? String(current[h.name])}
                errors={errors?.[h.name]}
              />
            ))}
          </fieldset>
          <Button type="submit" disabled={pending}>
            {pending ? "正在提交…" : "提交"}
          </Button>
        </form>
      )}
    </div>
  );
}
