import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/lib/render/escape-html.ts';

describe('escapeHtml', () => {
  it('writes each of & < > " \' as its entity, wherever it stands', () => {
    expect(escapeHtml(`"><script>alert('x&y')</script>`)).toBe('&quot;&gt;&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt;');
    expect(escapeHtml('合计&')).toBe('合计&amp;');
  });

  it('returns text without any of them as it is', () => {
    expect(escapeHtml('一般公共预算财政拨款支出表 12,345.67 万元')).toBe('一般公共预算财政拨款支出表 12,345.67 万元');
    expect(escapeHtml('')).toBe('');
  });
});
