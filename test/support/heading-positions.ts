/** Where each bookmarked heading sits on its page, from the outline's /XYZ destinations (pdfjs). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface HeadingPosition {
  title: string;
  /** 1-based page. */
  page: number;
  /** Distance of the heading's top from the bottom of the page, in points. */
  top: number;
}

/** Every outline entry with an /XYZ destination, depth first. */
export async function headingPositions(bytes: Uint8Array): Promise<HeadingPosition[]> {
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  try {
    const out: HeadingPosition[] = [];
    const walk = async (items: Array<{ title: string; dest: unknown; items: unknown[] }> | null): Promise<void> => {
      for (const item of items ?? []) {
        const dest = (typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest) as unknown[] | null;
        if (dest && typeof dest[3] === 'number') {
          out.push({ title: item.title, page: (await doc.getPageIndex(dest[0] as never)) + 1, top: dest[3] });
        }
        await walk(item.items as never);
      }
    };
    await walk(await doc.getOutline());
    return out;
  } finally {
    await doc.destroy();
  }
}

/** Bottom margin (18 mm) plus room for two lines of text: a heading above this has content below it on its page. */
export const LOWEST_HEADING_TOP = 51 + 40;
