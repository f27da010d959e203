import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { listUnits } from "@/db/queries/units";
import { requirePermission } from "@/server/session";
import { RoundForm } from "../round-form";

export const metadata: Metadata = { title: "新建轮次" };

export default async function NewRoundPage() {
  await requirePermission("plan.manage");
  const units = listUnits(db).map(({ id, name }) => ({ id, name }));
  return (
    <>
      <PageHeader title="新建轮次" description="巡视巡察反馈后,先建立轮次,再录入或导入问题清单。" />
      <RoundForm units={units} />
    </>
  );
}
