import { useEffect } from 'react';
import { useUnits } from '../../stores/units';
import { hrefOf, type UnitTab } from '../../lib/router';
import { FormError } from '../../components/Field';
import { UnitCapacityPanel } from '../../components/CapacityPanel';
import { PlansTab } from './PlansTab';
import { StaffTab } from './StaffTab';
import { ShiftTypesTab } from './ShiftTypesTab';
import { DemandTab } from './DemandTab';
import { SettingsTab } from './SettingsTab';
import { ScenariosTab } from '../scenarios/ScenariosTab';

const TABS: { tab: UnitTab; label: string }[] = [
  { tab: 'planer', label: 'Turnusplaner' },
  { tab: 'ansatte', label: 'Ansatte' },
  { tab: 'vakter', label: 'Vakttyper' },
  { tab: 'bemanningsplan', label: 'Bemanningsplan' },
  { tab: 'innstillinger', label: 'Avtaler og regler' },
  { tab: 'scenarioer', label: 'Scenarioer' },
];

export function UnitView({ unitId, tab }: { unitId: number; tab: UnitTab }) {
  const unit = useUnits((s) => (s.unit?.id === unitId ? s.unit : null));
  const loadError = useUnits((s) => s.loadError);
  const loadUnit = useUnits((s) => s.loadUnit);

  useEffect(() => {
    void loadUnit(unitId);
  }, [unitId, loadUnit]);

  if (!unit) {
    return (
      <div className="page">
        <FormError message={loadError} />
        {!loadError && <p className="muted">Henter avdelingen …</p>}
      </div>
    );
  }
  return (
    <div className="page">
      <nav className="crumbs" aria-label="Brødsmuler">
        <a href="#/">Avdelinger</a> › <span>{unit.name}</span>
      </nav>
      <h1>{unit.name}</h1>
      <nav className="tabs" aria-label="Avdelingens sider">
        {TABS.map((t) => (
          <a
            key={t.tab}
            href={hrefOf({ name: 'unit', unitId, tab: t.tab })}
            className={t.tab === tab ? 'tab active' : 'tab'}
            aria-current={t.tab === tab ? 'page' : undefined}
          >
            {t.label}
          </a>
        ))}
      </nav>
      {(tab === 'ansatte' || tab === 'bemanningsplan') && <UnitCapacityPanel unit={unit} />}
      {tab === 'planer' && <PlansTab unit={unit} />}
      {tab === 'ansatte' && <StaffTab unit={unit} />}
      {tab === 'vakter' && <ShiftTypesTab unit={unit} />}
      {tab === 'bemanningsplan' && <DemandTab unit={unit} />}
      {tab === 'innstillinger' && <SettingsTab unit={unit} />}
      {tab === 'scenarioer' && <ScenariosTab unit={unit} />}
    </div>
  );
}
