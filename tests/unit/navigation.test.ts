import { describe, expect, it } from 'vitest';
import { externalOpenDecision, isAllowedNavigation } from '../../electron/main/navigation';

const host = 'http://127.0.0.1:8080';

describe('isAllowedNavigation', () => {
  const cases: [url: string, allowed: boolean][] = [
    ['http://127.0.0.1:8080/', true],
    ['http://127.0.0.1:8080', true],
    ['http://127.0.0.1:8080/#/console?token=abc', true],
    ['http://127.0.0.1:8080/#/screen/12', true],
    ['http://127.0.0.1:8080/api/events/3/results.xlsx?x=1#frag', true],
    ['HTTP://127.0.0.1:8080/index.html', true],
    // userinfo: the real host is evil.com
    ['http://127.0.0.1:8080@evil.com/', false],
    ['http://127.0.0.1:8080@evil.com:8080/', false],
    ['http://user:pass@127.0.0.1:8080/', false],
    ['http://user@127.0.0.1:8080/', false],
    ['http://127.0.0.1:8081/', false],
    ['http://127.0.0.1/', false],
    ['https://127.0.0.1:8080/', false],
    ['http://localhost:8080/', false],
    ['http://127.0.0.1.evil.com:8080/', false],
    ['http://192.168.1.20:8080/', false],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['file://127.0.0.1:8080/x', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['blob:http://127.0.0.1:8080/5b1e0c9e-0000-4000-8000-000000000000', false],
    ['about:blank', false],
    ['ws://127.0.0.1:8080/api/live', false],
    ['/relative/path', false],
    ['', false],
    ['not a url', false],
  ];

  it.each(cases)('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url, host)).toBe(allowed);
  });

  it('compares hosts case-insensitively and with default ports normalised', () => {
    expect(isAllowedNavigation('http://PODIUM.LOCAL:8080/#/console', 'http://podium.local:8080')).toBe(true);
    expect(isAllowedNavigation('http://podium.local/#/console', 'http://podium.local:80')).toBe(true);
    expect(isAllowedNavigation('https://podium.local:443/', 'https://podium.local')).toBe(true);
  });

  it('accepts the host given as a full URL rather than a bare origin', () => {
    expect(isAllowedNavigation('http://127.0.0.1:8080/#/screen/1', 'http://127.0.0.1:8080/#/console?token=t')).toBe(
      true,
    );
  });

  it('refuses everything when the host origin is not a URL', () => {
    expect(isAllowedNavigation('http://127.0.0.1:8080/', '')).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:8080/', 'nonsense')).toBe(false);
  });
});

describe('externalOpenDecision', () => {
  const cases: [url: string, decision: ReturnType<typeof externalOpenDecision>][] = [
    ['https://www.gov.cn/', { action: 'open-in-browser', url: 'https://www.gov.cn/' }],
    ['HTTPS://Example.COM/a?b=1#c', { action: 'open-in-browser', url: 'https://example.com/a?b=1#c' }],
    ['https://example.com:8443/x', { action: 'open-in-browser', url: 'https://example.com:8443/x' }],
    ['http://example.com/', { action: 'deny' }],
    ['http://127.0.0.1:8080/', { action: 'deny' }],
    ['https://127.0.0.1:8080@evil.com/', { action: 'deny' }],
    ['https://user:pass@example.com/', { action: 'deny' }],
    ['file:///C:/Windows/System32/calc.exe', { action: 'deny' }],
    ['javascript:alert(1)', { action: 'deny' }],
    ['data:text/html,hi', { action: 'deny' }],
    ['smb://fileserver/share', { action: 'deny' }],
    ['ms-settings:privacy', { action: 'deny' }],
    ['mailto:office@example.com', { action: 'deny' }],
    ['', { action: 'deny' }],
    ['https//missing-colon', { action: 'deny' }],
  ];

  it.each(cases)('%s', (url, decision) => {
    expect(externalOpenDecision(url)).toEqual(decision);
  });
});
