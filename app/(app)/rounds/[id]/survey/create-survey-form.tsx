"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, type CheckboxOption } from "@/components/ui/checkbox-group";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { SURVEY_INTRO_MAX, SURVEY_QUESTIONS_MAX, SURVEY_TITLE_MAX } from "@/lib/survey";
import { createSurveyAction } from "./actions";

// The office chooses the questions: every aspect is asked by default; single problems may
// be added. Each chosen aspect or problem becomes one question with the four choices.
export function CreateSurveyForm({ roundId, defaultTitle, aspects, problems }: { roundId: number; defaultTitle: string; aspects: CheckboxOption[]; problems: CheckboxOption[] }) {
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
      <CheckboxGroup
        name="aspectIds"
        legend="按方面测评"
        options={aspects}
        checked={(id) => chosen("aspectIds", id, true)}
        errors={errors?.aspectIds}
        empty="本轮次尚未录入方面。"
      />
      <CheckboxGroup
        name="problemIds"
        legend="另选具体问题(选填)"
        options={problems}
        checked={(id) => chosen("problemIds", id, false)}
        errors={errors?.problemIds}
        scroll
      />
      <p className="text-xs text-gray-500">每个所选的方面或问题是一道题,选项为满意、基本满意、不满意、不了解;最多 {SURVEY_QUESTIONS_MAX} 道题。创建后需开放才能填写。</p>
      <Button type="submit" disabled={pending}>
        {pending ? "正在创建…" : "创建测评"}
      </Button>
    </form>
  );
}
