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
