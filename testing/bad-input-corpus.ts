import { STANDARD_TEMPLATE } from "@/lib/evaluation-template";
import { templateContent, type ActionTargets, type Role } from "@/testing/access-table";
import {
  conflictingSerialCsv,
  hundredThousandRowsCsv,
  ledgerXlsx,
  mixedEncodingCsv,
  truncatedXlsx,
  zipBombXlsx,
  type HostileFile,
} from "@/testing/hostile-files";

// The bad-input corpus (issue 6, hardening): what a careless or hostile user may send to
// every form's server action and every write API. ONE table of payloads by kind of field,
// and per action / endpoint which kind each field is; testing/action-bad-input.test.ts
// and e2e/bad-input.spec.ts expand it into cases. Each case is refused with a Chinese
// message and nothing written — or, for free text, stored exactly as typed (and shown as
// text, never run: the browser check in e2e/bad-input.spec.ts).

export const PAYLOADS = {
  /** 100 KB of text (UTF-8): longer than any field allows. */
  overLong: "长".repeat(34_134),
  sql: "1'; DROP TABLE measures; --",
  sqlOr: "' OR '1'='1",
  script: "<script>alert(1)</script>",
  javascriptUrl: "javascript:alert(1)",
  imgOnError: "<img src=x onerror=alert(1)>",
  impossibleDate: "2026-02-30",
  chineseDate: "明天",
  monthThirteen: "2026-13-01",
  huge: "1e308",
} as const;

/** The kinds of field a form or API body has; each kind has its own list of bad values. */
export type FieldKind =
  | "text"
  | "optionalText"
  | "id"
  | "optionalId"
  | "idList"
  | "date"
  | "optionalDate"
  | "notPastDate"
  | "notFutureDate"
  | "percent"
  | "indicatorValue"
  | "smallInt"
  | "headcount"
  | "weekday"
  | "ladderDays"
  | "phone"
  | "positiveInt"
  | "enum"
  | "optionalEnum"
  | "username"
  | "password"
  | "userRef"
  | "userRefList"
  | "reviewTarget"
  | "deadlineText"
  | "noProbeId"
  | "noProbeIdList"
  | "institutions"
  | "documentPlan"
  | "statedFigures"
  | "sectionRoles"
  | "unitMap"
  | "fileName"
  | "paperCount"
  | "strayPaperCount"
  | "templateContent"
  | "editableTemplateId"
  | "groupedProblems";

/** refused: a Chinese error, nothing written. stored: accepted and kept exactly as sent. */
export type Expectation = "refused" | "stored";

export interface InputCase<V> {
  label: string;
  value: V;
  expect: Expectation;
}

/**
 * A form value: one string, the same key sent twice, a file where text belongs, left out —
 * or the id of one of the run's objects (`target`), when the bad value is a real row.
 */
export type FormValue = string | string[] | Blob | { absent: true } | { target: keyof Omit<ActionTargets, "unique"> };

const refused = <V>(label: string, value: V): InputCase<V> => ({ label, value, expect: "refused" });
const stored = <V>(label: string, value: V): InputCase<V> => ({ label, value, expect: "stored" });

const MISSING_ROW = "987654321";
const hostileText = <V>(wrap: (s: string) => V) => [
  stored("SQL 注入样式", wrap(PAYLOADS.sql)),
  stored("SQL 恒真式", wrap(PAYLOADS.sqlOr)),
  stored("<script> 标签", wrap(PAYLOADS.script)),
  stored("javascript: 链接", wrap(PAYLOADS.javascriptUrl)),
  stored("onerror 图片", wrap(PAYLOADS.imgOnError)),
];
const badIds = [
  refused("字母", "abc"),
  refused("负数", "-1"),
  refused("零", "0"),
  refused("小数", "1.5"),
  refused("1e308", PAYLOADS.huge),
  refused("SQL 注入样式", "1 OR 1=1"),
  refused("<script>", PAYLOADS.script),
];
const badDates = [
  refused("2 月 30 日", PAYLOADS.impossibleDate),
  refused("“明天”", PAYLOADS.chineseDate),
  refused("13 月", PAYLOADS.monthThirteen),
  refused("无分隔符", "20260230"),
  refused("SQL 注入样式", PAYLOADS.sqlOr),
];
const badInts = (min: number, max: number) => [
  refused(`小于 ${min}`, String(min - 1)),
  refused(`大于 ${max}`, String(max + 1)),
  refused("1e308", PAYLOADS.huge),
  refused("-1e308", `-${PAYLOADS.huge}`),
  refused("字母", "abc"),
  refused("小数", "1.5"),
  refused("Infinity", "Infinity"),
];
const badEnum = [refused("未知取值", "castle"), refused("SQL 注入样式", PAYLOADS.sqlOr), refused("<script>", PAYLOADS.script)];

/** The valid template of the access table with one part changed (or, for `areas` and `grades`, replaced). */
function template(change: Record<string, unknown>): string {
  return JSON.stringify({ ...JSON.parse(templateContent("语料模板")), ...change });
}
const oneArea = (indicators: unknown[]) => [{ name: "责任落实", indicators }];
const GRADES = [{ name: "好", factor: "1" }, { name: "差", factor: "0.5" }];

