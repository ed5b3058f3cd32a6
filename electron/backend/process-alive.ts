/**
 * Whether a process of that id runs (another user's counts), for the sweeps of scratch files
 * named after their writer's process id (backup temp copies, restore scratch files, PDF scratch
 * folders, `turnus export` temp files): a running writer's files are left alone. This process's
 * own id counts as not running: at start nothing of it is in progress yet. Node only.
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
