"use client";

import { useActionState } from "react";
import Link from "@/components/link";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { SURVEY_CHOICE_LABELS, SURVEY_CHOICES } from "@/lib/domain";
import { PAPER_FORMS_MAX, PAPER_LABEL_MAX, paperCell } from "@/lib/survey-paper";
import { addPaperBatchAction, updatePaperBatchAction } from "./actions";

export interface PaperQuestion {
  position: number;
  text: string;
}

export interface PaperBatchValues {
  id: number;
  label: string;
  collectedOn: string;
  forms: number;
  counts: { position: number; choice: string; count: number }[];
}

// The grid of a 纸质问卷批次: one row per question, one number per answer choice, as the
// office tallies a pile of forms by hand. Tab moves along a row and on to the next question;
// a blank cell counts 0; each question's cells may add up to at most the batch's 份数 (the
// rest left the question blank). An error is shown in the row it concerns.
export function PaperBatchForm({
  surveyId,
  questions,
  batch,
  cancelHref,
  today,
}: {
  surveyId: number;
  questions: PaperQuestion[];
  /** The batch being corrected; absent, a new batch is entered. */
  batch?: PaperBatchValues;
  cancelHref: string;
  today: string;
}) {
  const [state, action, pending] = useActionState(batch ? updatePaperBatchAction : addPaperBatchAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const stored = (position: number, choice: string) => batch?.counts.find((c) => c.position === position && c.choice === choice)?.count;
  const cell = (position: number, choice: (typeof SURVEY_CHOICES)[number]) => {
    const name = paperCell(position, choice);
    return values ? (values[name] ?? "") : String(stored(position, choice) ?? "");
  };
  const rowErrors = (position: number) => [
    ...(errors?.[`counts.${position}`] ?? []),
    ...SURVEY_CHOICES.flatMap((choice) => (errors?.[paperCell(position, choice)] ?? []).map((m) => `${SURVEY_CHOICE_LABELS[choice]}:${m}`)),
  ];
  const title = batch ? `更正纸质问卷批次“${batch.label}”` : "录入纸质问卷批次";
  return (
    <form action={action} noValidate key={formKey(state)} aria-label={batch ? "更正纸质问卷" : "录入纸质问卷"} className="space-y-4" id="paper-form">
      <h3 className="text-sm font-semibold text-gray-900">{title}</h3>
      <FormMessage state={state} />
      <input type="hidden" name="surveyId" value={surveyId} />
      {batch ? <input type="hidden" name="batchId" value={batch.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          name="label"
          label="批次名称"
          maxLength={PAPER_LABEL_MAX}
          placeholder="如:新安街道 第1批"
          defaultValue={values?.label ?? batch?.label ?? ""}
          errors={errors?.label}
        />
        <TextField name="collectedOn" label="收集日期" type="date" max={today} defaultValue={values?.collectedOn ?? batch?.collectedOn ?? today} errors={errors?.collectedOn} />
        <TextField
          name="forms"
          label="份数"
          type="number"
          inputMode="numeric"
          min={1}
          max={PAPER_FORMS_MAX}
          defaultValue={values?.forms ?? (batch ? String(batch.forms) : "")}
          errors={errors?.forms}
          hint="本批收回的问卷份数,空白问卷也计入"
        />
      </div>
      <div className="overflow-x-auto rounded-lg border border-gray-200">
        <table className="min-w-full divide-y divide-gray-200 text-sm">
          <caption className="px-3 py-2 text-left text-xs text-gray-600">
            各题选择每一项的份数。空格按 0 计;每题各项合计不能多于份数,其余计为未作答。
          </caption>
          <thead>
            <tr>
              <th scope="col" className="bg-gray-50 px-3 py-2 text-left text-xs font-semibold text-gray-700">
                题目
              </th>
              {SURVEY_CHOICES.map((choice) => (
                <th key={choice} scope="col" className="bg-gray-50 px-3 py-2 text-right text-xs font-semibold whitespace-nowrap text-gray-700">
                  {SURVEY_CHOICE_LABELS[choice]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {questions.map((q) => {
              const problems = rowErrors(q.position);
              const errorId = `counts-${q.position}-error`;
              return (
                <tr key={q.position}>
                  <th scope="row" className="px-3 py-2 text-left align-top font-normal text-gray-800">
                    {q.position}. {q.text}
                    {problems.length ? (
                      <p id={errorId} role="alert" className="mt-1 text-sm text-red-700">
                        {problems.join(";")}
                      </p>
                    ) : null}
                  </th>
                  {SURVEY_CHOICES.map((choice) => (
                    <td key={choice} className="px-2 py-2 align-top">
                      <input
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={PAPER_FORMS_MAX}
                        name={paperCell(q.position, choice)}
                        aria-label={`第${q.position}题 ${SURVEY_CHOICE_LABELS[choice]}`}
                        aria-invalid={problems.length ? true : undefined}
                        aria-describedby={problems.length ? errorId : undefined}
                        defaultValue={cell(q.position, choice)}
                        className="w-20 rounded-md border border-gray-300 px-2 py-1 text-right tabular-nums aria-[invalid=true]:border-red-500"
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {errors?.counts ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.counts.join(";")}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "正在保存…" : batch ? "保存更正" : "录入本批"}
        </Button>
        {batch ? (
          <Link href={cancelHref} className="text-sm text-brand-700 hover:underline">
            取消更正,录入新批次
          </Link>
        ) : null}
      </div>
    </form>
  );
}
