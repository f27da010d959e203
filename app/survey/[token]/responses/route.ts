import { NextResponse, type NextRequest } from "next/server";
import { AppError, toAppError } from "@/lib/errors";
import { SURVEY_BODY_MAX_BYTES, SURVEY_DEVICE_COOKIE } from "@/lib/survey";
import { clientAddress } from "@/server/request-context";
import { answerSurvey } from "@/server/surveys";

// The public's answer to a 群众满意度测评, posted by the survey page without an account: the
// one write in the app that nobody signs in for. It reaches nothing but the survey its link
// names; what it may do there (one answer per device, a rate limit per address) is
// server/surveys.ts's. Errors are JSON { error: { code, message } } in Chinese, as the API's.

export async function POST(request: NextRequest, context: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    assertSameSite(request);
    const body = await readLimited(request);
    const { token } = await context.params;
    answerSurvey({
      token,
      deviceToken: request.cookies.get(SURVEY_DEVICE_COOKIE)?.value ?? null,
      address: clientAddress(request.headers),
      contentType: request.headers.get("content-type"),
      body,
    });
    return NextResponse.json({ message: "提交成功,感谢您的参与!" }, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    const appError = toAppError(error);
    return NextResponse.json(
      { error: { code: appError.code, message: appError.message, fieldErrors: appError.fieldErrors } },
      { status: appError.status, headers: { "cache-control": "no-store" } },
    );
  }
}

const TOO_LARGE = "提交的内容过长,请精简意见建议后再提交";

/** The body as text, refusing past the limit without reading a flood into memory. */
async function readLimited(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > SURVEY_BODY_MAX_BYTES) throw new AppError("TOO_LARGE", TOO_LARGE);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > SURVEY_BODY_MAX_BYTES) {
      await reader.cancel();
      throw new AppError("TOO_LARGE", TOO_LARGE);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A page of another site must not post answers with a visitor's device cookie. */
function assertSameSite(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && safeHost(origin) !== host) throw new AppError("FORBIDDEN", "请求来源不被信任,已拒绝");
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
