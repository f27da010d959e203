import type { ReportBlock, ReportDocument } from "@/lib/bulletin";

// The 通报 as HTML: the body the report page shows (and prints), and a standalone file for
// `?format=html` and the CLI. Every piece of text is escaped: titles and progress come from
// units' reports and imported files.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function block(b: ReportBlock): string {
  if (b.kind === "heading") return `<h3>${escapeHtml(b.text)}</h3>`;
  return `<p>${b.lead ? `<strong>${escapeHtml(b.lead)}</strong>` : ""}${escapeHtml(b.text)}</p>`;
}

/** The document's body: title, numbered sections, signature. */
export function reportBodyHtml(report: ReportDocument): string {
  const sections = report.sections
    .map((s) => `<section><h2>${escapeHtml(s.heading)}</h2>${s.blocks.map(block).join("")}</section>`)
    .join("");
  return `<h1>${escapeHtml(report.title)}</h1>${sections}<p class="signature">${escapeHtml(report.signature.body)}<br>${escapeHtml(report.signature.date)}</p>`;
}

/** Typeset like the printed document: A4, 仿宋 body, 黑体/楷体 headings. */
export const REPORT_CSS = `
.report-doc{font-family:"仿宋_GB2312","FangSong","STFangsong","Noto Serif CJK SC",serif;font-size:16pt;line-height:28pt;color:#000;max-width:156mm;margin:0 auto}
.report-doc h1{font-family:"方正小标宋简体","SimSun","Noto Serif CJK SC",serif;font-size:22pt;line-height:35pt;text-align:center;font-weight:normal;margin:0 0 28pt}
.report-doc h2{font-family:"黑体","SimHei","Noto Sans CJK SC",sans-serif;font-size:16pt;font-weight:normal;text-indent:2em;margin:0}
.report-doc h3{font-family:"楷体_GB2312","KaiTi","STKaiti","Noto Serif CJK SC",serif;font-size:16pt;font-weight:normal;text-indent:2em;margin:0}
.report-doc p{text-indent:2em;margin:0;text-align:justify}
.report-doc p.signature{text-align:right;margin-top:28pt;text-indent:0}
@page{size:A4;margin:37mm 26mm 35mm 28mm}
`;

/** A standalone page, for saving or printing outside the app. */
export function reportHtmlFile(report: ReportDocument): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title><style>${REPORT_CSS}</style></head><body><article class="report-doc">${reportBodyHtml(report)}</article></body></html>\n`;
}