/** Bad values for a field of each kind, as a form sends them. */
export const FORM_CASES: Partial<Record<FieldKind, InputCase<FormValue>[]>> = {
  text: [
    refused("空", ""),
    refused("只有空格", "   "),
    refused("100 KB", PAYLOADS.overLong),
    refused("同名字段两次", ["甲", "乙"]),
    refused("文件代替文字", new Blob(["x"], { type: "text/plain" })),
    ...hostileText((s) => s),
  ],
  optionalText: [refused("100 KB", PAYLOADS.overLong), ...hostileText((s) => s)],
  id: [refused("空", ""), refused("缺少字段", { absent: true }), refused("同名字段两次", ["1", "2"]), refused("不存在的编号", MISSING_ROW), ...badIds],
  optionalId: [refused("不存在的编号", MISSING_ROW), ...badIds.filter((c) => c.value !== "0")],
  idList: [refused("不存在的编号", MISSING_ROW), ...badIds.filter((c) => c.value !== "0")],
  date: [refused("空", ""), ...badDates],
  optionalDate: badDates,
  notPastDate: [refused("空", ""), refused("已过去的日期", "2020-01-01"), ...badDates],
  notFutureDate: [refused("将来的日期", "2099-01-01"), ...badDates],
  percent: badInts(0, 100),
  // 量化指标 figures: any finite decimal below 1e12 is good, so only non-numbers and the huge are bad.
  indicatorValue: [
    refused("字母", "abc"),
    refused("1e308", PAYLOADS.huge),
    refused("-1e308", `-${PAYLOADS.huge}`),
    refused("Infinity", "Infinity"),
    refused("1e13", "1e13"),
    refused("同名字段两次", ["1", "2"]),
    refused("SQL 注入样式", PAYLOADS.sqlOr),
  ],
  smallInt: badInts(0, 90),
  headcount: badInts(0, 9999),
  weekday: badInts(1, 7),
  ladderDays: badInts(0, 365),
  phone: [refused("字母", "abc"), refused("100 KB", PAYLOADS.overLong), refused("SQL 注入样式", PAYLOADS.sqlOr), refused("<script>", PAYLOADS.script)],
  positiveInt: [refused("零", "0"), refused("负数", "-1"), refused("1e308", PAYLOADS.huge), refused("字母", "abc"), refused("小数", "1.5")],
  enum: [refused("空", ""), refused("同名字段两次", ["a", "b"]), ...badEnum],
  optionalEnum: badEnum,
  username: [refused("空", ""), refused("100 KB", PAYLOADS.overLong), refused("SQL 注入样式", PAYLOADS.sqlOr), refused("<script>", PAYLOADS.script)],
  password: [refused("空", ""), refused("100 KB", PAYLOADS.overLong), refused("过短", "ab1")],
  userRef: [refused("空", ""), refused("100 KB", PAYLOADS.overLong), refused("不存在的账号", "no-such-user"), refused("SQL 注入样式", PAYLOADS.sqlOr)],
  // A checkbox list of accounts: none checked is a valid answer (no one), so "" is not bad.
  userRefList: [
    refused("100 KB", PAYLOADS.overLong),
    refused("不存在的账号", "no-such-user"),
    refused("SQL 注入样式", PAYLOADS.sqlOr),
    refused("列表中有不存在的账号", ["no-such-user", "no-such-user-2"]),
    refused("51 个账号(上限 50 个)", Array.from({ length: 51 }, (_, i) => `no-such-user-${i}`)),
  ],
  // What a review comment is about, as the form's select sends it: "plan", "problem:12", "measure:34".
  reviewTarget: [
    refused("空", ""),
    refused("缺少字段", { absent: true }),
    refused("同名字段两次", ["plan", "plan"]),
    refused("未知的对象", "castle"),
    refused("编号不是数字", "problem:abc"),
    refused("1e308", `measure:${PAYLOADS.huge}`),
    refused("不存在的问题", `problem:${MISSING_ROW}`),
    refused("不存在的措施", `measure:${MISSING_ROW}`),
    refused("SQL 注入样式", "problem:1 OR 1=1"),
    refused("<script>", PAYLOADS.script),
  ],
  deadlineText: [refused("“明天”", PAYLOADS.chineseDate), refused("100 KB", PAYLOADS.overLong), refused("SQL 注入样式", PAYLOADS.sql)],
  // Another user's or a missing notification id is accepted without effect, so ids cannot be probed.
  noProbeId: [refused("空", ""), ...badIds],
  // 建章立制 rows travel as one JSON field of the progress form.
  institutions: [
    refused("不合法的 JSON", "[{"),
    refused("不是数组", '{"title":"制度"}'),
    refused("制度名称为空", '[{"title":""}]'),
    refused("名称 100 KB", JSON.stringify([{ title: PAYLOADS.overLong }])),
    refused("印发日期 2 月 30 日", JSON.stringify([{ title: "制度", issuedDate: PAYLOADS.impossibleDate }])),
    refused("51 项(上限 50 项)", JSON.stringify(Array.from({ length: 51 }, (_, i) => ({ title: `制度${i}` })))),
  ],
  // 评估指标模板: the editor's one JSON field. The rules a template keeps, broken one at a time.
  templateContent: [
    refused("空", ""),
    refused("缺少字段", { absent: true }),
    refused("同名字段两次", [templateContent("甲"), templateContent("乙")]),
    refused("不合法的 JSON", '{"name":'),
    refused("不是对象", JSON.stringify([PAYLOADS.script])),
    refused("100 KB", PAYLOADS.overLong),
    refused("没有指标", template({ areas: [] })),
    refused("方面下没有指标", template({ areas: oneArea([]) })),
    refused("分值合计 90 分", template({ areas: oneArea([{ name: "主体责任", weight: "60" }, { name: "按期销号", weight: "30" }]) })),
    refused("分值为零", template({ areas: oneArea([{ name: "主体责任", weight: "0" }, { name: "按期销号", weight: "100" }]) })),
    refused("分值为文字", template({ areas: oneArea([{ name: "主体责任", weight: "五十" }, { name: "按期销号", weight: "50" }]) })),
    refused("分值两位小数", template({ areas: oneArea([{ name: "主体责任", weight: "50.25" }, { name: "按期销号", weight: "49.75" }]) })),
    refused("分值 1e308", template({ areas: oneArea([{ name: "主体责任", weight: PAYLOADS.huge }]) })),
    refused("指标重名", template({ areas: oneArea([{ name: "主体责任", weight: "50" }, { name: "主体责任", weight: "50" }]) })),
    refused("101 项指标(上限 100 项)", template({ areas: oneArea(Array.from({ length: 101 }, (_, i) => ({ name: `指标${i}`, weight: "1" }))) })),
    refused("模板名称与标准模板重名", template({ name: STANDARD_TEMPLATE.name })),
    refused("模板名称 100 KB", template({ name: PAYLOADS.overLong })),
    refused("指标名称 100 KB", template({ areas: oneArea([{ name: PAYLOADS.overLong, weight: "100" }]) })),
    refused("评分要点 1001 字", template({ areas: oneArea([{ name: "主体责任", description: "长".repeat(1001), weight: "100" }]) })),
    refused("只有一个等次", template({ grades: GRADES.slice(0, 1) })),
    refused("等次由低到高", template({ grades: [...GRADES].reverse() })),
    refused("得分系数 1.5", template({ grades: [{ name: "好", factor: "1.5" }, GRADES[1]] })),
    refused("等次重名", template({ grades: [GRADES[0], { name: "好", factor: "0.5" }] })),
    refused("反馈后 3 个月即评估", template({ monthsAfterFeedback: "3" })),
    refused("月数为小数", template({ monthsAfterFeedback: "6.5" })),
  ],
  // A template the office may still change: neither a missing one nor one an evaluation uses.
  editableTemplateId: [
    refused("空", ""),
    refused("缺少字段", { absent: true }),
    refused("不存在的编号", MISSING_ROW),
    refused("已被成效评估使用的模板", { target: "usedEvaluationTemplate" }),
    ...badIds,
  ],
  // A file's name, kept only in the audit log.
  fileName: [refused("100 KB", PAYLOADS.overLong)],
  // One cell of the 纸质问卷 grid: a whole number of forms, the question's cells together at
  // most the batch's 份数 (the valid form has 10 forms, this question 10 counted).
  paperCount: [
    refused("负数", "-1"),
    refused("小数", "1.5"),
    refused("字母", "abc"),
    refused("1e308", PAYLOADS.huge),
    refused("多于份数", "7"),
    refused("同名字段两次", ["1", "2"]),
    refused("SQL 注入样式", PAYLOADS.sqlOr),
  ],
  // A cell the questionnaire does not have: a 题号 beyond its questions, a choice it does not offer.
  strayPaperCount: [refused("问卷没有的题目或选项", "1")],
  // The problems a 共性问题 groups: at least two distinct ones that exist outside any 专项治理.
  groupedProblems: [
    refused("空", ""),
    refused("缺少字段", { absent: true }),
    refused("只有一个问题", "1"),
    refused("同一问题两次", ["1", "1"]),
    refused("不存在的问题", ["1", MISSING_ROW]),
    refused("201 个问题(上限 200 个)", Array.from({ length: 201 }, (_, i) => String(i + 1))),
    refused("编号不是数字", ["1", "abc"]),
    refused("SQL 注入样式", "1 OR 1=1"),
    refused("<script>", PAYLOADS.script),
  ],
  // The outline the document preview sends back as one JSON field.
  documentPlan: [
    refused("空", ""),
    refused("不合法的 JSON", '{"aspects":['),
    refused("没有问题", '{"aspects":[]}'),
    refused("不是对象", JSON.stringify(PAYLOADS.script)),
    refused("问题标题 100 KB", documentPlan({ title: PAYLOADS.overLong })),
    refused("整改措施 100 KB", documentPlan({ measures: [PAYLOADS.overLong] })),
    refused("未知的整改状态", documentPlan({ status: "差不多完成" })),
    refused("问题标题为数字", documentPlan({ title: 12345 })),
  ],
  // The figures the document stated, sent back with the confirmed plan (issue 12).
  statedFigures: [
    refused("不合法的 JSON", '{"problems":'),
    refused("负数", JSON.stringify({ problems: -1, completed: null, basicallyCompleted: null, incomplete: null, measures: null })),
    refused("小数", JSON.stringify({ problems: 1.5, completed: null, basicallyCompleted: null, incomplete: null, measures: null })),
    refused("文字代替数字", JSON.stringify({ problems: "四十", completed: null, basicallyCompleted: null, incomplete: null, measures: null })),
    refused("1e308", `{"problems":${PAYLOADS.huge},"completed":null,"basicallyCompleted":null,"incomplete":null,"measures":null}`),
  ],
  // The office's choice for unit names the document gives that match no unit.
  unitMap: [
    refused("不合法的 JSON", '{"区某某局":'),
    refused("编号为零", JSON.stringify({ 区某某局: 0 })),
    refused("负数编号", JSON.stringify({ 区某某局: -3 })),
    refused("未知取值", JSON.stringify({ 区某某局: "castle" })),
    refused("不存在的单位", JSON.stringify({ 区某某局: 99_999_999 })),
    refused("100 KB 的名称", JSON.stringify({ [PAYLOADS.overLong]: "new" })),
  ],
  // The preview's "这一节是问题 / 不是问题", sent with the file to parse again.
  sectionRoles: [
    refused("不合法的 JSON", '{"一、":'),
    refused("未知的取值", JSON.stringify({ "一、工作综述": "castle" })),
    refused("不是对象", JSON.stringify([PAYLOADS.script])),
    refused("同名字段两次", ["{}", "{}"]),
    refused("100 KB 的标题", JSON.stringify({ [PAYLOADS.overLong]: "prose" })),
  ],
};

