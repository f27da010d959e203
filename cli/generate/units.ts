import type { Role, UnitKind } from "@/lib/domain";
import type { Random } from "@/cli/generate/random";
import { GIVEN_NAMES, SURNAMES } from "@/cli/generate/texts";

// A province's unit tree and its accounts: the province (its party committee, inspection
// office and departments), cities and their districts, each with a party committee, an
// inspection office, departments, streets and a state enterprise. Place names are made
// up so that generated problems are never read as findings about a real place.

export interface GeneratedUnit {
  id: number;
  name: string;
  kind: UnitKind;
  parentId: number | null;
}

export interface GeneratedUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  unitId: number;
  isAdmin: boolean;
}

/** A body that can be inspected (a city or a district), with the units that answer for it. */
export interface InspectedBody {
  unitId: number;
  place: string;
  level: "city" | "district";
  memberUnitIds: number[];
}

const PROVINCE = "岭南省";
const CITIES = "东江 南岭 西陵 北源 青澜 云川 金湾 银滩 松涛 柳城 桂阳 梅岭 竹溪 兰江 菊潭 荷塘 枫林 杉原 榕城 棠溪 樟山".split(" ");
const PLACE_A = "新安华平龙永福兴宁和丰长德康泰瑞嘉明光广".split("");
const PLACE_B = "城江山湖田岗海源阳川溪林州口坪桥".split("");

const PROVINCE_DEPTS: [string, UnitKind][] = [
  ["委办公厅", "party"], ["委组织部", "party"], ["委宣传部", "party"], ["纪委监委", "party"], ["教育厅", "government"],
  ["科学技术厅", "government"], ["工业和信息化厅", "government"], ["公安厅", "government"], ["民政厅", "government"],
  ["财政厅", "government"], ["人力资源和社会保障厅", "government"], ["自然资源厅", "government"], ["生态环境厅", "government"],
  ["住房和城乡建设厅", "government"], ["交通运输厅", "government"], ["水利厅", "government"], ["农业农村厅", "government"],
  ["商务厅", "government"], ["文化和旅游厅", "government"], ["卫生健康委员会", "government"], ["审计厅", "government"],
  ["应急管理厅", "government"], ["市场监督管理局", "government"], ["国有资产监督管理委员会", "government"], ["司法厅", "government"],
];
// Departments of a city or district, named after the place: 东江市教育局, 东江市新安区委办公室.
const LOCAL_DEPTS: [string, UnitKind][] = [
  ["委办公室", "party"], ["委组织部", "party"], ["委宣传部", "party"], ["纪委监委", "party"], ["发展和改革局", "government"],
  ["教育局", "government"], ["科技创新局", "government"], ["财政局", "government"], ["民政局", "government"],
  ["住房和建设局", "government"], ["交通运输局", "government"], ["水务局", "government"], ["卫生健康局", "government"],
  ["应急管理局", "government"], ["审计局", "government"], ["市场监督管理局", "government"], ["城市管理和综合执法局", "government"],
  ["国有资产监督管理局", "government"],
];
const DISTRICT_DEPTS = LOCAL_DEPTS.slice(0, 16);
const STREETS_PER_DISTRICT = 4;
const DISTRICTS_PER_CITY = 4;

export function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN_NAMES) + (random.chance(0.6) ? random.pick(GIVEN_NAMES) : "");
}

class UnitTree {
  readonly units: GeneratedUnit[] = [];
  readonly names = new Set<string>();
  constructor(readonly limit: number) {}
  get full() {
    return this.units.length >= this.limit;
  }
  add(name: string, kind: UnitKind, parentId: number | null): number | null {
    if (this.full || this.names.has(name)) return null;
    const id = this.units.length + 1;
    this.units.push({ id, name, kind, parentId });
    this.names.add(name);
    return id;
  }
}

