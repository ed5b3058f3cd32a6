/**
 * «Fyll ut» preview, the Askermodellen part (issue 14): whether the proposal keeps the model the
 * plan rests on. Names each langvakt it would remove and each shift it would put on a weekend of
 * another weekend group (an allowed exception), from the solver's own figures.
 */
import { formatDateNo } from '../../../../../shared/calendar';
import type { GeneratePreview } from '../../../../../shared/api/solver';
import { plural } from './options';

type Ref = { employee: string; date: string; code: string };

function RefList({ label, refs, nameOf }: { label: string; refs: readonly Ref[]; nameOf: ReadonlyMap<string, string> }) {
  return (
    <ul className="gen-list" aria-label={label}>
      {refs.map((r) => (
        <li key={`${r.employee}|${r.date}`}>
          <b>{nameOf.get(r.employee) ?? r.employee}</b>: {r.code} {formatDateNo(r.date)}
        </li>
      ))}
    </ul>
  );
}

export function ModelKept({
  stats,
  nameOf,
  weekendGroups,
}: {
  stats: GeneratePreview['stats'];
  nameOf: ReadonlyMap<string, string>;
  /** True when the plan has weekend groups (the rhythm line is shown only then). */
  weekendGroups: boolean;
}) {
  const removed = stats.removedLongShifts ?? [];
  const offGroup = stats.offGroupWeekendShifts ?? [];
  if (!weekendGroups && removed.length === 0 && offGroup.length === 0) return null;
  return (
    <section aria-labelledby="gen-model">
      <h3 id="gen-model">Helgerytme og langvakter</h3>
      {removed.length === 0 ? (
        <p className="ok" data-testid="gen-long-kept">
          ✓ Alle langvakter som står i planen, blir stående.
        </p>
      ) : (
        <>
          <p className="bad" data-testid="gen-long-removed">
            Forslaget fjerner {plural(removed.length, 'langvakt', 'langvakter')}:
          </p>
          <RefList label="Langvakter som fjernes" refs={removed} nameOf={nameOf} />
        </>
      )}
      {weekendGroups &&
        (offGroup.length === 0 ? (
          <p className="ok" data-testid="gen-rhythm-kept">
            ✓ Ingen vakter på en annen helgegruppes helg.
          </p>
        ) : (
          <>
            <p className="gen-warn" data-testid="gen-off-group">
              {plural(offGroup.length, 'vakt', 'vakter')} på en annen helgegruppes helg (tillatt unntak):
            </p>
            <RefList label="Vakter utenfor egen helgegruppe" refs={offGroup} nameOf={nameOf} />
          </>
        ))}
    </section>
  );
}
