/** A row of jumps to the parts of the (long) scenario page. */
import type { MouseEvent, RefObject } from 'react';
import { hrefOf } from '../../lib/router';

/** The page is long: a row of jumps to its parts (in page order), each part wrapped with a ref. */
const PARTS = [
  'Regnskap',
  'Mot utgangspunktet',
  'Nøkkeltall',
  'Ansatte og vaktlengder',
  'Finn ekstravakter og Øk og planlegg',
  'Gjør til gjeldende plan',
] as const;

export function Contents({ scenarioId, parts }: { scenarioId: number; parts: RefObject<(HTMLDivElement | null)[]> }) {
  const jump = (e: MouseEvent, i: number) => {
    e.preventDefault();
    parts.current[i]?.scrollIntoView({ block: 'start' });
  };
  return (
    <nav aria-label="Deler av scenariosiden" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.25rem 1rem', margin: '0.5rem 0' }}>
      {PARTS.map((text, i) => (
        <a key={text} href={hrefOf({ name: 'scenario', scenarioId })} onClick={(e) => jump(e, i)}>
          {text}
        </a>
      ))}
    </nav>
  );
}