function documentPlan(problem: Record<string, unknown>): string {
  const base = { title: "问题", description: "", status: null, deadlineText: "", progressText: "", measures: ["措施"] };
  return JSON.stringify({ aspects: [{ name: "一、方面", problems: [{ ...base, ...problem }] }] });
}

/** The same for JSON bodies, where a value may also have the wrong JSON type. */
const wrongJsonTypes = [refused("数字", 123), refused("null", null), refused("对象", { $gt: "" }), refused("数组", ["x"]), refused("布尔值", true)];
const badJsonIds = [
  refused("负数", -1),
  refused("零", 0),
  refused("小数", 1.5),
  refused("1e308", 1e308),
  refused("字母", "abc"),
  refused("SQL 注入样式", "1 OR 1=1"),
  refused("null", null),
  refused("对象", { $ne: null }),
  refused("不存在的编号", Number(MISSING_ROW)),
];
const badJsonDates = [
  refused("2 月 30 日", PAYLOADS.impossibleDate),
  refused("“明天”", PAYLOADS.chineseDate),
  refused("13 月", PAYLOADS.monthThirteen),
  refused("数字", 20260230),
  refused("null", null),
  refused("<script>", PAYLOADS.script),
];
export const JSON_CASES: Partial<Record<FieldKind, InputCase<unknown>[]>> = {
  text: [refused("空", ""), refused("只有空格", "   "), refused("100 KB", PAYLOADS.overLong), ...wrongJsonTypes, ...hostileText((s) => s)],
  optionalText: [refused("100 KB", PAYLOADS.overLong), refused("数字", 123), refused("对象", {}), ...hostileText((s) => s)],
  id: badJsonIds,
  optionalId: badJsonIds.filter((c) => c.value !== null),
  idList: [
    refused("不是数组", "1,2"),
    refused("空数组", []),
    refused("含负数", [-1]),
    refused("含字母", ["abc"]),
    refused("含小数", [1.5]),
    refused("含 1e308", [1e308]),
    refused("null", null),
    refused("对象", { 0: 1 }),
    refused("不存在的编号", [Number(MISSING_ROW)]),
  ],
  noProbeIdList: [
    refused("不是数组", "1,2"),
    refused("空数组", []),
    refused("含负数", [-1]),
    refused("含字母", ["abc"]),
    refused("含小数", [1.5]),
    refused("含 1e308", [1e308]),
    refused("对象", { 0: 1 }),
  ],
  date: badJsonDates,
  optionalDate: badJsonDates.filter((c) => c.value !== null),
  notPastDate: [refused("已过去的日期", "2020-01-01"), ...badJsonDates],
  notFutureDate: [refused("将来的日期", "2099-01-01"), ...badJsonDates.filter((c) => c.value !== null)],
  enum: [refused("未知取值", "castle"), refused("数字", 1), refused("null", null), refused("空", ""), refused("<script>", PAYLOADS.script)],
};

