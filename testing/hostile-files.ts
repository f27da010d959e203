import zlib from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

// Files for the bad-input corpus (testing/bad-input-corpus.ts), built in the test so
// that nothing binary is committed. Shared by the vitest checks and e2e/bad-input.spec.ts.

export interface HostileFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export const LEDGER_HEADER = ["序号", "方面", "问题", "整改措施", "牵头领导", "牵头单位", "责任单位", "完成时限", "整改状态", "整改情况"];
const ROW = ["1", "一、落实主体责任方面", "理论学习结合实际不够紧密", "科学确定学习主题", "张三", "区教育局", "", "2027年6月底", "未完成", ""];

const csvLine = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A small valid ledger as xlsx, as Excel would save it. */
export async function ledgerXlsx(rows: string[][] = [ROW]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("整改台账");
  sheet.addRow(LEDGER_HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The first 60% of a valid xlsx: a download that broke off. */
export async function truncatedXlsx(): Promise<HostileFile> {
  const whole = await ledgerXlsx();
  return { name: "台账(下载中断).xlsx", mimeType: XLSX, buffer: whole.subarray(0, Math.floor(whole.length * 0.6)) };
}

/**
 * A zip bomb shaped as an xlsx: a few hundred KB whose worksheet inflates to `megabytes` MB
 * of XML. With `lie`, the archive's directory claims the sheet is tiny (only inflating tells).
 */
export function zipBombXlsx(megabytes = 400, lie = false): Promise<HostileFile> {
  // Compressing 400 MB takes a second: build each variant once per process.
  const key = `${megabytes}:${lie}`;
  let bomb = bombs.get(key);
  if (!bomb) bombs.set(key, (bomb = buildZipBomb(megabytes, lie)));
  return bomb;
}
const bombs = new Map<string, Promise<HostileFile>>();

async function buildZipBomb(megabytes: number, lie: boolean): Promise<HostileFile> {
  const open = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const close = Buffer.from("</sheetData></worksheet>");
  const filler = Buffer.alloc(1024 * 1024, " ");
  const chunks = [open, ...Array.from({ length: megabytes }, () => filler), close];
  const sheet = await deflateChunks(chunks);
  const parts: ZipPart[] = [
    stored("[Content_Types].xml", CONTENT_TYPES),
    stored("_rels/.rels", ROOT_RELS),
    stored("xl/workbook.xml", WORKBOOK),
    stored("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    { name: "xl/worksheets/sheet1.xml", method: 8, data: sheet.data, crc: sheet.crc, size: lie ? 4096 : sheet.size },
  ];
  return { name: lie ? "台账(目录造假).xlsx" : "台账(压缩炸弹).xlsx", mimeType: XLSX, buffer: zipArchive(parts) };
}

/** Header and first row saved as UTF-8, the second row added by Excel's GBK "CSV". */
export function mixedEncodingCsv(): HostileFile {
  const second = ["2", "一、落实主体责任方面", "推动经济高质量发展仍有不足", "提升研发投入强度", "李四", "区教育局", "", "2027年6月底", "未完成", ""];
  const buffer = Buffer.concat([Buffer.from(`${csvLine(LEDGER_HEADER)}\r\n${csvLine(ROW)}\r\n`), iconv.encode(`${csvLine(second)}\r\n`, "gbk")]);
  return { name: "台账(混合编码).csv", mimeType: "text/csv", buffer };
}

/** The same 序号 on two rows that name different problems. */
export function conflictingSerialCsv(): HostileFile {
  const other = [...ROW];
  other[2] = "干部队伍建设存在短板";
  other[3] = "完善干部培训机制";
  return { name: "台账(序号重复).csv", mimeType: "text/csv", buffer: Buffer.from(`${[LEDGER_HEADER, ROW, other].map(csvLine).join("\r\n")}\r\n`) };
}

/** 100,000 measure rows: five times the import's row cap. */
export function hundredThousandRowsCsv(): HostileFile {
  const lines = [csvLine(LEDGER_HEADER)];
  for (let i = 1; i <= 100_000; i++) lines.push(`${i},,问题${i},措施${i},,区教育局,,2027年6月底,未完成,`);
  return { name: "台账(十万行).csv", mimeType: "text/csv", buffer: Buffer.from(`${lines.join("\r\n")}\r\n`) };
}

// ── a minimal zip writer (the zip libraries in node_modules compress in JavaScript, far
// too slowly for a 400 MB part; zlib does it in well under a second) ─────────────────

interface ZipPart {
  name: string;
  method: 0 | 8;
  data: Buffer;
  crc: number;
  size: number;
}

function stored(name: string, text: string): ZipPart {
  const data = Buffer.from(text);
  return { name, method: 0, data, crc: zlib.crc32(data), size: data.length };
}

function deflateChunks(chunks: Buffer[]): Promise<{ data: Buffer; crc: number; size: number }> {
  return new Promise((resolve, reject) => {
    const deflate = zlib.createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    let crc = 0;
    let size = 0;
    deflate.on("data", (chunk: Buffer) => out.push(chunk));
    deflate.on("end", () => resolve({ data: Buffer.concat(out), crc, size }));
    deflate.on("error", reject);
    for (const chunk of chunks) {
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      deflate.write(chunk);
    }
    deflate.end();
  });
}

function zipArchive(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const entries: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(part.method, 10);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    entries.push(entry, name);
    offset += 30 + name.length + part.data.length;
  }
  const directory = Buffer.concat(entries);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
