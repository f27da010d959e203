import fs from "node:fs";
import path from "node:path";
import { databasePath, dataDir } from "@/lib/config";

// Run once when the server starts (instrumentation.ts), so that a deployment mistake stops
// the server with one clear sentence instead of failing on the first user's request.

/** Throws a Chinese explanation when the data folder cannot be created or written. */
export function assertDataFolderWritable(): void {
  const folder = dataDir();
  const probe = path.join(folder, `.write-check-${process.pid}`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "未知错误";
    throw new Error(`数据目录 ${folder} 不可写(${code}):请检查 DATABASE_PATH(当前 ${databasePath()})和目录权限`);
  }
}
