import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import JSZip from "jszip";
import mammoth from "mammoth";
import { AppError } from "@/lib/errors";
import { readNumbering, writeListMarkers } from "./docx-numbering";

// A .docx → its paragraphs as lines of text. mammoth (a well-kept reader that handles
// tracked changes, fields, hyperlinks, tables and text boxes) reads the text; Word's
// automatic numbering is written into the paragraphs first (docx-numbering.ts), because
// mammoth keeps only "this is a list item", not the "一、" or "(三)" the office saw.

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/**
 * A docx is a zip, and a few MB of zip can inflate to gigabytes (a "zip bomb"). A plan's
 * parts come to a few MB; what inflates past this is refused before mammoth reads it.
 */
const MAX_UNPACKED_BYTES = 150 * 1024 * 1024;
const MAX_PARTS = 5_000;
const NOT_DOCX = "无法读取文件:不是有效的 Word(.docx)文件,请在 Word 中打开后“另存为” .docx 再上传";

export async function readDocxText(data: Uint8Array, options: { maxUnpackedBytes?: number } = {}): Promise<string> {
  if (!ZIP_MAGIC.every((byte, index) => data[index] === byte)) throw new AppError("VALIDATION", NOT_DOCX);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new AppError("VALIDATION", NOT_DOCX);
  }
  const documentFile = zip.file("word/document.xml");
  if (!documentFile) throw new AppError("VALIDATION", NOT_DOCX);
  await assertInflatesWithin(zip, options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES);

  let buffer: Buffer;
  try {
    buffer = await withListMarkers(zip, documentFile);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("VALIDATION", NOT_DOCX);
  }
  const paragraphs: string[] = [];
  try {
    await mammoth.convertToHtml(
      { buffer },
      {
        // Pictures are not read at all: the text is all we want, and they are most of the bytes.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
        // The document model, not the HTML, is what we want: walk it and keep the text.
        transformDocument: (document: MammothElement) => {
          collectParagraphs(document, paragraphs);
          return document;
        },
      },
    );
  } catch {
    throw new AppError("VALIDATION", NOT_DOCX);
  }
  return paragraphs.join("\n");
}

/** The docx with Word's list numbers written into its paragraphs (unchanged when it has none). */
async function withListMarkers(zip: JSZip, documentFile: JSZip.JSZipObject): Promise<Buffer> {
  const numberingFile = zip.file("word/numbering.xml");
  if (!numberingFile) return zip.generateAsync({ type: "nodebuffer" });
  const parse = (xml: string) => new DOMParser({ errorHandler: { warning: () => {} } }).parseFromString(xml, "text/xml");
  const stylesFile = zip.file("word/styles.xml");
  const numbering = readNumbering(parse(await numberingFile.async("string")), stylesFile ? parse(await stylesFile.async("string")) : null);
  const document = parse(await documentFile.async("string"));
  if (writeListMarkers(document, numbering) > 0) {
    zip.file("word/document.xml", new XMLSerializer().serializeToString(document));
  }
  return zip.generateAsync({ type: "nodebuffer" });
}

interface MammothElement {
  type: string;
  value?: string;
  children?: MammothElement[];
}

function collectParagraphs(element: MammothElement, out: string[]): void {
  if (element.type !== "paragraph") {
    for (const child of element.children ?? []) collectParagraphs(child, out);
    return;
  }
  const line = { text: "" };
  for (const child of element.children ?? []) appendText(child, line, out);
  out.push(line.text);
}

function appendText(element: MammothElement, line: { text: string }, out: string[]): void {
  switch (element.type) {
    case "text":
      line.text += element.value ?? "";
      return;
    case "tab":
      line.text += "\t";
      return;
    case "break":
      // A line break inside a paragraph (Shift+Enter) still starts a new line on the page.
      line.text += "\n";
      return;
    case "paragraph":
      // A text box inside a run: its paragraphs stand on their own.
      collectParagraphs(element, out);
      return;
    default:
      for (const child of element.children ?? []) appendText(child, line, out);
  }
}

/** Inflates every part once, counting, and stops at the limit: sizes a zip declares can lie. */
async function assertInflatesWithin(zip: JSZip, limit: number): Promise<void> {
  const files = Object.values(zip.files).filter((file) => !file.dir);
  const tooBig = () => new AppError("VALIDATION", "文档解压后过大,不是正常的 Word 文档,已拒绝;请删去图片等无关内容后重试");
  if (files.length > MAX_PARTS) throw tooBig();
  let total = 0;
  for (const file of files) {
    await new Promise<void>((resolve, reject) => {
      const stream = file.nodeStream("nodebuffer");
      stream.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > limit) {
          stream.pause();
          stream.removeAllListeners("data");
          reject(tooBig());
        }
      });
      stream.on("end", () => resolve());
      stream.on("error", () => reject(new AppError("VALIDATION", NOT_DOCX)));
    });
  }
}
