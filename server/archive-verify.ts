import "server-only";
import { createHash } from "node:crypto";
import yauzl from "yauzl";
import { compareWithManifest, MANIFEST_NAME, type VerifyOutcome } from "@/lib/archive-manifest";
import { isSafeEntryName } from "@/lib/archive-names";
import { AppError } from "@/lib/errors";

// Checks a 整改档案 package against its manifest: every entry re-hashed as it is read
// (streamed, never held whole), then compared. yauzl reads the central directory first and
// checks each entry's declared size against what inflates, which is what refuses a zip bomb
// before it fills anything; on top of that a package may not unpack beyond `maxBytes`.

export interface VerifyLimits {
  /** Most bytes all entries may inflate to. */
  maxBytes: number;
  maxEntries: number;
  /** An entry above 1 MB may not inflate more than this many times its compressed size. */
  maxRatio: number;
}

export const CLI_LIMITS: VerifyLimits = { maxBytes: 200 * 1024 ** 3, maxEntries: 2_000_000, maxRatio: 200 };

const open = (source: string | Buffer) =>
  new Promise<yauzl.ZipFile>((resolve, reject) => {
    const options = { lazyEntries: true, autoClose: true, validateEntrySizes: true };
    const done = (error: Error | null, zip?: yauzl.ZipFile) => (error || !zip ? reject(error ?? new Error("zip")) : resolve(zip));
    if (typeof source === "string") yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });

const notAZip = () => new AppError("VALIDATION", "上传的文件不是 zip 归档包(无法读取其目录),请选择“生成归档包”下载的 .zip 文件");

export async function verifyArchive(source: string | Buffer, limits: VerifyLimits = CLI_LIMITS): Promise<VerifyOutcome> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open(source);
  } catch (error) {
    if (typeof source === "string" && (error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("NOT_FOUND", `文件不存在:${source}`);
    throw notAZip();
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new AppError("VALIDATION", `归档包中的文件过多(${zip.entryCount} 个),已拒绝`);
  }
  const hashes = new Map<string, string>();
  let manifest: string | undefined;
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error);
    };
    zip.on("error", () => fail(notAZip()));
    zip.on("end", () => resolve());
    zip.on("entry", (entry: yauzl.Entry) => {
      const name = entry.fileName;
      if (name.endsWith("/")) return zip.readEntry();
      if (!isSafeEntryName(name)) return fail(new AppError("VALIDATION", `归档包中有不安全的文件名:${name.slice(0, 80)}`));
      total += entry.uncompressedSize;
      const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : Infinity;
      if (total > limits.maxBytes || (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)) {
        return fail(new AppError("VALIDATION", "归档包解压后过大或压缩比异常(疑似压缩炸弹),已拒绝"));
      }
      if (hashes.has(name)) return fail(new AppError("VALIDATION", `归档包中有重名文件:${name}`));
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return fail(new AppError("VALIDATION", `无法读取归档包中的文件:${name}`));
        const hash = createHash("sha256");
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => {
          hash.update(chunk);
          if (name === MANIFEST_NAME) chunks.push(chunk);
        });
        // A damaged entry (its bytes changed inside the zip) is an altered file, not a broken package.
        let damaged = false;
        stream.on("error", () => {
          if (damaged) return;
          damaged = true;
          hashes.set(name, "unreadable");
          zip.readEntry();
        });
        stream.on("end", () => {
          if (damaged) return;
          if (name === MANIFEST_NAME) manifest = Buffer.concat(chunks).toString("utf8");
          else hashes.set(name, hash.digest("hex"));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return compareWithManifest(manifest, hashes);
}
