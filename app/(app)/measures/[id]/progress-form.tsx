"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { UploadProgress } from "@/components/upload-progress";
import { STATUSES, STATUS_LABELS } from "@/lib/domain";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { UploadError, uploadWithProgress } from "@/lib/upload";
import { InstitutionRows } from "./institution-rows";

interface Limits {
  maxFileMb: number;
  maxReportMb: number;
  maxFiles: number;
  allowed: string;
}

/**
 * 报送整改进展: text, optional progress and milestone, evidence files and (for the lead unit)
 * a claim. Sent as multipart to the API so large evidence shows upload progress.
 */
export function ProgressForm({
  measureId,
  isLead,
  indicator,
  today,
  limits,
}: {
  measureId: number;
  isLead: boolean;
  /** The measure's 量化指标, whose actual value the unit reports here; null when it has none. */
  indicator: { name: string; unit: string } | null;
  today: string;
  limits: Limits;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [progress, setProgress] = useState(0);
  // One key per draft: a 提交 clicked again after a lost answer (network failure, timeout)
  // sends the same key, and the server answers with the report it already stored instead of
  // storing a second. Only a success starts a new draft with a new key.
  const draftKey = useRef<string | null>(null);
  const submit = useMutation({
    mutationFn: (form: FormData) => uploadWithProgress<{ report: { isClaim: boolean } }>(`/api/v1/measures/${measureId}/progress`, form, setProgress),
    onSuccess: () => {
      draftKey.current = null;
      formRef.current?.reset();
      router.refresh();
    },
  });
  const failure = submit.error instanceof UploadError ? submit.error.failure : null;
  const errors = failure?.fieldErrors ?? {};
  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby="progress-form-title"
      className="no-print space-y-4 rounded-lg border border-gray-200 bg-white p-5"
      onSubmit={(event) => {
        event.preventDefault();
        draftKey.current ??= newIdempotencyKey();
        const form = new FormData(event.currentTarget);
        form.set("idempotencyKey", draftKey.current);
        submit.mutate(form);
      }}
    >
      <h2 id="progress-form-title" className="font-semibold">
        报送整改进展
      </h2>
      {failure ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {failure.message}
        </p>
      ) : null}
      {submit.isSuccess ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {submit.data.report.isClaim ? "已提交申报,等待整改办对账销号" : "已报送整改进展"}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-3">
        <TextField name="reportDate" label="报送日期" type="date" defaultValue={today} max={today} required errors={errors.reportDate} />
        <TextField name="percent" label="完成进度(%,选填)" type="number" min={0} max={100} errors={errors.percent} />
        <TextField name="milestone" label="节点(选填)" errors={errors.milestone} hint="如:完成排查、制度印发" />
      </div>
      {indicator ? (
        <TextField
          name="indicatorActual"
          label={`指标实际值(${indicator.name}${indicator.unit ? `,${indicator.unit}` : ""},选填)`}
          inputMode="decimal"
          errors={errors.indicatorActual}
          hint="填写截至报送日期的最新数值,不填则沿用上次报送的实际值"
        />
      ) : null}
      <TextAreaField name="text" label="整改进展" rows={4} required errors={errors.text} hint="写明做了什么、取得什么成效;申报完成时写明完成依据" />
      {isLead ? (
        <fieldset>
          <legend className="text-sm font-medium text-gray-800">申报状态</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            {STATUSES.map((s) => (
              <label key={s} className="flex items-center gap-1">
                <input type="radio" name="claimedStatus" value={s} defaultChecked={s === "incomplete"} />
                {STATUS_LABELS[s]}
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-gray-500">申报基本完成或已完成须附佐证材料,由整改办对账销号后生效。</p>
        </fieldset>
      ) : (
        <>
          <input type="hidden" name="claimedStatus" value="incomplete" />
          <p className="text-xs text-gray-500">本单位是配合单位:可报送进展和佐证材料,完成申报由牵头单位提出。</p>
        </>
      )}
      <InstitutionRows error={errors.institutions} />
      <div>
        <label htmlFor="files" className="block text-sm font-medium text-gray-800">
          佐证材料
        </label>
        <input
          id="files"
          name="files"
          type="file"
          multiple
          accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.zip"
          className="mt-1 block text-sm"
          aria-describedby="files-hint"
          aria-invalid={errors.files ? true : undefined}
        />
        <p id="files-hint" className={`mt-1 text-xs ${errors.files ? "text-red-700" : "text-gray-500"}`}>
          {errors.files ? `${errors.files.join(";")}。` : ""}可上传 {limits.allowed};单个文件不超过 {limits.maxFileMb} MB,每次合计不超过 {limits.maxReportMb} MB、最多 {limits.maxFiles} 个。
        </p>
      </div>
      {submit.isPending ? <UploadProgress progress={progress} afterUpload="正在保存…" /> : null}
      <Button type="submit" disabled={submit.isPending}>
        提交
      </Button>
    </form>
  );
}
