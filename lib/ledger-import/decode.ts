// Turns the bytes of a CSV ledger into text. Offices save CSV from Excel in whatever their
// Windows uses: "CSV UTF-8" (with a BOM), plain "CSV" (GBK on Chinese Windows) or
// "Unicode text" (UTF-16LE with a BOM). Nobody can tell us which, so we look at the bytes.

export type TextEncoding = "utf-8" | "gb18030" | "utf-16le";

export function decodeText(buffer: Uint8Array): { text: string; encoding: TextEncoding } {
  // A BOM is the only certain signal; when present it decides, and is not part of the text.
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(buffer.subarray(3)), encoding: "utf-8" };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(buffer.subarray(2)), encoding: "utf-16le" };
  }
  // GBK text with Chinese in it is almost never valid UTF-8 (its byte pairs break UTF-8's
  // continuation-byte rules), so a strict UTF-8 decode that succeeds is a safe answer.
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buffer), encoding: "utf-8" };
  } catch {
    // GB18030 is a superset of GBK and GB2312, so one decoder covers every Chinese Windows.
    return { text: new TextDecoder("gb18030").decode(buffer), encoding: "gb18030" };
  }
}

/**
 * A file pasted together from two sources (a UTF-8 export with rows added in Excel's GBK
 * "CSV") has lines in both encodings; no single decoding reads it, and guessing one garbles
 * the other half. Returns the first line of each kind (1-based), or null for a file in one
 * encoding. A UTF-8 line counts only if it holds Chinese, which GBK bytes almost never mimic.
 */
export function findMixedEncoding(buffer: Uint8Array): { utf8Line: number; otherLine: number } | null {
  const strict = new TextDecoder("utf-8", { fatal: true });
  let utf8Line = 0;
  let otherLine = 0;
  let start = 0;
  for (let line = 1; start < buffer.length && !(utf8Line && otherLine); line++) {
    const end = buffer.indexOf(0x0a, start);
    const bytes = buffer.subarray(start, end === -1 ? buffer.length : end);
    start = end === -1 ? buffer.length : end + 1;
    if (bytes.every((byte) => byte < 0x80)) continue;
    try {
      if (/[\u4e00-\u9fff]{2}/.test(strict.decode(bytes))) utf8Line ||= line;
    } catch {
      otherLine ||= line;
    }
  }
  return utf8Line && otherLine ? { utf8Line, otherLine } : null;
}
