import zlib from "node:zlib";
import { AppError } from "@/lib/errors";

// An xlsx is a zip archive, and a few hundred KB of zip can inflate to gigabytes (a "zip
// bomb"). exceljs inflates every part into memory before reading a cell, so the archive is
// checked first: its directory must be whole, each part's declared size sane, and — since a
// directory can lie — each part is inflated once, streaming, and stopped at its declared size.

/** A 20,000-row ledger's XML is a few tens of MB; anything past this is not a ledger. */
export const MAX_XLSX_UNPACKED_BYTES = 150 * 1024 * 1024;
const MAX_PARTS = 5_000;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const damaged = () => new AppError("VALIDATION", "无法读取文件:xlsx 文件不完整或已损坏,请重新导出后再导入");
const tooBig = () =>
  new AppError("VALIDATION", `文件解压后超过 ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB,不是正常的台账文件,已拒绝;请删除无关的工作表和图片后重试`);

interface Part {
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

export async function assertSafeXlsxArchive(data: Uint8Array): Promise<void> {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const parts = readDirectory(buffer);
  const declared = parts.reduce((total, part) => total + part.size, 0);
  if (declared > MAX_XLSX_UNPACKED_BYTES) throw tooBig();
  for (const part of parts) {
    const body = partBody(buffer, part);
    if (part.method === STORED) {
      if (body.length !== part.size) throw damaged();
    } else if ((await inflatedSize(body, part.size)) !== part.size) {
      throw damaged();
    }
  }
}

function readDirectory(buffer: Buffer): Part[] {
  // The end record sits in the last 22 bytes, or before a trailing comment of up to 64 KB.
  let end = -1;
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at--) {
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged();
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  // ZIP64 (markers 0xFFFF / 0xFFFFFFFF) is only for archives of 4 GB or 65,535 parts.
  if (count === 0xffff || at === 0xffffffff || count > MAX_PARTS) throw tooBig();
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== DIRECTORY_ENTRY) throw damaged();
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const part = {
      method,
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      localHeader: buffer.readUInt32LE(at + 42),
    };
    if (part.size === 0xffffffff || part.compressedSize === 0xffffffff) throw tooBig();
    if (flags & 0x1) throw new AppError("VALIDATION", "文件已加密,请在 Excel 中取消密码保护后再导入");
    if (method !== STORED && method !== DEFLATED) throw damaged();
    parts.push(part);
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return parts;
}

function partBody(buffer: Buffer, part: Part): Buffer {
  const at = part.localHeader;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) throw damaged();
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  if (start + part.compressedSize > buffer.length) throw damaged();
  return buffer.subarray(start, start + part.compressedSize);
}

/** Inflates without keeping the output; stops as soon as it passes `limit`. */
function inflatedSize(compressed: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", () => reject(damaged()));
    inflate.end(compressed);
  });
}
