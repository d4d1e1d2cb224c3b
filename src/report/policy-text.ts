import type { PolicyPack } from '../policy/types.js';

/** `callaudit policy` for a human: what the DPO signs off next to the record of processing. */
export function renderPolicy(pack: PolicyPack, sha256: string): string {
  const lines: string[] = [];
  lines.push(`Policy pack ${pack.id}@${pack.version} (${pack.jurisdiction})`);
  lines.push(`sha256 ${sha256}`);
  lines.push('');
  lines.push(pack.description);
  lines.push('');
  lines.push('Categories:');
  const width = Math.max(...pack.categories.map((def) => def.code.length));
  for (const def of pack.categories) {
    const period = pack.retention.periods[def.code];
    lines.push(
      `  ${def.code.padEnd(width)} qualifies: ${def.qualifies.padEnd(6)} retention: ${(period ?? '-').padEnd(5)} ${def.labelSl} / ${def.labelEn}`,
    );
    lines.push(
      `  ${''.padEnd(width)} vocabulary: ${def.vocabulary.length} phrases; cites ${def.citationIds.join(', ')}${def.suggestsHold ? `; suggests a ${def.suggestsHold} hold` : ''}`,
    );
  }
  lines.push('');
  const r = pack.retention;
  lines.push(
    `Retention (${r.status === 'unconfirmed' ? 'UNCONFIRMED: the DPO must confirm the periods' : 'confirmed'}), grace ${r.graceDays} day(s), counted from the qualifying event:`,
  );
  lines.push(`  SL: ${r.basisSl}`);
  lines.push(`  EN: ${r.basisEn}`);
  lines.push(`  cites ${r.citationIds.join(', ')}`);
  if ((pack.topicMarkers ?? []).length > 0) {
    lines.push('');
    lines.push(`Topic markers (a qualifying word in the same label part is only the topic: review):`);
    lines.push(`  ${(pack.topicMarkers ?? []).join(', ')}`);
  }
  lines.push('');
  lines.push(
    `Notice column says "not given": ${pack.noticeMissing ?? 'review'} (a config noticeMissing or --notice-missing overrides)`,
  );
  lines.push('');
  lines.push('Reasons and their citations:');
  for (const [reason, ids] of Object.entries(pack.reasonCitations))
    lines.push(`  ${reason.padEnd(24)} ${ids?.join(', ')}`);
  for (const [type, ids] of Object.entries(pack.holdCitations ?? {}))
    lines.push(`  ${`LEGAL_HOLD (${type})`.padEnd(24)} ${ids?.join(', ')}`);
  lines.push('');
  lines.push('Citations:');
  for (const c of Object.values(pack.citations)) {
    lines.push(`  ${c.id} [${c.status.toUpperCase()}]`);
    lines.push(`    SL: ${c.textSl}`);
    lines.push(`    EN: ${c.textEn}`);
    lines.push(`    source: ${c.source}`);
  }
  return `${lines.join('\n')}\n`;
}
