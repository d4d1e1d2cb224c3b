import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenLinkReason, headingAnchors, relativeLinks } from './markdown-links.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = [
  'README.md',
  'ARCHITECTURE.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

describe('links in the docs', () => {
  it.each(DOCS)('every relative link and anchor in %s resolves', (doc) => {
    const file = join(ROOT, doc);
    const broken = relativeLinks(readFileSync(file, 'utf8')).flatMap(({ line, target }) => {
      const reason = brokenLinkReason(file, target);
      return reason ? [`${relative(ROOT, file)}:${line} ${target}: ${reason}`] : [];
    });
    expect(broken).toEqual([]);
  });
});

describe('the link checker itself', () => {
  it('finds relative links outside code and skips URLs', () => {
    const text = '[a](docs/a.md) [b](https://x.org) `[c](c.md)`\n```\n[d](d.md)\n```\n[e](#top)';
    expect(relativeLinks(text).map((l) => l.target)).toEqual(['docs/a.md', '#top']);
  });

  it('makes anchors the way GitHub does', () => {
    const anchors = headingAnchors(
      '# Presets: archives & logs\n## `callaudit labels`: one\n## Notes\n## Notes',
    );
    expect([...anchors]).toEqual(['presets-archives--logs', 'callaudit-labels-one', 'notes', 'notes-1']);
  });

  it('reports a missing file and a missing anchor', () => {
    const readme = join(ROOT, 'README.md');
    expect(brokenLinkReason(readme, 'docs/no-such-page.md')).toMatch(/does not exist/);
    expect(brokenLinkReason(readme, 'docs/verdicts.md#no-such-heading')).toMatch(/no heading/);
    expect(brokenLinkReason(readme, 'docs/verdicts.md#when-the-join-fails')).toBeNull();
  });
});
