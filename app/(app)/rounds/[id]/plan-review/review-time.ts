/** A moment as offices read it: Beijing time, 24-hour clock. */
export const reviewTime = (d: Date | null) => (d ? d.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : "—");
