import { differenceInCalendarDays } from "date-fns";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { reviewQueue } from "@/db/queries/progress";
import { listRoundsWithCounts } from "@/db/queries/rounds";
import { listUnits } from "@/db/queries/units";
import { requirePermission } from "@/lib/session";
import { parseId } from "@/lib/validations/common";
import { ReviewTable } from "./review-table";

export const metadata: Metadata = { title: "对账销号" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The office's queue of claims (基本完成 / 已完成 with evidence), oldest first.
export default async function ReviewPage({ searchParams }: Props) {
  await requirePermission("claim.review");
  const search = await searchParams;
  const roundId = parseId(typeof search.round === "string" ? search.round : undefined) ?? undefined;
  const unitId = parseId(typeof search.unit === "string" ? search.unit : undefined) ?? undefined;
  const claims = reviewQueue(db, { roundId, unitId });
  const now = new Date();
  const rounds = listRoundsWithCounts(db).filter((r) => !r.archivedAt);
  const units = listUnits(db);
  return (
    <>
      <PageHeader title="对账销号" description="责任单位申报基本完成或已完成的事项,核对佐证材料后销号或退回。整改状态只因销号而改变。" />
      <form method="get" role="search" aria-label="筛选申报" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 bg-white p-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="text-xs text-gray-600">轮次</span>
          <select name="round" defaultValue={roundId ?? ""} className="rounded-md border border-gray-300 px-2 py-1.5">
            <option value="">全部轮次</option>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-gray-600">申报单位</span>
          <select name="unit" defaultValue={unitId ?? ""} className="rounded-md border border-gray-300 px-2 py-1.5">
            <option value="">全部单位</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white">
          筛选
        </button>
      </form>
      <ReviewTable claims={claims.map((c) => ({ ...c, waitingDays: differenceInCalendarDays(now, c.createdAt) }))} />
    </>
  );
}
