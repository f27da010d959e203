// The unit tree flattened for pickers: parents before their children, with depth for
// indenting ("— " per level in a <select>, padding in a checkbox list).

export interface UnitOption {
  id: number;
  name: string;
  depth: number;
}

export function unitTree(units: readonly { id: number; name: string; parentId: number | null }[]): UnitOption[] {
  const known = new Set(units.map((u) => u.id));
  const children = new Map<number | null, { id: number; name: string }[]>();
  for (const unit of units) {
    // A unit whose parent is missing still shows, at the top.
    const parent = unit.parentId !== null && known.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const out: UnitOption[] = [];
  const visit = (parentId: number | null, depth: number) => {
    for (const unit of children.get(parentId) ?? []) {
      out.push({ id: unit.id, name: unit.name, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export function unitSelectOptions(options: readonly UnitOption[]) {
  return options.map((u) => ({ value: String(u.id), label: `${"— ".repeat(u.depth)}${u.name}` }));
}
