// The domain's enumerations, shared by the schema, validation and UI. The Chinese labels
// are the words offices use (see DOMAIN.md); code keeps the English values.

export const ROLES = ["office", "unit", "leader", "reviewer", "discipline"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  office: "整改办",
  unit: "责任单位",
  leader: "领导",
  // The superior 巡视办/巡察办 (with the 组织部) that reviews the plan and the report.
  reviewer: "上级督导",
  // 纪委监委 staff who handle the clues and petitions the inspection team handed over.
  discipline: "纪检监察",
};

export const UNIT_KINDS = ["party", "government", "street", "enterprise", "other"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  party: "党委部门",
  government: "政府部门",
  street: "街道",
  enterprise: "国有企业",
  other: "其他",
};

export const ROUND_KINDS = ["inspection", "patrol", "audit", "special_check"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  inspection: "巡视",
  patrol: "巡察",
  audit: "审计",
  special_check: "专项检查",
};

export const STATUSES = ["incomplete", "basically_completed", "completed"] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  incomplete: "未完成",
  basically_completed: "基本完成",
  completed: "已完成",
};

export const DEADLINE_KINDS = ["date", "ongoing", "scheduled"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  date: "限定日期",
  ongoing: "长期坚持",
  scheduled: "按序时推进",
};

export const MEASURE_CATEGORIES = ["immediate", "time_limited", "long_term"] as const;
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];
export const MEASURE_CATEGORY_LABELS: Record<MeasureCategory, string> = {
  immediate: "立行立改",
  time_limited: "限期整改",
  long_term: "长期坚持",
};

export const REVIEW_STATES = ["pending", "signed_off", "returned"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  pending: "待审核",
  signed_off: "已销号",
  returned: "已退回",
};

export const NOTICE_LEVELS = ["reminder", "supervise", "criticize"] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];
export const NOTICE_LEVEL_LABELS: Record<NoticeLevel, string> = {
  reminder: "提醒",
  supervise: "督办",
  criticize: "通报",
};

export const NOTICE_STATES = ["open", "replied", "closed"] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];
export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  open: "待回复",
  replied: "已回复",
  closed: "已办结",
};

export const LOOK_BACK_RESULTS = ["holds", "relapsed"] as const;
export type LookBackResult = (typeof LOOK_BACK_RESULTS)[number];
export const LOOK_BACK_RESULT_LABELS: Record<LookBackResult, string> = {
  holds: "巩固",
  relapsed: "反弹",
};

// 回头看 asks of each rule (建章立制) that answers the measure's problem whether it is applied.
export const INSTITUTION_APPLIED = ["applied", "partly", "not_applied"] as const;
export type InstitutionApplied = (typeof INSTITUTION_APPLIED)[number];
export const INSTITUTION_APPLIED_LABELS: Record<InstitutionApplied, string> = {
  applied: "执行到位",
  partly: "部分执行",
  not_applied: "未执行",
};

export const REPORT_CYCLES = ["none", "weekly", "monthly"] as const;
export type ReportCycle = (typeof REPORT_CYCLES)[number];
export const REPORT_CYCLE_LABELS: Record<ReportCycle, string> = {
  none: "不要求定期报送",
  weekly: "每周",
  monthly: "每月",
};
/** Indexed by ISO weekday, 1 = Monday … 7 = Sunday, as rounds.report_weekday stores it. */
export const WEEKDAY_LABELS = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"] as const;

/** Who a progress report is by when it has no author: it came in with a command-line import. */
export const COMMAND_LINE_AUTHOR = "命令行导入";

// What the office submits to the superior inspection office for review.
export const SUBMISSION_KINDS = ["plan", "report"] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];
export const SUBMISSION_KIND_LABELS: Record<SubmissionKind, string> = {
  plan: "整改方案",
  report: "整改通报",
};

export const SUBMISSION_STATES = ["pending", "approved", "returned"] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = {
  pending: "待审核",
  approved: "已通过",
  returned: "已退回修改",
};

// What a reviewer's comment is about: the plan as a whole, one problem or measure of it, or
// the submitted 通报.
export const COMMENT_TARGETS = ["plan", "problem", "measure", "report"] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

// 申诉: a responsible unit contests the office's return of its claim, or an overdue mark.
export const APPEAL_SUBJECTS = ["return", "overdue"] as const;
export type AppealSubject = (typeof APPEAL_SUBJECTS)[number];
export const APPEAL_SUBJECT_LABELS: Record<AppealSubject, string> = {
  return: "退回申报",
  overdue: "逾期认定",
};

export const APPEAL_DECISIONS = ["granted", "rejected"] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];
export const APPEAL_DECISION_LABELS: Record<AppealDecision, string> = {
  granted: "申诉成立",
  rejected: "申诉不成立",
};

/**
 * 预警升级: the rungs a late measure climbs, in order. Each step reaches its own rung and
 * every rung below it (江津's 三色预警: "at 10 days also the 分管领导").
 */
