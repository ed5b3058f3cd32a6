#!/usr/bin/env node
// Benchmark of the plan generator on the Curtois & Qu instances (issue 6).
//
//   node scripts/bench-solver.mjs [--seconds 10,60] [--seeds 5 | --seed-list 1,2,3]
//                                 [--instances 1-7,10 | --instances none] [--md FILE] [--json FILE]
//                                 [--long 600:13-24] [--threads 1,2] [--cpu-clock | --thread-clock]
//                                 [--units 30x26,60x52] [--unit-seconds 20]
//                                 [--askermodellen 15x13,30x26,45x52] [--asker-seconds 20] [--asker-moves N]
//                                 [--asker-meeting]
//   node scripts/bench-solver.mjs --merge a.json b.json … [--md FILE] [--json FILE]
//
// --long SECS:INSTANCES adds runs of those instances with that budget (the 600 s column of the
// full protocol: `--long 600:13-24`). --threads 1,2 runs every instance run once per thread
// count (the portfolio of electron/backend/solver/curtois-parallel.ts; 1 = the default, one
// solver thread in this process); the table has one row per budget, instance and threads.
// --cpu-clock makes the budgets count this process's CPU time instead of the wall clock (the
// solver's clock is performance.now): on a shared, loaded machine a 60 s run then gets the
// moves it would get on an idle core, so versions compare load-independently even where a move's
// cost differs between them (one thread only).
// --thread-clock makes every solver thread's budget count that thread's own CPU time (Linux
// /proc/thread-self, scripts/bench/thread-clock.cjs, preloaded into the workers too): one thread
// against two on a loaded 2-core machine then compares as on an idle one.
// --units adds the product-mode benchmark: seeded Norwegian units (employees x weeks) filled by
// generatePlan with --unit-seconds of search, verified with the rule engine (checkPlan).
// --askermodellen adds the issue-14 benchmark (scripts/bench/askermodellen-units.mjs): units with
// weekend groups and langvakter laid before, filled as `turnus fill --seconds N` does, measured
// against a lower bound on the open hours (capacity per competence, per-day matching) and a
// tighter one from each weekend's structure (scripts/bench/weekend-bound.mjs). --asker-moves ends
// each search after N moves as well (a load-independent comparison of two versions).
// --asker-meeting adds a timed MØTE 13:00–15:00 for all employees mid-period to every unit.
//
// Defaults run everything the goal asks for (24 instances × {10, 60} s × 5 seeds ≈ 2.3 h of CPU):
// on a shared machine use small slices, e.g. `--seconds 10 --seeds 1 --instances 1-7`.
// --merge combines the --json files of such slices (e.g. one per seed) into one table without
// solving anything. Runs are sequential, one solver thread. Objective and hard violations come from the
// independent evaluator (shared/curtois/evaluate.ts). Output: a markdown table on stdout.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bench/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dataDir = process.env.CURTOIS_DIR ?? path.join(root, '..', 'shared', 'benchmarks', 'curtois');

function usage(msg) {
  if (msg) process.stderr.write(`${msg}\n\n`);
  process.stderr.write(
    'Bruk: node scripts/bench-solver.mjs [--seconds 10,60] [--seeds N | --seed-list 1,2] [--instances 1-7,10] [--md FIL] [--json FIL]\n',
  );
  process.exit(2);
}

function parseList(s, what) {
  const out = [];
  for (const part of s.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) usage(`Ugyldig ${what}: «${part}».`);
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let i = a; i <= b; i++) out.push(i);
  }
  return out;
}

