/**
 * Whether an image file a theme embeds (its logo, an image its stylesheet names) is whole: read by its structure, with
 * no decoder. The browser prints what it cannot decode as its broken-image icon, or as much of it as arrived (half a
 * logo, on the cover and in every running head), and says nothing: a logo saved to the theme folder half-copied, or
 * a file that is no image at all, replaced a good PDF with one that showed it, build and check both content.
 */
import { crc32 } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What is wrong with `bytes` as an image of the type its file name says (`kind`: png, jpeg, svg), said after the
 * file's name ("is not a complete PNG image: it ends before its IEND chunk"); undefined for an image that is whole.
 */
export function imageProblem(bytes: Buffer, kind: 'png' | 'jpeg' | 'svg'): string | undefined {
  if (bytes.length === 0) return `is empty: no ${kind.toUpperCase()} image at all`;
  if (kind === 'svg') return svgProblem(bytes);
  // The browser reads a raster image by its bytes, not its name: a JPEG saved as logo.png prints, and is checked as one.
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return pngProblem(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegProblem(bytes);
  if (OTHER_RASTERS.some((magic) => bytes.subarray(0, magic.length).equals(magic))) return undefined;
  return kind === 'png' ? pngProblem(bytes) : jpegProblem(bytes);
}

/** Starts of the other raster formats the browser decodes, whatever the file's name (GIF, WebP, BMP, ICO): not checked further. */
const OTHER_RASTERS = [Buffer.from('GIF8'), Buffer.from('RIFF'), Buffer.from('BM'), Buffer.from([0, 0, 1, 0])];

/** What the bytes look like, for a file that is not the image its name says: another format, or text. */
function looksLike(bytes: Buffer): string {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return ' (it holds a PNG image)';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return ' (it holds a JPEG image)';
  const start = bytes.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^<(?:\?xml|svg|!--)/i.test(start)) return ' (it holds an SVG image)';
  if (start.startsWith('<')) return ' (it holds HTML or XML, perhaps a web page saved in its place)';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return ' (it holds a GIF image)';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return ' (it holds a WebP image)';
  // Text: no bytes below a space but tabs and line breaks.
  return bytes.subarray(0, 512).every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) ? ' (it holds text)' : '';
}

/** A PNG: its signature, then chunks (length, type, data, CRC) up to IEND, each inside the file and its checksum right, IHDR first. */
function pngProblem(bytes: Buffer): string | undefined {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return bytes.length < 8 && PNG_SIGNATURE.subarray(0, bytes.length).equals(bytes)
      ? 'is not a complete PNG image: it ends before its IEND chunk'
      : `is not a PNG image: it does not start with the PNG signature${looksLike(bytes)}`;
  }
  let at = 8;
  let data = false;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (at === 8 && type !== 'IHDR') return `is a damaged PNG image: its first chunk is ${JSON.stringify(type)}, not IHDR`;
    if (!/^[A-Za-z]{4}$/.test(type)) return `is a damaged PNG image: there is no chunk where one should start (byte ${at})`;
    if (at + 12 + length > bytes.length) return 'is not a complete PNG image: it ends before its IEND chunk';
    const crc = bytes.readUInt32BE(at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== crc) return `is a damaged PNG image: its ${type} chunk (byte ${at}) fails its checksum`;
    if (type === 'IHDR' && (length < 8 || bytes.readUInt32BE(at + 8) === 0 || bytes.readUInt32BE(at + 12) === 0)) return 'is a damaged PNG image: its header gives it no width or height';
    if (type === 'IDAT') data = true;
    if (type === 'IEND') return data ? undefined : 'is a damaged PNG image: it holds no image data (no IDAT chunk)';
    at += 12 + length;
  }
  return 'is not a complete PNG image: it ends before its IEND chunk';
}

/**
 * A JPEG: its start-of-image marker first, and an end-of-image marker after its image data (the start-of-scan marker):
 * what follows it is the browser's to ignore (a trailing newline, padding, a phone's motion-photo trailer). An end
 * marker before the scan is an embedded thumbnail's, not the image's.
 */
function jpegProblem(bytes: Buffer): string | undefined {
  if (!(bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)) return `is not a JPEG image: it does not start as a JPEG file does${looksLike(bytes)}`;
  const scan = bytes.indexOf(Buffer.from([0xff, 0xda]), 2);
  return scan !== -1 && bytes.indexOf(Buffer.from([0xff, 0xd9]), scan + 2) !== -1 ? undefined : 'is not a complete JPEG image: it ends before its end-of-image marker';
}