export const ESCALATION_STEPS = ["liaison", "deputy", "principal", "lead_leader"] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];
/** Who each rung is. */
export const ESCALATION_RUNG_LABELS: Record<EscalationStep, string> = {
  liaison: "联络员",
  deputy: "分管领导",
  principal: "主要负责人",
  lead_leader: "牵头领导",
};
/** What reaching a step is called on the timeline and in the notification. */
export const ESCALATION_STEP_LABELS: Record<EscalationStep, string> = {
  liaison: "预警:提醒联络员",
  deputy: "预警升级:告知分管领导",
  principal: "预警升级:告知主要负责人",
  lead_leader: "逾期升级:告知牵头领导",
};

/** The two heads a unit records for the ladder. */
export const UNIT_HEAD_POSTS = ["principal", "deputy"] as const;
export type UnitHeadPost = (typeof UNIT_HEAD_POSTS)[number];
export const UNIT_HEAD_POST_LABELS: Record<UnitHeadPost, string> = {
  principal: "主要负责人",
  deputy: "分管领导",
};

/**
 * How a step reached one person: an in-app notification to an account, a contact the office
 * must phone (no usable account), or nobody because the rung was never recorded.
 */
export const ESCALATION_REACHES = ["notified", "contact", "unassigned"] as const;
export type EscalationReach = (typeof ESCALATION_REACHES)[number];

/** A 督办单 the ladder drafted: waiting for the office, issued, or set aside. */
export const NOTICE_DRAFT_STATES = ["pending", "issued", "dismissed"] as const;
export type NoticeDraftState = (typeof NOTICE_DRAFT_STATES)[number];
export const NOTICE_DRAFT_STATE_LABELS: Record<NoticeDraftState, string> = {
  pending: "待确认",
  issued: "已发出",
  dismissed: "不发出",
};

// 巡视移交信访件、问题线索 (the inspection team hands them over for handling).
export const CLUE_KINDS = ["clue", "petition"] as const;
export type ClueKind = (typeof CLUE_KINDS)[number];
export const CLUE_KIND_LABELS: Record<ClueKind, string> = {
  clue: "问题线索",
  petition: "信访件",
};

/** Who handles an item: the 纪委监委, the 组织部, or a unit (the register names it). */
export const CLUE_HANDLERS = ["commission", "organization", "unit"] as const;
export type ClueHandler = (typeof CLUE_HANDLERS)[number];
export const CLUE_HANDLER_LABELS: Record<ClueHandler, string> = {
  commission: "纪委监委",
  organization: "组织部",
  unit: "责任单位",
};

/** The time limit set on handing over: months from receipt, or a date the team named. */
export const CLUE_TIME_LIMITS = ["3", "6", "12", "date"] as const;
export type ClueTimeLimit = (typeof CLUE_TIME_LIMITS)[number];
export const CLUE_TIME_LIMIT_LABELS: Record<ClueTimeLimit, string> = {
  "3": "3个月内",
  "6": "6个月内",
  "12": "12个月内",
  date: "指定日期",
};

// The stages of 线索处置 as the 监督执纪工作规则 orders them: a registered item is disposed of
// in one of four ways (谈话函询, 初步核实, 暂存待查, 予以了结); a 初核 may lead to 立案, which
// goes through 审查调查 and 审理 to 审结. 审结 and 予以了结 end the handling (办结).
export const CLUE_STAGES = ["registered", "inquiry", "preliminary", "filed", "investigation", "trial", "concluded", "shelved", "dismissed"] as const;
export type ClueStage = (typeof CLUE_STAGES)[number];
export const CLUE_STAGE_LABELS: Record<ClueStage, string> = {
  registered: "已登记",
  inquiry: "谈话函询",
  preliminary: "初步核实",
  filed: "立案",
  investigation: "审查调查",
  trial: "审理",
  concluded: "审结",
  shelved: "暂存待查",
  dismissed: "予以了结",
};

// 群众满意度测评: the office opens a public questionnaire for a round; members of the public
// answer each question with one of four choices.
export const SURVEY_STATES = ["draft", "open", "closed"] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];
export const SURVEY_STATE_LABELS: Record<SurveyState, string> = {
  draft: "未开放",
  open: "收集中",
  closed: "已关闭",
};

/** What a question asks about: a whole aspect of the feedback, or one problem. */
export const SURVEY_SUBJECTS = ["aspect", "problem"] as const;
export type SurveySubject = (typeof SURVEY_SUBJECTS)[number];

export const SURVEY_CHOICES = ["satisfied", "basically_satisfied", "dissatisfied", "unknown"] as const;
export type SurveyChoice = (typeof SURVEY_CHOICES)[number];
export const SURVEY_CHOICE_LABELS: Record<SurveyChoice, string> = {
  satisfied: "满意",
  basically_satisfied: "基本满意",
  dissatisfied: "不满意",
  unknown: "不了解",
};

// 整改档案: a round's archive package is built in the background; "building" rows left by a
// server that stopped are marked failed when it starts again.
export const ARCHIVE_STATES = ["building", "ready", "failed"] as const;
export type ArchiveState = (typeof ARCHIVE_STATES)[number];
export const ARCHIVE_STATE_LABELS: Record<ArchiveState, string> = {
  building: "正在生成",
  ready: "已生成",
  failed: "生成失败",
};
