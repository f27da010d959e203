"use client";

import { useMutation } from "@tanstack/react-query";
import { useActionState, useMemo, useState } from "react";
import { ImportRecurrences } from "@/components/import-recurrences";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormMessage } from "@/components/ui/form-message";
import { UploadFailure, UploadProgress } from "@/components/upload-progress";
import { addAspect, draftFrom, problemNumbers, renameAspect, toPlan, type Draft } from "@/lib/document-import/draft";
import { checkFigures, type FigureCheck } from "@/lib/document-import/figure-check";
import type { SectionOverrides } from "@/lib/document-import/genre";
import type { ParsedDocument } from "@/lib/document-import/types";
import type { ImportRecurrence } from "@/lib/recurrence";
import { UploadError, uploadWithProgress } from "@/lib/upload";
import { documentPlanSchema, planIssueMessage, type UnitMap } from "@/lib/validations/document-import";
import { confirmDocumentImportAction } from "./actions";
import { DraftSummary } from "./draft-summary";
import { FigureCheckPanel } from "./figure-check-panel";
import { SectionRoles } from "./section-roles";
import { UnmatchedUnits, type UnitOption } from "./unmatched-units";
import { ProblemCard } from "./problem-card";

type Preview = ParsedDocument & { fileName: string; recurrences?: ImportRecurrence[] };

/**
 * Upload → the parsed outline to check and correct → confirm. The browser keeps the
 * corrected tree; confirming sends all of it, and the server checks all of it again.
 */
export function DocumentImportWizard({ roundId, maxMegabytes, units }: { roundId: number; maxMegabytes: number; units: UnitOption[] }) {
  const [unitMap, setUnitMap] = useState<UnitMap>({});
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [draft, setDraft] = useState<Draft>([]);
  const [sections, setSections] = useState<SectionOverrides>({});
  const upload = useMutation({
    mutationFn: (overrides: SectionOverrides) => {
      if (file!.size > maxMegabytes * 1024 * 1024) {
        throw new UploadError({ code: "VALIDATION", message: `文件超过 ${maxMegabytes} MB,无法导入` });
      }
      const form = new FormData();
      form.set("file", file!);
      if (Object.keys(overrides).length > 0) form.set("sections", JSON.stringify(overrides));
      setProgress(0);
      return uploadWithProgress<Preview>(`/api/v1/rounds/${roundId}/document-preview`, form, setProgress);
    },
    onSuccess: (data) => {
      setPreview(data);
      setDraft(draftFrom(data));
    },
  });
  const error = upload.error as UploadError | null;
  const problemCount = draft.reduce((n, a) => n + a.problems.length, 0);
  // Rechecked on every edit: fixing the preview can bring the parse in line with the document.
  const check = useMemo(() => (preview ? checkFigures({ aspects: draft }, preview.check.stated, preview.check.aspectStated) : null), [draft, preview]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4 rounded-lg border border-gray-200 bg-white p-4">
        <div>
          <label htmlFor="document-file" className="block text-sm font-medium">
            文档(.docx 或 .txt)
          </label>
          <input
            id="document-file"
            type="file"
            accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            className="mt-1 block text-sm"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
              setDraft([]);
              setSections({});
              setUnitMap({});
              upload.reset();
            }}
          />
        </div>
        <Button type="button" disabled={!file || upload.isPending} onClick={() => upload.mutate(sections)}>
          {upload.isPending ? "正在解析…" : "上传并解析"}
        </Button>
      </div>

      {upload.isPending ? <UploadProgress progress={progress} afterUpload="上传完成,正在解析…" /> : null}
      <UploadFailure error={error} />

      {preview ? (
        <>
          {check ? <FigureCheckPanel check={check} /> : null}
          <SectionRoles
            sections={preview.sections}
            disabled={upload.isPending}
            onChange={(heading, role) => {
              const next = { ...sections, [heading]: role };
              setSections(next);
              upload.mutate(next);
            }}
          />
          <DraftSummary draft={draft} warnings={preview.warnings} unassigned={preview.unassigned} />
          <ImportRecurrences recurrences={preview.recurrences} />
          <UnmatchedUnits draft={draft} units={units} unitMap={unitMap} onChange={setUnitMap} />
          {problemCount === 0 ? (
            <EmptyState title="文档中没有可导入的问题">
              请确认文档按“一、”“(一)”“1.”分级,问题标题写作“关于…的问题”,或方面写作“第一方面:…”;上方的提示和未归类内容说明了文档被读成了什么。
            </EmptyState>
          ) : (
            <>
              <DraftEditor draft={draft} onChange={setDraft} />
              <ConfirmForm roundId={roundId} fileName={preview.fileName} draft={draft} check={check!} unitMap={unitMap} />
            </>
          )}
        </>
      ) : null}
    </div>
  );
}

