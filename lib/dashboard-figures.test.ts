import { describe, expect, it } from "vitest";
import { ageingBuckets, burnUpSeries, chinaDate, onTimeRate } from "./dashboard-figures";

const at = (isoDay: string) => new Date(`${isoDay}T04:00:00Z`).getTime(); // noon in China

describe("burnUpSeries", () => {
  it("replays sign-offs and reopens from the audit rows", () => {
    const points = burnUpSeries({
      today: "2026-01-10",
      measures: [
        { createdAt: at("2026-01-02"), status: "completed", events: [] }, // imported completed
        {
          createdAt: at("2026-01-02"),
          status: "incomplete",
          events: [
            { at: at("2026-01-04"), before: "incomplete", after: "completed" },
            { at: at("2026-01-07"), before: "completed", after: "incomplete" }, // relapse at look-back
          ],
        },
        { createdAt: at("2026-01-05"), status: "basically_completed", events: [{ at: at("2026-01-06"), before: "incomplete", after: "basically_completed" }] },
      ],
    });
    const on = (d: string) => points.find((p) => p.date === d)!;
    // From the first entry, not from some earlier feedback date.
    expect(points[0]).toEqual({ date: "2026-01-02", total: 2, completed: 1, completedOrBasically: 1 });
    expect(on("2026-01-02")).toMatchObject({ total: 2, completed: 1 });
    expect(on("2026-01-04")).toMatchObject({ total: 2, completed: 2 });
    expect(on("2026-01-05")).toMatchObject({ total: 3, completed: 2, completedOrBasically: 2 });
    expect(on("2026-01-06")).toMatchObject({ total: 3, completed: 2, completedOrBasically: 3 });
    expect(on("2026-01-10")).toMatchObject({ total: 3, completed: 1, completedOrBasically: 2 });
  });

  it("samples a long round to at most 60 points and runs to the last event", () => {
    const points = burnUpSeries({
      today: "2026-01-01",
      measures: [
        { createdAt: at("2021-03-01"), status: "incomplete", events: [] },
        { createdAt: at("2021-03-01"), status: "completed", events: [{ at: at("2026-02-01"), before: "incomplete", after: "completed" }] },
      ],
    });
    expect(points.length).toBeLessThanOrEqual(60);
    expect(points[0]).toMatchObject({ date: "2021-03-01", total: 2, completed: 0 });
    expect(points.at(-1)).toMatchObject({ date: "2026-02-01", total: 2, completed: 1 });
  });

  it("has no series for a round with no sign-off yet: an imported ledger's state is not history", () => {
    const imported = [
      { createdAt: at("2026-03-01"), status: "completed" as const, events: [] },
      { createdAt: at("2026-03-01"), status: "incomplete" as const, events: [] },
    ];
    expect(burnUpSeries({ today: "2026-06-01", measures: imported })).toEqual([]);
    expect(burnUpSeries({ today: "2026-06-01", measures: [] })).toEqual([]);
  });
});

describe("ageingBuckets", () => {
  it("buckets days overdue on a frozen today, with the deadline range of each", () => {
    const buckets = ageingBuckets(
      [
        { deadline: "2026-11-20", n: 2 }, // 1 day late
        { deadline: "2026-11-14", n: 1 }, // 7
        { deadline: "2026-11-13", n: 1 }, // 8
        { deadline: "2026-10-22", n: 3 }, // 30
        { deadline: "2026-08-23", n: 1 }, // 90
        { deadline: "2026-08-22", n: 4 }, // 91
      ],
      "2026-11-21",
    );
    expect(buckets.map((b) => [b.label, b.count, b.from, b.to])).toEqual([
      ["0–7天", 3, "2026-11-14", "2026-11-20"],
      ["8–30天", 4, "2026-10-22", "2026-11-13"],
      ["31–90天", 1, "2026-08-23", "2026-10-21"],
      ["90天以上", 4, null, "2026-08-22"],
    ]);
  });
});

describe("onTimeRate", () => {
  it("divides sign-offs by the deadline among completed measures with a known sign-off date", () => {
    const rows = [
      { status: "completed" as const, deadline: "2026-05-01", completedAt: at("2026-05-01") },
      { status: "completed" as const, deadline: "2026-05-01", completedAt: at("2026-05-02") },
      { status: "completed" as const, deadline: "2026-05-01", completedAt: null },
      { status: "completed" as const, deadline: null, completedAt: at("2026-05-02") },
      { status: "incomplete" as const, deadline: "2026-05-01", completedAt: null },
    ];
    expect(onTimeRate(rows)).toEqual({ counted: 2, onTime: 1, unknown: 1, rate: 0.5 });
    expect(chinaDate(new Date("2026-05-01T17:00:00Z"))).toBe("2026-05-02");
  });
});
