import { describe, expect, it } from 'vitest';
import { lowerScriptPriority } from '../../../src/integrations/script-priority';

describe('lowerScriptPriority', () => {
  it('marks external module scripts low priority, once', () => {
    const html = '<head><script type="module" src="/_astro/a.js"></script><script type="module" src="/_astro/b.js"></script></head>';
    const out = lowerScriptPriority(html);
    expect(out.match(/fetchpriority="low"/g)).toHaveLength(2);
    expect(lowerScriptPriority(out)).toBe(out);
  });
  it('leaves inline scripts, JSON-LD and explicit priorities alone', () => {
    const html = '<script>x()</script><script type="application/ld+json">{}</script><script type="module" fetchpriority="high" src="/a.js"></script><script type="module">y()</script>';
    expect(lowerScriptPriority(html)).toBe(html);
  });
});
