import type { Role } from "@/lib/domain";

// The demo's accounts, documented in README.md and printed when the app starts on a
// demo database. They exist only in a seeded demo; a real deployment creates its own.
export const DEMO_PASSWORD = "Demo2026zg";

export const OFFICE_UNIT = "区委巡视整改办";

/** The superior inspection office whose reviewer reviews the demo round's plan and report. */
export const REVIEW_UNIT = "省委巡视办";

/** The discipline staff who keep the register of clues and petitions handed over. */
export const DISCIPLINE_UNIT = "区纪委监委案件监督管理室";

export const DEMO_ACCOUNTS: {
  username: string;
  name: string;
  role: Role;
  unit: string;
  isAdmin: boolean;
}[] = [
  { username: "office", name: "陈整改", role: "office", unit: OFFICE_UNIT, isAdmin: true },
  { username: "jiaoyu", name: "林教育", role: "unit", unit: "区教育局", isAdmin: false },
  { username: "xinan", name: "黄新安", role: "unit", unit: "新安街道", isAdmin: false },
  { username: "leader", name: "王领导", role: "leader", unit: "中共深圳市宝安区委员会", isAdmin: false },
  { username: "ducha", name: "赵督导", role: "reviewer", unit: REVIEW_UNIT, isAdmin: false },
  { username: "jijian", name: "周纪检", role: "discipline", unit: DISCIPLINE_UNIT, isAdmin: false },
];
