"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "@/components/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TableFilePicker } from "@/components/table-file-picker";
import { Button } from "@/components/ui/button";
import { UploadFailure, UploadProgress } from "@/components/upload-progress";
import { UploadError, uploadWithProgress } from "@/lib/upload";
import type { LedgerUpdatePreview, LedgerUpdateResult } from "@/server/ledger-update";
import { Issues } from "./preview-summary";
import { UpdateCountsLine, UpdateDiff } from "./update-diff";

/**
 * Upload → the differences from the round's plan → confirm. The same file is sent twice;
 * the preview's token goes with the second send, so the server applies exactly the
 * differences shown here or refuses.
 */
export function UpdateWizard({ roundId }: { roundId: number }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const url = `/api/v1/rounds/${roundId}/import`;

  const send = <T,>(fields: Record<string, string>) => {
    const form = new FormData();
    form.set("file", file!);
    form.set("update", "1");
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    setProgress(0);
    return uploadWithProgress<T>(url, form, setProgress);
  };
  const preview = useMutation({ mutationFn: () => send<LedgerUpdatePreview>({ dryRun: "1" }) });
  const commit = useMutation({
    mutationFn: (token: string) => send<LedgerUpdateResult>({ token }),
    // The round header (a shared layout) shows the counts: refresh it as well.
    onSuccess: () => router.refresh(),
  });
  const busy = preview.isPending || commit.isPending;
  const error = (preview.error ?? commit.error) as UploadError | null;
  const shown = preview.data;
  const counts = shown?.counts;
  const applicable = shown?.diff && counts && shown.diff.conflicts.length === 0 && counts.added + counts.changed + counts.statusChanges > 0;

  const confirmAndApply = () => {
    if (!shown?.token || !counts) return;
    const message =
      `将按文件更新本轮次:新增 ${counts.added} 项、内容变更 ${counts.changed} 项、状态变更 ${counts.statusChanges} 项。` +
      `状态变更即整改办销号,逐项记入日志;文件中缺少的 ${counts.missing} 项不会删除。确定更新吗?`;
    if (window.confirm(message)) commit.mutate(shown.token);
  };

  return (
    <div className="space-y-4">
      <div className="rounded-lg border border-gray-200 bg-white p-4">
        <TableFilePicker
          id="ledger-file"
          label="台账文件"
          hasFile={file !== null}
          busy={busy}
          pending={preview.isPending}
          previewLabel="上传并比对差异"
          pendingLabel="正在比对…"
          onPreview={() => preview.mutate()}
          onChoose={(chosen) => {
            setFile(chosen);
            preview.reset();
            commit.reset();
          }}
        >
          <a href={`/api/v1/rounds/${roundId}/export`} className="text-sm text-brand-700 underline">
            导出当前台账
          </a>
        </TableFilePicker>
      </div>

      {busy ? <UploadProgress progress={progress} afterUpload={commit.isPending ? "正在更新,请稍候…" : "上传完成,正在比对…"} /> : null}
      <UploadFailure error={error} />

      {commit.data ? (
        <div role="status" className="space-y-1 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          <p>
            已更新:新增 {commit.data.added} 项,内容变更 {commit.data.changed} 项,状态变更 {commit.data.statusChanges} 项
            {commit.data.createdUnits.length > 0 ? `,新建单位 ${commit.data.createdUnits.join("、")}` : ""}
            {commit.data.missing > 0 ? `;文件中缺少的 ${commit.data.missing} 项未删除` : ""}。
          </p>
          <p className="space-x-3">
            <Link href={`/rounds/${roundId}/ledger`} className="text-brand-700 underline">
              查看整改台账
            </Link>
            <Link href={`/audit?entity=round&entityId=${roundId}`} className="text-brand-700 underline">
              查看日志
            </Link>
          </p>
        </div>
      ) : shown ? (
        <>
          {shown.errors.length > 0 ? (
            <>
              <Issues title={`错误(${shown.errors.length} 处,须修改后重新上传)`} issues={shown.errors} tone="error" />
              <p className="text-sm font-medium text-red-800">请修改文件中的错误后重新上传;本次未写入任何数据。</p>
            </>
          ) : null}
          {shown.diff && counts ? (
            <>
              <UpdateCountsLine counts={counts} />
              {shown.diff.conflicts.length > 0 ? (
                <Issues title={`措施行对不上(${shown.diff.conflicts.length} 处,须修改后重新上传)`} issues={shown.diff.conflicts} tone="error" />
              ) : null}
              {shown.warnings.length > 0 ? <Issues title={`提示(${shown.warnings.length} 处,不影响更新)`} issues={shown.warnings} tone="warning" /> : null}
              {shown.newUnits.length > 0 ? (
                <p className="text-sm text-gray-700">
                  以下单位尚未建立,更新时将新建在本轮次的被巡视(察)单位之下:<strong>{shown.newUnits.join("、")}</strong>
                </p>
              ) : null}
              {applicable ? (
                <div className="flex items-center gap-3">
                  <Button type="button" disabled={busy} onClick={confirmAndApply}>
                    确认更新
                  </Button>
                  <span className="text-sm text-gray-600">整体更新:任何一项写入失败,全部不写入。</span>
                </div>
              ) : shown.diff.conflicts.length === 0 ? (
                <p className="text-sm text-gray-700">文件与本轮次台账没有需要更新的差异。</p>
              ) : null}
              <UpdateDiff diff={shown.diff} counts={counts} />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
