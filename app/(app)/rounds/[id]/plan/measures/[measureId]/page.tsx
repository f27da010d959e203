import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/status-badge";
import { db } from "@/db";
import { measureForEdit } from "@/db/queries/plan-outline";
import { listUnits } from "@/db/queries/units";
import { DEADLINE_KIND_LABELS } from "@/lib/domain";
import { parseId } from "@/lib/validations/common";
import { deadlineFormDefaults, indicatorFormDefaults } from "@/lib/validations/plan";
import { roundFor } from "../../../round-data";
import { BackToPlan } from "../../back-link";
import { MeasureForm } from "../../measure-form";
import { unitTree } from "../../unit-options";

export const metadata: Metadata = { title: "编辑整改措施" };

export default async function EditMeasurePage({ params }: { params: Promise<{ id: string; measureId: string }> }) {
  const { round } = await roundFor(params, "plan.manage");
  const measure = measureForEdit(db, { roundId: round.id, measureId: parseId((await params).measureId) ?? 0 });
  if (!measure) notFound();
  const defaults = {
    text: measure.text,
    goal: measure.goal,
    leadUnitId: measure.leadUnitId ? String(measure.leadUnitId) : "",
    coUnitIds: measure.coUnitIds.map(String),
    reproofInterval: measure.reproofInterval,
    ...deadlineFormDefaults(measure, { feedbackDate: round.feedbackDate }),
    ...indicatorFormDefaults(measure.indicator),
  };
  const label = `${measure.problem.number}.${measure.position}`;
  return (
    <div className="max-w-3xl space-y-4">
      <BackToPlan roundId={round.id} anchor={`measure-${measure.id}`} />
      <div>
        <h2 className="text-lg font-semibold text-gray-900">编辑整改措施 {label}</h2>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 text-sm text-gray-600">
          <span>
            第 {measure.problem.number} 号问题:{measure.problem.title}
          </span>
          <StatusBadge status={measure.status} />
          <span>
            现完成时限:{measure.deadline ?? "无具体日期"}({DEADLINE_KIND_LABELS[measure.deadlineKind]})
          </span>
        </p>
      </div>
      <MeasureForm roundId={round.id} measure={{ id: measure.id, version: measure.version }} defaults={defaults} units={unitTree(listUnits(db))} />
    </div>
  );
}