// ── server actions ───────────────────────────────────────────────────────

export interface ActionInputs {
  /** Who submits (default: the office admin). */
  as?: Role;
  fields: Record<string, FieldKind>;
}

/** Every action of testing/access-table.ts that takes input, with its fields' kinds. */
export const ACTION_INPUTS: Record<string, ActionInputs> = {
  createRoundAction: {
    fields: {
      name: "text", kind: "enum", inspectingBody: "text", inspectedBody: "text", inspectedUnitId: "optionalId",
      inspectionStart: "optionalDate", feedbackDate: "optionalDate", deadline: "optionalDate", dueSoonDays: "smallInt",
      reportCycle: "enum", reportWeekday: "weekday",
    },
  },
  updateRoundAction: {
    fields: {
      roundId: "id", name: "text", inspectedUnitId: "optionalId", feedbackDate: "optionalDate", reportCycle: "enum", reportWeekday: "weekday",
      escalationLiaisonDays: "ladderDays", escalationDeputyDays: "ladderDays", escalationPrincipalDays: "ladderDays", escalationLeadLeaderDays: "ladderDays",
    },
  },
  archiveRoundAction: { fields: { roundId: "id" } },
  unarchiveRoundAction: { fields: { roundId: "id" } },
  createAspectAction: { fields: { roundId: "id", name: "text" } },
  renameAspectAction: { fields: { roundId: "id", aspectId: "id", name: "text" } },
  moveAspectAction: { fields: { aspectId: "id", direction: "enum" } },
  deleteAspectAction: { fields: { aspectId: "id" } },
  moveAspectProblemsAction: { fields: { aspectId: "id", targetAspectId: "optionalId" } },
  createProblemAction: {
    fields: { roundId: "id", number: "positiveInt", title: "text", description: "optionalText", leadLeader: "optionalText", leadUnitId: "optionalId", aspectId: "optionalId" },
  },
  updateProblemAction: { fields: { problemId: "id", number: "positiveInt", title: "text" } },
  deleteProblemAction: { fields: { problemId: "id", measureCount: "positiveInt" } },
  createMeasureAction: {
    fields: {
      problemId: "id", text: "text", goal: "optionalText", leadUnitId: "optionalId", coUnitIds: "idList", deadlineText: "deadlineText",
      deadlineDate: "optionalDate", deadlineKind: "optionalEnum", category: "optionalEnum",
      indicatorBaseline: "indicatorValue", indicatorTarget: "indicatorValue", indicatorDirection: "optionalEnum",
    },
  },
  updateMeasureAction: {
    fields: { measureId: "id", version: "positiveInt", text: "text", deadlineDate: "optionalDate", indicatorBaseline: "indicatorValue", indicatorTarget: "indicatorValue" },
  },
  deleteMeasureAction: { fields: { measureId: "id" } },
  moveMeasureAction: { fields: { measureId: "id", direction: "enum" } },
  confirmDocumentImportAction: {
    fields: { roundId: "id", source: "fileName", plan: "documentPlan", stated: "statedFigures", acknowledgeMismatch: "optionalEnum", unitMap: "unitMap" },
  },
  saveReportDraftAction: { fields: { roundId: "id", "texts.opening": "optionalText", "texts.closing": "optionalText" } },
  createSnapshotAction: { fields: { roundId: "id", asOf: "notFutureDate", label: "optionalText" } },
  signOffAction: { fields: { reportId: "id" } },
  bulkSignOffAction: { fields: { reportIds: "idList" } },
  returnClaimAction: { fields: { reportId: "id", reason: "text" } },
  appealReturnAction: { as: "unitLead", fields: { reportId: "id", reason: "text" } },
  appealOverdueAction: { as: "unitLead", fields: { measureId: "id", reason: "text" } },
  // The valid form grants an overdue appeal: the new deadline is required and must lie after today.
  decideAppealAction: { fields: { appealId: "id", decision: "enum", decisionReason: "text", newDeadline: "notPastDate" } },
  registerClueAction: {
    fields: {
      roundId: "id", kind: "enum", number: "text", title: "text", handler: "enum", handlerUnitId: "optionalId", receivedDate: "notFutureDate",
      timeLimit: "enum", dueDate: "optionalDate",
    },
  },
  advanceClueAction: {
    fields: {
      clueId: "id", toStage: "enum", changeDate: "notFutureDate", note: "optionalText",
      peopleHandled: "headcount", disciplined: "headcount", organizational: "headcount", prosecuted: "headcount",
    },
  },
  createCommonProblemAction: {
    fields: {
      title: "text", description: "optionalText", problemIds: "groupedProblems", leadUnitId: "id", deadline: "notPastDate",
      measureText: "text", measureLeadUnitId: "id", measureDeadline: "notPastDate",
    },
  },
  issueNoticeAction: {
    fields: { roundId: "id", unitId: "id", measureIds: "idList", level: "enum", request: "text", replyDeadline: "notPastDate" },
  },
  replyNoticeAction: { as: "unitLead", fields: { noticeId: "id", reply: "text" } },
  closeNoticeAction: { fields: { noticeId: "id" } },
  confirmNoticeDraftAction: { fields: { draftId: "id" } },
  dismissNoticeDraftAction: { fields: { draftId: "id" } },
  scheduleLookBackAction: { fields: { measureId: "id", scheduledDate: "notPastDate" } },
  scheduleEvaluationAction: { fields: { roundId: "id", templateId: "id", scheduledDate: "date" } },
  scoreUnitAction: { fields: { evaluationId: "id", unitId: "id" } },
  createEvaluationTemplateAction: { fields: { content: "templateContent" } },
  updateEvaluationTemplateAction: { fields: { templateId: "editableTemplateId", content: "templateContent" } },
  deleteEvaluationTemplateAction: { fields: { templateId: "editableTemplateId" } },
  issueRedCardAction: { fields: { evaluationId: "id", measureId: "id", kind: "enum", reason: "text", confirmReopen: "enum" } },
  recordLookBackAction: { fields: { lookBackId: "id", result: "enum", note: "optionalText" } },
  // An earlier problem that is the problem itself, of its round or of a later one is refused
  // by the write: testing/recurrence-actions.test.ts sends those.
  markRecurrenceAction: { fields: { problemId: "id", earlierProblemId: "id" } },
  unmarkRecurrenceAction: { fields: { problemId: "id" } },
  // A problem of another round is refused by the write: testing/institution-actions.test.ts sends it.
  updateInstitutionAction: { fields: { institutionId: "id", reviewDate: "date", problemIds: "idList" } },
  markNotificationRead: { as: "unitLead", fields: { notificationId: "noProbeId" } },
  remindMissingReportsAction: { fields: { roundId: "id", unitId: "optionalId" } },
  createUnit: { fields: { name: "text", kind: "enum", parentId: "optionalId" } },
  renameUnit: { fields: { unitId: "id", name: "text" } },
  setUnitHeadsAction: {
    fields: { unitId: "id", principalKind: "enum", principalName: "optionalText", principalPhone: "phone", deputyKind: "enum", deputyUserId: "userRef" },
  },
  createUser: { fields: { username: "username", name: "text", role: "enum", unitId: "id", password: "password" } },
  disableUser: { fields: { userId: "userRef" } },
  enableUser: { fields: { userId: "userRef" } },
  resetUserPassword: { fields: { userId: "userRef", password: "password" } },
  issueApiToken: { fields: { name: "text", userId: "userRef" } },
  revokeToken: { fields: { tokenId: "id" } },
  changePassword: { as: "unitLead", fields: { currentPassword: "password", newPassword: "password", confirmPassword: "password" } },
  submitPlanAction: { fields: { roundId: "id", note: "optionalText" } },
  submitReportAction: { fields: { roundId: "id", note: "optionalText" } },
  // Returning the plan needs a note, so every hostile note is one that gets stored.
  decideVersionAction: { as: "reviewer", fields: { roundId: "id", submissionId: "id", decision: "enum", note: "optionalText" } },
  addCommentAction: { as: "reviewer", fields: { roundId: "id", about: "reviewTarget", body: "text" } },
  replyCommentAction: { as: "reviewer", fields: { roundId: "id", threadId: "id", body: "text" } },
  resolveCommentAction: { as: "reviewer", fields: { roundId: "id", threadId: "id" } },
  assignReviewersAction: { fields: { roundId: "id", reviewerIds: "userRefList" } },
  // unitsSeeUnapprovedPlan is a checkbox: anything but "on" is unchecked, as a browser sends it.
  planVisibilityAction: { fields: { roundId: "id" } },
  createSurveyAction: { fields: { roundId: "id", title: "text", intro: "optionalText", aspectIds: "idList", problemIds: "idList" } },
  openSurveyAction: { fields: { surveyId: "id" } },
  closeSurveyAction: { fields: { surveyId: "id" } },
  addPaperBatchAction: {
    fields: {
      surveyId: "id", label: "text", collectedOn: "notFutureDate", forms: "positiveInt",
      "counts.1.satisfied": "paperCount", "counts.99.satisfied": "strayPaperCount", "counts.1.castle": "strayPaperCount",
    },
  },
  updatePaperBatchAction: { fields: { surveyId: "id", batchId: "id", label: "text", forms: "positiveInt", "counts.1.unknown": "paperCount" } },
  deletePaperBatchAction: { fields: { surveyId: "id", batchId: "id" } },
};

