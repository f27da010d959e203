import { describe, expect, it } from "vitest";
import {
  identityKeys,
  isOidcRefusal,
  oidcRefusalMessage,
  oidcSettings,
  passwordSignInEnabled,
  phoneCandidates,
  refusalForCallbackError,
} from "./unified-identity";

const CONFIGURED = { RECTIFY_OIDC_ISSUER: "https://sso.gd.gov.cn/", RECTIFY_OIDC_CLIENT_ID: "rectify", RECTIFY_OIDC_CLIENT_SECRET: "s3cret" };

describe("oidcSettings", () => {
  it("未配置时为 null,登录方式不变", () => {
    expect(oidcSettings({})).toBeNull();
    expect(oidcSettings({ RECTIFY_OIDC_ISSUER: " ", RECTIFY_OIDC_CLIENT_ID: "" })).toBeNull();
  });

  it("按发行方地址找发现文档,名称与声明有默认值", () => {
    expect(oidcSettings(CONFIGURED)).toEqual({
      issuer: "https://sso.gd.gov.cn",
      discoveryUrl: "https://sso.gd.gov.cn/.well-known/openid-configuration",
      clientId: "rectify",
      clientSecret: "s3cret",
      name: "统一身份认证",
      usernameClaim: "preferred_username",
      phoneClaim: "phone_number",
      scopes: ["openid", "profile", "phone"],
    });
  });

  it("名称与声明可配置", () => {
    const settings = oidcSettings({
      ...CONFIGURED,
      RECTIFY_OIDC_NAME: "粤政易",
      RECTIFY_OIDC_USERNAME_CLAIM: "employee_no",
      RECTIFY_OIDC_PHONE_CLAIM: "mobile",
      RECTIFY_OIDC_SCOPES: "openid profile, employee",
    });
    expect(settings).toMatchObject({ name: "粤政易", usernameClaim: "employee_no", phoneClaim: "mobile", scopes: ["openid", "profile", "employee"] });
  });

  it("只配了一半或地址无效时给出中文原因", () => {
    expect(() => oidcSettings({ RECTIFY_OIDC_ISSUER: "https://sso.example" })).toThrow(/须同时设置/);
    expect(() => oidcSettings({ RECTIFY_OIDC_CLIENT_ID: "rectify" })).toThrow(/须同时设置/);
    expect(() => oidcSettings({ ...CONFIGURED, RECTIFY_OIDC_ISSUER: "sso.example" })).toThrow(/不是有效的地址/);
    expect(() => oidcSettings({ ...CONFIGURED, RECTIFY_OIDC_ISSUER: "ftp://sso.example" })).toThrow(/https:\/\//);
  });
});

describe("passwordSignInEnabled", () => {
  it("默认开启", () => {
    expect(passwordSignInEnabled({})).toBe(true);
    expect(passwordSignInEnabled(CONFIGURED)).toBe(true);
    expect(passwordSignInEnabled({ ...CONFIGURED, RECTIFY_PASSWORD_SIGN_IN: "on" })).toBe(true);
  });

  it("配置了统一身份认证时可以关闭", () => {
    expect(passwordSignInEnabled({ ...CONFIGURED, RECTIFY_PASSWORD_SIGN_IN: "off" })).toBe(false);
    expect(passwordSignInEnabled({ ...CONFIGURED, RECTIFY_PASSWORD_SIGN_IN: " OFF " })).toBe(false);
  });

  it("没有统一身份认证时关不掉:否则无人能登录", () => {
    expect(passwordSignInEnabled({ RECTIFY_PASSWORD_SIGN_IN: "off" })).toBe(true);
  });
});

describe("phoneCandidates", () => {
  it.each([
    ["13800138000", ["13800138000", "+8613800138000", "8613800138000"]],
    ["+86 138-0013-8000", ["+86 138-0013-8000", "8613800138000", "13800138000", "+8613800138000"]],
    ["+8613800138000", ["+8613800138000", "8613800138000", "13800138000"]],
    ["008613800138000", ["008613800138000", "13800138000", "+8613800138000", "8613800138000"]],
    ["8613800138000", ["8613800138000", "13800138000", "+8613800138000"]],
  ])("%s", (raw, expected) => {
    expect(phoneCandidates(raw)).toEqual(expected);
  });

  it("不像号码的原样保留,空的不算", () => {
    expect(phoneCandidates("转 8021")).toEqual(["转 8021"]);
    expect(phoneCandidates("  ")).toEqual([]);
  });
});

describe("identityKeys", () => {
  const defaults = { usernameClaim: "preferred_username", phoneClaim: "phone_number" };

  it("取用户名和手机号两种声明,以用户名称呼", () => {
    expect(identityKeys({ sub: "u-1", preferred_username: " jiaoyu ", phone_number: "13800138000" }, defaults)).toEqual({
      username: "jiaoyu",
      phones: ["13800138000", "+8613800138000", "8613800138000"],
      label: "jiaoyu",
    });
  });

  it("没有用户名时以手机号、姓名或主体标识称呼", () => {
    expect(identityKeys({ sub: "u-1", phone_number: "13800138000" }, defaults).label).toBe("13800138000");
    expect(identityKeys({ sub: "u-1", name: "张三" }, defaults)).toEqual({ username: null, phones: [], label: "张三" });
    expect(identityKeys({ sub: "u-1" }, defaults).label).toBe("u-1");
  });

  it("按配置的声明取值,数字也可", () => {
    expect(identityKeys({ sub: "u-1", employee_no: 40213, preferred_username: "x" }, { ...defaults, usernameClaim: "employee_no" }).username).toBe("40213");
  });

  it("非字符串的声明不用", () => {
    expect(identityKeys({ sub: "u-1", preferred_username: { evil: true }, phone_number: ["1"] }, defaults)).toEqual({ username: null, phones: [], label: "u-1" });
  });
});

describe("拒绝时的提示", () => {
  it("说出账号名和该找谁", () => {
    expect(oidcRefusalMessage("unknown", "统一身份认证", "zhangsan")).toBe("统一身份认证账号“zhangsan”未在整改通开通,请联系整改办管理员");
    expect(oidcRefusalMessage("disabled", "统一身份认证", "jiaoyu")).toBe("统一身份认证账号“jiaoyu”对应的整改通账号已停用,请联系整改办管理员");
    expect(oidcRefusalMessage("unknown", "粤政易")).toBe("该粤政易账号未在整改通开通,请联系整改办管理员");
    expect(oidcRefusalMessage("cancelled", "统一身份认证")).toBe("已取消统一身份认证登录");
  });

  it("只认得几种拒绝,其他回调错误算未成功", () => {
    expect(isOidcRefusal("unknown")).toBe(true);
    expect(isOidcRefusal("<script>")).toBe(false);
    expect(isOidcRefusal(["unknown"])).toBe(false);
    expect(refusalForCallbackError("access_denied")).toBe("cancelled");
    expect(refusalForCallbackError("state_mismatch")).toBe("failed");
    expect(refusalForCallbackError(null)).toBe("failed");
  });
});
