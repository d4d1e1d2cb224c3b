import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathOrigins } from '../../src/config/origins.js';

describe('where a path came from', () => {
  it('finds a flag path as typed and as the plan normalises it', () => {
    const origins = pathOrigins(
      { holds: './nothere.csv', decisions: 'reviews/../decisions.csv', crm: ['./calls.csv'] },
      {},
      (p) => p,
      null,
    );
    expect(origins.get('./nothere.csv')).toBe('--holds');
    expect(origins.get(path.normalize('./nothere.csv'))).toBe('--holds');
    expect(origins.get('nothere.csv')).toBe('--holds');
    expect(origins.get('decisions.csv')).toBe('--decisions');
    expect(origins.get('./calls.csv')).toBe('--crm');
  });

  it('names the config key of a path the config file gave, unless a flag replaced it', () => {
    const fromConfig = (p: string) => path.normalize(path.join('conf', p));
    const origins = pathOrigins(
      { outcomeMap: './map.csv' },
      { holds: 'legal/holds.csv', outcomeMap: 'old-map.csv' },
      fromConfig,
      '/etc/callaudit/callaudit.config.json',
    );
    expect(origins.get('conf/legal/holds.csv')).toBe('callaudit.config.json: holds');
    expect(origins.get('map.csv')).toBe('--outcome-map');
  });
});
