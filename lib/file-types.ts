// Content types of the files the app hands out, in one place for routes, CLI and jobs.
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
