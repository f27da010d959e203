// The organisation file's columns, in the template's order. Only 单位名称 is required; a row
// with no account columns filled names a unit alone.
export const ORG_COLUMNS = ["单位名称", "上级单位", "单位类别", "用户名", "姓名", "角色", "手机", "管理员"] as const;
export type OrgColumn = (typeof ORG_COLUMNS)[number];

/** What marks the header row, for the shared table reader. */
export const ORG_HEADER = { required: ["单位名称"] } as const;
