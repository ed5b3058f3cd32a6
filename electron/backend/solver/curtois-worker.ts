/**
 * Worker-thread entry of one thread of the parallel Curtois search (curtois-parallel.ts): solves
 * with its seed and settings, trading its best roster with the board (thread 0 only offers), and
 * posts the result.
 * Never imports electron.
 */
import { type CurtoisSolveResult, solveCurtois } from '../../../shared/solver/curtois/solve';
import { boardExchange } from './board';
import type { CurtoisThreadInput } from './curtois-parallel';
import { serveOnce } from './one-shot';

serveOnce<CurtoisThreadInput, CurtoisSolveResult>((input) =>
  solveCurtois(input.instance, {
    seconds: input.seconds,
    maxMoves: input.maxMoves,
    seed: input.seed,
    exchange: boardExchange(input.board, input.exchangeMs, input.adopt),
  }),
);
