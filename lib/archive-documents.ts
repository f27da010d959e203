import { escapeHtml } from "@/lib/bulletin-html";
import { LOOK_BACK_RESULT_LABELS, NOTICE_LEVEL_LABELS, NOTICE_STATE_LABELS, type LookBackResult, type NoticeLevel, type NoticeState } from "@/lib/domain";
import { noticeNumber } from "@/lib/notice";
import type { PlanVersion } from "@/lib/plan-version";

// The 整改档案's own documents, as standalone HTML pages that print on A4: the plan, the
// 督办单 with their replies, the look-backs and the 建章立制 register. Every piece of text
// is escaped: it comes from units' reports and imported files.

const PAGE_CSS = `
body{font-family:"仿宋_GB2312","FangSong","Noto Serif CJK SC",serif;font-size:12pt;color:#000;margin:0}
h1{font-family:"SimHei","Noto Sans CJK SC",sans-serif;font-size:18pt;text-align:center;font-weight:normal;margin:0 0 6mm}
h2{font-family:"SimHei","Noto Sans CJK SC",sans-serif;font-size:14pt;font-weight:normal;margin:6mm 0 2mm}
p.meta{text-align:center;font-size:10.5pt;margin:0 0 6mm}
table{width:100%;border-collapse:collapse;font-size:10.5pt}
th,td{border:1px solid #000;padding:1.5mm 2mm;vertical-align:top;text-align:left;word-break:break-all}
th{background:#eee}
thead{display:table-header-group}
tr{break-inside:avoid}
section{break-inside:avoid-page}
.pre{white-space:pre-wrap}
@page{size:A4;margin:20mm 15mm}
`;

export function htmlPage(title: string, subtitle: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PAGE_CSS}</style></head><body><h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(subtitle)}</p>${body}</body></html>\n`;
}

export function htmlTable(headers: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const head = `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((c) => `<td class="pre">${escapeHtml(c == null ? "" : String(c))}</td>`).join("")}</tr>`).join("");
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

/** A plan (整改方案) as its problems and measures, one table per problem. */
export function planHtml(params: { title: string; subtitle: string; plan: PlanVersion }): string {
  const sections = params.plan.problems.map((p) => {
    const rows = p.measures.map((m, i) => [i + 1, m.text, m.leadUnitName, m.coUnitNames, m.deadlineText || m.deadline]);
    const lead = [p.aspectName ? `方面:${p.aspectName}` : "", p.leadLeader ? `牵头领导:${p.leadLeader}` : "", p.leadUnitName ? `牵头单位:${p.leadUnitName}` : ""]
      .filter(Boolean)
      .join(" ");
    return `<section><h2>${escapeHtml(`问题${p.number} ${p.title}`)}</h2><p>${escapeHtml(lead)}</p>${htmlTable(["序号", "整改措施", "牵头单位", "责任单位", "完成时限"], rows)}</section>`;
  });
  return htmlPage(params.title, params.subtitle, sections.join("") || "<p>方案中没有问题。</p>");
}

export interface NoticeForArchive {
  year: number;
  sequence: number;
  level: string;
  request: string;
  replyDeadline: string;
  state: string;
  reply: string | null;
  createdAt: number;
  repliedAt: number | null;
  closedAt: number | null;
  unitName: string;
  issuedByName: string | null;
  repliedByName: string | null;
  closedByName: string | null;
  measures: string;
}

export function dateOf(ms: number | null): string {
  if (ms === null) return "";
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** One 督办单 with its reply, as the unit received it and answered. */
export function noticeHtml(notice: NoticeForArchive): string {
  const rows: [string, string][] = [
    ["编号", noticeNumber(notice)],
    ["等级", NOTICE_LEVEL_LABELS[notice.level as NoticeLevel] ?? notice.level],
    ["督办单位", notice.unitName],
    ["签发", `${notice.issuedByName ?? ""} ${dateOf(notice.createdAt)}`],
    ["督办事项", notice.measures],
    ["督办要求", notice.request],
    ["回复期限", notice.replyDeadline],
    ["办理状态", NOTICE_STATE_LABELS[notice.state as NoticeState] ?? notice.state],
    ["回复", notice.reply ? `${notice.reply}\n(${notice.repliedByName ?? ""} ${dateOf(notice.repliedAt)})` : "未回复"],
    ["办结", notice.closedAt ? `${notice.closedByName ?? ""} ${dateOf(notice.closedAt)}` : ""],
  ];
  const body = `<table><tbody>${rows.map(([k, v]) => `<tr><th style="width:25mm">${escapeHtml(k)}</th><td class="pre">${escapeHtml(v)}</td></tr>`).join("")}</tbody></table>`;
  return htmlPage(`督办单 ${noticeNumber(notice)}`, notice.unitName, body);
}

export interface LookBackForArchive {
  scheduledDate: string;
  result: string | null;
  note: string | null;
  checkedAt: number | null;
  checkedByName: string | null;
  problemNumber: number;
  measurePosition: number;
  measureText: string;
  unitName: string | null;
}

export function lookBacksHtml(roundName: string, rows: readonly LookBackForArchive[]): string {
  const table = htmlTable(
    ["措施", "牵头单位", "回头看日期", "结果", "情况说明", "检查人与时间"],
    rows.map((l) => [
      `问题${l.problemNumber} 措施${l.measurePosition}:${l.measureText}`,
      l.unitName,
      l.scheduledDate,
      l.result ? (LOOK_BACK_RESULT_LABELS[l.result as LookBackResult] ?? l.result) : "未检查",
      l.note,
      l.checkedAt ? `${l.checkedByName ?? ""} ${dateOf(l.checkedAt)}` : "",
    ]),
  );
  return htmlPage("回头看记录", roundName, rows.length ? table : "<p>本轮次没有回头看记录。</p>");
}

export interface InstitutionForArchive {
  title: string;
  documentNumber: string;
  issuedDate: string | null;
  reviewDate: string | null;
  /** The problems the rule answers (institution_problems). */
  linkedProblems: readonly { number: number }[];
  unitName: string | null;
  problemNumber: number | null;
  position: number | null;
  measureText: string | null;
}

export function institutionsHtml(roundName: string, rows: readonly InstitutionForArchive[]): string {
  const table = htmlTable(
    ["序号", "制度名称", "文号", "印发日期", "复查日期", "针对的问题", "制定单位", "对应措施"],
    rows.map((r, i) => [
      i + 1,
      r.title,
      r.documentNumber,
      r.issuedDate,
      r.reviewDate,
      r.linkedProblems.map((p) => `问题${p.number}`).join("、"),
      r.unitName,
      r.problemNumber ? `问题${r.problemNumber} 措施${r.position}:${r.measureText ?? ""}` : "",
    ]),
  );
  return htmlPage("建章立制清单", roundName, rows.length ? table : "<p>本轮次没有登记制度。</p>");
}
