// Unified identity (统一身份认证, issue 13): the settings read from the environment, which
// of an identity's claims name a local account, and the words a refused user reads. Pure:
// server/unified-identity.ts does the lookups and server/auth.ts wires better-auth.

/** better-auth's id for the one OpenID Connect provider; it is part of the callback path. */
export const OIDC_PROVIDER_ID = "oidc";

export interface OidcSettings {
  /** The issuer exactly as its discovery document states it, without a trailing slash. */
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string | undefined;
  /** What the sign-in page's link says. */
  name: string;
  /** The claim holding the local username (a province's IdP may call it something else). */
  usernameClaim: string;
  /** The claim holding a mobile number, tried when the username matches no account. */
  phoneClaim: string;
  scopes: string[];
}

export type Env = Record<string, string | undefined>;

const DEFAULT_NAME = "统一身份认证";

/**
 * The provider's settings, or null when unified identity is not configured (then nothing
 * about sign-in changes). A half-configured or malformed issuer is a deployment mistake
 * that must not pass silently, so it throws with a Chinese explanation.
 */
export function oidcSettings(env: Env): OidcSettings | null {
  const issuer = env.RECTIFY_OIDC_ISSUER?.trim();
  const clientId = env.RECTIFY_OIDC_CLIENT_ID?.trim();
  if (!issuer && !clientId) return null;
  if (!issuer || !clientId) {
    throw new Error("统一身份认证配置不完整:RECTIFY_OIDC_ISSUER 与 RECTIFY_OIDC_CLIENT_ID 须同时设置");
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`统一身份认证配置有误:RECTIFY_OIDC_ISSUER 不是有效的地址(${issuer})`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`统一身份认证配置有误:RECTIFY_OIDC_ISSUER 须以 https:// 或 http:// 开头(${issuer})`);
  }
  const base = issuer.replace(/\/+$/, "");
  return {
    issuer: base,
    discoveryUrl: `${base}/.well-known/openid-configuration`,
    clientId,
    clientSecret: env.RECTIFY_OIDC_CLIENT_SECRET || undefined,
    name: env.RECTIFY_OIDC_NAME?.trim() || DEFAULT_NAME,
    usernameClaim: env.RECTIFY_OIDC_USERNAME_CLAIM?.trim() || "preferred_username",
    phoneClaim: env.RECTIFY_OIDC_PHONE_CLAIM?.trim() || "phone_number",
    // Some providers refuse a scope they do not know (often "phone"): then set fewer.
    scopes: (env.RECTIFY_OIDC_SCOPES?.trim() || "openid profile phone").split(/[\s,]+/).filter(Boolean),
  };
}

/**
 * Whether the username-and-password form is offered and accepted. It can only be turned
 * off when unified identity is configured: otherwise nobody could sign in at all.
 */
export function passwordSignInEnabled(env: Env): boolean {
  if (env.RECTIFY_PASSWORD_SIGN_IN?.trim().toLowerCase() !== "off") return true;
  return oidcSettings(env) === null;
}

export interface IdentityKeys {
  username: string | null;
  /** The forms the mobile number may be stored in: as given, bare digits, with and without +86. */
  phones: string[];
  /** How the refused user and the audit log name the identity. */
  label: string;
}

const claimText = (value: unknown): string | null => {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number") return String(value);
  return null;
};

/**
 * The candidate forms of a mobile number. The organisation file and the IdP need not
 * agree on "+86 138-0013-8000" versus "13800138000", so every plain form is tried.
 */
export function phoneCandidates(raw: string): string[] {
  const given = raw.trim();
  let digits = given.replace(/[\s\-()]/g, "");
  const hadPlus = digits.startsWith("+");
  digits = digits.replace(/^\+/, "");
  if (!/^\d{5,20}$/.test(digits)) return given ? [given] : [];
  let national = digits;
  if (digits.startsWith("0086")) national = digits.slice(4);
  else if ((hadPlus || digits.length === 13) && digits.startsWith("86")) national = digits.slice(2);
  return [...new Set([given, digits, national, `+86${national}`, `86${national}`].filter(Boolean))];
}

/** What of a provider's profile may name a local account. */
export function identityKeys(profile: Record<string, unknown>, settings: Pick<OidcSettings, "usernameClaim" | "phoneClaim">): IdentityKeys {
  const username = claimText(profile[settings.usernameClaim]);
  const phone = claimText(profile[settings.phoneClaim]);
  const label = username ?? phone ?? claimText(profile.name) ?? claimText(profile.sub) ?? "(未提供账号名)";
  return { username, phones: phone ? phoneCandidates(phone) : [], label };
}

/** Why an identity that the provider vouched for was still not let in. */
export type OidcRefusal = "unknown" | "disabled" | "failed" | "cancelled" | "unavailable";

export const OIDC_REFUSALS: readonly OidcRefusal[] = ["unknown", "disabled", "failed", "cancelled", "unavailable"];

export function isOidcRefusal(value: unknown): value is OidcRefusal {
  return typeof value === "string" && (OIDC_REFUSALS as readonly string[]).includes(value);
}

/** The sentence on the sign-in page. `label` is absent when the page is opened again later. */
export function oidcRefusalMessage(refusal: OidcRefusal, providerName: string, label?: string): string {
  const who = label ? `${providerName}账号“${label}”` : `该${providerName}账号`;
  switch (refusal) {
    case "unknown":
      return `${who}未在整改通开通,请联系整改办管理员`;
    case "disabled":
      return `${who}对应的整改通账号已停用,请联系整改办管理员`;
    case "cancelled":
      return `已取消${providerName}登录`;
    case "unavailable":
      return `${providerName}服务暂时无法访问,请稍后再试或联系整改办管理员`;
    case "failed":
      return `${providerName}登录未成功,请重试;如仍不成功请联系整改办管理员`;
  }
}

/** The refusal for an error code better-auth or the provider put on the failed callback. */
export function refusalForCallbackError(code: string | null): OidcRefusal {
  return code === "access_denied" ? "cancelled" : "failed";
}

export function passwordSignInOffMessage(providerName: string): string {
  return `本系统已关闭密码登录,请使用${providerName}登录`;
}
