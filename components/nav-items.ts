import type { Actor, Permission } from "@/lib/permissions";
import { can } from "@/lib/permissions";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

// Navigation per role: 整改办 轮次/台账/审核/申诉/督办/报告/驾驶舱/单位与用户; 责任单位 我的任务/督办/申诉;
// 领导 驾驶舱/通报/督办/信访线索; 纪检监察 信访件与问题线索. Each entry shows only to whom the permission table allows it.
const NAV_BY_ROLE: Record<Actor["role"], NavItem[]> = {
  office: [
    { href: "/rounds", label: "轮次", permission: "round.read" },
    { href: "/ledger", label: "台账", permission: "ledger.read" },
    { href: "/review", label: "审核", permission: "claim.review" },
    { href: "/appeals", label: "申诉", permission: "appeal.decide" },
    { href: "/reporting", label: "催报", permission: "claim.review" },
    { href: "/notices", label: "督办", permission: "notice.issue" },
    { href: "/look-backs", label: "回头看", permission: "lookback.manage" },
    { href: "/common-problems", label: "共性问题", permission: "commonProblem.manage" },
    // Only the administrator holds clue.manage: the register is not every office user's.
    { href: "/clues", label: "信访线索", permission: "clue.manage" },
    { href: "/reports", label: "报告", permission: "report.manage" },
    { href: "/dashboard", label: "驾驶舱", permission: "dashboard.read" },
    { href: "/audit", label: "日志", permission: "audit.read" },
    { href: "/admin/users", label: "单位与用户", permission: "admin.manage" },
  ],
  unit: [
    { href: "/my-tasks", label: "我的任务", permission: "progress.report" },
    { href: "/notices", label: "督办", permission: "notice.read" },
    { href: "/appeals", label: "申诉", permission: "appeal.read" },
  ],
  leader: [
    { href: "/dashboard", label: "驾驶舱", permission: "dashboard.read" },
    // The 通报 pages are read-only for leaders: they read what the office will publish.
    { href: "/reports", label: "通报", permission: "ledger.read" },
    { href: "/notices", label: "督办", permission: "notice.read" },
    { href: "/common-problems", label: "共性问题", permission: "commonProblem.read" },
    // Counts only: the page reads no item for a leader.
    { href: "/clues", label: "信访线索", permission: "clue.summary" },
  ],
  // The superior office's reviewer: the rounds assigned to it, nothing else.
  reviewer: [
    { href: "/rounds", label: "审核轮次", permission: "round.read" },
    { href: "/dashboard", label: "驾驶舱", permission: "dashboard.read" },
  ],
  // 纪检监察: the register of the clues and petitions handed over, nothing of the plan.
  discipline: [{ href: "/clues", label: "信访件与问题线索", permission: "clue.manage" }],
};

export function navItemsFor(actor: Actor): NavItem[] {
  return NAV_BY_ROLE[actor.role].filter((item) => can(actor, item.permission));
}

export function homeFor(actor: Actor): string {
  return navItemsFor(actor)[0]?.href ?? "/account/password";
}
