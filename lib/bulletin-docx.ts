import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from "docx";
import type { ReportBlock, ReportDocument } from "@/lib/bulletin";

// The 通报 as a Word file laid out the way GB/T 9704 official documents are: A4, title in
// 二号小标宋, first-level headings in 三号黑体, second-level in 三号楷体, body in 三号仿宋,
// fixed 28-point lines and a two-character first-line indent. Offices open it in WPS or
// Word and carry on editing, so everything is real paragraphs and runs, not a picture.

const FONT = {
  title: "方正小标宋简体",
  heading: "黑体",
  subheading: "楷体_GB2312",
  body: "仿宋_GB2312",
} as const;

/** Half-points: 二号 22pt, 三号 16pt. */
const SIZE = { title: 44, body: 32 } as const;
const LINE = { line: 560, lineRule: LineRuleType.EXACT } as const; // 28pt
const INDENT = { firstLine: 640 } as const; // two 16pt characters

/** One font for every script, so Latin digits in a Chinese sentence don't switch typeface. */
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

const run = (text: string, face: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: font(face), size: options.size ?? SIZE.body, bold: options.bold });

function blockParagraph(block: ReportBlock): Paragraph {
  if (block.kind === "heading") {
    return new Paragraph({ spacing: LINE, indent: INDENT, keepNext: true, children: [run(block.text, FONT.subheading)] });
  }
  const children = block.lead ? [run(block.lead, FONT.body, { bold: true }), run(block.text, FONT.body)] : [run(block.text, FONT.body)];
  return new Paragraph({ spacing: LINE, indent: INDENT, alignment: AlignmentType.JUSTIFIED, children });
}

export function reportDocxDocument(report: ReportDocument): Document {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 560 },
      children: [run(report.title, FONT.title, { size: SIZE.title })],
    }),
  ];
  for (const section of report.sections) {
    children.push(new Paragraph({ spacing: LINE, indent: INDENT, keepNext: true, children: [run(section.heading, FONT.heading)] }));
    for (const block of section.blocks) children.push(blockParagraph(block));
  }
  children.push(
    new Paragraph({ spacing: { ...LINE, before: 560 }, alignment: AlignmentType.RIGHT, children: [run(report.signature.body, FONT.body)] }),
    new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, children: [run(report.signature.date, FONT.body)] }),
  );
  return new Document({
    title: report.title,
    creator: "整改通",
    styles: { default: { document: { run: { font: font(FONT.body), size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4 in twips
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 }, // 37/35/28/26 mm
          },
        },
        children,
      },
    ],
  });
}

export async function reportDocx(report: ReportDocument): Promise<Buffer> {
  return Packer.toBuffer(reportDocxDocument(report));
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
