/**
 * Git commits as messages name them: what git prints for a commit (40 hex digits, 64 in a SHA-256 repository), recorded
 * for a --since (ManifestEntry.sinceAt, the send journal), is named by its first 10 digits, as the console names commits.
 */

/** Whether `text` is a commit's full hash, as git rev-parse prints it (not a file's path, a branch or a tag). */
export function isCommitHash(text: string): boolean {
  return /^[0-9a-f]{40,64}$/.test(text);
}

/** A commit's full hash by its first 10 digits; anything else (a file's path, a revision as given) as it is. */
export function shortCommit(text: string): string {
  return isCommitHash(text) ? text.slice(0, 10) : text;
}