/** An SVG's text, in the encoding its byte-order mark gives (UTF-16 either way), else UTF-8; NULs padding its end left off. */
function svgText(bytes: Buffer): string {
  const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le')
    : bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
    : bytes.toString('utf8').replace(/^\uFEFF/, '');
  return text.replace(/\0+$/, '');
}

/**
 * An SVG: well-formed XML (every tag closed, in order, attributes quoted, nothing after the root) whose root is <svg>.
 * The browser draws an SVG that is not well-formed not at all: a file cut short shows the broken-image icon.
 */
function svgProblem(bytes: Buffer): string | undefined {
  const text = svgText(bytes);
  const line = (offset: number) => `line ${text.slice(0, offset).split('\n').length}`;
  const cut = 'is not a complete SVG image: it ends';
  const open: Array<{ name: string; at: number }> = [];
  let root: string | undefined;
  let closed = false;
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const between = text.slice(at, lt === -1 ? text.length : lt);
    if (open.length === 0 && between.trim() !== '') {
      return root === undefined ? `is not an SVG image: it holds text before any tag${looksLike(bytes)}` : `is not a well-formed SVG image: it has text after its </${root}> (${line(at)})`;
    }
    if (lt === -1) break;
    // Markup that holds no element: a comment, CDATA, a processing instruction (<?xml ...?>), a DOCTYPE.
    const special = ([['<!--', '-->'], ['<![CDATA[', ']]>'], ['<?', '?>']] as const).find(([start]) => text.startsWith(start, lt));
    if (special) {
      const end = text.indexOf(special[1], lt + special[0].length);
      if (end === -1) return `${cut} inside ${special[0] === '<!--' ? 'a comment' : special[0] === '<?' ? 'a <? ... ?> instruction' : 'a CDATA section'} (${line(lt)})`;
      at = end + special[1].length;
      continue;
    }
    if (/^<!doctype/i.test(text.slice(lt, lt + 9))) {
      // Its internal subset in brackets, whose entity values may hold any of "]" and ">" in quotes.
      const end = /^<!doctype(?:[^>[]|\[(?:"[^"]*"|'[^']*'|<!--[\s\S]*?-->|[^\]"'])*\])*>/i.exec(text.slice(lt));
      if (!end) return `${cut} inside its <!DOCTYPE> (${line(lt)})`;
      at = lt + end[0].length;
      continue;
    }
    // A tag: its name, attributes (each name="value" or name='value'), and > or />.
    const tag = /^<(\/?)([\p{L}_][\p{L}\p{N}.:_-]*)((?:\s+[\p{L}_][\p{L}\p{N}.:_-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/u.exec(text.slice(lt));
    if (!tag) {
      const end = text.indexOf('>', lt);
      if (end === -1) return `${cut} inside a tag (${line(lt)})`; // a file cut short, in the middle of a tag
      return `is not a well-formed SVG image: a tag the browser cannot read (${line(lt)}: ${JSON.stringify(text.slice(lt, Math.min(end + 1, lt + 60)))})`;
    }
    const [, slash, name, , selfClosing] = tag;
    if (closed) return `is not a well-formed SVG image: it has a tag after its </${root}> (${line(lt)})`;
    if (slash) {
      const last = open.pop();
      if (last?.name !== name) return `is not a well-formed SVG image: </${name}> (${line(lt)}) closes ${last === undefined ? 'nothing' : `<${last.name}> of ${line(last.at)}`}`;
      if (open.length === 0) closed = true;
    } else {
      if (root === undefined) {
        root = name!;
        if (!/^(?:[\w.-]+:)?svg$/.test(root)) return `is not an SVG image: its first tag is <${root}>, not <svg>`;
      }
      if (selfClosing) {
        if (open.length === 0) closed = true;
      } else open.push({ name: name!, at: lt });
    }
    at = lt + tag[0].length;
  }
  if (root === undefined) return `is not an SVG image: it has no <svg> tag${looksLike(bytes)}`;
  if (open.length > 0) return `${cut} before <${open.at(-1)!.name}> of ${line(open.at(-1)!.at)} is closed`;
  return undefined;
}
