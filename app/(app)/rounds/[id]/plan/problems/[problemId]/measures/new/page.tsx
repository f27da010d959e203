import type { Metadata } from "next";
import { indicatorFormDefaults } from "@/lib/validations/plan";
import { notFound } from "next/navigation";
import { db } from "@/db";
import { problemForEdit } from "@/db/queries/plan-outline";
import { listUnits } from "@/db/queries/units";
import { parseId } from "@/lib/validations/common";
import { roundFor } from "../../../../../round-data";
import { BackToPlan } from "../../../../back-link";
import { MeasureForm, type MeasureDefaults } from "../../../../measure-form";
import { unitTree } from "../../../../unit-options";
import { DEFAULT_REPROOF_INTERVAL } from "@/lib/reproof";

export const metadata: Metadata = { title: "新增整改措施" };

export default async function NewMeasurePage({ params }: { params: Promise<{ id: string; problemId: string }> }) {
  const { round } = await roundFor(params, "plan.manage");
  const problem = problemForEdit(db, { roundId: round.id, problemId: parseId((await params).problemId) ?? 0 });
  if (!problem) notFound();
  // A new measure is most often led by the problem's lead unit.
  const defaults: MeasureDefaults = {
    text: "",
    goal: "",
    leadUnitId: problem.leadUnitId ? String(problem.leadUnitId) : "",
    coUnitIds: [],
    deadlineText: "",
    deadlineDate: "",
    deadlineKind: "",
    category: "",
    reproofInterval: DEFAULT_REPROOF_INTERVAL,
    ...indicatorFormDefaults(null),
  };
  return (
    <div className="max-w-3xl space-y-4">
      <BackToPlan roundId={round.id} anchor={`problem-${problem.id}`} />
      <div>
        <h2 className="text-lg font-semibold text-gray-900">新增整改措施</h2>
        <p className="mt-1 text-sm text-gray-600">
          第 {problem.number} 号问题:{problem.title}
        </p>
      </div>
      <MeasureForm roundId={round.id} problemId={problem.id} defaults={defaults} units={unitTree(listUnits(db))} />
    </div>
  );
}
