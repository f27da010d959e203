import type { Metadata } from "next";
import Link from "@/components/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { listTemplatesWithUse } from "@/db/queries/evaluation-templates";
import { STANDARD_TEMPLATE, TEMPLATE_WEIGHT_TOTAL } from "@/lib/evaluation-template";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/server/session";
import { STANDARD_SEGMENT, templateHref } from "./template-data";

export const metadata: Metadata = { title: "评估指标模板" };

const LINK = "text-brand-700 underline-offset-2 hover:underline";

// 评估指标模板: the indicator sets a round's 成效评估 may use. The office writes its own (from
// scratch or as a copy); leaders and reviewers read them; units and discipline staff never.
export default async function EvaluationTemplatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("evaluation.read");
  const manage = can(actor, "evaluation.manage");
  const deleted = (await searchParams).deleted === "1";
  const templates = listTemplatesWithUse(db);
  // Until an evaluation first uses it, the standard set is not stored: listed all the same.
  const rows = templates.some((t) => t.builtIn)
    ? templates
    : [
        {
          id: 0, builtIn: true, name: STANDARD_TEMPLATE.name, areas: new Set(STANDARD_TEMPLATE.indicators.map((i) => i.area)).size,
          indicators: STANDARD_TEMPLATE.indicators.length, weightTotal: TEMPLATE_WEIGHT_TOTAL, usedBy: 0,
        },
        ...templates,
      ];
  return (
    <>
      <PageHeader
        title="评估指标模板"
        description="整改成效评估按模板的方面、指标、分值和评价等次为各责任单位评分。已被评估使用的模板和标准模板不能修改,可复制后修改。"
        actions={
          manage ? (
            <Link href="/evaluation-templates/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
              新建模板
            </Link>
          ) : null
        }
      />
      {deleted ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          已删除评估指标模板
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title="还没有评估指标模板" />
      ) : (
        <Table caption="评估指标模板">
          <thead>
            <tr>
              <Th>模板名称</Th>
              <Th>方面</Th>
              <Th>指标</Th>
              <Th>分值合计</Th>
              <Th>使用情况</Th>
              <Th>状态</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((t) => (
              <tr key={t.id}>
                <Td>
                  <Link href={t.id === 0 ? `/evaluation-templates/${STANDARD_SEGMENT}` : templateHref(t)} className={LINK}>
                    {t.name}
                  </Link>
                </Td>
                <Td className="tabular-nums">{t.areas} 个</Td>
                <Td className="tabular-nums">{t.indicators} 项</Td>
                <Td className="tabular-nums">{t.weightTotal} 分</Td>
                <Td>{t.usedBy === 0 ? "未使用" : `${t.usedBy} 次评估`}</Td>
                <Td>{t.builtIn ? "标准模板(只读)" : t.usedBy > 0 ? "已使用(只读)" : "可修改"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
