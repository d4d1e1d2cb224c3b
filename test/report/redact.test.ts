import { describe, expect, it } from 'vitest';
import { redactText } from '../../src/report/redact.js';

/** [input, expected output]: every phone number keeps only its last two digits. */
const MASKED: Array<[string, string]> = [
  // International
  ['+38640111222', '+•••••••••22'],
  ['+386 40 111 222', '+••• •• ••• •22'],
  ['+386-40-111-222', '+•••-••-•••-•22'],
  ['+386 (0)40 111 222', '+••• (•)•• ••• •22'],
  ['+386 1 234 56 78', '+••• • ••• •• 78'],
  ['00386 40 111 222', '••••• •• ••• •22'],
  ['0038640111222', '•••••••••••22'],
  ['+44 20 7946 0958', '+•• •• •••• ••58'],
  ['+49 30 12345678', '+•• •• ••••••78'],
  ['+1 (555) 123-4567', '+• (•••) •••-••67'],
  ['tel:+38651333444', 'tel:+•••••••••44'],
  // As PBXs log them, without the plus
  ['38640111222', '•••••••••22'],
  ['Klic z 38651333444 ob 9h', 'Klic z •••••••••44 ob 9h'],
  // Slovenian national
  ['040111222', '•••••••22'],
  ['040 111 222', '••• ••• •22'],
  ['040-111-222', '•••-•••-•22'],
  ['040/111-222', '•••/•••-•22'],
  ['01 234 56 78', '•• ••• •• 78'],
  ['(01) 234 56 78', '(••) ••• •• 78'],
  ['02/234-56-78', '••/•••-••-78'],
  ['051.333.444', '•••.•••.•44'],
  // Local (grouped)
  ['234 56 78', '••• •• 78'],
  ['234-56-78', '•••-••-78'],
  ['436 1234', '••• ••34'],
  // Inside file names
  ['in_38640111222_C-1001.wav', 'in_•••••••••22_C-1001.wav'],
  ['out_38641222333_C-1002.WAV', 'out_•••••••••33_C-1002.WAV'],
  [
    'in-38640111222-7001-20261003-091500-1729512345.123.wav',
    'in-•••••••••22-7001-20261003-091500-1729512345.123.wav',
  ],
  [
    'out-040111222-7001-20261003-091500-1729512345.123.wav',
    'out-•••••••22-7001-20261003-091500-1729512345.123.wav',
  ],
  // A FreePBX caller too short to recognise on its own is still the caller.
  [
    'in-4361234-7001-20261003-091500-1729512345.123.wav',
    'in-•••••34-7001-20261003-091500-1729512345.123.wav',
  ],
  [
    'force-989213709907-7001-20170727-001528-1501103728.3076.wav',
    'force-••••••••••07-7001-20170727-001528-1501103728.3076.wav',
  ],
  [
    '3cx/[Janez Novak]_100-038640111222_20261007101500(3)_C-1022.wav',
    '3cx/[Janez Novak]_100-••••••••••22_20261007101500(3)_C-1022.wav',
  ],
  ['2026/10/03/in_38640111222_C-1001.wav', '2026/10/03/in_•••••••••22_C-1001.wav'],
  // E-mail addresses
  ['janez.novak@example.si', 'j•••@•••.si'],
  ['Pošlji na ana+crm@podjetje.co.uk.', 'Pošlji na a•••@•••.uk.'],
  ['recordings/marko_zagar@firma.com/call.wav', 'recordings/m•••@•••.com/call.wav'],
  ['Špela.Kovač@pošta.si', 'Š•••@•••.si'],
];

/** Text that must come out unchanged. */
const KEPT: string[] = [
  '1729512345.123',
  'in_C-1001.wav',
  'C-1001',
  'C-2345678',
  '5d0ea9ec-0d0a-4cab-8b27-d4353bca6c08',
  '12345678-1234-1234-1234-123456789012',
  '20261003-091500',
  '20261007101500',
  '2026-10-03T09:15:00.000Z',
  '2026-10-03',
  '03.10.2026 09:15',
  '3. 10. 2026',
  'calls.csv:17',
  'sha256 0401112229a8f3c2e1d0b7a6958473625140a1b2c3d4e5f60718293a4b5c6d7e',
  'XYZ-17',
  'version 1.2.3',
  'RE0123456789abcdef0123456789abcdef',
  'Naročilo paketa XL',
  '2345678',
  'duration 125 s, 8000 Hz',
  'order 4711',
  'force-s-unknown-20170727-002427-1501104267.3080.wav',
  'in-7001-7002-20261003-091500-pbx1-1729512345.123.wav',
];

describe('redactText', () => {
  it.each(MASKED)('masks %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each(KEPT)('keeps %s', (input) => {
    expect(redactText(input)).toBe(input);
  });

  it('covers at least 30 shapes of phone numbers and e-mail addresses', () => {
    expect(MASKED.length).toBeGreaterThanOrEqual(30);
  });
});
