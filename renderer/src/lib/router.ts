/** Hash routing: the app is one window loaded from a file, so there are no server routes. */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'units' }
  | { name: 'unit'; unitId: number; tab: UnitTab }
  | { name: 'plan'; planId: number }
  | { name: 'notFound'; hash: string };

export type UnitTab = 'planer' | 'ansatte' | 'vakter' | 'bemanningsplan' | 'innstillinger';
const TABS: UnitTab[] = ['planer', 'ansatte', 'vakter', 'bemanningsplan', 'innstillinger'];

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'units' };
  if (parts[0] === 'avdeling' && /^\d+$/.test(parts[1] ?? '')) {
    const tab = (parts[2] ?? 'planer') as UnitTab;
    if (TABS.includes(tab)) return { name: 'unit', unitId: Number(parts[1]), tab };
  }
  if (parts[0] === 'plan' && /^\d+$/.test(parts[1] ?? '')) return { name: 'plan', planId: Number(parts[1]) };
  return { name: 'notFound', hash };
}

export function hrefOf(r: Route): string {
  switch (r.name) {
    case 'units': return '#/';
    case 'unit': return `#/avdeling/${r.unitId}${r.tab === 'planer' ? '' : '/' + r.tab}`;
    case 'plan': return `#/plan/${r.planId}`;
    default: return '#/';
  }
}

export function navigate(r: Route): void {
  window.location.hash = hrefOf(r);
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