export function generateUnits(count: number): { units: GeneratedUnit[]; bodies: InspectedBody[]; officeUnitIds: number[]; partyUnitIds: number[] } {
  const tree = new UnitTree(count);
  const bodies: InspectedBody[] = [];
  const officeUnitIds: number[] = [];
  const partyUnitIds: number[] = [];
  const root = tree.add(`中共${PROVINCE}委员会`, "party", null)!;
  partyUnitIds.push(root);
  officeUnitIds.push(tree.add(`${PROVINCE}委巡视工作领导小组办公室`, "party", root)!);
  for (const [dept, kind] of PROVINCE_DEPTS.slice(0, Math.min(PROVINCE_DEPTS.length, Math.floor(count / 10)))) tree.add(`${PROVINCE}${dept}`, kind, root);

  const addBody = (place: string, level: InspectedBody["level"], parentId: number, depts: [string, UnitKind][]) => {
    const party = tree.add(`中共${place}委员会`, "party", parentId);
    if (party === null) return null;
    partyUnitIds.push(party);
    const body: InspectedBody = { unitId: party, place, level, memberUnitIds: [] };
    const office = tree.add(`${place}委巡察办`, "party", party);
    if (office !== null) officeUnitIds.push(office);
    for (const [dept, kind] of depts) {
      const id = tree.add(`${place}${dept}`, kind, party);
      if (id !== null) body.memberUnitIds.push(id);
    }
    bodies.push(body);
    return body;
  };

  for (let c = 0; !tree.full; c++) {
    const city = `${CITIES[c % CITIES.length]}${c >= CITIES.length ? Math.floor(c / CITIES.length) + 1 : ""}市`;
    const cityBody = addBody(city, "city", root, LOCAL_DEPTS);
    if (!cityBody) break;
    for (let d = 0; d < DISTRICTS_PER_CITY && !tree.full; d++) {
      const suffix = d === DISTRICTS_PER_CITY - 1 ? "县" : "区";
      const place = `${city}${PLACE_A[(c * 7 + d * 3) % PLACE_A.length]}${PLACE_B[(c * 5 + d * 11) % PLACE_B.length]}${suffix}`;
      const district = addBody(place, "district", cityBody.unitId, DISTRICT_DEPTS);
      if (!district) break;
      for (let s = 0; s < STREETS_PER_DISTRICT; s++) {
        const name = `${PLACE_A[(d * 5 + s * 7 + c) % PLACE_A.length]}${PLACE_B[(s * 3 + d + c * 2) % PLACE_B.length]}`;
        const id = tree.add(`${place}${name}${suffix === "县" ? "镇" : "街道"}`, "street", district.unitId);
        if (id !== null) district.memberUnitIds.push(id);
      }
      const enterprise = tree.add(`${place}投资控股集团有限公司`, "enterprise", district.unitId);
      if (enterprise !== null) district.memberUnitIds.push(enterprise);
    }
  }
  // A body needs units to lead its measures; one cut off by the limit is not inspected.
  return { units: tree.units, bodies: bodies.filter((b) => b.memberUnitIds.length >= 5), officeUnitIds, partyUnitIds };
}

/**
 * The accounts: the demo's four (office, leader, jiaoyu, xinan, as README documents), an
 * office account per inspection office, a leader per party committee, and the rest spread
 * over the responsible units, every one of which gets at least one liaison.
 */
export function generateUsers(
  random: Random,
  params: { count: number; units: GeneratedUnit[]; bodies: InspectedBody[]; officeUnitIds: number[]; partyUnitIds: number[] },
): GeneratedUser[] {
  const users: GeneratedUser[] = [];
  const add = (username: string, role: Role, unitId: number, isAdmin = false) => {
    if (users.length < params.count) users.push({ id: random.uuid(), username, name: personName(random), role, unitId, isAdmin });
  };
  const firstDistrict = params.bodies.find((b) => b.level === "district") ?? params.bodies[0]!;
  const byName = (pattern: RegExp) => firstDistrict.memberUnitIds.find((id) => pattern.test(params.units[id - 1]!.name)) ?? firstDistrict.memberUnitIds[0]!;
  add("office", "office", params.officeUnitIds[0]!, true);
  add("leader", "leader", params.partyUnitIds[0]!);
  add("jiaoyu", "unit", byName(/教育局$/));
  add("xinan", "unit", byName(/(街道|镇)$/));
  params.officeUnitIds.slice(1).forEach((unitId, i) => add(`office-${i + 1}`, "office", unitId, i % 5 === 0));
  params.partyUnitIds.slice(1).forEach((unitId, i) => add(`leader-${i + 1}`, "leader", unitId));
  const special = new Set([...params.officeUnitIds, ...params.partyUnitIds]);
  const responsible = params.units.filter((u) => !special.has(u.id)).map((u) => u.id);
  let n = 0;
  for (const unitId of responsible) add(`unit-${++n}`, "unit", unitId);
  while (users.length < params.count) add(`unit-${++n}`, "unit", random.pick(responsible));
  return users;
}
