import { expect, type Page } from "@playwright/test";

/**
 * A day counted from the server's "today": frozen by playwright.config.ts (RECTIFY_TODAY),
 * else Beijing's date.
 */
export function dayFromToday(offset: number): string {
  const today = process.env.RECTIFY_TODAY ?? new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

export interface NoticeFields {
  unit: string;
  measure: string;
  level: "提醒" | "督办" | "通报";
  request: string;
  replyDeadline: string;
}

/** The office's 发督办单 form and a notice's page. */
export class NoticePages {
  constructor(private readonly page: Page) {}

  /** Picks the demo round (other specs add rounds meanwhile), then the unit; each choice reloads the lists. */
  async chooseUnit(unit: string) {
    await this.page.goto("/notices/new");
    const form = this.page.getByRole("form", { name: "发督办单" });
    await form.getByLabel("轮次", { exact: true }).selectOption({ label: "省委第二巡视组巡视宝安区反馈意见整改" });
    await expect(this.page).toHaveURL(/\?round=\d+$/);
    await form.getByLabel("责任单位", { exact: true }).selectOption({ label: unit });
    await expect(this.page).toHaveURL(/\?round=\d+&unit=\d+$/);
    return form;
  }

  /** Fills the form and submits it; the caller checks where it lands. */
  async fill(fields: NoticeFields) {
    const form = await this.chooseUnit(fields.unit);
    await form.getByRole("group", { name: "涉及的整改措施" }).getByLabel(fields.measure).check();
    await form.getByLabel("督办等级").selectOption({ label: fields.level });
    await form.getByLabel("回复期限").fill(fields.replyDeadline);
    await form.getByLabel("督办要求").fill(fields.request);
    await form.getByRole("button", { name: "发出督办单" }).click();
    return form;
  }

  /** Issues a notice and returns its id, read from the page it lands on. */
  async issue(fields: NoticeFields): Promise<number> {
    await this.fill(fields);
    await expect(this.page).toHaveURL(/\/notices\/\d+$/);
    return Number(/\/notices\/(\d+)$/.exec(this.page.url())![1]);
  }

  stateBadge(text: string) {
    return this.page.getByRole("main").locator("dl").getByText(text, { exact: true });
  }
}
