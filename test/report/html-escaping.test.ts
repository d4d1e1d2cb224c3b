import { describe, expect, it } from 'vitest';
import { htmlReporter } from '../../src/report/html/html-report.js';
import { junitReporter } from '../../src/report/junit.js';
import { markdownReporter } from '../../src/report/markdown.js';
import { hostileResult } from '../support/hostile-result.js';

const options = { lang: 'en' as const, redact: true };

describe('hostile text in tags, labels and paths', () => {
  const html = htmlReporter.render(hostileResult(), options);

  it('never reaches the HTML as markup: no element, no attribute, no extra script', () => {
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/onerror=alert\(1\)>/);
    expect(html.match(/<script/g)).toHaveLength(2); // the JSON data block and the report's own script
    expect(html).not.toContain('</script><script>alert(3)');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('escapes and masks the outcome labels table of HTML and Markdown', () => {
    const section = html.slice(html.indexOf('<h2>Outcome labels</h2>'));
    expect(section).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(section.slice(0, 400)).not.toContain('041 555 123');
    const md = markdownReporter.render(hostileResult(), options);
    expect(md).toContain('### Outcome labels');
    expect(md).not.toContain('041 555 123');
  });

  it('sets a Content-Security-Policy that forbids network access and pins the script by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/(?:src|href)="https?:/);
  });

  it('escapes Markdown and JUnit too', () => {
    const md = markdownReporter.render(hostileResult(), options);
    expect(md).not.toContain('<img');
    const xml = junitReporter.render(hostileResult(), options);
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('<script>');
  });
});
