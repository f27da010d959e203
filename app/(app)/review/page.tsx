import { differenceInCalendarDays } from "date-fns";
import type { Metadata } from "next";
import { FilterForm, FilterSelect } from "@/components/filter-form";
import Link from "@/components/link";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { appealCounts } from "@/db/queries/appeals";
import { reviewQueue } from "@/db/queries/progress";
import { listRoundsWithCountsWhileUnchanged } from "@/db/queries/rounds";
import { listUnits } from "@/db/queries/units";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/server/session";
import { parseId } from "@/lib/validations/common";
import { ReviewTable } from "./review-table";

export const metadata: Metadata = { title: "对账销号" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The office's queue of claims (基本完成 / 已完成 with evidence), oldest first.
export default async function ReviewPage({ searchParams }: Props) {
  const actor = await requirePermission("claim.review");
  const search = await searchParams;
  const roundId = parseId(typeof search.round === "string" ? search.round : undefined) ?? undefined;
  const unitId = parseId(typeof search.unit === "string" ? search.unit : undefined) ?? undefined;
  const claims = reviewQueue(db, { roundId, unitId });
  const now = new Date();
  const rounds = listRoundsWithCountsWhileUnchanged(db).filter((r) => !r.archivedAt);
  const units = listUnits(db);
  // Appeals against returns come back here once granted: the office sees how many wait.
  const openAppeals = can(actor, "appeal.decide") ? appealCounts(db, { unitIds: null }).open : null;
  return (
    <>
      <PageHeader title="对账销号" description="责任单位申报基本完成或已完成的事项,核对佐证材料后销号或退回。整改状态只因销号而改变。" />
      {openAppeals === null ? null : (
        <p className="mb-3 text-sm">
          <Link href="/appeals" className={openAppeals > 0 ? "font-medium text-amber-800 underline" : "text-gray-600 underline"}>
            待处理的申诉 {openAppeals} 项
          </Link>
          <span className="ml-2 text-gray-500">责任单位对退回或逾期认定不服的,在“申诉”中处理。</span>
        </p>
      )}
      <FilterForm label="筛选申报">
        <FilterSelect name="round" label="轮次" value={roundId} allLabel="全部轮次" options={rounds.map((r) => ({ value: r.id, label: r.name }))} />
        <FilterSelect name="unit" label="申报单位" value={unitId} allLabel="全部单位" options={units.map((u) => ({ value: u.id, label: u.name }))} />
      </FilterForm>
      <ReviewTable claims={claims.map((c) => ({ ...c, waitingDays: differenceInCalendarDays(now, c.createdAt) }))} />
    </>
  );
}
