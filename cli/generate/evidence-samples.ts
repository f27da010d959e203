import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { storedPathFor } from "@/server/evidence";

// Small but real evidence files (a one-page PDF, a 1×1 PNG) that pass the upload's
// content check. The generator stores them once under the data folder, as the app does, so
// generated claims have files that download; the benchmark uploads them too.

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/MediaBox[0 0 595 842]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

export interface EvidenceSample {
  fileName: string;
  mimeType: string;
  data: Buffer;
  size: number;
  sha256: string;
  storedPath: string;
}

function sample(fileName: string, mimeType: string, data: Buffer): EvidenceSample {
  const sha256 = crypto.createHash("sha256").update(data).digest("hex");
  return { fileName, mimeType, data, size: data.length, sha256, storedPath: storedPathFor(sha256) };
}

export const EVIDENCE_SAMPLES: readonly EvidenceSample[] = [
  sample("整改佐证材料.pdf", "application/pdf", PDF),
  sample("专题会议纪要.pdf", "application/pdf", PDF),
  sample("现场整改照片.png", "image/png", PNG),
];

/** Writes the samples into a data folder's evidence store (next to its database). */
export function storeEvidenceSamples(dataDir: string): void {
  for (const s of EVIDENCE_SAMPLES) {
    const target = path.join(dataDir, "evidence", s.storedPath);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, s.data, { mode: 0o640 });
  }
}
