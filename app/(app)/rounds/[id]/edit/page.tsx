import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { getRound } from "@/db/queries/rounds";
import { listUnits } from "@/db/queries/units";
import { requirePermission } from "@/lib/session";
import { parseId } from "@/lib/validations/common";
import { RoundForm } from "../../round-form";

export const metadata: Metadata = { title: "编辑轮次" };

export default async function EditRoundPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("plan.manage");
  const round = getRound(db, { id: parseId((await params).id) ?? 0 });
  if (!round) notFound();
  const units = listUnits(db).map(({ id, name }) => ({ id, name }));
  return (
    <>
      <PageHeader title="编辑轮次" description={round.name} />
      <RoundForm round={round} units={units} />
    </>
  );
}
