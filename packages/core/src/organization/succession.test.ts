import { describe, expect, it } from 'vitest';
import { dayBefore } from './agency';
import {
  expandWithDescendants,
  expandWithPredecessors,
  resolveSuccessors,
  visibleAgencies,
  type AgencyDates,
  type SuccessionLink,
} from './succession';

const agency = (id: string, effectiveFrom: string, effectiveTo: string | null = null): AgencyDates => ({
  id,
  effectiveFrom,
  effectiveTo,
});

// Six wards merged into Phú Xuân on 2025-07-01; Phú Xuân later split in two (hypothetical) on 2030-01-01.
const agencies = new Map(
  [
    agency('tay-loc', '2025-01-01', '2025-06-30'),
    agency('dong-ba', '2025-01-01', '2025-06-30'),
    agency('phu-xuan', '2025-07-01', '2029-12-31'),
    agency('north', '2030-01-01'),
    agency('south', '2030-01-01'),
    agency('dissolved', '2020-01-01', '2024-12-31'),
  ].map((a) => [a.id, a]),
);
const links: SuccessionLink[] = [
  { predecessorId: 'tay-loc', successorId: 'phu-xuan', effectiveOn: '2025-07-01' },
  { predecessorId: 'dong-ba', successorId: 'phu-xuan', effectiveOn: '2025-07-01' },
  { predecessorId: 'phu-xuan', successorId: 'north', effectiveOn: '2030-01-01' },
  { predecessorId: 'phu-xuan', successorId: 'south', effectiveOn: '2030-01-01' },
];

describe('succession of agencies', () => {
  it('answers with the agency itself while it exists', () => {
    expect(resolveSuccessors('tay-loc', '2025-06-30', agencies, links)).toEqual(['tay-loc']);
  });

  it('follows a merge from the day it takes effect', () => {
    expect(resolveSuccessors('tay-loc', '2025-07-01', agencies, links)).toEqual(['phu-xuan']);
    expect(resolveSuccessors('dong-ba', '2026-11-28', agencies, links)).toEqual(['phu-xuan']);
  });

  it('follows a chain of merge then split to every active successor', () => {
    expect(resolveSuccessors('tay-loc', '2030-06-01', agencies, links).sort()).toEqual(['north', 'south']);
  });

  it('gives nothing for a dissolved agency or before an agency existed', () => {
    expect(resolveSuccessors('dissolved', '2026-01-01', agencies, links)).toEqual([]);
    expect(resolveSuccessors('north', '2026-01-01', agencies, links)).toEqual([]);
  });

  it('expands a successor with all its predecessors, transitively', () => {
    expect([...expandWithPredecessors(['north'], links)].sort()).toEqual(['dong-ba', 'north', 'phu-xuan', 'tay-loc']);
    expect([...expandWithPredecessors(['tay-loc'], links)]).toEqual(['tay-loc']);
  });

  it('expands with descendants of any depth', () => {
    const nodes = [
      { id: 'city', parentId: null },
      { id: 'ward', parentId: 'city' },
      { id: 'centre', parentId: 'ward' },
      { id: 'desk', parentId: 'centre' },
      { id: 'other', parentId: null },
    ];
    expect([...expandWithDescendants(['ward'], nodes)].sort()).toEqual(['centre', 'desk', 'ward']);
  });

  it('computes visibility: sub-agencies only where the grant allows, predecessors always', () => {
    const nodes = [
      { id: 'phu-xuan', parentId: 'city' },
      { id: 'phu-xuan-centre', parentId: 'phu-xuan' },
      { id: 'tay-loc', parentId: 'city' },
      { id: 'tay-loc-desk', parentId: 'tay-loc' },
    ];
    const narrow = visibleAgencies([{ agencyId: 'phu-xuan', includeSubAgencies: false }], nodes, links);
    expect([...narrow].sort()).toEqual(['dong-ba', 'phu-xuan', 'tay-loc']);
    const wide = visibleAgencies([{ agencyId: 'phu-xuan', includeSubAgencies: true }], nodes, links);
    expect([...wide].sort()).toEqual(['dong-ba', 'phu-xuan', 'phu-xuan-centre', 'tay-loc', 'tay-loc-desk']);
  });

  it('computes the day before across month and year ends', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });
});
