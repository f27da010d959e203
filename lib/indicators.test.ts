import { describe, expect, it } from "vitest";
import { formatIndicatorValue, impliedDirection, indicatorFromColumns, indicatorReached, indicatorSentence, indicatorVerdict, type IndicatorFigures } from "./indicators";

// Figures of the kind the published reports quote: a river section's 氨氮 brought down,
// unpaid rent recovered.
const water: IndicatorFigures = { name: "断面氨氮浓度", unit: "mg/L", direction: "lower", baseline: 2.1, target: 1.5, actual: 1.2 };
const rent: IndicatorFigures = { name: "追缴欠缴租金", unit: "万元", direction: "higher", baseline: 0, target: 120, actual: 86.5 };

describe("indicatorReached follows the direction", () => {
  it.each([
    ["lower, below target", { ...water, actual: 1.2 }, true],
    ["lower, exactly on target", { ...water, actual: 1.5 }, true],
    ["lower, still above target", { ...water, actual: 1.8 }, false],
    ["higher, short of target", rent, false],
    ["higher, over target", { ...rent, actual: 130 }, true],
    ["not reported yet", { ...rent, actual: null }, null],
  ] as const)("%s", (_, indicator, expected) => {
    expect(indicatorReached(indicator)).toBe(expected);
  });
});

describe("indicatorSentence words the change as a 通报 does", () => {
  it.each([
    [water, "断面氨氮浓度由2.1mg/L降至1.2mg/L(目标1.5mg/L,已达到)"],
    [rent, "追缴欠缴租金由0万元升至86.5万元(目标120万元,尚未达到)"],
    [{ ...water, actual: 2.1 }, "断面氨氮浓度由2.1mg/L保持在2.1mg/L(目标1.5mg/L,尚未达到)"],
    [{ ...water, actual: null }, "断面氨氮浓度基线为2.1mg/L(目标1.5mg/L)"],
  ])("%#", (indicator, expected) => {
    expect(indicatorSentence(indicator)).toBe(expected);
  });
});

it("prints figures without float noise", () => {
  expect(formatIndicatorValue(0.1 + 0.2)).toBe("0.3");
  expect(formatIndicatorValue(1200000)).toBe("1200000");
});

it("reads the direction from baseline and target, none when they are equal", () => {
  expect(impliedDirection(2.1, 1.5)).toBe("lower");
  expect(impliedDirection(0, 120)).toBe("higher");
  expect(impliedDirection(5, 5)).toBeNull();
});

it("gives a verdict for the ledger cell", () => {
  expect([indicatorVerdict(water), indicatorVerdict(rent), indicatorVerdict({ ...rent, actual: null })]).toEqual(["已达到目标", "未达到目标", "未报送实际值"]);
});

it("reads a ledger row's columns, and nothing from a snapshot stored before indicators", () => {
  expect(indicatorFromColumns({})).toBeNull();
  expect(indicatorFromColumns({ indicatorName: null })).toBeNull();
  expect(
    indicatorFromColumns({ indicatorName: "断面氨氮浓度", indicatorUnit: "mg/L", indicatorDirection: "lower", indicatorBaseline: 2.1, indicatorTarget: 1.5, indicatorActual: null }),
  ).toEqual({ ...water, actual: null });
});
