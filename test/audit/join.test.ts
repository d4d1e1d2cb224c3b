import { describe, expect, it } from 'vitest';
import { eventsForCall, indexEventsByCallId, normaliseCallId } from '../../src/audit/join.js';
import { makeEvent } from '../support/builders.js';

describe('join by call ID', () => {
  it('matches IDs trimmed and regardless of letter case (UUIDs come in both cases)', () => {
    expect(normaliseCallId('  5D0EA9EC-0D0A-4CAB-8B27-D4353BCA6C08 ')).toBe(
      '5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08',
    );
  });

  it('joins one call ID to many rows and keeps the others apart', () => {
    const index = indexEventsByCallId([
      makeEvent('Info', { callId: 'C-1' }),
      makeEvent('Order', { callId: ' c-1' }),
      makeEvent('Order', { callId: 'C-2' }),
    ]);
    expect(eventsForCall(index, 'C-1').map((e) => e.outcome)).toEqual(['Info', 'Order']);
    expect(eventsForCall(index, 'C-2')).toHaveLength(1);
    expect(eventsForCall(index, 'C-3')).toEqual([]);
    expect(eventsForCall(index, null)).toEqual([]);
  });
});
