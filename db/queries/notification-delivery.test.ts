import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { notifyUsers } from "@/db/queries/notifications";
import { enqueueWebhook, notificationText, postWebhook, webhookUrl, WebhookQueue } from "@/lib/delivery";
import { seededTestDb } from "@/testing/seeded-db";

// A robot on the loopback interface that answers from a script: each request takes the
// next answer (status, body); once the script runs out it answers 200 {"errcode":0}.
let server: http.Server;
let url: string;
let script: { status: number; body: string }[] = [];
let received: unknown[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let data = "";
    request.on("data", (chunk) => (data += chunk));
    request.on("end", () => {
      received.push(JSON.parse(data));
      const answer = script.shift() ?? { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
      response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/robot/send?access_token=secret`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  script = [];
  received = [];
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const fast = { baseDelayMs: 5, timeoutMs: 2_000 };

describe("postWebhook", () => {
  it("posts DingTalk/WeCom-style text JSON", async () => {
    expect(await postWebhook(url, "你好", fast)).toBe(true);
    expect(received).toEqual([{ msgtype: "text", text: { content: "你好" } }]);
  });

  it("retries a failing robot and succeeds on the third try", async () => {
    script = [
      { status: 500, body: "busy" },
      { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' },
    ];
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await postWebhook(url, "第三次成功", fast)).toBe(true);
    expect(received).toHaveLength(3);
    expect(log).not.toHaveBeenCalled();
  });

  it("gives up after three tries, logs without the access token, and never throws", async () => {
    script = Array.from({ length: 5 }, () => ({ status: 502, body: "bad gateway" }));
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await postWebhook(url, "失败", fast)).toBe(false);
    expect(received).toHaveLength(3);
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toContain("已尝试 3 次");
    expect(String(log.mock.calls[0]![0])).not.toContain("secret");
  });

  it("treats a refused connection as a failure to retry", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await postWebhook("http://127.0.0.1:1/", "无人接收", fast)).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("waits longer before each further try", async () => {
    script = [
      { status: 500, body: "" },
      { status: 500, body: "" },
    ];
    const started = Date.now();
    expect(await postWebhook(url, "退避", { baseDelayMs: 40 })).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40 + 80 - 5);
  });
});

describe("WebhookQueue", () => {
  it("sends in order, one at a time", async () => {
    await new WebhookQueue(fast).push(url, ["一", "二", "三"]);
    expect(received.map((r) => (r as { text: { content: string } }).text.content)).toEqual(["一", "二", "三"]);
  });

  it("pauses after messages keep failing, instead of retrying each one", async () => {
    script = Array.from({ length: 20 }, () => ({ status: 500, body: "down" }));
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const queue = new WebhookQueue({ ...fast, pauseAfterFailures: 2, pauseMs: 60_000 });
    await queue.push(url, ["1", "2", "3", "4", "5"]);
    // Two messages × three tries, then the rest dropped while paused.
    expect(received).toHaveLength(6);
    expect(log.mock.calls.map((c) => String(c[0])).some((m) => m.includes("暂停 60 秒"))).toBe(true);
  });
});

describe("configuration", () => {
  it("is off unless RECTIFY_WEBHOOK_URL is a usable http(s) address", async () => {
    vi.stubEnv("RECTIFY_WEBHOOK_URL", "");
    expect(webhookUrl()).toBeNull();
    await enqueueWebhook(["不会发送"]);
    expect(received).toHaveLength(0);
    vi.stubEnv("RECTIFY_WEBHOOK_URL", "ftp://example.invalid/");
    expect(webhookUrl()).toBeNull();
    vi.stubEnv("RECTIFY_WEBHOOK_URL", url);
    expect(webhookUrl()).toBe(url);
  });

  it("writes whom a message is for, what happened and where to look", () => {
    expect(notificationText({ recipient: "林教育", title: "整改措施已逾期 8 天", body: "问题3:…", link: "/measures/12" }, "https://zg.example.cn")).toBe(
      "【整改通】林教育:整改措施已逾期 8 天\n问题3:…\nhttps://zg.example.cn/measures/12",
    );
    expect(notificationText({ recipient: "林教育", title: "标题", body: "", link: "/x" }, undefined)).toBe("【整改通】林教育:标题");
  });
});

describe("after commit", () => {
  it("pushes notifications of a committed transaction, never of a rolled-back one, and only new ones", async () => {
    vi.stubEnv("RECTIFY_WEBHOOK_URL", url);
    vi.stubEnv("BETTER_AUTH_URL", "http://localhost:3000");
    const t = await seededTestDb("2026-11-16");
    try {
      const jiaoyu = t.one<string>("select id from users where username = 'jiaoyu'");
      const notification = { kind: "assignment" as const, title: "新的整改任务", body: "请查收", link: "/my-tasks" };
      expect(() =>
        t.db.transaction((tx) => {
          notifyUsers(tx, { userIds: [jiaoyu], notification: { ...notification, dedupeKey: "rolled-back" } });
          throw new Error("the change failed after notifying");
        }),
      ).toThrow();
      t.db.transaction((tx) => notifyUsers(tx, { userIds: [jiaoyu], notification: { ...notification, dedupeKey: "committed" } }));
      t.db.transaction((tx) => notifyUsers(tx, { userIds: [jiaoyu], notification: { ...notification, dedupeKey: "committed" } }));
      await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 2_000 });
      // Nothing else is on its way: the rolled-back one was dropped, the repeat never created.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(received).toHaveLength(1);
      expect(received[0]).toEqual({
        msgtype: "text",
        text: { content: "【整改通】林教育:新的整改任务\n请查收\nhttp://localhost:3000/my-tasks" },
      });
    } finally {
      t.cleanup();
    }
  });
});