const args = process.argv.slice(2);
const opt = {
  seconds: [10, 60],
  seeds: [1, 2, 3, 4, 5],
  instances: parseList('1-24', 'instans'),
  md: null,
  json: null,
  units: [],
  unitSeconds: 20,
  asker: [],
  askerSeconds: 20,
  long: null,
  threads: [1],
};
const unitList = (v) =>
  v.split(',').map((u) => {
    const m = /^(\d+)x(\d+)$/.exec(u.trim());
    if (!m) usage(`Ugyldig enhet «${u}» (ansatte x uker, f.eks. 30x26).`);
    return { employees: Number(m[1]), weeks: Number(m[2]) };
  });
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const v = args[i + 1];
  if (a === '--seconds') {
    opt.seconds = v.split(',').map(Number);
    if (opt.seconds.some((x) => !(x > 0))) usage('--seconds må være positive tall.');
    i++;
  } else if (a === '--seeds') {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) usage('--seeds må være et positivt heltall.');
    opt.seeds = Array.from({ length: n }, (_, k) => k + 1);
    i++;
  } else if (a === '--seed-list') {
    opt.seeds = parseList(v, 'frø');
    i++;
  } else if (a === '--instances') {
    opt.instances = v === 'none' ? [] : parseList(v, 'instans');
    i++;
  } else if (a === '--long') {
    const m = /^(\d+):(.+)$/.exec(v ?? '');
    if (!m) usage('--long må være SEKUNDER:INSTANSER, f.eks. 600:13-24.');
    opt.long = { seconds: Number(m[1]), instances: parseList(m[2], 'instans') };
    i++;
  } else if (a === '--threads') {
    opt.threads = parseList(v ?? '', 'trådantall');
    if (opt.threads.some((t) => t < 1)) usage('--threads må være positive heltall.');
    i++;
  } else if (a === '--units') {
    opt.units = v.split(',').map((u) => {
      const m = /^(\d+)x(\d+)$/.exec(u.trim());
      if (!m) usage(`Ugyldig enhet «${u}» (ansatte x uker, f.eks. 30x26).`);
      return { employees: Number(m[1]), weeks: Number(m[2]) };
    });
    i++;
  } else if (a === '--askermodellen') {
    opt.asker = unitList(v);
    i++;
  } else if (a === '--asker-moves') {
    opt.askerMoves = Number(v);
    if (!(opt.askerMoves > 0)) usage('--asker-moves må være et positivt heltall.');
    i++;
  } else if (a === '--asker-meeting') {
    opt.askerMeeting = true;
  } else if (a === '--asker-seconds') {
    opt.askerSeconds = Number(v);
    if (!(opt.askerSeconds > 0)) usage('--asker-seconds må være et positivt tall.');
    i++;
  } else if (a === '--unit-seconds') {
    opt.unitSeconds = Number(v);
    if (!(opt.unitSeconds > 0)) usage('--unit-seconds må være et positivt tall.');
    i++;
  } else if (a === '--cpu-clock') {
    opt.cpuClock = true;
  } else if (a === '--thread-clock') {
    opt.threadClock = true;
  } else if (a === '--md') {
    opt.md = v;
    i++;
  } else if (a === '--json') {
    opt.json = v;
    i++;
  } else if (a === '--merge') {
    opt.merge = [];
    while (args[i + 1] && !args[i + 1].startsWith('--')) opt.merge.push(args[++i]);
    if (!opt.merge.length) usage('--merge trenger minst én JSON-fil.');
  } else usage(`Ukjent valg «${a}».`);
}

