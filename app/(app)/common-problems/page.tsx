import type { Metadata } from "next";
import Link from "@/components/link";
import { StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { isCommonProblemOverdue, listCommonProblems } from "@/db/queries/common-problems";
import { todayISO } from "@/lib/deadline-state";
import { can, visibleRoundIds } from "@/lib/permissions";
import { requirePermission } from "@/server/session";

export const metadata: Metadata = { title: "共性问题" };

const LINK = "text-brand-700 underline-offset-2 hover:underline";

// 共性问题: what the office grouped across rounds and units and handed to a functional
// department for 专项治理. Leaders read the list; a reviewer only the ones whose 专项治理
// round it reviews.
export default async function CommonProblemsPage() {
  const actor = await requirePermission("commonProblem.read");
  const today = todayISO();
  const rows = listCommonProblems(db, { roundIds: visibleRoundIds(actor, "commonProblem.read"), today });
  return (
    <>
      <PageHeader
        title="共性问题"
        description="不同轮次、不同单位反复出现的同类问题,归并为共性问题,交职能部门牵头专项治理。专项治理的措施由牵头单位在“我的任务”中报送,整改办对账销号。"
        actions={
          can(actor, "commonProblem.manage") ? (
            <Link href="/common-problems/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
              归并共性问题
            </Link>
          ) : null
        }
      />
      {rows.length === 0 ? (
        <EmptyState title="还没有共性问题">整改办可从各轮次中选择同类问题,归并为共性问题并交办专项治理。</EmptyState>
      ) : (
        <Table caption="共性问题">
          <thead>
            <tr>
              <Th>共性问题</Th>
              <Th>牵头职能部门</Th>
              <Th>归并的问题</Th>
              <Th>专项治理措施</Th>
              <Th>完成时限</Th>
              <Th>状态</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((r) => {
              const overdue = isCommonProblemOverdue(r, today);
              return (
                <tr key={r.id}>
                  <Td className="max-w-md">
                    <Link href={`/common-problems/${r.id}`} className={LINK}>
                      {r.title}
                    </Link>
                  </Td>
                  <Td>{r.leadUnitName}</Td>
                  <Td>
                    {r.members} 个(来自 {r.memberRounds} 个轮次)
                  </Td>
                  <Td>
                    {r.measures} 项{r.overdueMeasures > 0 ? <span className="text-red-700">,{r.overdueMeasures} 项逾期</span> : null}
                  </Td>
                  <Td className={`whitespace-nowrap ${overdue ? "font-medium text-red-700" : ""}`}>
                    {r.deadline}
                    {overdue ? "(逾期)" : ""}
                  </Td>
                  <Td>
                    <StatusBadge status={r.status} />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </>
  );
}
