import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { readmeTable, TABLE_END, TABLE_START, withReadmeTable } from "./readme-table";
import { figure, type Figure } from "./report";

describe("README's performance table", () => {
  it("is the table of bench/results.json, as the last bench run wrote it", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const figures = JSON.parse(fs.readFileSync("bench/results.json", "utf8")) as Figure[];
    const between = readme.slice(readme.indexOf(TABLE_START) + TABLE_START.length, readme.indexOf(TABLE_END));
    expect(between.trim()).toBe(readmeTable(figures));
  });

  it("names each reference, counts what was met and replaces only what lies between the markers", () => {
    const machine = "test machine";
    const figures = [
      figure({ name: "汇总 | 最大轮次", value: 4.2, unit: "ms", reference: 2.1, referenceLabel: "同一 SQL 直接执行", target: "≤ 3×", met: true, machine }),
      figure({ name: "错误", value: 0, unit: "次", reference: null, target: "0", met: true, machine }),
      figure({ name: "吞吐", value: 1234.5, unit: "req/s", reference: 700, target: "≥ 100 req/s", met: false, machine }),
    ];
    const readme = `前言\n${TABLE_START}\n旧表\n${TABLE_END}\n后记\n`;
    const written = withReadmeTable(readme, figures);
    expect(written.startsWith(`前言\n${TABLE_START}\n`)).toBe(true);
    expect(written.endsWith(`\n${TABLE_END}\n后记\n`)).toBe(true);
    expect(written).not.toContain("旧表");
    expect(written).toContain("2/3 项达标");
    expect(written).toContain("| 汇总 \\| 最大轮次 | 4.2 ms | 2.1 ms(同一 SQL 直接执行) | 2× | ≤ 3× | ✓ |");
    expect(written).toContain("| 错误 | 0 次 | — | — | 0 | ✓ |");
    expect(written).toContain("| 吞吐 | 1,234.5 req/s | 700 req/s | 1.76× | ≥ 100 req/s | ✗ |");
    expect(() => withReadmeTable("没有标记", figures)).toThrow(/markers/);
  });
});
