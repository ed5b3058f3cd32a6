// Command line of scripts/bench-scale.mjs: the measurements (steps) and the options.

export const STEPS = ['open', 'validate', 'report', 'export', 'pdf', 'load', 'render'];

export function usage(msg) {
  if (msg) process.stderr.write(`${msg}\n\n`);
  process.stderr.write(
    `Bruk: node scripts/bench-scale.mjs [--runs N] [--only ${STEPS.join(',')}] [--skip render,pdf] [--seed N] [--json FIL]\n`,
  );
  process.exit(2);
}

/** The options from argv (without node and the script); exits with the usage on a bad option. */
export function parseScaleArgs(argv) {
  const opt = { runs: 5, steps: new Set(STEPS), seed: 2026, json: null };
  const stepList = (v) => {
    const list = String(v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const s of list) if (!STEPS.includes(s)) usage(`Ukjent måling «${s}» (kjente: ${STEPS.join(', ')}).`);
    return list;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--runs') {
      opt.runs = Number(v);
      if (!Number.isInteger(opt.runs) || opt.runs < 1) usage('--runs må være et positivt heltall.');
      i++;
    } else if (a === '--only') {
      opt.steps = new Set(stepList(v));
      i++;
    } else if (a === '--skip') {
      for (const s of stepList(v)) opt.steps.delete(s);
      i++;
    } else if (a === '--seed') {
      opt.seed = Number(v);
      if (!Number.isInteger(opt.seed)) usage('--seed må være et heltall.');
      i++;
    } else if (a === '--json') {
      if (!v) usage('--json mangler filnavn.');
      opt.json = v;
      i++;
    } else if (a === '--help' || a === '-h') usage();
    else usage(`Ukjent valg «${a}».`);
  }
  return opt;
}
