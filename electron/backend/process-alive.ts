/**
 * Whether a process of that id runs (another user's counts): the housekeeping of temporary
 * files named after their writer's process id (backups.ts, cli export) leaves a running
 * writer's files alone. This process's own id counts as not running: at start nothing of it
 * is in progress yet.
 */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
