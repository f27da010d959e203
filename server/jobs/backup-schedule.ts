import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/db";
import { backupDatabase, pruneBackups } from "@/server/jobs/backup";
import { evidenceDir } from "@/lib/config";
import { todayISO } from "@/lib/deadline-state";

// The optional daily backup inside the server, off unless RECTIFY_BACKUP_DIR names a
// folder. Like the reminder job it checks hourly whether today's backup exists, so a
// restart or a sleeping host never skips a day. Backups are `rectify-YYYY-MM-DD.db`
// sharing one `evidence/` folder; those older than RECTIFY_BACKUP_KEEP days (default 14)
// are deleted. Evidence is never deleted: an old file may belong to a kept backup.

const CHECK_EVERY_MS = 60 * 60 * 1000;
const state = globalThis as unknown as { rectifyBackupTimer?: NodeJS.Timeout };

export function backupSettings(env = process.env): { folder: string; keep: number } | null {
  if (!env.RECTIFY_BACKUP_DIR) return null;
  const keep = Number(env.RECTIFY_BACKUP_KEEP ?? 14);
  return { folder: path.resolve(env.RECTIFY_BACKUP_DIR), keep: Number.isInteger(keep) && keep > 0 ? keep : 14 };
}

export async function runDailyBackup(settings: { folder: string; keep: number }, today = todayISO()) {
  const out = path.join(settings.folder, `rectify-${today}.db`);
  if (fs.existsSync(out)) return null;
  const result = await backupDatabase({
    sqlite: db.$client,
    writerConnection: true,
    checksum: false,
    out,
    evidenceFrom: evidenceDir(),
    evidenceTo: path.join(settings.folder, "evidence"),
  });
  const removed = pruneBackups(settings.folder, settings.keep);
  return { ...result, removed };
}

export function startBackupSchedule(): void {
  const settings = backupSettings();
  if (!settings || state.rectifyBackupTimer) return;
  const run = () =>
    runDailyBackup(settings)
      .then((result) => {
        if (result) console.log(`[rectify] 每日备份完成:${result.out}(${result.bytes} 字节,${result.ms} ms)`);
      })
      .catch((error) => console.error("[rectify] 每日备份失败,将在下次检查时重试", error));
  void run();
  state.rectifyBackupTimer = setInterval(run, CHECK_EVERY_MS);
  state.rectifyBackupTimer.unref();
}
