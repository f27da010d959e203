import { expect, type Page } from "@playwright/test";

/** The office's round screens: create a round, import a ledger file. */
export class RoundPages {
  constructor(private readonly page: Page) {}

  async createRound(name: string, feedbackDate = "2026-03-01"): Promise<number> {
    await this.page.goto("/rounds/new");
    await this.page.getByLabel("轮次名称").fill(name);
    await this.page.getByLabel("巡视(察)组").fill("市委第三巡察组");
    await this.page.getByLabel("被巡视(察)单位").fill("中共深圳市宝安区委员会");
    await this.page.getByLabel("反馈日期").fill(feedbackDate);
    await this.page.getByRole("button", { name: "创建轮次" }).click();
    await expect(this.page).toHaveURL(/\/rounds\/\d+\/problems$/);
    return Number(/\/rounds\/(\d+)\//.exec(this.page.url())![1]);
  }

  async previewImport(roundId: number, file: { name: string; mimeType: string; buffer: Buffer }) {
    await this.page.goto(`/rounds/${roundId}/import`);
    await this.page.getByLabel("台账文件").setInputFiles(file);
    await this.page.getByRole("button", { name: "上传并预览" }).click();
  }
}
