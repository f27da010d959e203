import type { Metadata } from "next";
import Link from "@/components/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { openRoundOptions, unitMeasuresInRound } from "@/db/queries/notices";
import { unitsInRound } from "@/db/queries/plan";
import { countActiveAccounts } from "@/db/queries/users";
import { can } from "@/lib/permissions";
import { todayISO } from "@/lib/deadline-state";
import { requirePermission } from "@/server/session";
import { parseId } from "@/lib/validations/common";
import { NoticeForm } from "../notice-form";

export const metadata: Metadata = { title: "发督办单" };

type SearchParams = Record<string, string | string[] | undefined>;

// The round and unit chosen so far live in the URL (?round=&unit=): the page offers only
// the units of that round and only that unit's measures. The server re-checks all of it.
export default async function NewNoticePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("notice.issue");
  const query = await searchParams;
  const rounds = openRoundOptions(db);
  const roundId = rounds.find((r) => r.id === parseId(single(query.round)))?.id ?? null;
  const units = roundId ? unitsInRound(db, { roundId }) : [];
  const unitId = units.find((u) => u.id === parseId(single(query.unit)))?.id ?? null;
  const measures = roundId && unitId ? unitMeasuresInRound(db, { roundId, unitId }) : [];
  // A unit with no active account would never see the notice; the form says so before it goes.
  const unitWithoutAccount = unitId !== null && countActiveAccounts(db, { unitId }) === 0;
  return (
    <>
      <PageHeader
        title="发督办单"
        description="向进度滞后的责任单位发出督办单,单位在回复期限前在线回复。"
        actions={
          <Link href="/notices" className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm text-gray-800 hover:bg-gray-50">
            返回督办列表
          </Link>
        }
      />
      {rounds.length === 0 ? (
        <EmptyState title="没有进行中的轮次">建立轮次并录入整改措施后,才能发督办单。</EmptyState>
      ) : (
        <NoticeForm
          rounds={rounds}
          units={units}
          measures={measures}
          roundId={roundId}
          unitId={unitId}
          today={todayISO()}
          unitWithoutAccount={unitWithoutAccount ? { unitId: unitId!, canCreate: can(actor, "admin.manage") } : null}
        />
      )}
    </>
  );
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
