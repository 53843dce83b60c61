import { CpuRole } from './cpu-map-model';

// The colours of the CPU map picture. Kept apart from the renderer (and out of the public API): tests check their
// contrast, the browser test looks for them in the screenshot.

/** How one CPU role is drawn. */
export interface RolePalette {
  readonly fill: string;
  readonly stroke: string;
  readonly text: string;
  readonly label: string;
  readonly dashed?: boolean;
}

/**
 * Role colours. Fills are light so the dark CPU ids on them keep a contrast ratio above 7:1; strokes are the
 * saturated shade of the same hue so the roles stay distinguishable in greyscale prints too.
 */
export const ROLE_PALETTE: Record<CpuRole, RolePalette> = {
  [CpuRole.RESERVED]: { fill: '#ffd68a', stroke: '#b7791f', text: '#3d2b00', label: 'reserved' },
  [CpuRole.ISOLATED]: { fill: '#a8d1ff', stroke: '#2b6cb0', text: '#0b2540', label: 'isolated' },
  [CpuRole.OFFLINED]: { fill: '#d5d5d5', stroke: '#6b6b6b', text: '#1f1f1f', label: 'offlined' },
  [CpuRole.SMT_DISABLED]: { fill: '#f2f2f2', stroke: '#8a8a8a', text: '#3a3a3a', label: 'SMT off', dashed: true },
  [CpuRole.UNASSIGNED]: { fill: '#ffffff', stroke: '#c53030', text: '#1f1f1f', label: 'in no list', dashed: true },
};

/** Legend text per role. */
export const ROLE_LEGEND: Record<CpuRole, string> = {
  [CpuRole.RESERVED]: 'Reserved: OS, kubelet, IRQs',
  [CpuRole.ISOLATED]: 'Isolated: pinned VM CPUs only',
  [CpuRole.OFFLINED]: 'Offlined',
  [CpuRole.SMT_DISABLED]: 'SMT sibling off (nosmt)',
  [CpuRole.UNASSIGNED]: 'In no CPU list',
};

/** VM band colours: dark enough for white 11px text (contrast above 5:1), distinct from the role colours. */
export const VM_COLOURS = ['#1f7a3a', '#6b3fa0', '#a33a2c', '#0e6e78', '#7f5500', '#2f4f9e', '#9c2a6b', '#4d6600'];

/** The colour of VM `n` (numbered from 1). */
export function vmColour(vm: number): string {
  return VM_COLOURS[(vm - 1) % VM_COLOURS.length];
}
