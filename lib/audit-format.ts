import { LOOK_BACK_RESULT_LABELS, NOTICE_LEVEL_LABELS, NOTICE_STATE_LABELS, REVIEW_STATE_LABELS, ROLE_LABELS, STATUS_LABELS } from "./domain";

// How the audit log reads in Chinese: labels for the actions and entities that write it,
// and a compact before → after of what changed. Pure, so the /audit page and a measure's
// timeline word things the same way. An action missing here shows raw: the log never hides.

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "user.create": "新建用户",
  "user.disable": "停用用户",
  "user.enable": "启用用户",
  "user.reset_password": "重置密码",
  "user.change_password": "修改密码",
  "user.retire_one_time_password": "统一身份认证登录后作废一次性密码",
  "user.sign_in": "登录",
  "user.sign_out": "退出登录",
  "system.setup": "首次设置:创建管理员",
  "organization.import": "导入组织机构与账号",
  "identity.sign_in_refused": "统一身份认证登录被拒绝",
  "unit.create": "新建单位",
  "unit.update": "修改单位",
  "api_token.create": "创建 API 令牌",
  "api_token.revoke": "撤销 API 令牌",
  "round.create": "新建轮次",
  "round.update": "修改轮次",
  "round.archive": "归档轮次",
  "round.unarchive": "恢复轮次",
  "round.import": "导入台账",
  "round.import_update": "更新导入台账",
  "round.seed_demo": "写入演示数据",
  "aspect.create": "新增方面",
  "aspect.update": "修改方面",
  "aspect.move": "调整方面顺序",
  "aspect.move_problems": "移动方面下的问题",
  "aspect.delete": "删除方面",
  "problem.create": "新增问题",
  "problem.update": "修改问题",
  "problem.delete": "删除问题",
  "problem.create_import": "更新导入:新增问题",
  "problem.update_import": "更新导入:修改问题",
  "measure.create": "新增整改措施",
  "measure.update": "修改整改措施",
  "measure.move": "调整措施顺序",
  "measure.delete": "删除整改措施",
  "measure.create_import": "更新导入:新增整改措施",
  "measure.update_import": "更新导入:修改整改措施",
  "measure.sign_off": "销号",
  "measure.reopen": "重新打开",
  // Written by the progress, review, supervision and reminder features (issue 4).
  "progress.create": "报送整改进展",
  "progress.claim": "报送进展并申报",
  "claim.return": "退回申报",
  "notice.issue": "发出督办单",
  "notice.reply": "回复督办单",
  "notice.close": "办结督办单",
  "reporting.remind": "催报进展",
  "reminders.run": "运行到期提醒",
  "notification.read": "标记通知已读",
  "notification.read_all": "全部通知标为已读",
  "institution.create": "登记制度",
  "look_back.schedule": "安排回头看",
  "look_back.record": "记录回头看结果",
  "report_draft.save": "保存通报草稿",
  "ledger_snapshot.create": "冻结台账快照",
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: "用户",
  identity: "统一身份认证账号",
  unit: "单位",
  organization: "组织机构",
  api_token: "API 令牌",
  round: "轮次",
  aspect: "方面",
  problem: "问题",
  measure: "整改措施",
  progress_report: "整改动态",
  evidence_file: "佐证材料",
  notice: "督办单",
  notification: "通知",
  reminders: "提醒任务",
  institution: "制度",
  look_back: "回头看",
  ledger_snapshot: "台账快照",
  report_draft: "通报草稿",
};

export const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;
export const entityLabel = (entity: string) => AUDIT_ENTITY_LABELS[entity] ?? entity;

const FIELD_LABELS: Record<string, string> = {
  status: "状态",
  version: "版本",
  reason: "原因",
  reportId: "申报",
  text: "内容",
  name: "名称",
  title: "标题",
  goal: "整改目标",
  deadline: "完成时限",
  deadlineKind: "时限类型",
  deadlineText: "时限原文",
  leadUnitId: "牵头单位",
  coUnitIds: "责任单位",
  leadLeader: "牵头领导",
  number: "序号",
  position: "顺序",
  measureId: "整改措施",
  scheduledDate: "回头看日期",
  result: "结果",
  note: "情况说明",
  claimedStatus: "申报状态",
  reviewState: "审核",
  reviewNote: "审核意见",
  documentNumber: "文号",
  issuedDate: "印发日期",
  disabled: "停用",
  archived: "归档",
  archivedAt: "归档时间",
  role: "角色",
  username: "用户名",
  unitId: "单位",
  isAdmin: "管理员",
  percent: "进度",
  reportDate: "报送日期",
  milestone: "节点",
  request: "督办要求",
  level: "等级",
  state: "办理状态",
  replyDeadline: "回复期限",
  reply: "回复",
  today: "日期",
  dueSoon: "临期",
  overdue: "逾期",
  reportMissing: "未报送",
  total: "合计",
  source: "来源",
  aspect: "方面",
  leadUnit: "牵头单位",
  coUnits: "责任单位",
  line: "文件行号",
  problemNumber: "问题序号",
  added: "新增",
  changed: "内容变更",
  statusChanges: "状态变更",
  missing: "文件中缺少",
  identity: "统一身份认证账号",
  phone: "手机",
  unit: "单位",
  units: "新建单位",
  users: "新建账号",
  existingUnits: "已有单位",
  existingAccounts: "已有账号",
  oneTimePassword: "一次性密码",
  passwordChanged: "密码已更改",
};

// Bookkeeping columns say nothing a reader of the log needs; the row's id is already
// shown as the entity's id.
const IGNORED_FIELDS = new Set(["id", "createdAt", "updatedAt", "passwordHash", "tokenHash"]);
const ENUM_LABELS: Record<string, Record<string, string>> = {
  status: STATUS_LABELS,
  claimedStatus: STATUS_LABELS,
  reviewState: REVIEW_STATE_LABELS,
  result: LOOK_BACK_RESULT_LABELS,
  level: NOTICE_LEVEL_LABELS,
  state: NOTICE_STATE_LABELS,
  role: ROLE_LABELS,
};

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

const MAX_VALUE_CHARS = 60;

function show(field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string") {
    const label = ENUM_LABELS[field]?.[value];
    if (label) return label;
    return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
  }
  if (typeof value === "boolean") return value ? "是" : "否";
  const json = JSON.stringify(value);
  return json.length > MAX_VALUE_CHARS ? `${json.slice(0, MAX_VALUE_CHARS)}…` : json;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/**
 * The fields whose value differs between `before` and `after` (a create has only `after`,
 * a delete only `before`), in a stable order, values shortened and enums in Chinese.
 */
export function auditChanges(
  before: unknown,
  after: unknown,
  { limit = 8, hide }: { limit?: number; hide?: ReadonlySet<string> } = {},
): FieldChange[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (IGNORED_FIELDS.has(field) || hide?.has(field)) continue;
    if (JSON.stringify(b[field] ?? null) === JSON.stringify(a[field] ?? null)) continue;
    const change = { field, label: FIELD_LABELS[field] ?? field, before: show(field, b[field]), after: show(field, a[field]) };
    if (change.before === null && change.after === null) continue;
    changes.push(change);
    if (changes.length >= limit) break;
  }
  return changes;
}

/** Time of a log row as the office reads it: Beijing time, "2026-11-21 14:03:09". */
export function auditTime(date: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}
