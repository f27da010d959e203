"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage, formKey } from "@/components/ui/form-message";
import { earliestEvaluationDate, RED_CARD_KINDS, RED_CARD_KIND_LABELS } from "@/lib/evaluation";
import { issueRedCardAction, scheduleEvaluationAction, scoreUnitAction } from "./actions";

/** 安排成效评估: the indicator set and the day, which the server keeps ≥ feedback + the template's months. */
export function ScheduleForm({
  roundId,
  templates,
  defaults,
  feedbackDate,
}: {
  roundId: number;
  templates: { value: string; label: string; months: number }[];
  defaults: { templateId: string; scheduledDate: string };
  feedbackDate: string | null;
}) {
  const [state, action, pending] = useActionState(scheduleEvaluationAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submitted = state && !state.ok ? state.values : undefined;
  const [chosen, setChosen] = useState(submitted?.templateId ?? defaults.templateId);
  const months = templates.find((t) => t.value === chosen)?.months ?? templates[0]?.months ?? 6;
  const earliest = feedbackDate ? earliestEvaluationDate(feedbackDate, months) : null;
  return (
    <form action={action} key={formKey(state)} noValidate aria-label="安排成效评估" className="no-print space-y-4 rounded-lg border border-gray-200 bg-white p-5">
      <FormMessage state={state} />
      <input type="hidden" name="roundId" value={roundId} />
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          name="templateId"
          label="评估指标体系"
          defaultValue={submitted?.templateId ?? defaults.templateId}
          options={templates.map(({ value, label }) => ({ value, label }))}
          errors={errors?.templateId}
          onChange={(e) => setChosen(e.target.value)}
        />
        <TextField
          name="scheduledDate"
          label="评估日期"
          type="date"
          defaultValue={submitted?.scheduledDate ?? defaults.scheduledDate}
          errors={errors?.scheduledDate}
          hint={earliest ? `所选模板要求反馈后至少 ${months} 个月方可评估,最早 ${earliest}` : "轮次未填写反馈日期,请先在“编辑轮次”中填写"}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : "保存评估安排"}
      </Button>
    </form>
  );
}

/** One unit's grades, a select per indicator grouped by area; blank leaves it ungraded. */
export function ScoreUnitForm({
  evaluationId,
  unit,
  indicators,
  grades,
  current,
}: {
  evaluationId: number;
  unit: { id: number; name: string };
  indicators: { id: number; area: string; name: string; description?: string; weight: number }[];
  grades: { id: number; name: string; factor: number }[];
  current: Record<number, number>;
}) {
  const [state, action, pending] = useActionState(scoreUnitAction, null);
  const submitted = state && !state.ok ? state.values : undefined;
  const options = grades.map((g) => ({ value: String(g.id), label: `${g.name}(×${g.factor})` }));
  return (
    <form action={action} key={formKey(state)} noValidate aria-label={`评分:${unit.name}`} className="no-print space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <input type="hidden" name="unitId" value={unit.id} />
      <div className="grid gap-3 md:grid-cols-2">
        {indicators.map((indicator) => (
          <SelectField
            key={indicator.id}
            name={`grade.${indicator.id}`}
            id={`unit-${unit.id}-grade.${indicator.id}`}
            label={`${indicator.area} · ${indicator.name}(${indicator.weight} 分)`}
            defaultValue={submitted?.[`grade.${indicator.id}`] ?? (current[indicator.id] ? String(current[indicator.id]) : "")}
            placeholder="(未评)"
            hint={indicator.description ? `评分要点:${indicator.description}` : undefined}
            options={options}
            errors={state && !state.ok ? state.fieldErrors?.[`grade.${indicator.id}`] : undefined}
          />
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : `保存${unit.name}的评分`}
      </Button>
    </form>
  );
}

/** 红牌: a completed measure judged 敷衍 or 虚假 is reopened; the office confirms it first. */
export function RedCardForm({ evaluationId, measures }: { evaluationId: number; measures: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(issueRedCardAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const submitted = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} key={formKey(state)} noValidate aria-label="认定敷衍整改或虚假整改" className="no-print space-y-4 rounded-lg border border-red-200 bg-white p-5">
      <FormMessage state={state} />
      <input type="hidden" name="evaluationId" value={evaluationId} />
      <SelectField name="measureId" label="整改措施" defaultValue={submitted?.measureId ?? ""} placeholder="(请选择已完成或基本完成的措施)" options={measures} errors={errors?.measureId} />
      <fieldset aria-describedby={errors?.kind ? "kind-error" : undefined}>
        <legend className="text-sm font-medium text-gray-800">认定结果</legend>
        <div className="mt-1 flex gap-4 text-sm">
          {RED_CARD_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-1">
              <input type="radio" name="kind" value={kind} defaultChecked={submitted?.kind === kind} />
              {RED_CARD_KIND_LABELS[kind]}
            </label>
          ))}
        </div>
        {errors?.kind ? (
          <p id="kind-error" role="alert" className="mt-1 text-sm text-red-700">
            {errors.kind.join(";")}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField name="reason" label="认定理由" rows={3} defaultValue={submitted?.reason ?? ""} errors={errors?.reason} hint="写明评估发现的问题,将通知牵头单位并记入该措施的整改记录" />
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirmReopen" className="mt-1" aria-describedby={errors?.confirmReopen ? "confirmReopen-error" : undefined} />
          确认亮红牌:该措施将重新打开为未完成,牵头单位须重新整改并申报
        </label>
        {errors?.confirmReopen ? (
          <p id="confirmReopen-error" role="alert" className="mt-1 text-sm text-red-700">
            {errors.confirmReopen.join(";")}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "正在保存…" : "亮红牌并重新打开"}
      </Button>
    </form>
  );
}