const best = Object.fromEntries(
  fs
    .readFileSync(path.join(dataDir, 'best_known.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .map((f) => [f[0], { lb: Number(f[4]), bks: Number(f[5]) }]),
);

const runs = [];
const unitRuns = [];
const askerRuns = [];
let build = null;
if (opt.merge) {
  // Slices of one protocol: take their runs and derive the table's rows from them.
  for (const f of opt.merge) {
    const j = JSON.parse(fs.readFileSync(f, 'utf8'));
    runs.push(...j.runs);
    unitRuns.push(...(j.unitRuns ?? []));
    askerRuns.push(...(j.askerRuns ?? []));
    if (j.options?.askerSeconds) opt.askerSeconds = j.options.askerSeconds;
    if (j.options?.unitSeconds) opt.unitSeconds = j.options.unitSeconds;
  }
  const uniq = (xs) => [...new Set(xs)].sort((a, b) => a - b);
  opt.seconds = uniq(runs.map((r) => r.seconds));
  opt.seeds = uniq([...runs.map((r) => r.seed), ...unitRuns.map((r) => r.seed)]);
  opt.instances = uniq(runs.map((r) => Number(r.instance.replace('Instance', ''))));
  for (const r of runs) r.threads ??= 1;
  opt.threads = uniq(runs.map((r) => r.threads));
  opt.long = null;
} else {
  if (opt.cpuClock && opt.threadClock) usage('Velg --cpu-clock eller --thread-clock, ikke begge.');
  // Compile the solver sources (shared/curtois, shared/solver) to .tmp/bench-solver-build.
  if (process.env.TURNUS_THREAD_CLOCK !== '1')
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(here, 'bench-solver.tsconfig.json')],
      { stdio: 'inherit' },
    );
  if (opt.threadClock && process.env.TURNUS_THREAD_CLOCK !== '1') {
    // Run again with every thread's clock patched (scripts/bench/thread-clock.cjs).
    const r = spawnSync(process.execPath, ['--require', path.join(here, 'bench', 'thread-clock.cjs'), ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, TURNUS_THREAD_CLOCK: '1' },
    });
    process.exit(r.status ?? 1);
  }
  build = path.join(root, '.tmp', 'bench-solver-build', 'shared');
  if (opt.cpuClock) {
    if (opt.threads.some((t) => t > 1)) usage('--cpu-clock gjelder bare én tråd (--threads 1); bruk --thread-clock for flere.');
    const c0 = process.cpuUsage();
    globalThis.performance.now = () => {
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000;
    };
  }
  const { parseCurtois } = await import(path.join(build, 'solver', 'curtois', 'parse.js'));
  const { evaluateCurtois } = await import(path.join(build, 'solver', 'curtois', 'evaluate.js'));
  const { solveCurtois } = await import(path.join(build, 'solver', 'curtois', 'model.js'));

  const { solveCurtoisParallel } = await import(
    path.join(root, '.tmp', 'bench-solver-build', 'electron', 'backend', 'solver', 'curtois-parallel.js')
  );
  // (budget, instances) pairs: every budget of --seconds on --instances, then the --long column.
  const plan = opt.seconds.map((secs) => ({ secs, instances: opt.instances }));
  if (opt.long) plan.push({ secs: opt.long.seconds, instances: opt.long.instances });
  const totalCpu = plan.reduce((t, p) => t + p.instances.length * opt.seeds.length * p.secs, 0) * opt.threads.length;
  process.stderr.write(
    `Kjører ${plan.map((p) => `${p.instances.length} instanser × ${p.secs} s`).join(' + ')} × ${opt.seeds.length} frø × tråder [${opt.threads.join(', ')}] ≈ ${(totalCpu / 60).toFixed(1)} min veggtid\n`,
  );
  for (const { secs, instances } of plan) {
    for (const n of instances) {
      const name = `Instance${n}`;
      const inst = parseCurtois(fs.readFileSync(path.join(dataDir, `${name}.txt`), 'utf8'));
      for (const threads of opt.threads) {
        for (const seed of opt.seeds) {
          const load = os.loadavg()[0];
          const res =
            threads === 1
              ? solveCurtois(inst, { seconds: secs, seed })
              : await solveCurtoisParallel(inst, { seconds: secs, seed, threads });
          const ev = evaluateCurtois(inst, res.roster);
          const r = {
            instance: name,
            seconds: secs,
            threads,
            seed,
            objective: ev.objective,
            hardViolations: ev.hardViolations,
            firstFeasibleSeconds: res.firstFeasibleMs === null ? null : res.firstFeasibleMs / 1000,
            moves: res.moves,
            movesPerSecond: res.moves / (res.elapsedMs / 1000),
            bestKnown: best[name]?.bks ?? null,
            loadBefore: load,
            loadAfter: os.loadavg()[0],
          };
          runs.push(r);
          process.stderr.write(
            `${name} ${secs}s ${threads} thr seed ${seed}: objective ${r.objective}, hard ${r.hardViolations}, first feasible ${r.firstFeasibleSeconds?.toFixed(2) ?? '–'} s, ${Math.round(r.movesPerSecond)} moves/s, load ${load.toFixed(1)}\n`,
          );
        }
      }
    }
  }

  // Product mode: seeded Norwegian units.
  if (opt.units.length) {
    const { generateUnit } = await import(path.join(build, 'solver', 'norwegian', 'generate.js'));
    const { generatePlan } = await import(path.join(build, 'solver', 'norwegian', 'solve.js'));
    const { checkPlan, isHardViolation } = await import(path.join(build, 'rules', 'engine.js'));
    for (const u of opt.units) {
      for (const seed of opt.seeds) {
        const plan = generateUnit({ employees: u.employees, weeks: u.weeks, seed });
        const t0 = performance.now();
        const res = generatePlan(plan, { seconds: opt.unitSeconds, seed });
        const totalMs = performance.now() - t0;
        const all = checkPlan(res.plan);
        const r = {
          unit: `${u.employees}x${u.weeks}`,
          seed,
          totalSeconds: totalMs / 1000,
          searchSeconds: res.stats.elapsedMs / 1000,
          errors: all.filter((v) => v.severity === 'error').length,
          warnings: all.filter((v) => v.severity === 'warning').length,
          hard: all.filter(isHardViolation).length,
          uncoveredShifts: res.stats.uncoveredShifts,
          hoursDeviation: res.stats.hoursDeviation,
          removedByCheck: res.stats.removedByCheck,
          hoursDeviationMax: res.stats.hoursDeviationMax,
          hoursDeviationMean: res.stats.hoursDeviationMean,
          hoursOverMax: res.stats.hoursOverMax,
          moves: res.stats.moves,
          shifts: res.plan.assignments.filter((a) => plan.shiftTypes.some((s) => s.code === a.code)).length,
        };
        unitRuns.push(r);
        process.stderr.write(
          `unit ${r.unit} seed ${seed}: ${r.totalSeconds.toFixed(1)} s, errors ${r.errors}, hard ${r.hard}, warnings ${r.warnings}, uncovered ${r.uncoveredShifts}, shifts ${r.shifts}\n`,
        );
      }
    }
  }

  if (opt.asker.length) {
    const { runAskermodellen } = await import(path.join(here, 'bench', 'askermodellen-units.mjs'));
    askerRuns.push(
      ...(await runAskermodellen({
        build,
        units: opt.asker,
        seconds: opt.askerSeconds,
        moves: opt.askerMoves,
        meeting: opt.askerMeeting === true,
        seeds: opt.seeds,
        log: (t) => process.stderr.write(t),
      })),
    );
  }
}

