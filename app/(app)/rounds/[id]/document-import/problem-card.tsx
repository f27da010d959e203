"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  editMeasure, editProblemText, measureHeading, measureToDescription, mergeIntoPrevious, moveProblem, renameProblem, setProblemStatus,
  splitBySubheading, splitMeasures, type At, type Draft, type DraftProblem,
} from "@/lib/document-import/draft";
import { STATUS_LABELS, STATUSES, type Status } from "@/lib/domain";

const SMALL = "px-2 py-1 text-xs";

/** One problem of the preview: its title to correct, its measures, and the ways to regroup it. */
export function ProblemCard({
  draft,
  at,
  problem,
  number,
  errors,
  onChange,
}: {
  draft: Draft;
  at: At;
  problem: DraftProblem;
  number: number;
  /** Messages for this problem from the same checks the server runs, keyed "title", "measures.2" … */
  errors: Map<string, string[]>;
  onChange: (draft: Draft) => void;
}) {
  const [target, setTarget] = useState("");
  const [editing, setEditing] = useState<number | null>(null);
  const titleId = `problem-${problem.key}-title`;
  const titleErrors = errors.get("title");
  const heads = new Set(problem.measures.map((m) => measureHeading(m).chain[0]).filter(Boolean));
  const otherAspects = draft.map((a, index) => ({ index, name: a.name || "(未分方面)" })).filter((a) => a.index !== at.aspect);

  return (
    <li className="space-y-2 rounded-lg border border-gray-200 bg-white p-3" aria-label={`问题 ${number}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label id={`${titleId}-label`} htmlFor={titleId} className="font-medium text-gray-900">
          问题 {number} 标题
        </label>
        {problem.label ? <span className="text-xs text-gray-500">文档中为“{problem.label}”</span> : null}
        <label htmlFor={`${titleId}-status`} className="sr-only">
          问题 {number} 的整改状态
        </label>
        <select
          id={`${titleId}-status`}
          value={problem.status ?? ""}
          onChange={(event) => onChange(setProblemStatus(draft, at, (event.target.value || null) as Status | null))}
          className="rounded-md border border-gray-300 px-2 py-0.5 text-xs"
        >
          <option value="">未写明状态(导入为未完成)</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        {problem.deadlineText ? <span className="text-xs text-gray-600">完成时限:{problem.deadlineText}</span> : null}
        {problem.responsibility.leadLeader ? <span className="text-xs text-gray-600">牵头领导:{problem.responsibility.leadLeader}</span> : null}
        {problem.responsibility.leadUnit ? <span className="text-xs text-gray-600">牵头单位:{problem.responsibility.leadUnit}</span> : null}
        {problem.responsibility.coUnits.length > 0 ? (
          <span className="text-xs text-gray-600">责任单位:{problem.responsibility.coUnits.join("、")}</span>
        ) : null}
      </div>
      <input
        id={titleId}
        value={problem.title}
        onChange={(event) => onChange(renameProblem(draft, at, event.target.value))}
        aria-invalid={titleErrors ? true : undefined}
        aria-describedby={titleErrors ? `${titleId}-error` : undefined}
        className="block w-full rounded-md border border-gray-300 px-3 py-1.5 text-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none aria-[invalid=true]:border-red-500"
      />
      {titleErrors ? (
        <p id={`${titleId}-error`} className="text-sm text-red-700">
          {titleErrors.join(";")}
        </p>
      ) : null}
      <TextDetails
        id={`${titleId}-description`}
        label={`问题 ${number} 的描述`}
        summary="问题描述"
        value={problem.description}
        errors={errors.get("description")}
        onChange={(text) => onChange(editProblemText(draft, at, "description", text))}
      />
      <TextDetails
        id={`${titleId}-progress`}
        label={`问题 ${number} 的整改情况`}
        summary="整改情况(导入为一条已审核的整改动态)"
        value={problem.progressText}
        errors={errors.get("progressText")}
        onChange={(text) => onChange(editProblemText(draft, at, "progressText", text))}
      />

      {problem.measures.length === 0 ? (
        <p className="text-xs text-gray-500">没有整改措施:导入后请在“录入方案”中补充。</p>
      ) : (
        <ol className="space-y-1.5" aria-label={`问题 ${number} 的整改措施`}>
          {problem.measures.map((measure, index) => {
            const measureErrors = errors.get(`measures.${index}`);
            const label = `问题 ${number} 的第 ${index + 1} 项整改措施`;
            return (
              <li key={index} className="rounded-md bg-gray-50 px-2 py-1.5 text-sm">
                <div className="flex gap-2">
                  <span className="text-xs text-gray-500">{index + 1}.</span>
                  {editing === index ? (
                    <textarea
                      aria-label={label}
                      value={measure}
                      rows={4}
                      onChange={(event) => onChange(editMeasure(draft, at, index, event.target.value))}
                      className="block w-full rounded-md border border-gray-300 px-2 py-1 text-sm"
                    />
                  ) : (
                    <p className="flex-1 whitespace-pre-wrap">{measure}</p>
                  )}
                </div>
                {measureErrors ? <p className="text-xs text-red-700">{measureErrors.join(";")}</p> : null}
                <div className="mt-1 flex flex-wrap gap-1">
                  <Button type="button" variant="secondary" className={SMALL} onClick={() => setEditing(editing === index ? null : index)} aria-label={`${editing === index ? "完成修改" : "修改"}${label}`}>
                    {editing === index ? "完成修改" : "修改"}
                  </Button>
                  {index > 0 ? (
                    <Button type="button" variant="secondary" className={SMALL} onClick={() => onChange(splitMeasures(draft, at, index))} aria-label={`从${label}起拆为新问题`}>
                      从此项起拆为新问题
                    </Button>
                  ) : null}
                  <Button type="button" variant="secondary" className={SMALL} onClick={() => onChange(measureToDescription(draft, at, index))} aria-label={`把${label}移入问题描述`}>
                    移入问题描述
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}

      <div className="flex flex-wrap items-center gap-2 border-t border-gray-100 pt-2">
        {at.problem > 0 ? (
          <Button type="button" variant="secondary" className={SMALL} onClick={() => onChange(mergeIntoPrevious(draft, at))} aria-label={`把问题 ${number} 并入上一个问题`}>
            并入上一个问题
          </Button>
        ) : null}
        {heads.size >= 2 ? (
          <Button type="button" variant="secondary" className={SMALL} onClick={() => onChange(splitBySubheading(draft, at))} aria-label={`把问题 ${number} 按小标题拆分`}>
            按小标题拆为 {heads.size} 个问题
          </Button>
        ) : null}
        {otherAspects.length > 0 ? (
          <>
            <label htmlFor={`${titleId}-move`} className="text-xs text-gray-700">
              移到方面
            </label>
            <select id={`${titleId}-move`} value={target} onChange={(event) => setTarget(event.target.value)} className="max-w-64 rounded-md border border-gray-300 px-2 py-1 text-xs">
              <option value="">(请选择)</option>
              {otherAspects.map((a) => (
                <option key={a.index} value={a.index}>
                  {a.name}
                </option>
              ))}
            </select>
            <Button
              type="button"
              variant="secondary"
              className={SMALL}
              disabled={target === ""}
              onClick={() => {
                onChange(moveProblem(draft, at, Number(target)));
                setTarget("");
              }}
              aria-label={`移动问题 ${number}`}
            >
              移动
            </Button>
          </>
        ) : null}
      </div>
    </li>
  );
}

/** A longer text of the problem, folded away unless it is there to read or must be corrected. */
function TextDetails({
  id,
  label,
  summary,
  value,
  errors,
  onChange,
}: {
  id: string;
  label: string;
  summary: string;
  value: string;
  errors: string[] | undefined;
  onChange: (text: string) => void;
}) {
  if (!value && !errors) return null;
  return (
    <details className="text-xs text-gray-700" open={errors ? true : undefined}>
      <summary className="cursor-pointer">{summary}</summary>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        value={value}
        rows={Math.min(8, value.split("\n").length + 1)}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-md border border-gray-300 px-2 py-1 text-xs aria-[invalid=true]:border-red-500"
      />
      {errors ? (
        <p id={`${id}-error`} className="text-red-700">
          {errors.join(";")}
        </p>
      ) : null}
    </details>
  );
}
