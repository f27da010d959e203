import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/db";
import { listAspects } from "@/db/queries/plan";
import { aspectForEdit } from "@/db/queries/plan-outline";
import { parseId } from "@/lib/validations/common";
import { roundFor } from "../../../round-data";
import { MoveProblemsForm, RenameAspectForm } from "../../aspect-forms";
import { BackToPlan } from "../../back-link";

export const metadata: Metadata = { title: "编辑方面" };

export default async function EditAspectPage({ params }: { params: Promise<{ id: string; aspectId: string }> }) {
  const { round } = await roundFor(params, "plan.manage");
  const aspect = aspectForEdit(db, { roundId: round.id, aspectId: parseId((await params).aspectId) ?? 0 });
  if (!aspect) notFound();
  const targets = listAspects(db, { roundId: round.id }).filter((a) => a.id !== aspect.id);
  return (
    <div className="max-w-3xl space-y-4">
      <BackToPlan roundId={round.id} anchor={`aspect-${aspect.id}`} />
      <h2 className="text-lg font-semibold text-gray-900">编辑方面:{aspect.name}</h2>
      <RenameAspectForm roundId={round.id} aspect={aspect} />
      <MoveProblemsForm roundId={round.id} aspect={aspect} targets={targets} />
    </div>
  );
}
