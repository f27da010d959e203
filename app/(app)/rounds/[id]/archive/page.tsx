import { db } from "@/db";
import { listArchivePackages } from "@/db/queries/archives";
import { archiveProgress } from "@/server/archive-jobs";
import { roundFor } from "../round-data";
import { ArchivePanel, type PackageView } from "./archive-panel";
import { VerifyForm } from "./verify-form";

// 整改档案: the office packages an archived round's whole record and checks a package it
// holds. Office only (archive.manage): the package carries every unit's evidence.
export default async function ArchivePage({ params }: { params: Promise<{ id: string }> }) {
  const { round } = await roundFor(params, "archive.manage");
  const packages: PackageView[] = listArchivePackages(db, { roundId: round.id }).map((p) => ({
    ...p,
    createdAt: p.createdAt.toISOString(),
    finishedAt: p.finishedAt?.toISOString() ?? null,
    progress: p.state === "building" ? (archiveProgress(p.id) ?? { done: 0, total: 0 }) : null,
  }));
  return (
    <div className="space-y-6">
      <section aria-labelledby="archive-title" className="space-y-3 rounded-lg border border-gray-200 bg-white p-5">
        <h2 id="archive-title" className="text-base font-semibold">
          整改资料归档
        </h2>
        <p className="text-sm text-gray-600">
          归档包是一个 zip 文件,收录本轮次的整改方案(含各报审版本)、整改台账与台账快照、整改通报、全部佐证材料(按问题和措施分文件夹)、督办单及回复、回头看记录、建章立制清单和审计日志,
          附目录(xlsx 与可打印的网页)和 manifest.json(每个文件的 SHA-256、台账校验值和打包时间),可用于向档案部门移交并在日后校验是否完整、未被改动。
        </p>
        <ArchivePanel roundId={round.id} archived={round.archivedAt !== null} initial={packages} />
      </section>
      <VerifyForm />
    </div>
  );
}
