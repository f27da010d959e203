import type { Metadata } from "next";
import Link from "@/components/link";
import { DeadlineLight, StatusBadge } from "@/components/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { measuresAppealing } from "@/db/queries/appeals";
import { listMeasuresForUnits } from "@/db/queries/measures";
import { reproofsDue } from "@/db/queries/reproofs";
import { daysLeftLabel, deadlineState, LIGHT_OF, todayISO, type DeadlineState } from "@/lib/deadline-state";
import { requirePermission } from "@/server/session";

export const metadata: Metadata = { title: "我的任务" };

const GROUPS: { state: DeadlineState | "pending" | "returned"; title: string }[] = [
  { state: "returned", title: "被退回" },
  { state: "overdue", title: "逾期" },
  { state: "due_soon", title: "临期" },
  { state: "pending", title: "待审核" },
  { state: "on_track", title: "进行中" },
  { state: "undated", title: "长期坚持 / 按序时推进" },
  { state: "done", title: "已销号" },
];

// A responsible unit's inbox: the measures it leads or shares, most urgent first.
// Reporting progress and claims come with the workflow issue.
export default async function MyTasksPage() {
  const actor = await requirePermission("progress.report");
  const today = todayISO();
  const tasks = listMeasuresForUnits(db, { unitIds: actor.unitScope }).map((task) => {
    const { state, daysLeft } = deadlineState({ deadline: task.deadline, status: task.status, today, dueSoonDays: task.dueSoonDays });
    // A claim waiting for the office, or one it sent back, matters more than the date.
    const group = state === "done" ? state : task.lastClaimState === "returned" ? "returned" : task.pendingClaims > 0 ? "pending" : state;
    return { ...task, state, daysLeft, group };
  });
  const appealing = measuresAppealing(db, { unitIds: actor.unitScope });
  // 并长期坚持: signed-off measures whose quarterly proof has come due again (or soon will).
  const reproofs = new Map(reproofsDue(db, { today, unitIds: actor.unitScope }).map((r) => [r.id, r]));
  return (
    <>
      <PageHeader title="我的任务" description={`${actor.unitName}牵头或参与的整改措施,共 ${tasks.length} 项。`} />
      {tasks.length === 0 ? (
        <EmptyState title="本单位暂无整改任务">整改办分配任务后会出现在这里。</EmptyState>
      ) : (
        <div className="space-y-6">
          {GROUPS.map((group) => {
            const items = tasks.filter((t) => t.group === group.state);
            if (items.length === 0) return null;
            return (
              <section key={group.state} aria-labelledby={`group-${group.state}`}>
                <h2 id={`group-${group.state}`} className="mb-2 font-semibold">
                  {group.title}({items.length})
                </h2>
                <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white">
                  {items.map((task) => (
                    <li key={task.id} className="flex flex-wrap items-start gap-3 px-4 py-3">
                      <DeadlineLight light={LIGHT_OF[task.state]} />
                      <div className="min-w-0 flex-1">
                        <Link href={`/measures/${task.id}`} className="font-medium text-gray-900 underline-offset-2 hover:text-brand-700 hover:underline">
                          {task.text}
                        </Link>
                        <p className="mt-0.5 text-xs text-gray-500">
                          问题{task.problemNumber}:{task.problemTitle} · {task.isLead ? "牵头" : "配合"}
                        </p>
                        {task.group === "returned" && task.lastClaimNote ? <p className="mt-1 text-sm text-red-700">退回理由:{task.lastClaimNote}</p> : null}
                        {appealing.has(task.id) ? <p className="mt-1 text-sm text-amber-700">已申诉,等待整改办处理</p> : null}
                        {reproofs.has(task.id) ? (
                          <p className={`mt-1 text-sm ${reproofs.get(task.id)!.state === "due" ? "text-red-700" : "text-amber-700"}`}>
                            长期坚持待复证:请于 {reproofs.get(task.id)!.nextDue} 前报送“已完成”并附佐证材料
                          </p>
                        ) : null}
                      </div>
                      <div className="text-right text-sm">
                        <StatusBadge status={task.status} />
                        <p className="mt-1 text-xs text-gray-600">
                          {task.deadline ?? task.deadlineText} · {daysLeftLabel(task.daysLeft)}
                        </p>
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
