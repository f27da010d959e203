"use client";

import { useActionState, useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TEMPLATE_LIMITS, TEMPLATE_WEIGHT_TOTAL, type TemplateContent } from "@/lib/evaluation-template";
import type { ActionState } from "@/server/action";

// The template editor: areas holding indicators, and grades — rows added, removed and moved
// with buttons (keyboard like everything else), the weight total kept in view. The whole
// template goes to the server as one JSON field; its errors come back by path and are shown
// beside the field they name.

interface Row<T> {
  key: number;
  value: T;
}
interface IndicatorDraft {
  name: string;
  description: string;
  weight: string;
}
interface Draft {
  name: string;
  months: string;
  areas: Row<{ name: string; indicators: Row<IndicatorDraft>[] }>[];
  grades: Row<{ name: string; factor: string }>[];
}

let nextKey = 1;
const row = <T,>(value: T): Row<T> => ({ key: nextKey++, value });
const emptyIndicator = (): Row<IndicatorDraft> => row({ name: "", description: "", weight: "" });

function draftOf(content: TemplateContent): Draft {
  return {
    name: content.name,
    months: String(content.monthsAfterFeedback),
    areas: content.areas.map((a) => row({ name: a.name, indicators: a.indicators.map((i) => row({ name: i.name, description: i.description, weight: i.weight ? String(i.weight) : "" })) })),
    grades: content.grades.map((g) => row({ name: g.name, factor: String(g.factor) })),
  };
}

/** What is sent: numbers as typed (the server reads and checks them), rows in their order. */
function payloadOf(draft: Draft) {
  return JSON.stringify({
    name: draft.name,
    monthsAfterFeedback: draft.months,
    areas: draft.areas.map((a) => ({ name: a.value.name, indicators: a.value.indicators.map((i) => i.value) })),
    grades: draft.grades.map((g) => g.value),
  });
}

function moved<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}

const weightOf = (draft: Draft) =>
  Math.round(draft.areas.reduce((sum, a) => sum + a.value.indicators.reduce((s, i) => s + (Number(i.value.weight) || 0), 0), 0) * 10) / 10;

const CONTROL =
  "block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-500";

/** A labelled control whose label reads "方面1指标2 分值" to a screen reader and "分值" on screen. */
function Input({
  id,
  where,
  label,
  errors,
  value,
  onValue,
  maxLength,
  inputMode,
  multiline,
}: {
  id: string;
  where?: string;
  label: string;
  errors?: string[];
  value: string;
  onValue: (value: string) => void;
  maxLength?: number;
  inputMode?: "numeric" | "decimal";
  multiline?: boolean;
}) {
  const common = { id, value, maxLength, className: CONTROL, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": errors?.length ? `${id}-error` : undefined };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-gray-700">
        {where ? <span className="sr-only">{where} </span> : null}
        {label}
      </label>
      {multiline ? <textarea {...common} rows={2} onChange={(e) => onValue(e.target.value)} /> : <input {...common} inputMode={inputMode} onChange={(e) => onValue(e.target.value)} />}
      {errors?.length ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {errors.join(";")}
        </p>
      ) : null}
    </div>
  );
}

function RowButtons({ what, index, count, onMove, onRemove, removable = true }: { what: string; index: number; count: number; onMove: (by: -1 | 1) => void; onRemove: () => void; removable?: boolean }) {
  return (
    <div className="no-print flex gap-1">
      <Button type="button" variant="secondary" className="px-2 py-1" aria-label={`上移${what}`} disabled={index === 0} onClick={() => onMove(-1)}>
        ↑
      </Button>
      <Button type="button" variant="secondary" className="px-2 py-1" aria-label={`下移${what}`} disabled={index === count - 1} onClick={() => onMove(1)}>
        ↓
      </Button>
      <Button type="button" variant="danger" className="px-2 py-1" aria-label={`删除${what}`} disabled={!removable} onClick={onRemove}>
        删除
      </Button>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
      <h2 className="font-semibold text-gray-900">{title}</h2>
      {children}
    </section>
  );
}

