"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { TableFilePicker } from "@/components/table-file-picker";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { UploadStepsStatus, useUploadSteps } from "@/components/upload-steps";
import { ROLE_LABELS, UNIT_KIND_LABELS } from "@/lib/domain";
import type { OrgPlan } from "@/lib/org-import/parse";
import { fileForm, UploadError, uploadWithProgress, type ApiFailure } from "@/lib/upload";

const PREVIEW_ROWS = 200;

interface Imported {
  units: number;
  users: number;
  sheetUrl: string;
  sheetName: string;
}

/** The import itself answers with the 账号分发单 (a file), or with a JSON error. */
async function commitImport(file: File): Promise<Imported> {
  const form = new FormData();
  form.set("file", file);
  let response: Response;
  try {
    response = await fetch("/api/v1/org-import", { method: "POST", body: form });
  } catch {
    throw new UploadError({ code: "NETWORK", message: "网络连接中断,未导入,请重试" });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: ApiFailure } | null;
    throw new UploadError(body?.error ?? { code: "INTERNAL", message: `导入失败(${response.status}),请稍后重试` });
  }
  const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get("content-disposition") ?? "")?.[1];
  return {
    units: Number(response.headers.get("x-rectify-units")),
    users: Number(response.headers.get("x-rectify-users")),
    sheetUrl: URL.createObjectURL(await response.blob()),
    sheetName: name ? decodeURIComponent(name) : "账号分发单.xlsx",
  };
}

/** 导入组织机构: upload → preview with per-row errors → confirm → the 账号分发单, once. */
export function OrgImport() {
  const router = useRouter();
  const download = useRef<HTMLAnchorElement>(null);
  const steps = useUploadSteps({
    preview: (file, onProgress) => uploadWithProgress<OrgPlan>("/api/v1/org-import", fileForm(file, { dryRun: "1" }), onProgress),
    commit: (file) => commitImport(file),
    onCommitted: () => router.refresh(),
  });
  const { busy, preview, commit } = steps;
  const imported = commit.data;
  // Saved at once, so that the passwords are on disk before anyone navigates away.
  useEffect(() => {
    if (imported) download.current?.click();
  }, [imported]);
  const plan = preview.data;

  return (
    <section aria-labelledby="org-import-title" className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
      <div>
        <h2 id="org-import-title" className="text-base font-semibold">
          导入组织机构与账号
        </h2>
        <p className="mt-1 text-sm text-gray-600">
          一个 xlsx 或 csv 文件(UTF-8 或 GBK)同时建立单位树和账号。已有的单位按名称匹配,不会重复创建;整个文件要么全部导入,要么什么都不写入。
          新账号获得一次性密码,首次登录须修改。
        </p>
      </div>
      {imported ? (
        <div role="status" className="space-y-2 rounded-md border border-green-300 bg-green-50 p-4 text-sm text-green-900">
          <p className="font-medium">
            已导入:新建单位 {imported.units} 个,新建账号 {imported.users} 个。
          </p>
          <p>
            账号分发单已开始下载,其中是各账号的一次性密码。服务器不保存这些密码:离开本页后无法再次下载,只能逐个重置密码。
          </p>
          <a ref={download} href={imported.sheetUrl} download={imported.sheetName} className="inline-block font-medium text-brand-700 underline">
            再次保存账号分发单
          </a>
        </div>
      ) : (
        <TableFilePicker id="org-file" label="组织机构文件" previewLabel="上传并预览" pendingLabel="正在解析…" {...steps.picker}>
          <a href="/api/v1/org-template" className="text-sm text-brand-700 underline">
            下载模板
          </a>
        </TableFilePicker>
      )}

      <UploadStepsStatus steps={steps} />

      {plan && !imported ? <OrgPreview plan={plan} busy={busy} onConfirm={() => commit.mutate()} /> : null}
    </section>
  );
}

function OrgPreview({ plan, busy, onConfirm }: { plan: OrgPlan; busy: boolean; onConfirm: () => void }) {
  const nothingNew = plan.units.length === 0 && plan.accounts.length === 0;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        新建单位 <strong>{plan.units.length}</strong> 个,新建账号 <strong>{plan.accounts.length}</strong> 个;已有单位 {plan.existingUnits.length} 个、已有账号{" "}
        {plan.existingAccounts.length} 个保持不变。
      </p>
      {plan.errors.length > 0 ? (
        <>
          <p className="text-sm font-medium text-red-800">文件有 {plan.errors.length} 处错误,请修改后重新上传;本次未写入任何数据。</p>
          <Table caption="文件中的错误">
            <thead>
              <tr>
                <Th>行</Th>
                <Th>列</Th>
                <Th>问题</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {plan.errors.slice(0, PREVIEW_ROWS).map((issue, index) => (
                <tr key={index}>
                  <Td>{issue.line ?? "—"}</Td>
                  <Td>{issue.column ?? "—"}</Td>
                  <Td className="text-red-800">{issue.message}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : nothingNew ? (
        <p className="text-sm text-gray-700">文件中的单位和账号都已存在,没有需要导入的内容。</p>
      ) : (
        <div className="flex items-center gap-3">
          <Button
            type="button"
            disabled={busy}
            onClick={() => {
              if (window.confirm(`确认新建 ${plan.units.length} 个单位、${plan.accounts.length} 个账号?导入后将下载账号分发单,只能下载这一次。`)) onConfirm();
            }}
          >
            确认导入
          </Button>
        </div>
      )}
      {plan.warnings.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-amber-800" aria-label="提示">
          {plan.warnings.map((w, index) => (
            <li key={index}>
              第 {w.line} 行:{w.message}
            </li>
          ))}
        </ul>
      ) : null}
      {plan.errors.length === 0 && plan.units.length > 0 ? (
        <Table caption="将新建的单位">
          <thead>
            <tr>
              <Th>行</Th>
              <Th>单位名称</Th>
              <Th>上级单位</Th>
              <Th>单位类别</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {plan.units.slice(0, PREVIEW_ROWS).map((unit) => (
              <tr key={unit.name}>
                <Td>{unit.line}</Td>
                <Td>{unit.name}</Td>
                <Td>{unit.parentName ?? "—"}</Td>
                <Td>{UNIT_KIND_LABELS[unit.kind]}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {plan.errors.length === 0 && plan.accounts.length > 0 ? (
        <Table caption="将新建的账号">
          <thead>
            <tr>
              <Th>行</Th>
              <Th>单位</Th>
              <Th>姓名</Th>
              <Th>用户名</Th>
              <Th>角色</Th>
              <Th>手机</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {plan.accounts.slice(0, PREVIEW_ROWS).map((account) => (
              <tr key={account.username}>
                <Td>{account.line}</Td>
                <Td>{account.unitName}</Td>
                <Td>{account.name}</Td>
                <Td>{account.username}</Td>
                <Td>
                  {ROLE_LABELS[account.role]}
                  {account.isAdmin ? "(管理员)" : ""}
                </Td>
                <Td>{account.phone ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {plan.units.length + plan.accounts.length > PREVIEW_ROWS * 2 ? (
        <p className="text-xs text-gray-500">每张表仅显示前 {PREVIEW_ROWS} 行,导入时包含全部。</p>
      ) : null}
    </div>
  );
}
