"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { createCommonProblemAction } from "@/app/(app)/common-problems/actions";
import { COMMON_PROBLEM_MEASURES_MAX, COMMON_PROBLEM_TITLE_MAX } from "@/lib/validations/common-problem";
import { Button } from "./ui/button";
import { SelectField, TextAreaField, TextField } from "./ui/field";
import { FormMessage, formKey } from "./ui/form-message";

// 归并共性问题: pick problems from any rounds (choose a round, narrow by words, tick), name
// the common problem, choose the department that leads the 专项治理, its deadline and its
// measures. Everything chosen and typed lives in this component's state, so looking in
// another round (a new server render of the candidates) keeps it, and the form, keyed by the
// last result, comes back after an error with what was typed.

export interface PickedProblem {
  id: number;
  label: string;
}

interface Props {
  rounds: { id: number; name: string; problems: number }[];
  roundId: number | null;
  text: string;
  candidates: PickedProblem[];
  units: { id: number; name: string }[];
  today: string;
}

const INPUT =
  "block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";

export function CommonProblemForm({ rounds, roundId, text, candidates, units, today }: Props) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(createCommonProblemAction, null);
  const [picked, setPicked] = useState<PickedProblem[]>([]);
  const [fields, setFields] = useState({ title: "", description: "", leadUnitId: "", deadline: "" });
  const [rows, setRows] = useState([{ text: "", leadUnitId: "", deadline: "" }]);
  const [searchRound, setSearchRound] = useState(roundId === null ? "" : String(roundId));
  const [searchText, setSearchText] = useState(text);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const unitOptions = units.map((u) => ({ value: String(u.id), label: u.name }));

  const toggle = (p: PickedProblem, on: boolean) => setPicked((all) => (on ? [...all.filter((x) => x.id !== p.id), p] : all.filter((x) => x.id !== p.id)));
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = new URLSearchParams({ round: searchRound, q: searchText.trim() });
    router.replace(`/common-problems/new?${query}`, { scroll: false });
  };
  const field = (name: keyof typeof fields) => ({
    value: fields[name],
    onChange: (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value })),
  });
  const rowField = (i: number, name: "text" | "leadUnitId" | "deadline") => ({
    value: rows[i]![name],
    onChange: (e: { target: { value: string } }) => setRows((all) => all.map((r, j) => (j === i ? { ...r, [name]: e.target.value } : r))),
  });
  const measureErrors = Object.entries(errors ?? {})
    .filter(([key]) => key.startsWith("measure"))
    .flatMap(([, messages]) => messages);

  return (
    <div className="space-y-6">
      <section aria-labelledby="picker-heading" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4">
        <h2 id="picker-heading" className="text-base font-semibold">
          一、选择要归并的问题
        </h2>
        <form role="search" aria-label="查找问题" onSubmit={search} className="flex flex-wrap items-end gap-3">
          <div className="space-y-1">
            <label htmlFor="pick-round" className="block text-sm font-medium text-gray-800">
              轮次
            </label>
            <select id="pick-round" value={searchRound} onChange={(e) => setSearchRound(e.target.value)} className={INPUT}>
              <option value="">请选择轮次</option>
              {rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}({r.problems} 个问题)
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="pick-text" className="block text-sm font-medium text-gray-800">
              问题含有
            </label>
            <input id="pick-text" type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} className={INPUT} maxLength={100} />
          </div>
          <Button type="submit" variant="secondary">
            查找问题
          </Button>
        </form>
        {roundId === null ? (
          <p className="text-sm text-gray-600">选择轮次后列出其中的问题,可再按文字筛选;在不同轮次中分别查找、勾选。</p>
        ) : candidates.length === 0 ? (
          <p className="text-sm text-gray-600">该轮次中没有符合条件的问题。</p>
        ) : (
          <fieldset className="max-h-80 space-y-1 overflow-y-auto">
            <legend className="text-sm text-gray-700">查找结果({candidates.length} 个),勾选要归并的问题:</legend>
            {candidates.map((p) => (
              <label key={p.id} className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1" checked={picked.some((x) => x.id === p.id)} onChange={(e) => toggle(p, e.target.checked)} />
                <span>{p.label}</span>
              </label>
            ))}
          </fieldset>
        )}
      </section>

      <form action={formAction} key={formKey(state)} noValidate aria-label="归并为共性问题" className="space-y-4 rounded-lg border border-gray-200 bg-white p-4">
        <FormMessage state={state} />
        <section aria-labelledby="picked-heading" className="space-y-2">
          <h2 id="picked-heading" className="text-base font-semibold">
            已选问题({picked.length} 个)
          </h2>
          {picked.length === 0 ? <p className="text-sm text-gray-600">尚未选择问题。请至少选择两个问题。</p> : null}
          <ul className="space-y-1 text-sm">
            {picked.map((p) => (
              <li key={p.id} className="flex items-start gap-2">
                <input type="hidden" name="problemIds" value={p.id} />
                <span className="flex-1">{p.label}</span>
                <Button type="button" variant="secondary" className="px-2 py-1" onClick={() => toggle(p, false)} aria-label={`移除:${p.label}`}>
                  移除
                </Button>
              </li>
            ))}
          </ul>
          {errors?.problemIds ? (
            <p className="text-sm text-red-700" role="alert">
              {errors.problemIds.join(";")}
            </p>
          ) : null}
        </section>

        <h2 className="text-base font-semibold">二、共性问题与专项治理</h2>
        <TextField name="title" label="共性问题名称" maxLength={COMMON_PROBLEM_TITLE_MAX} errors={errors?.title} {...field("title")} />
        <TextAreaField name="description" label="情况说明(可不填)" rows={2} maxLength={2000} errors={errors?.description} {...field("description")} />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField name="leadUnitId" label="牵头治理的职能部门" placeholder="请选择" options={unitOptions} errors={errors?.leadUnitId} {...field("leadUnitId")} />
          <TextField name="deadline" label="专项治理完成时限" type="date" min={today} errors={errors?.deadline} {...field("deadline")} />
        </div>

        <fieldset className="space-y-3">
          <legend className="text-base font-semibold">三、专项治理措施</legend>
          {rows.map((_, i) => (
            <div key={i} className="grid gap-2 rounded-md border border-gray-100 p-3 sm:grid-cols-[2fr_1fr_1fr]">
              <div className="space-y-1">
                <label htmlFor={`measureText-${i + 1}`} className="block text-sm font-medium text-gray-800">
                  第 {i + 1} 项措施
                </label>
                <textarea id={`measureText-${i + 1}`} name="measureText" rows={2} maxLength={2000} className={INPUT} {...rowField(i, "text")} />
              </div>
              <div className="space-y-1">
                <label htmlFor={`measureLeadUnitId-${i + 1}`} className="block text-sm font-medium text-gray-800">
                  第 {i + 1} 项措施的牵头单位
                </label>
                <select id={`measureLeadUnitId-${i + 1}`} name="measureLeadUnitId" className={INPUT} {...rowField(i, "leadUnitId")}>
                  <option value="">请选择</option>
                  {unitOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="space-y-1">
                <label htmlFor={`measureDeadline-${i + 1}`} className="block text-sm font-medium text-gray-800">
                  第 {i + 1} 项措施的完成时限
                </label>
                <input id={`measureDeadline-${i + 1}`} name="measureDeadline" type="date" min={today} className={INPUT} {...rowField(i, "deadline")} />
              </div>
            </div>
          ))}
          {rows.length < COMMON_PROBLEM_MEASURES_MAX ? (
            <Button type="button" variant="secondary" onClick={() => setRows((all) => [...all, { text: "", leadUnitId: "", deadline: "" }])}>
              添加一项措施
            </Button>
          ) : null}
          {measureErrors.length ? (
            <ul className="space-y-1 text-sm text-red-700" role="alert">
              {measureErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "正在提交…" : "归并并交办"}
        </Button>
      </form>
    </div>
  );
}
