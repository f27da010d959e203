import { afterEach, describe, expect, it } from "vitest";
import { isoDate } from "./common";

// Dates are checked as calendar days whatever the server's time zone: a server in China
// (TZ=Asia/Shanghai) once refused every real date as "不是有效日期".
const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe.each(["UTC", "Asia/Shanghai", "America/New_York"])("isoDate in TZ=%s", (tz) => {
  const date = isoDate("报送日期");
  it.each(["2026-02-28", "2024-02-29", "2026-12-31", "2026-01-01"])("accepts %s", (value) => {
    process.env.TZ = tz;
    expect(date.safeParse(value).success).toBe(true);
  });
  it.each(["2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "明天", "20260230"])("refuses %s in Chinese", (value) => {
    process.env.TZ = tz;
    const result = date.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues.every((issue) => /[\u4e00-\u9fff]/.test(issue.message))).toBe(true);
  });
});