/**
 * Bad values that name another object of the world, so a fixed value cannot say them: each is
 * put into the action's valid form and refused in Chinese with the database unchanged.
 */
export const TARGETED_FORM_CASES: { action: string; label: string; fields: (t: ActionTargets) => Record<string, string> }[] = [
  { action: "updatePaperBatchAction", label: "另一轮次测评的纸质问卷批次", fields: (t) => ({ batchId: String(t.otherPaperBatch) }) },
  { action: "deletePaperBatchAction", label: "另一轮次测评的纸质问卷批次", fields: (t) => ({ batchId: String(t.otherPaperBatch) }) },
  // The other round's survey has one question: the valid form's second is not in it.
  { action: "addPaperBatchAction", label: "另一轮次的测评,其问卷没有第 2 题", fields: (t) => ({ surveyId: String(t.draftSurvey) }) },
];

/** Actions without input of their own (nothing to corrupt), with the reason. */
export const ACTIONS_WITHOUT_INPUT: Record<string, string> = {
  markAllNotificationsRead: "表单没有字段:只标记本人的全部通知",
};

// ── JSON API ─────────────────────────────────────────────────────────────

export interface ApiInputs {
  /** The row of API_ACCESS: route folder and method. */
  route: string;
  as: Role;
  body: "json" | "multipart" | "none";
  fields: Record<string, FieldKind>;
  /** The valid body each bad field is put into, when not the access matrix's request. */
  base?: Record<string, unknown>;
}

