"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { SURVEY_INTRO_MAX, SURVEY_QUESTIONS_MAX, SURVEY_TITLE_MAX } from "@/lib/survey";
import { createSurveyAction } from "./actions";

interface Choice {
  id: number;
  label: string;
}

// The office chooses the questions: every aspect is asked by default; single problems may
// be added. Each chosen aspect or problem becomes one question with the four choices.
export function CreateSurveyForm({ roundId, defaultTitle, aspects, problems }: { roundId: number; defaultTitle: string; aspects: Choice[]; problems: Choice[] }) {
  const [state, action, pending] = useActionState(createSurveyAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const chosen = (key: string, id: number, fallback: boolean) => (values ? (values[key] ?? "").split(",").includes(String(id)) : fallback);
  return (
    <form action={action} noValidate key={formKey(state)} aria-label="创建满意度测评" className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <TextField name="title" label="测评标题" maxLength={SURVEY_TITLE_MAX} defaultValue={values?.title ?? defaultTitle} errors={errors?.title} />
      <TextAreaField
        name="intro"
        label="填写说明(选填,显示在问卷开头)"
        maxLength={SURVEY_INTRO_MAX}
        defaultValue={values?.intro ?? ""}
        errors={errors?.intro}
      />
      <fieldset aria-describedby={errors?.aspectIds ? "aspectIds-error" : undefined}>
        <legend className="text-sm font-medium text-gray-800">按方面测评</legend>
        {aspects.length === 0 ? <p className="text-sm text-gray-500">本轮次尚未录入方面。</p> : null}
        <div className="mt-1 space-y-1">
          {aspects.map((a) => (
            <label key={a.id} className="flex items-start gap-2 text-sm text-gray-800">
              <input type="checkbox" name="aspectIds" value={a.id} defaultChecked={chosen("aspectIds", a.id, true)} className="mt-0.5" />
              {a.label}
            </label>
          ))}
        </div>
        {errors?.aspectIds ? (
          <p id="aspectIds-error" role="alert" className="mt-1 text-sm text-red-700">
            {errors.aspectIds.join(";")}
          </p>
        ) : null}
      </fieldset>
      <fieldset aria-describedby={errors?.problemIds ? "problemIds-error" : undefined}>
        <legend className="text-sm font-medium text-gray-800">另选具体问题(选填)</legend>
        <div className="mt-1 max-h-64 space-y-1 overflow-y-auto">
          {problems.map((p) => (
            <label key={p.id} className="flex items-start gap-2 text-sm text-gray-800">
              <input type="checkbox" name="problemIds" value={p.id} defaultChecked={chosen("problemIds", p.id, false)} className="mt-0.5" />
              {p.label}
            </label>
          ))}
        </div>
        {errors?.problemIds ? (
          <p id="problemIds-error" role="alert" className="mt-1 text-sm text-red-700">
            {errors.problemIds.join(";")}
          </p>
        ) : null}
      </fieldset>
      <p className="text-xs text-gray-500">每个所选的方面或问题是一道题,选项为满意、基本满意、不满意、不了解;最多 {SURVEY_QUESTIONS_MAX} 道题。创建后需开放才能填写。</p>
      <Button type="submit" disabled={pending}>
        {pending ? "正在创建…" : "创建测评"}
      </Button>
    </form>
  );
}
