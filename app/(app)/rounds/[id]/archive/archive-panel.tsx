"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { ARCHIVE_STATE_LABELS, type ArchiveState } from "@/lib/domain";
import type { ApiFailure } from "@/lib/upload";

export interface PackageView {
  id: number;
  state: ArchiveState;
  fileName: string;
  files: number | null;
  bytes: number | null;
  sha256: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  createdByName: string | null;
  progress: { done: number; total: number } | null;
}

const listKey = (roundId: number) => ["archive-packages", roundId] as const;

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as ({ error?: ApiFailure } & T) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? `请求失败(${response.status}),请稍后重试`);
  return body;
}

function size(bytes: number | null): string {
  if (bytes === null) return "";
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const time = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/** The packages with a live progress bar: polled every second while one is being built. */
export function ArchivePanel({ roundId, archived, initial }: { roundId: number; archived: boolean; initial: PackageView[] }) {
  const client = useQueryClient();
  const list = useQuery({
    queryKey: listKey(roundId),
    queryFn: async () => (await json<{ packages: PackageView[] }>(await fetch(`/api/v1/rounds/${roundId}/archives`))).packages,
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.some((p) => p.state === "building") ? 1000 : false),
  });
  const start = useMutation({
    mutationFn: async () => json<{ id: number }>(await fetch(`/api/v1/rounds/${roundId}/archives`, { method: "POST" })),
    onSettled: () => client.invalidateQueries({ queryKey: listKey(roundId) }),
  });
  const packages = list.data;
  const building = packages.some((p) => p.state === "building");

  return (
    <div className="space-y-4">
      {archived ? (
        <Button type="button" onClick={() => start.mutate()} disabled={building || start.isPending}>
          {building || start.isPending ? "正在生成归档包…" : "生成归档包"}
        </Button>
      ) : (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          本轮次尚未归档。整改结束后,请先用页面上方的“归档”按钮归档轮次,再生成归档包。
        </p>
      )}
      {start.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {start.error.message}
        </p>
      ) : null}
      {packages.length === 0 ? (
        <EmptyState title="还没有生成过归档包" />
      ) : (
        <Table caption="归档包">
          <thead>
            <tr>
              <Th>文件</Th>
              <Th>状态</Th>
              <Th>文件数</Th>
              <Th>大小</Th>
              <Th>生成人与时间</Th>
              <Th>SHA-256</Th>
            </tr>
          </thead>
          <tbody>
            {packages.map((p) => (
              <tr key={p.id}>
                <Td>
                  {p.state === "ready" ? (
                    <a href={`/api/v1/rounds/${roundId}/archives/${p.id}`} download className="text-brand-700 underline">
                      下载 {p.fileName}
                    </a>
                  ) : (
                    p.fileName
                  )}
                </Td>
                <Td>
                  {p.state === "building" && p.progress ? (
                    <span role="status">
                      正在生成 {p.progress.done}/{p.progress.total || "…"}
                      <progress className="ml-2 align-middle" max={p.progress.total || 1} value={p.progress.done} aria-label="归档包生成进度" />
                    </span>
                  ) : (
                    <span className={p.state === "failed" ? "text-red-700" : "text-green-800"}>
                      {ARCHIVE_STATE_LABELS[p.state]}
                      {p.error ? `:${p.error}` : ""}
                    </span>
                  )}
                </Td>
                <Td>{p.files ?? ""}</Td>
                <Td>{size(p.bytes)}</Td>
                <Td>
                  {p.createdByName ?? ""} {time(p.createdAt)}
                </Td>
                <Td>
                  <code className="text-xs break-all">{p.sha256 ?? ""}</code>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
