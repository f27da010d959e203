import type { Metadata } from "next";
import Link from "@/components/link";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/db";
import { planOutline } from "@/db/queries/plan-outline";
import { listUnits } from "@/db/queries/units";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_CHARS } from "@/lib/document-import/limits";
import { roundFor } from "../round-data";
import { DocumentImportWizard } from "./document-import-wizard";

export const metadata: Metadata = { title: "从文档导入" };

// 从文档导入: a feedback document, the office's draft plan in Word, or an earlier round's
// published progress report becomes this round's plan, after the office has checked it.
export default async function DocumentImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { round } = await roundFor(params, "plan.manage");
  const outline = planOutline(db, { roundId: round.id });
  const hasPlan = outline.aspects.length > 0 || outline.problemCount > 0;
  return (
    <section aria-labelledby="document-import-title" className="space-y-4">
      <h2 id="document-import-title" className="font-semibold">
        从文档导入
      </h2>
      <p className="text-sm text-gray-700">
        上传反馈意见、整改方案或已发布的整改进展情况通报(Word .docx,或 UTF-8 / GBK 编码的 .txt,不超过 {MAX_DOCUMENT_BYTES / 1024 / 1024} MB、
        {(MAX_DOCUMENT_CHARS / 10_000).toLocaleString("zh-CN")} 万字)。系统按“第一方面”“一、”“(一)”“1.”等标题和“一是…二是…”“整改措施:”识别方面、问题和整改措施,
        按“(已完成)”等标注和“需要进一步整改的事项”一节识别完成状态,按“牵头单位:”“责任单位:”按名称匹配单位。先预览、核对和修改,确认后整体导入;文档中未写明状态的问题导入为未完成。
      </p>
      {round.archivedAt ? (
        <EmptyState title="该轮次已归档">请先恢复轮次,再从文档导入。</EmptyState>
      ) : hasPlan ? (
        <EmptyState title="本轮已有整改方案">
          已有 {outline.aspects.length} 个方面、{outline.problemCount} 个问题。从文档导入只能用于尚未录入方案的轮次:请
          <Link href="/rounds/new" className="mx-1 text-brand-700 underline">
            新建轮次
          </Link>
          后导入,或在
          <Link href={`/rounds/${round.id}/plan`} className="mx-1 text-brand-700 underline">
            录入方案
          </Link>
          中修改现有方案。
        </EmptyState>
      ) : (
        <DocumentImportWizard roundId={round.id} maxMegabytes={MAX_DOCUMENT_BYTES / 1024 / 1024} units={listUnits(db).map(({ id, name }) => ({ id, name }))} />
      )}
    </section>
  );
}
