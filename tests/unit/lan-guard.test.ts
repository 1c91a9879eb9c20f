import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isWeakAdminToken, minAdminTokenLength } from '../../electron/lan/auth';
import { admitsConnection, isLoopbackAddress, type ConnectionLimits } from '../../electron/lan/connections';
import {
  hostAllowance,
  hostnameOfHeader,
  hostnameOfOrigin,
  isAllowedHost,
  isAllowedOrigin,
} from '../../electron/lan/hostCheck';
import { takesUpload } from '../../electron/lan/limits';
import { isProbePath } from '../../electron/lan/paths';
import { redactingLogger, redactSecrets } from '../../electron/logger';
import { contract } from '../../shared/api/contract';
import { ImageUpload } from '../../shared/api/certificates';
import { LockInput } from '../../shared/api/contest';
import { EventCreate, RawUpload } from '../../shared/api/events';

describe('probing paths', () => {
  it.each([
    '/..%2f..%2fetc/passwd',
    '/assets/..%5c..%5cetc%5cpasswd',
    '/assets/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/%252e%252e%252fetc',
    '/%252e%252e/%252e%252e/etc/passwd',
    '/api/../../etc/passwd',
    '/api/events/1/../../../../etc/passwd',
    '/..;/etc/passwd',
    '/..\\..\\etc\\passwd',
    '//etc/passwd',
    '/assets//x.js',
    '/%00',
    '/index.html%00.js',
    '/assets/x.js%00',
    '/.%00./',
    '/a%0d%0aSet-Cookie:x',
    '/%',
    '/assets/%E0%A4%A',
    '/%c0%ae%c0%ae/etc/passwd',
    '/.env',
    '/.git/config',
    `/${'a'.repeat(3000)}`,
    'etc/passwd',
  ])('%s is a probe', (path) => {
    expect(isProbePath(path)).toBe(true);
  });

  it.each([
    '/',
    '/index.html',
    '/j',
    '/assets/index-BZZcfiHm.js',
    '/api/health',
    '/api/events/',
    '/api/events/12/certificates.pdf?kind=award',
    '/api/live?event=1&token=abc',
    '/api/events/1/participants?q=%E5%BC%A0',
    '/api/events/1/participants?q=../../x',
  ])('%s is an ordinary address', (path) => {
    expect(isProbePath(path)).toBe(false);
  });
});

describe('the Host header and the Origin of a socket (DNS rebinding)', () => {
  const allow = hostAllowance({ lanAddresses: () => ['192.168.1.23', '10.0.0.5'], venueAddress: () => '10.0.0.9' });

  it.each([
    ['127.0.0.1:8866', '127.0.0.1'],
    ['LOCALHOST', 'localhost'],
    ['[::1]:8866', '::1'],
    ['192.168.1.23', '192.168.1.23'],
    ['evil.example:80', 'evil.example'],
    ['a b', null],
    ['[::1', null],
    ['127.0.0.1:8866@evil.example', null],
    ['', null],
  ])('Host %j is the name %j', (header, name) => {
    expect(hostnameOfHeader(header)).toBe(name);
  });

  it.each([
    ['127.0.0.1:8866', true],
    ['localhost:1234', true],
    ['[::1]:8866', true],
    ['192.168.1.23:8866', true],
    ['10.0.0.5', true],
    ['10.0.0.9:8866', true],
    ['192.168.1.24:8866', false],
    ['evil.example', false],
    ['rebind.127.0.0.1.nip.io:8866', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.', false],
    ['', false],
    [undefined, true],
  ])('Host %j allowed: %s', (header, allowed) => {
    expect(isAllowedHost(header, allow)).toBe(allowed);
  });

  it.each([
    [undefined, true],
    ['http://127.0.0.1:8866', true],
    ['http://localhost:5173', true],
    ['http://192.168.1.23:8866', true],
    ['https://10.0.0.9', true],
    ['null', false],
    ['http://evil.example', false],
    ['http://evil.example:8866', false],
    ['file://', false],
    ['not a url', false],
  ])('Origin %j allowed: %s', (origin, allowed) => {
    expect(isAllowedOrigin(origin, allow)).toBe(allowed);
  });

  it('reads the addresses when asked, so a network joined after the start is allowed', () => {
    let addresses: string[] = [];
    const live = hostAllowance({ lanAddresses: () => addresses, venueAddress: () => null });
    expect(live('192.168.5.5')).toBe(false);
    addresses = ['192.168.5.5'];
    expect(live('192.168.5.5')).toBe(true);
    expect(hostnameOfOrigin('http://[::1]:8866')).toBe('::1');
  });
});

describe('which routes take uploads (and so the upload body limit)', () => {
  const pngOnly = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v[0] === 0x89, { message: 'upload' });
  it.each([
    ['RawUpload', RawUpload, true],
    ['ImageUpload', ImageUpload, true],
    ['bytes refused for their content', pngOnly, true],
    ['a JSON object with required fields', EventCreate, false],
    ['a JSON object whose fields are all optional', LockInput, false],
    ['no body', undefined, false],
  ])('%s: %s', (_name, schema, upload) => {
    expect(takesUpload(schema)).toBe(upload);
  });

  it('the roster import and the certificate pictures are uploads; scoring and the lock are not', () => {
    expect(takesUpload(contract.importParticipants.body)).toBe(true);
    expect(takesUpload(contract.putCertificateImage.body)).toBe(true);
    expect(takesUpload(contract.lock.body)).toBe(false);
    expect(takesUpload(contract.submitScore.body)).toBe(false);
    expect(takesUpload(contract.createEvent.body)).toBe(false);
  });
});