/** Every write route of the API. The import route's files are in IMPORT_FILES. */
export const API_INPUTS: ApiInputs[] = [
  { route: "rounds/[id]/snapshots", as: "officeAdmin", body: "json", fields: { asOf: "notFutureDate", label: "optionalText" } },
  { route: "measures/[id]/look-backs", as: "officeAdmin", body: "json", fields: { scheduledDate: "notPastDate" } },
  { route: "claims/[id]/return", as: "officeAdmin", body: "json", fields: { reason: "text" } },
  { route: "claims/[id]/sign-off", as: "officeAdmin", body: "none", fields: {} },
  { route: "claims/sign-off", as: "officeAdmin", body: "json", fields: { reportIds: "idList" } },
  { route: "look-backs/[id]/result", as: "officeAdmin", body: "json", fields: { result: "enum", note: "optionalText" } },
  {
    route: "notices",
    as: "officeAdmin",
    body: "json",
    fields: { roundId: "id", unitId: "id", measureIds: "idList", level: "enum", request: "text", replyDeadline: "notPastDate" },
  },
  { route: "notices/[id]/reply", as: "unitLead", body: "json", fields: { reply: "text" } },
  { route: "notices/[id]/close", as: "officeAdmin", body: "none", fields: {} },
  // The base body marks the whole list read; the corpus swaps in bad `ids` (and drops `all`).
  { route: "notifications/read", as: "leader", body: "json", fields: { ids: "noProbeIdList", all: "enum" }, base: {} },
  { route: "reporting/remind", as: "officeAdmin", body: "json", fields: { roundId: "id", unitIds: "idList" } },
  { route: "units", as: "officeAdmin", body: "json", fields: { name: "text", kind: "enum", parentId: "optionalId" } },
  {
    route: "measures/[id]/progress",
    as: "unitLead",
    body: "multipart",
    fields: {
      reportDate: "notFutureDate", text: "text", percent: "percent", milestone: "optionalText", claimedStatus: "enum", institutions: "institutions",
      indicatorActual: "indicatorValue",
    },
  },
  // splitMeasures and update are "1" or absent (checkboxes); their bad values are optionalEnum's.
  { route: "rounds/[id]/import", as: "officeAdmin", body: "multipart", fields: { splitMeasures: "optionalEnum", update: "optionalEnum" } },
  { route: "rounds/[id]/document-preview", as: "officeAdmin", body: "multipart", fields: { sections: "sectionRoles" } },
  // What is wrong inside the file is named per row by the preview (lib/clue-import.ts).
  { route: "rounds/[id]/clue-import", as: "officeAdmin", body: "multipart", fields: { dryRun: "optionalEnum" } },
  // Only the file: what is wrong inside it is named per row by the preview (lib/org-import).
  { route: "org-import", as: "officeAdmin", body: "multipart", fields: {} },
  // 整改档案: starting a build takes no body; a package to verify is only its file (ARCHIVE_FILES).
  { route: "rounds/[id]/archives", as: "officeAdmin", body: "none", fields: {} },
  { route: "archive-verify", as: "officeAdmin", body: "multipart", fields: {} },
];

/** Whole bodies that are wrong before any field is read. */
export const BAD_JSON_BODIES: { label: string; contentType: string | null; body: string }[] = [
  { label: "不合法的 JSON", contentType: "application/json", body: "{not json" },
  { label: "截断的 JSON", contentType: "application/json", body: '{"reason": "未写完' },
  { label: "空请求体", contentType: "application/json", body: "" },
  { label: "JSON 数组", contentType: "application/json", body: "[]" },
  { label: "JSON null", contentType: "application/json", body: "null" },
  { label: "JSON 字符串", contentType: "application/json", body: '"<script>alert(1)</script>"' },
  { label: "JSON 数字", contentType: "application/json", body: "1e308" },
  { label: "text/plain", contentType: "text/plain", body: '{"all":true}' },
  { label: "表单编码", contentType: "application/x-www-form-urlencoded", body: "name=x&kind=other" },
  { label: "没有 Content-Type", contentType: null, body: '{"all":true}' },
  { label: "XML", contentType: "application/xml", body: "<reason>x</reason>" },
];

/** Multipart routes: bodies that are not a form. */
export const BAD_MULTIPART_BODIES: { label: string; contentType: string | null; body: string }[] = [
  { label: "JSON 代替表单", contentType: "application/json", body: '{"text":"x"}' },
  { label: "没有 Content-Type", contentType: null, body: "text=x" },
  { label: "缺少 boundary 的表单", contentType: "multipart/form-data", body: "--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nx\r\n--x--" },
  { label: "截断的表单", contentType: "multipart/form-data; boundary=----b", body: '------b\r\nContent-Disposition: form-data; name="text"\r\n\r\n未写完' },
];

