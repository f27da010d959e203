import type { Metadata } from "next";
import { CommonProblemForm } from "@/components/common-problem-form";
import Link from "@/components/link";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { pickableProblems, pickableRounds } from "@/db/queries/common-problems";
import { listUnits } from "@/db/queries/units";
import { todayISO } from "@/lib/deadline-state";
import { parseId } from "@/lib/validations/common";
import { requirePermission } from "@/server/session";

export const metadata: Metadata = { title: "归并共性问题" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// The office picks problems round by round (?round=, narrowed by ?q=) and hands them over.
export default async function NewCommonProblemPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("commonProblem.manage");
  const params = await searchParams;
  const rounds = pickableRounds(db);
  const asked = parseId(first(params.round));
  const round = rounds.find((r) => r.id === asked) ?? null;
  const text = (first(params.q) ?? "").slice(0, 100);
  const candidates = round
    ? pickableProblems(db, { roundId: round.id, text }).map((p) => ({
        id: p.id,
        label: `${round.name} · 第 ${p.number} 个问题:${p.title}${p.leadUnitName ? `(${p.leadUnitName})` : ""}`,
      }))
    : [];
  return (
    <>
      <PageHeader
        title="归并共性问题"
        description="从不同轮次中选择同类问题,归并为一个共性问题,交职能部门牵头专项治理,并列出专项治理措施、牵头单位和完成时限。"
        actions={
          <Link href="/common-problems" className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm hover:bg-gray-50">
            返回共性问题
          </Link>
        }
      />
      <CommonProblemForm
        rounds={rounds}
        roundId={round?.id ?? null}
        text={text}
        candidates={candidates}
        units={listUnits(db).map((u) => ({ id: u.id, name: u.name }))}
        today={todayISO()}
      />
    </>
  );
}
