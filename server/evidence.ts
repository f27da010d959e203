import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { evidenceDir, evidenceLimits } from "@/lib/config";
import { AppError } from "@/lib/errors";

// 佐证材料: checked by content (an .exe renamed .pdf is refused), stored under the data
// folder by SHA-256 and never by the uploader's name, served only after a permission check.

type Family = "pdf" | "ole" | "zip" | "jpeg" | "png";

/** Allowed extensions and the content each must really have. */
const EXTENSIONS: Record<string, { family: Family; mime: string }> = {
  pdf: { family: "pdf", mime: "application/pdf" },
  doc: { family: "ole", mime: "application/msword" },
  xls: { family: "ole", mime: "application/vnd.ms-excel" },
  docx: { family: "zip", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { family: "zip", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  zip: { family: "zip", mime: "application/zip" },
  jpg: { family: "jpeg", mime: "image/jpeg" },
  jpeg: { family: "jpeg", mime: "image/jpeg" },
  png: { family: "png", mime: "image/png" },
};

export const ALLOWED_EVIDENCE = "PDF、Word(doc/docx)、Excel(xls/xlsx)、图片(jpg/png)、zip 压缩包";

const MAGIC: Record<Family, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  zip: [0x50, 0x4b, 0x03, 0x04],
  jpeg: [0xff, 0xd8, 0xff],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => data[i] === byte);
}

export interface CheckedEvidence {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  data: Uint8Array;
}

/** Refuses names that try to climb out of a folder or hide control characters. */
export function checkFileName(raw: string): string {
  const name = raw.normalize("NFC").trim();
  if (
    name.length === 0 ||
    name.length > 200 ||
    /[\\/\u0000-\u001f\u007f]/.test(name) ||
    name.split(".").every((part) => part === "") ||
    name.includes("..")
  ) {
    const shown = raw.slice(0, 60).replace(/[\u0000-\u001f\u007f]/g, "?");
    throw new AppError("VALIDATION", `文件名“${shown}”不合法,请改名后重新上传`, { files: ["文件名不合法"] });
  }
  return name;
}

/** Validates one uploaded file: name, size, type by content. Nothing is written. */
export function checkEvidence(fileName: string, data: Uint8Array): CheckedEvidence {
  const name = checkFileName(fileName);
  const { maxFileBytes } = evidenceLimits();
  if (data.length === 0) throw new AppError("VALIDATION", `“${name}”是空文件`, { files: ["空文件"] });
  if (data.length > maxFileBytes) {
    throw new AppError("VALIDATION", `“${name}”超过单个文件 ${maxFileBytes / 1024 / 1024} MB 的上限`, { files: ["文件过大"] });
  }
  const extension = path.extname(name).slice(1).toLowerCase();
  const allowed = EXTENSIONS[extension];
  if (!allowed) throw new AppError("VALIDATION", `“${name}”的类型不允许上传,可上传:${ALLOWED_EVIDENCE}`, { files: ["类型不允许"] });
  if (!startsWith(data, MAGIC[allowed.family])) {
    throw new AppError("VALIDATION", `“${name}”的内容与扩展名不符(不是真正的 .${extension} 文件),已拒绝`, { files: ["文件内容与类型不符"] });
  }
  return { fileName: name, mimeType: allowed.mime, size: data.length, sha256: crypto.createHash("sha256").update(data).digest("hex"), data };
}

/** Checks a whole report's files together (count and total size) before any is stored. */
export function checkEvidenceSet(files: { name: string; data: Uint8Array }[]): CheckedEvidence[] {
  const { maxFiles, maxReportBytes } = evidenceLimits();
  if (files.length > maxFiles) throw new AppError("VALIDATION", `一次最多上传 ${maxFiles} 个文件`, { files: ["文件过多"] });
  const total = files.reduce((n, f) => n + f.data.length, 0);
  if (total > maxReportBytes) {
    throw new AppError("VALIDATION", `本次上传合计超过 ${maxReportBytes / 1024 / 1024} MB 的上限`, { files: ["合计过大"] });
  }
  return files.map((f) => checkEvidence(f.name, f.data));
}

/** Where a file with this hash lives, relative to the evidence folder. */
export function storedPathFor(sha256: string): string {
  return path.join(sha256.slice(0, 2), sha256);
}

/**
 * Writes the file under its hash (once: identical evidence is stored once). Written to a
 * temp name and renamed, so a crash never leaves a half file under a valid hash.
 */
export function storeEvidence(file: CheckedEvidence): string {
  const relative = storedPathFor(file.sha256);
  const target = path.join(evidenceDir(), relative);
  if (fs.existsSync(target)) return relative;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(temp, file.data, { mode: 0o640 });
  fs.renameSync(temp, target);
  return relative;
}

export function readEvidence(storedPath: string): Buffer {
  // storedPath comes from our database, but stay inside the folder whatever it says.
  const root = evidenceDir();
  const full = path.resolve(root, storedPath);
  if (!full.startsWith(root + path.sep)) throw new AppError("NOT_FOUND", "文件不存在");
  try {
    return fs.readFileSync(full);
  } catch {
    throw new AppError("NOT_FOUND", "文件不存在或已丢失,请联系管理员");
  }
}
