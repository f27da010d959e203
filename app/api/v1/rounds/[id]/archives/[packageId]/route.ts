import fs from "node:fs";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/validations/common";
import { apiRoute } from "@/server/api";
import { openArchiveDownload } from "@/server/archive-jobs";
import { roundFromParams } from "../../round-param";

/**
 * GET /api/v1/rounds/:id/archives/:packageId — the package's zip, streamed from the data
 * folder (never served statically). Each download is recorded in the audit log first.
 */
export const GET = apiRoute({
  permission: "archive.manage",
  handle: ({ actor, params }) => {
    const round = roundFromParams(params, actor, "archive.manage");
    const id = parseId(typeof params.packageId === "string" ? params.packageId : undefined);
    if (!id) throw new AppError("NOT_FOUND", "未找到该归档包");
    const { row, file } = openArchiveDownload(actor, id, round.id);
    const ascii = row.fileName.replace(/[^\w.-]+/g, "_");
    const body = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        "content-type": "application/zip",
        "content-length": String(fs.statSync(file).size),
        "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
});