/** Query strings of the read routes: never a 500; a refusal says why in Chinese. */
export const BAD_QUERIES: { as: Role; path: (round: number) => string }[] = [
  { as: "officeAdmin", path: () => "/api/v1/look-backs?view=%3Cscript%3E&round=abc" },
  { as: "officeAdmin", path: () => "/api/v1/notifications?limit=1e308" },
  { as: "officeAdmin", path: () => "/api/v1/notifications?limit=-1&before=abc&unread=maybe" },
  { as: "officeAdmin", path: () => "/api/v1/dashboard?round=1%27%20OR%20%271%27%3D%271" },
  { as: "officeAdmin", path: (r) => `/api/v1/rounds/${r}/export?from=%E6%98%8E%E5%A4%A9&to=2026-02-30&status=%3Cscript%3E&unit=-1&page=1e308` },
  { as: "officeAdmin", path: (r) => `/api/v1/rounds/${r}/report?format=exe` },
  { as: "officeAdmin", path: () => "/api/v1/review-queue?round=abc&unit=1e308" },
  { as: "unitLead", path: () => "/api/v1/notices?state=%3Cscript%3E&round=-1&overdue=javascript:alert(1)" },
  // 全文检索: no text, too much text, FTS5 query syntax, markup and junk filters — a Chinese
  // refusal for the first two, an answer (the syntax searched as plain characters) otherwise.
  { as: "officeAdmin", path: () => "/api/v1/search?q=" },
  { as: "officeAdmin", path: () => "/api/v1/search?q=%20%20" },
  { as: "officeAdmin", path: () => `/api/v1/search?q=${"长".repeat(101)}` },
  { as: "unitLead", path: () => `/api/v1/search?q=${encodeURIComponent('"学位 NEAR(党建 教育) -公车 (食堂) OR * ^ a:b')}` },
  { as: "unitLead", path: () => `/api/v1/search?q=${encodeURIComponent('"""')}&kind=measure&page=1e308` },
  { as: "officeAdmin", path: () => `/api/v1/search?q=%25_%5C&round=abc&unit=-1&status=%3Cscript%3E&from=2026-02-30&to=%E6%98%8E%E5%A4%A9&kind=castle` },
  { as: "leader", path: () => `/api/v1/search?q=${encodeURIComponent(PAYLOADS.sqlOr)}` },
  // ~9 KB of query: past about 16 KB of headers Node itself answers 431, before any app code.
  { as: "officeAdmin", path: (r) => `/api/v1/rounds/${r}/summary?x=${"长".repeat(1000)}` },
];

/** Route segments that are not a row's id (URL-encoded as a client would send them). */
export const BAD_PATH_IDS = ["abc", "-1", "0", "1.5", "1e308", "99999999999999999999", "1%20OR%201%3D1", "%3Cscript%3E", "987654321"];

// ── files ────────────────────────────────────────────────────────────────

export interface FileCase {
  label: string;
  files: () => Promise<HostileFile[]> | HostileFile[];
  /** The Chinese message the refusal must contain. */
  message: RegExp;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const pdf = (name: string, bytes = 1024): HostileFile => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(bytes, 0x20)]),
});

