/** Where two files first differ, for the message of a failed byte-identity check. */

/** "identical", or the first differing offset with the text around it in both (PDFs are mostly ASCII). */
export function firstDifference(a: Uint8Array, b: Uint8Array): string {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  if (i === n && a.length === b.length) return 'identical';
  const around = (bytes: Uint8Array) => JSON.stringify(Buffer.from(bytes.subarray(Math.max(0, i - 60), i + 60)).toString('latin1'));
  return `sizes ${a.length} and ${b.length}; first difference at byte ${i}:\n  ${around(a)}\n  ${around(b)}`;
}
