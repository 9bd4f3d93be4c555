import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pid in a server data folder's postmaster.pid, while a server runs there. */
export function postmasterPid(serverDir: string): number {
  return Number(readFileSync(join(serverDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Whether a process with this pid exists (signal 0 checks without signalling). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
