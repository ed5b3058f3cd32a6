// Preloaded by `bench-solver.mjs --thread-clock` (node --require) into the main thread and,
// because worker threads inherit the parent's execArgv, into every solver thread: it makes
// `performance.now()` count the CPU time of the calling thread only (Linux
// /proc/thread-self/stat, utime + stime in clock ticks). A search budget of 60 s then means
// 60 s of CPU for each thread, whatever else the machine runs, so one thread against two can be
// compared on a shared 2-core machine as on an idle one (memory and cache contention aside).
// The /proc file is read at most once per wall-clock millisecond; in between the last reading
// is returned (the engine asks the clock every 1 024 moves).
const fs = require('node:fs');

const TICK_MS = 10; // getconf CLK_TCK = 100 on Linux
const wall = globalThis.performance.now.bind(globalThis.performance);
const cpuMs = () => {
  const s = fs.readFileSync('/proc/thread-self/stat', 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
};
const c0 = cpuMs();
let lastWall = -Infinity;
let last = 0;
globalThis.performance.now = () => {
  const w = wall();
  if (w - lastWall >= 1) {
    lastWall = w;
    last = Math.max(last, cpuMs() - c0);
  }
  return last;
};
