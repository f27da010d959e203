import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { hashPassword } from "better-auth/crypto";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { createUnit, findUnitByName } from "@/db/queries/units";
import { countUsers, createUserWithPassword } from "@/db/queries/users";
import { dataDir, publicUrl } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { FirstAdministratorInput } from "@/lib/validations/setup";

// First run. A server that starts with no account prints a one-time setup code on its
// console; whoever opens /setup must give it, so a stranger who finds a fresh server cannot
// make themselves its administrator. The code lives in the data folder (0600) so that the
// console, the page and the command line agree, and it is removed once an account exists.

const MAX_FAILURES = 10;
// No 0/O, 1/I/L: the code is read off a console and typed by hand.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

interface SetupCodeState {
  code: string;
  failures: number;
}

const setupCodeFile = () => path.join(dataDir(), "setup-code");

export function needsSetup(): boolean {
  return countUsers(db) === 0;
}

function readState(): SetupCodeState | null {
  try {
    return JSON.parse(fs.readFileSync(setupCodeFile(), "utf8")) as SetupCodeState;
  } catch {
    return null;
  }
}

function writeState(state: SetupCodeState): void {
  fs.mkdirSync(dataDir(), { recursive: true });
  fs.writeFileSync(setupCodeFile(), JSON.stringify(state), { mode: 0o600 });
}

function newCode(): string {
  const chars = Array.from(crypto.randomBytes(8), (byte) => ALPHABET[byte % ALPHABET.length]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

function announce(code: string, reason = "尚无任何账号"): void {
  console.log(`[rectify] ${reason}。请在浏览器打开 ${publicUrl()}/setup 创建第一个整改办管理员,设置代码:${code}`);
  console.log('[rectify] 也可以在命令行创建:npm run cli -- user create <用户名> --name "<姓名>" --role office --admin');
}

/** At server start: while there is no account, make sure a setup code exists and print it. */
export function announceSetupIfNeeded(): void {
  if (!needsSetup()) {
    clearSetupCode();
    return;
  }
  const state = readState() ?? { code: newCode(), failures: 0 };
  writeState(state);
  announce(state.code);
}

export function clearSetupCode(): void {
  fs.rmSync(setupCodeFile(), { force: true });
}

/**
 * Checks a code typed into /setup. Every wrong code counts; after ten the code is replaced
 * (and the new one printed), so guessing it from the page is hopeless.
 */
function acceptSetupCode(given: string): boolean {
  const state = readState();
  if (!state) return false;
  const digest = (value: string) => crypto.createHash("sha256").update(value).digest();
  if (crypto.timingSafeEqual(digest(given), digest(state.code))) return true;
  if (state.failures + 1 >= MAX_FAILURES) {
    const code = newCode();
    writeState({ code, failures: 0 });
    announce(code, `设置代码已被输错 ${MAX_FAILURES} 次,已更换`);
  } else {
    writeState({ ...state, failures: state.failures + 1 });
  }
  return false;
}

/** /setup: the office's own unit and its first administrator, in one transaction with their audit rows. */
export async function createFirstAdministrator(input: FirstAdministratorInput): Promise<{ username: string }> {
  if (!needsSetup()) throw new AppError("CONFLICT", "首次设置已经完成,请直接登录");
  if (!acceptSetupCode(input.setupCode)) {
    throw new AppError("VALIDATION", "设置代码不正确", { setupCode: ["设置代码不正确,请核对服务启动时控制台打印的代码"] });
  }
  const passwordHash = await hashPassword(input.password);
  const user = db.transaction((tx) => {
    // Two people on the page at once: only the first one's transaction finds no account.
    if (countUsers(tx) > 0) throw new AppError("CONFLICT", "首次设置已经完成,请直接登录");
    const unit =
      findUnitByName(tx, { name: input.unitName }) ??
      createUnit(tx, { actorId: null, input: { name: input.unitName, kind: "party", parentId: null } });
    const created = createUserWithPassword(tx, {
      actorId: null,
      passwordHash,
      input: { username: input.username, name: input.name, role: "office", unitId: unit.id, isAdmin: true },
    });
    recordAudit(tx, {
      actorId: null,
      action: "system.setup",
      entity: "user",
      entityId: created.id,
      after: { username: created.username, unit: unit.name },
    });
    return created;
  });
  clearSetupCode();
  return { username: user.username };
}
