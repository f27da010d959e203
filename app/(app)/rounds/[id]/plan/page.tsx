import type { Metadata } from "next";
import Link from "@/components/link";
import { EmptyState } from "@/components/ui/empty-state";
import { db } from "@/db";
import { nextProblemNumber, planOutline } from "@/db/queries/plan-outline";
import { listUnits } from "@/db/queries/units";
import { parseId } from "@/lib/validations/common";
import { roundFor } from "../round-data";
import { CreateAspectForm } from "./aspect-forms";
import { PlanOutlineView } from "./plan-outline-view";
import { ProblemForm } from "./problem-form";
import { unitTree } from "./unit-options";

export const metadata: Metadata = { title: "录入方案" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// 录入方案: the office enters and edits the plan by hand — aspects, problems, measures.
export default async function PlanPage({ params, searchParams }: Props) {
  const { round } = await roundFor(params, "plan.manage");
  const outline = planOutline(db, { roundId: round.id });
  const units = unitTree(listUnits(db));
  const aspects = outline.aspects.map(({ id, name }) => ({ id, name }));
  const requested = parseId(String((await searchParams).aspectId ?? ""));
  const aspectId = aspects.some((a) => a.id === requested) ? requested : (aspects.at(-1)?.id ?? null);
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-gray-900">录入方案</h2>
        <p className="mt-1 text-sm text-gray-600">
          按反馈意见逐条录入:方面 → 问题 → 整改措施。现有 {outline.aspects.length} 个方面、{outline.problemCount} 个问题、
          {outline.measureCount} 项整改措施。整改状态由对账销号产生,此处不能修改。
        </p>
        <p className="no-print mt-2 flex gap-4 text-sm">
          <a href="#new-aspect" className="text-brand-700 hover:underline">
            ↓ 新增方面
          </a>
          <a href="#new-problem" className="text-brand-700 hover:underline">
            ↓ 新增问题
          </a>
        </p>
      </div>
      {outline.aspects.length === 0 && outline.problemCount === 0 ? (
        <EmptyState title="本轮还没有录入整改方案">
          先按反馈意见新增第一个方面(如“党的领导弱化方面”),再在其下新增问题和整改措施。
          <br />
          方案已经整理成整改台账(Excel)的,也可以直接
          <Link href={`/rounds/${round.id}/import`} className="text-brand-700 underline">
            导入台账
          </Link>
          ;反馈意见或整改方案是 Word 文档的,可以
          <Link href={`/rounds/${round.id}/document-import`} className="text-brand-700 underline">
            从文档导入
          </Link>
          。
        </EmptyState>
      ) : (
        <PlanOutlineView roundId={round.id} outline={outline} />
      )}
      <div className="grid items-start gap-4 lg:grid-cols-[1fr_2fr]">
        <CreateAspectForm roundId={round.id} />
        <ProblemForm
          roundId={round.id}
          aspects={aspects}
          units={units}
          nextNumber={nextProblemNumber(db, { roundId: round.id })}
          aspectId={aspectId}
        />
      </div>
    </div>
  );
}