/** Ledger imports (API, the wizard's server path and the CLI share server/ledger-transfer.ts). */
export const IMPORT_FILES: FileCase[] = [
  { label: "截断的 xlsx", files: async () => [await truncatedXlsx()], message: /不完整或已损坏/ },
  { label: "压缩炸弹(解压后 400 MB)", files: async () => [await zipBombXlsx(400)], message: /解压后超过 150 MB/ },
  { label: "目录造假的压缩炸弹", files: async () => [await zipBombXlsx(400, true)], message: /不完整或已损坏/ },
  { label: "UTF-8 与 GBK 混合的 CSV", files: () => [mixedEncodingCsv()], message: /混用了两种文字编码.*第 1 行是 UTF-8,第 3 行是 GBK/ },
  { label: "序号相同而问题不同", files: () => [conflictingSerialCsv()], message: /序号 1 的问题与第 2 行不一致/ },
  { label: "十万行(上限 20,000 行)", files: () => [hundredThousandRowsCsv()], message: /数据行超过上限:最多 20000 行,文件中有 100000 行/ },
  { label: "xlsx 改名为 .csv", files: async () => [{ name: "台账.csv", mimeType: "text/csv", buffer: await ledgerXlsx() }], message: /未找到表头/ },
  { label: "可执行文件改名为 .xlsx", files: () => [{ name: "台账.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4096, 1)]) }], message: /不是有效的 xlsx 文件/ },
  { label: "不支持的扩展名", files: () => [{ name: "台账.numbers", mimeType: "application/octet-stream", buffer: Buffer.from("序号,问题\n1,x\n") }], message: /不支持的文件类型/ },
];

/**
 * 佐证材料 uploads, beyond those e2e/workflow.spec.ts already tries (a 3 MB pdf, an .exe
 * renamed .pdf, "../../etc/cron.d/x.pdf", an .exe). The e2e server allows 2 MB per file
 * and 5 MB per report.
 */
export const UPLOAD_FILES: FileCase[] = [
  { label: "空文件", files: () => [{ ...pdf("空.pdf"), buffer: Buffer.alloc(0) }], message: /是空文件/ },
  { label: "双扩展名 .pdf.exe", files: () => [pdf("验收报告.pdf.exe")], message: /类型不允许上传/ },
  { label: "反斜杠路径穿越", files: () => [pdf("..\\..\\windows\\win.ini.pdf")], message: /文件名.*不合法/ },
  { label: "文件名含控制字符", files: () => [pdf("纪要\u0000.pdf")], message: /文件名.*不合法/ },
  { label: "300 字的文件名", files: () => [pdf(`${"很长".repeat(150)}.pdf`)], message: /文件名.*不合法/ },
  { label: "网页伪装成 pdf", files: () => [{ name: "通知.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") }], message: /内容与扩展名不符/ },
  { label: "SVG 脚本伪装成 png", files: () => [{ name: "照片.png", mimeType: "image/png", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') }], message: /内容与扩展名不符/ },
  { label: "png 冒充 jpg", files: () => [{ name: "照片.jpg", mimeType: "image/jpeg", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) }], message: /内容与扩展名不符/ },
  { label: "21 个文件(上限 20 个)", files: () => Array.from({ length: 21 }, (_, i) => pdf(`附件${i + 1}.pdf`)), message: /一次最多上传 20 个文件/ },
  { label: "合计超过 5 MB", files: () => [1, 2, 3].map((i) => pdf(`扫描件${i}.pdf`, 1.9 * 1024 * 1024)), message: /合计超过 5 MB/ },
];

/** Packages uploaded to 校验归档包 that are not packages: a Chinese 422, nothing written. */
export const ARCHIVE_FILES: FileCase[] = [
  { label: "文本文件改名为 .zip", files: () => [{ name: "归档包.zip", mimeType: "application/zip", buffer: Buffer.from("这不是压缩包") }], message: /不是 zip 归档包/ },
  { label: "可执行文件改名为 .zip", files: () => [{ name: "归档包.zip", mimeType: "application/zip", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4096, 1)]) }], message: /不是 zip 归档包/ },
  { label: "不是 .zip 的扩展名", files: () => [{ name: "归档包.rar", mimeType: "application/octet-stream", buffer: Buffer.from("Rar!") }], message: /请选择 \.zip 格式/ },
  { label: "压缩炸弹(解压后 400 MB)", files: async () => [{ ...(await zipBombXlsx(400)), name: "归档包.zip" }], message: /疑似压缩炸弹/ },
  { label: "截断的 zip", files: async () => [{ ...(await truncatedXlsx()), name: "归档包.zip" }], message: /不是 zip 归档包/ },
];

// ── public routes ────────────────────────────────────────────────────────

/** What a survey answer's bad body is built from: the survey's questions and another survey's. */
export interface SurveyInputTargets {
  questions: number[];
  /** A question of another open survey (the demo round's). */
  otherSurveyQuestion: number;
  unique: string;
}

export interface SurveyInputCase {
  label: string;
  /** A JSON body (serialised by the spec) or raw text sent as it is. */
  body: (t: SurveyInputTargets) => unknown;
  raw?: true;
  contentType?: string;
  /** refused: that status, a Chinese message, nothing written; stored: 201 and the comment kept as sent. */
  expect: 413 | 422 | "stored";
}

const answerAll = (t: SurveyInputTargets, choice = "satisfied") => t.questions.map((questionId) => ({ questionId, choice }));

/** The public's answer (e2e/bad-input.spec.ts also floods it and sends a device's answer twice). */
export const SURVEY_INPUTS: SurveyInputCase[] = [
  { label: "未知的题目编号", expect: 422, body: (t) => ({ answers: [...answerAll(t), { questionId: Number(MISSING_ROW), choice: "satisfied" }] }) },
  { label: "另一份测评的题目", expect: 422, body: (t) => ({ answers: [...answerAll(t).slice(1), { questionId: t.otherSurveyQuestion, choice: "satisfied" }] }) },
  { label: "漏答", expect: 422, body: () => ({ answers: [] }) },
  { label: "同一题答两次", expect: 422, body: (t) => ({ answers: [...answerAll(t), ...answerAll(t, "dissatisfied")] }) },
  { label: "未知的选项", expect: 422, body: (t) => ({ answers: answerAll(t, "castle") }) },
  { label: "题目编号为 SQL", expect: 422, body: (t) => ({ answers: [{ questionId: "1 OR 1=1", choice: "satisfied" }, ...answerAll(t).slice(1)] }) },
  { label: "题目编号 1e308", expect: 422, body: () => ({ answers: [{ questionId: 1e308, choice: "satisfied" }] }) },
  { label: "多余的字段(地址)", expect: 422, body: (t) => ({ answers: answerAll(t).map((a) => ({ ...a, ip: "10.0.0.1" })) }) },
  { label: "61 道题(上限 60 道)", expect: 422, body: () => ({ answers: Array.from({ length: 61 }, (_, i) => ({ questionId: i + 1, choice: "satisfied" })) }) },
  { label: "意见建议 501 字", expect: 422, body: (t) => ({ answers: answerAll(t), comment: "长".repeat(501) }) },
  { label: "意见建议 100 KB", expect: 413, body: (t) => ({ answers: answerAll(t), comment: PAYLOADS.overLong }) },
  { label: "意见建议为数字", expect: 422, body: (t) => ({ answers: answerAll(t), comment: 123 }) },
  { label: "不合法的 JSON", expect: 422, raw: true, body: () => "{not json" },
  { label: "空请求体", expect: 422, raw: true, body: () => "" },
  { label: "表单编码", expect: 422, raw: true, contentType: "application/x-www-form-urlencoded", body: () => "q1=satisfied" },
  { label: "<script> 意见", expect: "stored", body: (t) => ({ answers: answerAll(t), comment: `${PAYLOADS.script}${t.unique}` }) },
  { label: "SQL 注入样式的意见", expect: "stored", body: (t) => ({ answers: answerAll(t), comment: `${PAYLOADS.sql}${t.unique}` }) },
  { label: "onerror 图片意见", expect: "stored", body: (t) => ({ answers: answerAll(t), comment: `${PAYLOADS.imgOnError}${t.unique}` }) },
];

/** Every write route outside the API, with its corpus (testing/access-table.test.ts checks the list). */
export const PUBLIC_INPUTS: { route: string; cases: SurveyInputCase[] }[] = [{ route: "survey/[token]/responses", cases: SURVEY_INPUTS }];
