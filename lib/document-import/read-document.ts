import { AppError } from "@/lib/errors";
import { decodeText } from "@/lib/ledger-import/decode";
import { readDocxText } from "./docx-text";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_CHARS } from "./limits";
import type { SectionOverrides } from "./genre";
import { parseDocument } from "./parse-document";
import type { ParsedDocument } from "./types";

// An uploaded document (the UI, the API, the CLI all come here) → its text → the parsed
// outline. Only the file's shape is judged here; what it says is parse-document's job.

export { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_CHARS };

export async function readDocumentText(data: Uint8Array, fileName: string): Promise<string> {
  if (data.byteLength === 0) throw new AppError("VALIDATION", "文件为空");
  if (data.byteLength > MAX_DOCUMENT_BYTES) {
    throw new AppError("VALIDATION", `文件超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB,无法导入;请删去图片等无关内容后重试`);
  }
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  let text: string;
  if (extension === "docx") text = await readDocxText(data);
  else if (extension === "txt") text = readPlainText(data);
  else if (extension === "doc" || extension === "wps") {
    throw new AppError("VALIDATION", `不支持 .${extension} 格式,请在 Word 或 WPS 中“另存为” .docx 后再上传`);
  } else if (extension === "pdf") {
    throw new AppError("VALIDATION", "不支持 PDF 文件,请上传 Word(.docx)文档,或把正文复制到 .txt 文件中");
  } else throw new AppError("VALIDATION", "不支持的文件类型,请上传 Word(.docx)或纯文本(.txt)文件");

  if (text.trim() === "") throw new AppError("VALIDATION", "文件中没有文字");
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw new AppError(
      "VALIDATION",
      `文档正文超过 ${MAX_DOCUMENT_CHARS.toLocaleString("zh-CN")} 字(本文件约 ${Math.round(text.length / 10_000)} 万字),请拆分后分批导入`,
    );
  }
  return text;
}

function readPlainText(data: Uint8Array): string {
  if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) {
    throw new AppError("VALIDATION", "这是一个 Word 文档而不是纯文本文件,请把扩展名改回 .docx 后上传");
  }
  const { text } = decodeText(data);
  // NUL characters or a run of undecodable bytes: a binary file renamed to .txt.
  if (text.includes("\u0000") || (text.match(/\ufffd/g)?.length ?? 0) > 20) {
    throw new AppError("VALIDATION", "无法读取文件:不是纯文本文件(请保存为 UTF-8 或 GBK 编码的 .txt)");
  }
  return text;
}

export async function parseDocumentFile(data: Uint8Array, fileName: string, options: { sections?: SectionOverrides } = {}): Promise<ParsedDocument> {
  return parseDocument(await readDocumentText(data, fileName), options);
}