export function TemplateEditor({
  action,
  initial,
  templateId,
  submitLabel,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  initial: TemplateContent;
  templateId?: number;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [draft, setDraft] = useState(() => draftOf(initial));
  // A row added from the keyboard gets the focus, so typing goes on in the new row.
  const [focus, setFocus] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (path: string) => errors[path];
  const total = weightOf(draft);
  const indicatorCount = draft.areas.reduce((n, a) => n + a.value.indicators.length, 0);

  const setArea = (a: number, change: (area: Draft["areas"][number]["value"]) => Draft["areas"][number]["value"]) =>
    setDraft((d) => ({ ...d, areas: d.areas.map((r, i) => (i === a ? { ...r, value: change(r.value) } : r)) }));
  const setIndicator = (a: number, i: number, change: Partial<IndicatorDraft>) =>
    setArea(a, (area) => ({ ...area, indicators: area.indicators.map((r, j) => (j === i ? { ...r, value: { ...r.value, ...change } } : r)) }));
  const setGrade = (g: number, change: Partial<{ name: string; factor: string }>) =>
    setDraft((d) => ({ ...d, grades: d.grades.map((r, i) => (i === g ? { ...r, value: { ...r.value, ...change } } : r)) }));

  return (
    <form action={formAction} noValidate aria-label="评估指标模板" className="space-y-5">
      <FormMessage state={state} />
      {templateId ? <input type="hidden" name="templateId" value={templateId} /> : null}
      <input type="hidden" name="content" value={payloadOf(draft)} />
      {err("content") ? (
        <p role="alert" className="text-sm text-red-700">
          {err("content")!.join(";")}
        </p>
      ) : null}

      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <Input id="t-name" label="模板名称" value={draft.name} maxLength={TEMPLATE_LIMITS.name} errors={err("name")} onValue={(v) => setDraft({ ...draft, name: v })} />
        <Input
          id="t-months"
          label="评估时间(反馈后月数)"
          inputMode="numeric"
          value={draft.months}
          errors={err("monthsAfterFeedback")}
          onValue={(v) => setDraft({ ...draft, months: v })}
        />
      </div>

      <Section title="方面与指标">
        <p aria-live="polite" className={`text-sm ${total === TEMPLATE_WEIGHT_TOTAL ? "text-gray-700" : "font-medium text-amber-800"}`}>
          共 {draft.areas.length} 个方面、{indicatorCount} 项指标,分值合计 {total} 分(应为 {TEMPLATE_WEIGHT_TOTAL} 分)
        </p>
        {[err("weightTotal"), err("areas")].filter(Boolean).map((messages, n) => (
          <p key={n} role="alert" className="text-sm text-red-700">
            {messages!.join(";")}
          </p>
        ))}
        {draft.areas.map((areaRow, a) => {
          const area = areaRow.value;
          const where = `方面${a + 1}`;
          return (
            <fieldset key={areaRow.key} className="space-y-3 rounded-md border border-gray-200 p-3">
              <legend className="px-1 text-sm font-medium text-gray-800">{where}</legend>
              <div className="flex flex-wrap items-end gap-3">
                <div className="min-w-64 flex-1">
                  <Input id={`t-areas.${a}.name`} where={where} label="方面名称" value={area.name} maxLength={TEMPLATE_LIMITS.areaName} errors={err(`areas.${a}.name`)} onValue={(v) => setArea(a, (x) => ({ ...x, name: v }))} />
                </div>
                <RowButtons
                  what={where}
                  index={a}
                  count={draft.areas.length}
                  onMove={(by) => setDraft((d) => ({ ...d, areas: moved(d.areas, a, by) }))}
                  onRemove={() => setDraft((d) => ({ ...d, areas: d.areas.filter((_, i) => i !== a) }))}
                />
              </div>
              {err(`areas.${a}.indicators`) ? (
                <p role="alert" className="text-sm text-red-700">
                  {err(`areas.${a}.indicators`)!.join(";")}
                </p>
              ) : null}
              <ol className="space-y-3">
                {area.indicators.map((indicatorRow, i) => {
                  const indicator = indicatorRow.value;
                  const at = `areas.${a}.indicators.${i}`;
                  const whereIndicator = `${where}指标${i + 1}`;
                  return (
                    <li key={indicatorRow.key} className="grid gap-2 rounded-md bg-gray-50 p-3 md:grid-cols-[3fr_1fr_auto] md:items-end">
                      <Input id={`t-${at}.name`} where={whereIndicator} label="指标名称" value={indicator.name} maxLength={TEMPLATE_LIMITS.indicatorName} errors={err(`${at}.name`)} onValue={(v) => setIndicator(a, i, { name: v })} />
                      <Input id={`t-${at}.weight`} where={whereIndicator} label="分值" inputMode="decimal" value={indicator.weight} errors={err(`${at}.weight`)} onValue={(v) => setIndicator(a, i, { weight: v })} />
                      <RowButtons
                        what={whereIndicator}
                        index={i}
                        count={area.indicators.length}
                        onMove={(by) => setArea(a, (x) => ({ ...x, indicators: moved(x.indicators, i, by) }))}
                        onRemove={() => setArea(a, (x) => ({ ...x, indicators: x.indicators.filter((_, j) => j !== i) }))}
                      />
                      <div className="md:col-span-3">
                        <Input
                          id={`t-${at}.description`}
                          where={whereIndicator}
                          label="评分要点(选填)"
                          multiline
                          value={indicator.description}
                          maxLength={TEMPLATE_LIMITS.description}
                          errors={err(`${at}.description`)}
                          onValue={(v) => setIndicator(a, i, { description: v })}
                        />
                      </div>
                    </li>
                  );
                })}
              </ol>
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setArea(a, (x) => ({ ...x, indicators: [...x.indicators, emptyIndicator()] }));
                  setFocus({ id: `t-areas.${a}.indicators.${area.indicators.length}.name` });
                }}
              >
                在{where}中添加指标
              </Button>
            </fieldset>
          );
        })}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setDraft((d) => ({ ...d, areas: [...d.areas, row({ name: "", indicators: [emptyIndicator()] })] }));
            setFocus({ id: `t-areas.${draft.areas.length}.name` });
          }}
        >
          添加方面
        </Button>
      </Section>

      <Section title="评价等次">
        <p className="text-sm text-gray-600">由高到低排列;某项指标评为该等次时,得分为该指标分值 × 得分系数(0 到 1 之间)。</p>
        {err("grades") ? (
          <p role="alert" className="text-sm text-red-700">
            {err("grades")!.join(";")}
          </p>
        ) : null}
        <ol className="space-y-2">
          {draft.grades.map((gradeRow, g) => {
            const where = `等次${g + 1}`;
            return (
              <li key={gradeRow.key} className="grid gap-2 md:grid-cols-[2fr_1fr_auto] md:items-end">
                <Input id={`t-grades.${g}.name`} where={where} label="等次名称" value={gradeRow.value.name} maxLength={TEMPLATE_LIMITS.gradeName} errors={err(`grades.${g}.name`)} onValue={(v) => setGrade(g, { name: v })} />
                <Input id={`t-grades.${g}.factor`} where={where} label="得分系数" inputMode="decimal" value={gradeRow.value.factor} errors={err(`grades.${g}.factor`)} onValue={(v) => setGrade(g, { factor: v })} />
                <RowButtons
                  what={where}
                  index={g}
                  count={draft.grades.length}
                  onMove={(by) => setDraft((d) => ({ ...d, grades: moved(d.grades, g, by) }))}
                  onRemove={() => setDraft((d) => ({ ...d, grades: d.grades.filter((_, i) => i !== g) }))}
                />
              </li>
            );
          })}
        </ol>
        <Button
          type="button"
          variant="secondary"
          disabled={draft.grades.length >= TEMPLATE_LIMITS.grades}
          onClick={() => {
            setDraft((d) => ({ ...d, grades: [...d.grades, row({ name: "", factor: "" })] }));
            setFocus({ id: `t-grades.${draft.grades.length}.name` });
          }}
        >
          添加等次
        </Button>
      </Section>

      <Button type="submit" disabled={pending}>
        {pending ? "正在保存…" : submitLabel}
      </Button>
    </form>
  );
}
