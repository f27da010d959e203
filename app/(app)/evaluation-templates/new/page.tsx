import type { Metadata } from "next";
import Link from "@/components/link";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { templateNames } from "@/db/queries/evaluation-templates";
import { copyName, STANDARD_TEMPLATE, type TemplateContent } from "@/lib/evaluation-template";
import { requirePermission } from "@/server/session";
import { createEvaluationTemplateAction } from "../actions";
import { templateFor } from "../template-data";
import { TemplateEditor } from "../template-editor";

export const metadata: Metadata = { title: "新建评估指标模板" };

/** From scratch: one empty area and indicator to fill in, and the standard set's grades to start from. */
const BLANK: TemplateContent = {
  name: "",
  monthsAfterFeedback: STANDARD_TEMPLATE.monthsAfterFeedback,
  areas: [{ name: "", indicators: [{ name: "", description: "", weight: 0 }] }],
  grades: STANDARD_TEMPLATE.grades.map((g) => ({ ...g })),
};

// 新建评估指标模板: from scratch, or (?copy=<id>|standard) as a copy of another template.
// Nothing is stored until the whole template is saved and valid.
export default async function NewEvaluationTemplatePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("evaluation.manage");
  const copy = (await searchParams).copy;
  const source = typeof copy === "string" ? templateFor(copy).content : undefined;
  const initial = source ? { ...source, name: copyName(source.name, templateNames(db)) } : BLANK;
  return (
    <>
      <p className="no-print mb-2 text-sm">
        <Link href="/evaluation-templates" className="text-brand-700 hover:underline">
          ← 评估指标模板
        </Link>
      </p>
      <PageHeader
        title="新建评估指标模板"
        description={source ? `复制自“${source.name}”,修改后保存为新模板。` : "逐项填写方面、指标、分值和评价等次;各项指标分值合计应为 100 分。"}
      />
      <TemplateEditor action={createEvaluationTemplateAction} initial={initial} submitLabel="保存模板" />
    </>
  );
}
