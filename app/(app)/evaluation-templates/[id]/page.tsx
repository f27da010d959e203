import type { Metadata } from "next";
import { ConfirmButton } from "@/components/confirm-button";
import Link from "@/components/link";
import { PageHeader } from "@/components/ui/page-header";
import { canOpenRound, can } from "@/lib/permissions";
import { requirePermission } from "@/server/session";
import { deleteEvaluationTemplateAction, updateEvaluationTemplateAction } from "../actions";
import { STANDARD_SEGMENT, templateFor } from "../template-data";
import { TemplateEditor } from "../template-editor";
import { TemplateView } from "../template-view";

export const metadata: Metadata = { title: "评估指标模板" };

const BUTTON_LINK = "rounded-md border border-gray-300 bg-white px-3 py-2 text-sm font-medium text-gray-800 hover:bg-gray-50";

// One template. The office edits it here while no evaluation uses it; once one does (or for
// the standard set) it is shown read-only, with 复制后修改.
export default async function EvaluationTemplatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("evaluation.read");
  const manage = can(actor, "evaluation.manage");
  const segment = (await params).id;
  const { template, content, usedBy, editable } = templateFor(segment);
  const saved = (await searchParams).saved === "1";
  const copyHref = `/evaluation-templates/new?copy=${template && !template.builtIn ? template.id : STANDARD_SEGMENT}`;
  const visibleUses = usedBy.filter((u) => canOpenRound(actor, "evaluation.read", u.roundId));
  const hiddenUses = usedBy.length - visibleUses.length;

  return (
    <>
      <p className="no-print mb-2 text-sm">
        <Link href="/evaluation-templates" className="text-brand-700 hover:underline">
          ← 评估指标模板
        </Link>
      </p>
      <PageHeader
        title={content.name}
        description={
          template?.builtIn || !template
            ? "标准模板,不能修改;可复制后修改为本地的指标体系。"
            : usedBy.length > 0
              ? "该模板已被成效评估使用,不能修改(评分将改变含义);可复制后修改。"
              : manage
                ? "尚未被成效评估使用,可以修改或删除。"
                : "尚未被成效评估使用。"
        }
        actions={
          manage ? (
            <>
              <Link href={copyHref} className={BUTTON_LINK}>
                复制后修改
              </Link>
              {editable && template ? (
                <ConfirmButton
                  action={deleteEvaluationTemplateAction}
                  fields={{ templateId: template.id }}
                  label="删除模板"
                  confirm={`确定删除评估指标模板“${template.name}”?删除后不能恢复。`}
                />
              ) : null}
            </>
          ) : null
        }
      />
      {saved ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          已保存评估指标模板“{content.name}”
        </p>
      ) : null}
      {usedBy.length > 0 ? (
        <section aria-label="使用情况" className="mb-6 text-sm text-gray-700">
          <h2 className="font-semibold text-gray-900">使用情况</h2>
          <ul className="mt-1 list-disc pl-5">
            {visibleUses.map((u) => (
              <li key={u.roundId}>
                <Link href={`/rounds/${u.roundId}/evaluation`} className="text-brand-700 hover:underline">
                  {u.roundName}
                </Link>
                ,评估日期 {u.scheduledDate}
              </li>
            ))}
            {hiddenUses > 0 ? <li>另有 {hiddenUses} 个轮次</li> : null}
          </ul>
        </section>
      ) : null}
      {manage && editable && template ? (
        <TemplateEditor action={updateEvaluationTemplateAction} initial={content} templateId={template.id} submitLabel="保存模板" />
      ) : (
        <TemplateView content={content} />
      )}
    </>
  );
}
