/**
 * Whether a process still runs, for the sweeps of scratch files named after their process
 * (backup temp copies, restore scratch files, PDF scratch folders). Node only.
 */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // this process has just started: nothing of it runs
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
