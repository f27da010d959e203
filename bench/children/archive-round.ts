import path from "node:path";
import { databasePath } from "@/lib/config";
import { writeArchivePackage } from "@/server/archive-package";
import { report } from "./peak";

// The 整改档案 package of a round, as the page and the CLI build it: one read transaction on
// the database, every document written, evidence streamed into the zip.
async function main() {
  const [roundId, out] = [Number(process.argv[2]), process.argv[3]!];
  const started = performance.now();
  const result = await writeArchivePackage({ databaseFile: databasePath(), evidenceDir: path.join(path.dirname(databasePath()), "evidence"), roundId, out });
  report({ ms: performance.now() - started, files: result.files, bytes: result.bytes });
}

void main();
