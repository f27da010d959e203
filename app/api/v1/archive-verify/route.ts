import { verifyProblems } from "@/lib/archive-manifest";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/server/api";
import { verifyArchive, type VerifyLimits } from "@/server/archive-verify";
import { readMultipartForm, requiredFile } from "@/server/multipart";

// An uploaded package is checked in memory-bounded steps, but it is still held as one
// upload: 1 GB is far above a district round's package and well below what would hurt.
const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const LIMITS: VerifyLimits = { maxBytes: 4 * 1024 ** 3, maxEntries: 200_000, maxRatio: 200 };

/**
 * POST /api/v1/archive-verify — multipart form with `file`, an archive package: answers
 * `{ok, files, missing, extra, altered, problems}` (problems in Chinese, one per line), or
 * a Chinese 422 for what is not a package (not a zip, a zip bomb, unsafe names).
 */
export const POST = apiRoute({
  permission: "archive.manage",
  handle: async ({ request }) => {
    const form = await readMultipartForm(request);
    const { name, data } = await requiredFile(form, { maxBytes: MAX_UPLOAD_BYTES, missing: "请选择要校验的归档包", tooLarge: "请在服务器上用命令行 verify-archive 校验" });
    if (!/\.zip$/i.test(name)) throw new AppError("VALIDATION", "请选择 .zip 格式的归档包", { file: ["须为 .zip 文件"] });
    const outcome = await verifyArchive(Buffer.from(data.buffer, data.byteOffset, data.byteLength), LIMITS);
    return { ...outcome, problems: verifyProblems(outcome) };
  },
});