const fmt = (x, d = 1) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(d));
const lines = [];
lines.push(
  `Machine: ${os.cpus()[0]?.model ?? '?'}, nproc ${os.availableParallelism?.() ?? os.cpus().length}, node ${process.version}, ${new Date().toISOString()}`,
);
lines.push(`Command: node scripts/bench-solver.mjs ${args.join(' ')}`.trim());
lines.push('');
if (opt.instances.length) {
  lines.push(
    '| instance | s | threads | seeds | feasible | best obj | median obj | worst obj | best known | gap median % | gap best % | first feasible s (median / max) | moves/s (median) |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
}
const gapsBySecs = new Map();
const budgets = [...new Set(runs.map((r) => r.seconds))].sort((a, b) => a - b);
for (const secs of budgets) {
  for (const n of [...new Set(runs.filter((r) => r.seconds === secs).map((r) => Number(r.instance.replace('Instance', ''))))].sort(
    (a, b) => a - b,
  )) {
    for (const threads of opt.threads) {
      const name = `Instance${n}`;
      const rs = runs.filter((r) => r.instance === name && r.seconds === secs && (r.threads ?? 1) === threads);
      if (!rs.length) continue;
      const feas = rs.filter((r) => r.hardViolations === 0);
      const objs = feas.map((r) => r.objective);
      const bks = best[name]?.bks;
      const med = median(objs);
      const bestObj = objs.length ? Math.min(...objs) : NaN;
      const gap = (o) => (bks ? (100 * (o - bks)) / bks : NaN);
      if (n <= 7 && objs.length && threads === 1) gapsBySecs.set(secs, [...(gapsBySecs.get(secs) ?? []), gap(med)]);
      const ff = rs.map((r) => r.firstFeasibleSeconds).filter((x) => x !== null);
      const worstObj = objs.length ? Math.max(...objs) : NaN;
      const ffMax = ff.length === rs.length && ff.length ? Math.max(...ff) : null; // null: some run never feasible
      lines.push(
        `| ${n} | ${secs} | ${threads} | ${rs.length} | ${feas.length}/${rs.length} | ${objs.length ? bestObj : '–'} | ${objs.length ? med : '–'} | ${objs.length ? worstObj : '–'} | ${bks ?? '–'} | ${fmt(gap(med))} | ${fmt(gap(bestObj))} | ${ff.length ? fmt(median(ff), 2) : '–'} / ${ffMax === null ? '–' : fmt(ffMax, 2)} | ${Math.round(median(rs.map((r) => r.movesPerSecond)))} |`,
      );
    }
  }
}
lines.push('');
for (const secs of budgets) {
  const rs = runs.filter((r) => r.seconds === secs && (r.threads ?? 1) === 1);
  if (!rs.length) continue;
  const names = [...new Set(rs.map((r) => r.instance))];
  const always = names.filter((n) => rs.filter((r) => r.instance === n).every((r) => r.hardViolations === 0));
  lines.push(
    `At ${secs} s: ${rs.filter((r) => r.hardViolations === 0).length} of ${rs.length} runs without hard violations; ${always.length} of ${names.length} instances feasible in every run.`,
  );
}
for (const [secs, gaps] of gapsBySecs)
  lines.push(
    `Median over instances 1–7 of the per-instance median gap at ${secs} s: ${fmt(median(gaps), 2)} % (${gaps.length} instances).`,
  );
if (unitRuns.length) {
  lines.push('');
  lines.push(`Product mode (generatePlan, fill, ${opt.unitSeconds} s search; errors/warnings from checkPlan):`);
  lines.push('');
  lines.push(
    '| unit (employees×weeks) | seed | total s | search s | hard violations | error violations | warnings | shifts planned | uncovered shifts | Σ abs(hours − target) | max abs(hours − target) | mean abs(hours − target) | max hours above target | removed by check | moves |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of unitRuns)
    lines.push(
      `| ${r.unit} | ${r.seed} | ${r.totalSeconds.toFixed(1)} | ${r.searchSeconds.toFixed(1)} | ${r.hard} | ${r.errors} | ${r.warnings} | ${r.shifts} | ${r.uncoveredShifts} | ${r.hoursDeviation.toFixed(1)} | ${r.hoursDeviationMax.toFixed(2)} | ${r.hoursDeviationMean.toFixed(2)} | ${r.hoursOverMax.toFixed(2)} | ${r.removedByCheck} | ${r.moves} |`,
    );
}
if (askerRuns.length) {
  const { askermodellenTable } = await import(path.join(here, 'bench', 'askermodellen-units.mjs'));
  lines.push('');
  lines.push(...askermodellenTable(askerRuns, opt.askerSeconds));
}
const md = lines.join('\n');
process.stdout.write(md + '\n');
if (opt.md) fs.writeFileSync(opt.md, md + '\n');
if (opt.json) fs.writeFileSync(opt.json, JSON.stringify({ options: opt, runs, unitRuns, askerRuns }, null, 2) + '\n');
