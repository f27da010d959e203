import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { thresholdsOf } from "@/db/queries/escalation-thresholds";
import { listUnits } from "@/db/queries/units";
import { RoundForm } from "../../round-form";
import { roundFor } from "../round-data";

export const metadata: Metadata = { title: "编辑轮次" };

export default async function EditRoundPage({ params }: { params: Promise<{ id: string }> }) {
  const { round } = await roundFor(params, "plan.manage");
  const units = listUnits(db).map(({ id, name }) => ({ id, name }));
  return (
    <>
      <PageHeader title="编辑轮次" description={round.name} />
      <RoundForm round={round} escalation={thresholdsOf(db, { roundId: round.id })} units={units} />
    </>
  );
}
