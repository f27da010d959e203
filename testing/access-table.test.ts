import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ACCESS, PUBLIC_ACCESS, ROLES } from "@/testing/access-table";
import { PAGE_ACCESS, PUBLIC_PAGES } from "@/testing/page-access-table";
import { API_INPUTS, PUBLIC_INPUTS } from "@/testing/bad-input-corpus";

// The access matrix and the bad-input corpus must name every route of the JSON API: a new
// route file without a row fails here, before anyone forgets to decide who may call it.

const API_ROOT = path.join("app", "api", "v1");

function routeMethods(): string[] {
  return (fs.readdirSync(API_ROOT, { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "route.ts")
    .flatMap((file) => {
      const source = fs.readFileSync(path.join(API_ROOT, file), "utf8");
      const route = path.dirname(file).split(path.sep).join("/");
      const methods = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)];
      return methods.map((m) => `${m[1]} ${route}`);
    })
    .sort();
}

describe("权限矩阵列出 app/api/v1 下的每个路由", () => {
  const listed = API_ACCESS.map((r) => `${r.method} ${r.route}`);

  it("每个 route.ts 导出的方法都有一行,表中没有多余的行", () => {
    const found = routeMethods();
    expect(found.length).toBeGreaterThan(30);
    expect(found.filter((m) => !listed.includes(m))).toEqual([]);
    expect(listed.filter((m) => !found.includes(m))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("每行都为每个角色给出结论,未登录一律 401", () => {
    for (const row of API_ACCESS) {
      expect(Object.keys(row.access).sort()).toEqual([...ROLES].sort());
      expect(row.access.anonymous).toBe(401);
    }
  });

  it("每个写接口都在错误输入语料中", () => {
    const writes = API_ACCESS.filter((r) => r.method !== "GET").map((r) => r.route).sort();
    expect(API_INPUTS.map((i) => i.route).sort()).toEqual(writes);
  });
});

describe("公开路由(app/api 之外的 route.ts)都在权限表中", () => {
  const outsideApi = (fs.readdirSync("app", { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => path.basename(file) === "route.ts" && !file.startsWith("api/"))
    .flatMap((file) => {
      const source = fs.readFileSync(path.join("app", file), "utf8");
      const methods = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)];
      return methods.map((m) => `${m[1]} ${path.dirname(file)}`);
    })
    .sort();

  it("每个方法一行,表中没有多余的行;每个写入都在错误输入语料中", () => {
    const listed = PUBLIC_ACCESS.map((r) => `${r.method} ${r.route}`).sort();
    expect(outsideApi).toEqual(listed);
    expect(PUBLIC_INPUTS.map((i) => i.route).sort()).toEqual(PUBLIC_ACCESS.map((r) => r.route).sort());
  });

  it("每行都为每个角色给出结论", () => {
    for (const row of PUBLIC_ACCESS) expect(Object.keys(row.access).sort()).toEqual([...ROLES].sort());
  });
});

describe("页面权限表列出 app 下的每个页面", () => {
  const pages = (fs.readdirSync("app", { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "page.tsx")
    .map((file) => path.dirname(file).split(path.sep).join("/"))
    .sort();
  const listed = PAGE_ACCESS.map((row) => row.route);

  it("每个 page.tsx 都有一行,表中没有多余的行", () => {
    expect(pages.length).toBeGreaterThan(35);
    expect(pages.filter((p) => !listed.includes(p))).toEqual([]);
    expect(listed.filter((p) => !pages.includes(p))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("每行都为每个角色给出结论,未登录的访客一律转到登录页", () => {
    for (const row of PAGE_ACCESS) {
      expect(Object.keys(row.access).sort()).toEqual([...ROLES].sort());
      // A page that exists for nobody here (first-run setup on a server with accounts) has
      // no data to reach; every other page sends the anonymous visitor to sign in.
      const forNobody = Object.values(row.access).every((verdict) => verdict === 404);
      if (!PUBLIC_PAGES.includes(row.route) && !forNobody) expect(row.access.anonymous).toBe("signIn");
      // The captured navigation must be one that reaches the page's data.
      if (!forNobody) expect(["page", "redirect"]).toContain(row.access[row.navigatesAs]);
    }
  });

  it("公开页面只有登录页和满意度测评的填写页,后者人人可开", () => {
    expect(PAGE_ACCESS.filter((row) => row.access.anonymous !== "signIn" && !Object.values(row.access).every((v) => v === 404)).map((r) => r.route).sort()).toEqual(
      [...PUBLIC_PAGES].sort(),
    );
    const survey = PAGE_ACCESS.find((row) => row.route === "survey/[token]")!;
    expect(new Set(Object.values(survey.access))).toEqual(new Set(["page"]));
  });

  it("没有 loading、template 或并行路由段绕过页面自己的检查", () => {
    const segments = (fs.readdirSync("app", { recursive: true }) as string[]).filter((file) =>
      /(^|\/)(loading|template|default)\.tsx$|(^|\/)@[^/]+/.test(file.split(path.sep).join("/")),
    );
    expect(segments).toEqual([]);
  });
});
