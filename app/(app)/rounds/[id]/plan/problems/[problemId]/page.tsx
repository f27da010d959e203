import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db";
import { listAspects } from "@/db/queries/plan";
import { problemForEdit } from "@/db/queries/plan-outline";
import { listUnits } from "@/db/queries/units";
import { parseId } from "@/lib/validations/common";
import { roundFor } from "../../../round-data";
import { BackToPlan } from "../../back-link";
import { ProblemForm } from "../../problem-form";
import { unitTree } from "../../unit-options";

export const metadata: Metadata = { title: "编辑问题" };

export default async function EditProblemPage({ params }: { params: Promise<{ id: string; problemId: string }> }) {
  const { round } = await roundFor(params, "plan.manage");
  const problem = problemForEdit(db, { roundId: round.id, problemId: parseId((await params).problemId) ?? 0 });
  if (!problem) notFound();
  return (
    <div className="max-w-3xl space-y-4">
      <BackToPlan roundId={round.id} anchor={`problem-${problem.id}`} />
      <h2 className="text-lg font-semibold text-gray-900">
        第 {problem.number} 号问题:{problem.title}
      </h2>
      <ProblemForm
        roundId={round.id}
        problem={problem}
        aspects={listAspects(db, { roundId: round.id })}
        units={unitTree(listUnits(db))}
      />
    </div>
  );
}