function DraftEditor({ draft, onChange }: { draft: Draft; onChange: (draft: Draft) => void }) {
  const [newAspect, setNewAspect] = useState("");
  const numbers = problemNumbers(draft);
  const errors = useMemo(() => problemErrors(draft), [draft]);
  return (
    <section aria-labelledby="draft-editor-title" className="space-y-4">
      <h3 id="draft-editor-title" className="font-semibold">
        逐项核对
      </h3>
      <p className="text-sm text-gray-600">可改正问题标题,把误拆的问题并入上一个问题,把混在一起的措施拆为新问题,或把问题移到别的方面。修改只在本页,确认导入后才写入。</p>
      {draft.map((aspect, a) => (
        <section key={aspect.key} aria-label={aspect.name || "未分方面"} className="space-y-2">
          {aspect.name !== "" ? (
            <div className="flex items-center gap-2">
              <label htmlFor={`aspect-${aspect.key}`} className="shrink-0 text-sm font-semibold">
                方面 {a + 1}
              </label>
              <input
                id={`aspect-${aspect.key}`}
                value={aspect.name}
                onChange={(event) => onChange(renameAspect(draft, a, event.target.value))}
                className="block w-full rounded-md border border-gray-300 px-3 py-1.5 text-sm font-semibold"
              />
            </div>
          ) : (
            <h4 className="text-sm font-semibold">未分方面</h4>
          )}
          {aspect.problems.length === 0 ? (
            <p className="text-xs text-gray-500">此方面下没有问题,不会创建。</p>
          ) : (
            <ol className="space-y-3">
              {aspect.problems.map((problem, p) => (
                <ProblemCard
                  key={problem.key}
                  draft={draft}
                  at={{ aspect: a, problem: p }}
                  problem={problem}
                  number={numbers.get(problem.key)!}
                  errors={errors.get(`${a}.${p}`) ?? new Map()}
                  onChange={onChange}
                />
              ))}
            </ol>
          )}
        </section>
      ))}
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          onChange(addAspect(draft, newAspect));
          setNewAspect("");
        }}
      >
        <div>
          <label htmlFor="new-aspect-name" className="block text-sm font-medium">
            新增方面
          </label>
          <input id="new-aspect-name" value={newAspect} onChange={(event) => setNewAspect(event.target.value)} className="mt-1 block w-72 rounded-md border border-gray-300 px-3 py-1.5 text-sm" />
        </div>
        <Button type="submit" variant="secondary" disabled={newAspect.trim() === ""}>
          新增方面
        </Button>
      </form>
    </section>
  );
}

/** The server's own checks, run here first so each problem shows what must be fixed. */
function problemErrors(draft: Draft): Map<string, Map<string, string[]>> {
  const byProblem = new Map<string, Map<string, string[]>>();
  const checked = documentPlanSchema.safeParse(toPlan(draft));
  for (const issue of checked.error?.issues ?? []) {
    const [, aspect, , problem, ...field] = issue.path;
    if (typeof problem !== "number") continue;
    const key = `${String(aspect)}.${problem}`;
    const fields = byProblem.get(key) ?? new Map<string, string[]>();
    const name = field.map(String).join(".");
    fields.set(name, [...(fields.get(name) ?? []), issue.message]);
    byProblem.set(key, fields);
  }
  return byProblem;
}

function ConfirmForm({ roundId, fileName, draft, check, unitMap }: { roundId: number; fileName: string; draft: Draft; check: FigureCheck; unitMap: UnitMap }) {
  const [state, action, pending] = useActionState(confirmDocumentImportAction, null);
  const [acknowledged, setAcknowledged] = useState(false);
  const mustAcknowledge = check.matches === false;
  const { problems: statedProblems, completed, basicallyCompleted, incomplete, measures: statedMeasures } = check.stated;
  const stated = { problems: statedProblems, completed, basicallyCompleted, incomplete, measures: statedMeasures, aspects: check.aspectStated };
  const ackErrors = state && !state.ok ? state.fieldErrors?.acknowledgeMismatch : undefined;
  const plan = toPlan(draft);
  const checked = documentPlanSchema.safeParse(plan);
  const issues = checked.error?.issues.map((issue) => planIssueMessage(plan, issue)) ?? [];
  // The server answers with the same paths, prefixed "plan.".
  const serverIssues =
    state && !state.ok && state.fieldErrors
      ? Object.entries(state.fieldErrors).flatMap(([key, messages]) =>
          messages.map((message) => planIssueMessage(plan, { path: key.replace(/^plan\./, "").split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message })),
        )
      : [];
  const problems = plan.aspects.flatMap((a) => a.problems);
  const measures = problems.reduce((n, p) => n + p.measures.length, 0);
  return (
    <form action={action} className="sticky bottom-0 space-y-2 rounded-lg border border-gray-200 bg-white p-4 shadow-sm">
      <input type="hidden" name="roundId" value={roundId} />
      <input type="hidden" name="source" value={fileName} />
      <input type="hidden" name="plan" value={JSON.stringify(plan)} />
      <input type="hidden" name="stated" value={JSON.stringify(stated)} />
      <input type="hidden" name="unitMap" value={JSON.stringify(unitMap)} />
      <FormMessage state={state} />
      {[...issues, ...serverIssues].length > 0 ? (
        <ul role="alert" className="list-disc pl-5 text-sm text-red-800">
          {[...new Set([...issues, ...serverIssues])].slice(0, 10).map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
      {mustAcknowledge ? (
        <div className="text-sm">
          <label className="inline-flex items-center gap-2 font-medium text-red-900">
            <input
              type="checkbox"
              name="acknowledgeMismatch"
              value="1"
              checked={acknowledged}
              onChange={(event) => setAcknowledged(event.target.checked)}
              aria-describedby={ackErrors ? "acknowledge-error" : "figure-check-title"}
            />
            我已核对,按识别结果导入
          </label>
          {ackErrors ? (
            <p id="acknowledge-error" className="text-red-700">
              {ackErrors.join(";")}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={!checked.success || pending || (mustAcknowledge && !acknowledged)}>
          {pending ? "正在导入…" : "确认导入"}
        </Button>
        <span className="text-sm text-gray-600">
          将创建 {plan.aspects.filter((a) => a.name !== "" && a.problems.length > 0).length} 个方面、{problems.length} 个问题、{measures} 项整改措施;文档写明的牵头单位、责任单位按名称匹配,其余导入后在“录入方案”中指定。
        </span>
      </div>
    </form>
  );
}
