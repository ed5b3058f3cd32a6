/** Hash routing: the app is one window loaded from a file, so there are no server routes. */
import { useSyncExternalStore } from 'react';
import { confirmLeave } from './unsaved';

export type Route =
  | { name: 'units' }
  | { name: 'unit'; unitId: number; tab: UnitTab }
  | { name: 'plan'; planId: number }
  | { name: 'review'; planId: number; tab: ReviewTab }
  | { name: 'metrics'; planId: number; tab: MetricsTab }
  | { name: 'scenario'; scenarioId: number }
  | { name: 'compare'; unitId: number; ids: number[]; psu: boolean }
  | { name: 'notFound'; hash: string };

export type UnitTab = 'planer' | 'ansatte' | 'vakter' | 'bemanningsplan' | 'innstillinger' | 'scenarioer';
const TABS: UnitTab[] = ['planer', 'ansatte', 'vakter', 'bemanningsplan', 'innstillinger', 'scenarioer'];
export type MetricsTab = 'stillinger' | 'dekning' | 'helg' | 'helgekalkulator' | 'okonomi' | 'mal';
export const METRICS_TABS: MetricsTab[] = ['stillinger', 'dekning', 'helg', 'helgekalkulator', 'okonomi', 'mal'];

export type ReviewTab = 'status' | 'versjoner' | 'kommentarer' | 'eksport';
export const REVIEW_TABS: ReviewTab[] = ['status', 'versjoner', 'kommentarer', 'eksport'];

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'units' };
  if (parts[0] === 'avdeling' && /^\d+$/.test(parts[1] ?? '')) {
    const tab = (parts[2] ?? 'planer') as UnitTab;
    if (TABS.includes(tab)) return { name: 'unit', unitId: Number(parts[1]), tab };
  }
  if (parts[0] === 'plan' && /^\d+$/.test(parts[1] ?? '') && parts[2] === 'drofting' && parts.length <= 4) {
    const tab = (parts[3] ?? 'status') as ReviewTab;
    if (REVIEW_TABS.includes(tab)) return { name: 'review', planId: Number(parts[1]), tab };
  }
  if (parts[0] === 'plan' && /^\d+$/.test(parts[1] ?? '') && parts[2] === 'nokkeltall') {
    const tab = (parts[3] ?? 'stillinger') as MetricsTab;
    if (METRICS_TABS.includes(tab)) return { name: 'metrics', planId: Number(parts[1]), tab };
  }
  if (parts[0] === 'plan' && /^\d+$/.test(parts[1] ?? '') && parts.length === 2) return { name: 'plan', planId: Number(parts[1]) };
  if (parts[0] === 'scenario' && /^\d+$/.test(parts[1] ?? '')) return { name: 'scenario', scenarioId: Number(parts[1]) };
  if (parts[0] === 'avdeling' && /^\d+$/.test(parts[1] ?? '') && parts[2] === 'sammenlign' && /^\d+(,\d+)*$/.test(parts[3] ?? '')) {
    return { name: 'compare', unitId: Number(parts[1]), ids: parts[3].split(',').map(Number), psu: parts[4] === 'psu' };
  }
  return { name: 'notFound', hash };
}

export function hrefOf(r: Route): string {
  switch (r.name) {
    case 'units':
      return '#/';
    case 'unit':
      return `#/avdeling/${r.unitId}${r.tab === 'planer' ? '' : '/' + r.tab}`;
    case 'plan':
      return `#/plan/${r.planId}`;
    case 'review':
      return `#/plan/${r.planId}/drofting${r.tab === 'status' ? '' : '/' + r.tab}`;
    case 'metrics':
      return `#/plan/${r.planId}/nokkeltall${r.tab === 'stillinger' ? '' : '/' + r.tab}`;
    case 'scenario':
      return `#/scenario/${r.scenarioId}`;
    case 'compare':
      return `#/avdeling/${r.unitId}/sammenlign/${r.ids.join(',')}${r.psu ? '/psu' : ''}`;
    default:
      return '#/';
  }
}

export function navigate(r: Route): void {
  window.location.hash = hrefOf(r);
}

// Leaving a form with unsaved changes asks first; a «no» puts the address back before any
// screen follows it (this listener is registered before the screens' own).
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', (e) => {
    if (!confirmLeave()) {
      history.replaceState(history.state, '', e.oldURL);
      e.stopImmediatePropagation();
    }
  });
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function useRoute(): Route {
  return parseHash(useHash());
}
