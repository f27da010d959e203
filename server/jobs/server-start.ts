import "server-only";
import { assertDataFolderWritable } from "@/server/jobs/startup-check";
import { oidcSettings } from "@/lib/unified-identity";

// What the server does once at start (called by instrumentation.ts): refuse to start on a
// data folder it cannot write or a database from a newer version, with one clear line,
// then start the background jobs. A job that fails to start is logged; the server runs on.
export async function startServer(): Promise<void> {
  try {
    assertDataFolderWritable();
    // A half-set unified identity would otherwise fail on the first sign-in page.
    const oidc = oidcSettings(process.env);
    if (!oidc && process.env.RECTIFY_PASSWORD_SIGN_IN?.trim().toLowerCase() === "off") {
      console.warn("[rectify] 未配置统一身份认证,RECTIFY_PASSWORD_SIGN_IN=off 不生效:密码登录保持开启,否则无人能够登录");
    }
    // Opening the database applies pending migrations, or refuses a newer database.
    await import("@/db");
    const { announceSetupIfNeeded } = await import("@/server/setup");
    announceSetupIfNeeded();
  } catch (error) {
    console.error(`[rectify] 无法启动:${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (process.env.RECTIFY_REMINDERS !== "off") {
    try {
      const { startReminderSchedule } = await import("@/server/jobs/reminder-schedule");
      startReminderSchedule();
    } catch (error) {
      console.error("[rectify] 提醒任务未能启动", error);
    }
  }
  try {
    const { failInterruptedArchives } = await import("@/server/archive-jobs");
    failInterruptedArchives();
  } catch (error) {
    console.error("[rectify] 未能清理中断的归档包", error);
  }
  try {
    const { startBackupSchedule } = await import("@/server/jobs/backup-schedule");
    startBackupSchedule();
  } catch (error) {
    console.error("[rectify] 每日备份任务未能启动", error);
  }
}
