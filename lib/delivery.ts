// Optional push of notifications to a group chat robot (DingTalk / WeCom accept the same
// `{"msgtype":"text","text":{"content":…}}` body). Off unless RECTIFY_WEBHOOK_URL is set.
// Delivery happens in the background after the change has committed: a slow or broken
// robot must never hold up, fail or roll back what the user did, so every failure ends
// in a log line and nothing is ever thrown to the caller.

export interface WebhookOptions {
  tries?: number;
  /** Wait before the 2nd try; doubled before each further try. */
  baseDelayMs?: number;
  timeoutMs?: number;
}

const DEFAULTS: Required<WebhookOptions> = { tries: 3, baseDelayMs: 1_000, timeoutMs: 5_000 };

/** The configured robot address, or null when delivery is off (or the address is unusable). */
export function webhookUrl(): string | null {
  const raw = process.env.RECTIFY_WEBHOOK_URL?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

export function webhookPayload(content: string) {
  return { msgtype: "text", text: { content } } as const;
}

/**
 * POSTs one message, trying up to `tries` times with exponential backoff. Resolves true on
 * success, false after the last failure (logged). A 2xx answer carrying a non-zero
 * `errcode` (how DingTalk and WeCom report a rejected message) counts as a failure.
 */
export async function postWebhook(url: string, content: string, options: WebhookOptions = {}): Promise<boolean> {
  const { tries, baseDelayMs, timeoutMs } = { ...DEFAULTS, ...options };
  let reason = "";
  for (let attempt = 1; attempt <= tries; attempt++) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(webhookPayload(content)),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      if (response.ok && robotAccepted(text)) return true;
      reason = `HTTP ${response.status} ${text.slice(0, 200)}`;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    if (attempt < tries) await sleep(baseDelayMs * 2 ** (attempt - 1));
  }
  // The robot's URL carries its access token: log the host only.
  console.error(`[rectify] 通知推送失败(已尝试 ${tries} 次,${safeHost(url)}):${reason}`);
  return false;
}

function robotAccepted(body: string): boolean {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && "errcode" in parsed) return Number(parsed.errcode) === 0;
  } catch {
    // Not JSON: a plain 2xx from some other receiver is success.
  }
  return true;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "?";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends queued messages one at a time: robots rate-limit (DingTalk allows about 20 a
 * minute), so a burst from the daily job should queue rather than be refused. After
 * `pauseAfterFailures` messages in a row have failed every try, the robot is taken to be
 * down: messages are dropped (and counted in one log line) for `pauseMs`, instead of each
 * one waiting out its own retries and the queue growing without bound.
 */
export class WebhookQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private failures = 0;
  private pausedUntil = 0;
  private dropped = 0;

  constructor(private readonly options: WebhookOptions & { pauseAfterFailures?: number; pauseMs?: number } = {}) {}

  /** Queues messages; returns at once. The promise settles when they are done (for tests). */
  push(url: string, contents: readonly string[]): Promise<unknown> {
    for (const content of contents) {
      this.tail = this.tail.then(() => this.send(url, content)).catch(() => false);
    }
    return this.tail;
  }

  private async send(url: string, content: string): Promise<boolean> {
    if (Date.now() < this.pausedUntil) {
      this.dropped += 1;
      return false;
    }
    if (this.dropped > 0) {
      console.error(`[rectify] 通知推送暂停期间有 ${this.dropped} 条消息未推送(站内通知不受影响)`);
      this.dropped = 0;
    }
    const ok = await postWebhook(url, content, this.options);
    if (ok) {
      this.failures = 0;
    } else if (++this.failures >= (this.options.pauseAfterFailures ?? 3)) {
      const pauseMs = this.options.pauseMs ?? 5 * 60_000;
      this.pausedUntil = Date.now() + pauseMs;
      this.failures = 0;
      console.error(`[rectify] 通知推送连续失败,暂停 ${Math.round(pauseMs / 1000)} 秒`);
    }
    return ok;
  }
}

// One queue per process, on globalThis so that the server's separately bundled entries
// (pages, route handlers, instrumentation) share it.
const state = globalThis as unknown as { rectifyWebhookQueue?: WebhookQueue };

/** Queues messages for the configured robot, if any; returns at once and never throws. */
export function enqueueWebhook(contents: readonly string[]): Promise<unknown> {
  const url = webhookUrl();
  if (!url || contents.length === 0) return Promise.resolve();
  state.rectifyWebhookQueue ??= new WebhookQueue();
  return state.rectifyWebhookQueue.push(url, contents);
}

/** The chat message for one notification: whom it is for, what, and where to look. */
export function notificationText(n: { recipient: string; title: string; body: string; link: string | null }, baseUrl = process.env.BETTER_AUTH_URL): string {
  const lines = [`【整改通】${n.recipient}:${n.title}`];
  if (n.body) lines.push(n.body);
  if (n.link && baseUrl) lines.push(new URL(n.link, baseUrl).toString());
  return lines.join("\n");
}
