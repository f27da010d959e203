import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "@/components/link";
import { StatusBadge } from "@/components/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { getCommonProblem, governanceRoundName } from "@/db/queries/common-problems";
import { todayISO } from "@/lib/deadline-state";
import { can, canOpenRound } from "@/lib/permissions";
import { parseId } from "@/lib/validations/common";
import { requirePermission } from "@/server/session";

export const metadata: Metadata = { title: "共性问题" };

const LINK = "text-brand-700 underline-offset-2 hover:underline";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// One common problem: the problems it groups (with their rounds), the department leading the
// 专项治理 and its measures, each a measure of the 专项治理 round with its own page.
export default async function CommonProblemPage({ params, searchParams }: Props) {
  const actor = await requirePermission("commonProblem.read");
  const id = parseId((await params).id);
  const item = id === null ? undefined : getCommonProblem(db, { id });
  // A reviewer reads only those whose 专项治理 round it reviews; others are not found.
  if (!item || !canOpenRound(actor, "commonProblem.read", item.roundId)) notFound();
  const created = (await searchParams).created === "1";
  const today = todayISO();
  const editsPlan = can(actor, "plan.manage");
  return (
    <>
      <PageHeader
        title={`共性问题:${item.title}`}
        description={
          <>
            牵头职能部门 {item.leadUnitName} · 完成时限 {item.deadline} · <StatusBadge status={item.status} />
          </>
        }
        actions={
          <Link href="/common-problems" className="rounded-md border border-gray-300 bg-white px-3 py-2 text-sm hover:bg-gray-50">
            返回共性问题
          </Link>
        }
      />
      {created ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          已归并为共性问题,专项治理措施已交办牵头单位。
        </p>
      ) : null}
      {item.description ? <p className="mb-4 text-sm whitespace-pre-wrap text-gray-800">{item.description}</p> : null}
      <div className="space-y-6">
        <h2 className="text-base font-semibold">归并的问题({item.members.length} 个)</h2>
        <Table caption={`归并的问题(${item.members.length} 个)`}>
          <thead>
            <tr>
              <Th>轮次</Th>
              <Th>问题</Th>
              <Th>牵头单位</Th>
              <Th>状态</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {item.members.map((p) => (
              <tr key={p.id}>
                <Td>{p.roundName}</Td>
                <Td className="max-w-md">
                  {editsPlan ? (
                    <Link href={`/rounds/${p.roundId}/plan/problems/${p.id}`} className={LINK}>
                      第 {p.number} 个问题:{p.title}
                    </Link>
                  ) : (
                    <>
                      第 {p.number} 个问题:{p.title}
                    </>
                  )}
                </Td>
                <Td>{p.leadUnitName ?? "—"}</Td>
                <Td>
                  <StatusBadge status={p.status} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <h2 className="text-base font-semibold">专项治理措施({item.measures.length} 项)</h2>
        <Table caption={`专项治理措施(${item.measures.length} 项)`}>
          <thead>
            <tr>
              <Th>措施</Th>
              <Th>牵头单位</Th>
              <Th>完成时限</Th>
              <Th>状态</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {item.measures.map((m) => {
              const overdue = m.status !== "completed" && m.deadline !== null && m.deadline < today;
              return (
                <tr key={m.id}>
                  <Td className="max-w-md">
                    <Link href={`/measures/${m.id}`} className={LINK}>
                      {m.text}
                    </Link>
                  </Td>
                  <Td>{m.leadUnitName ?? "—"}</Td>
                  <Td className={`whitespace-nowrap ${overdue ? "font-medium text-red-700" : ""}`}>
                    {m.deadline}
                    {overdue ? "(逾期)" : ""}
                  </Td>
                  <Td>
                    <StatusBadge status={m.status} />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
        {editsPlan ? (
          <p className="no-print text-sm">
            专项治理按轮次管理:
            <Link href={`/rounds/${item.roundId}/plan`} className={LINK}>
              在“{governanceRoundName(item.title)}”的整改方案中增改措施
            </Link>
          </p>
        ) : null}
      </div>
    </>
  );
}
