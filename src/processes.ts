/** Processes the tool started and may find gone: shared by print/ (browser profiles), deliver/ (output folder locks) and the queue worker (scratch folders). */

/** Whether a process of this pid exists on this host (one of another user's counts too). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