describe('connections per client address', () => {
  const limits: ConnectionLimits = { perClient: 3, perLoopback: 5 };
  it.each([
    [0, '192.168.1.40', true],
    [2, '192.168.1.40', true],
    [3, '192.168.1.40', false],
    [64, '::ffff:192.168.1.40', false],
    [3, '127.0.0.1', true],
    [4, '::ffff:127.0.0.1', true],
    [5, '127.0.0.1', false],
    [4, '::1', true],
    [5, '::1', false],
  ])('%i open from %s: one more let in %s', (open, address, admitted) => {
    expect(admitsConnection(open, address, limits)).toBe(admitted);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.5.0.1', true],
    ['::ffff:127.0.0.1', true],
    ['::1', true],
    ['192.168.1.40', false],
    ['::ffff:10.0.0.1', false],
    ['1127.0.0.1', false],
  ])('%s is loopback: %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });
});

describe('no token in a log line', () => {
  const admin = 'admin-token-abcdef0123456789';
  it.each([
    ['GET /api/live?event=1&token=s3cret failed', 'GET /api/live?event=1&token=[redacted] failed'],
    ['http://127.0.0.1:8866/#/console?token=s3cret', 'http://127.0.0.1:8866/#/console?token=[redacted]'],
    ['/#/judge?token=abc&x=1', '/#/judge?token=[redacted]&x=1'],
    ['authorization: Bearer s3cret', 'authorization: [redacted]'],
    ['{"Authorization":"Bearer s3cret","x":1}', '{"Authorization":"[redacted]","x":1}'],
    ['sent Bearer s3cret to the host', 'sent Bearer [redacted] to the host'],
    [`the token ${admin} leaked`, 'the token [redacted] leaked'],
    ['judge token=abc (lost)', 'judge token=[redacted] (lost)'],
    ['{"id":3,"token":"abc","joinUrl":"x"}', '{"id":3,"token":"[redacted]","joinUrl":"x"}'],
    ['submissionToken=keep', 'submissionToken=keep'],
    ['nothing secret here', 'nothing secret here'],
  ])('%s', (line, redacted) => {
    expect(redactSecrets(line, [admin])).toBe(redacted);
  });

  it('redacts the message, the error and its stack', () => {
    const lines: string[] = [];
    const log = redactingLogger(
      {
        info: (m) => lines.push(m),
        warn: (m) => lines.push(m),
        error: (m, e) => lines.push(m, e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e)),
      },
      () => [admin],
    );
    log.info(`console at /#/console?token=${admin}`);
    log.warn('GET /x?token=judge-secret');
    log.error('failed', new Error(`GET /api/live?token=${admin} failed`));
    log.error('failed', { url: '/x?token=judge-secret' });
    const all = lines.join('\n');
    expect(all).not.toContain(admin);
    expect(all).not.toContain('judge-secret');
    expect(all).toContain('token=[redacted]');
  });
});

describe('the admin token', () => {
  it.each([
    ['a', true],
    ['0123456789abcde', true],
    ['0123456789abcdef', false],
    ['test-admin-token-0123456789abcdef', false],
  ])('%j is weak: %s', (token, weak) => {
    expect(isWeakAdminToken(token)).toBe(weak);
    expect(minAdminTokenLength).toBe(16);
  });
});
