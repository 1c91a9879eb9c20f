// A random id this phone keeps, so the host can tell one phone checking in two people. Not a secret, not a person.

const storageKey = 'podium.checkinDevice';
// When storage is blocked (some in-app browsers, private windows) the id lasts as long as the page.
let memoryId: string | null = null;

function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function deviceId(): string {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && /^[0-9a-f]{32}$/.test(stored)) return stored;
    const fresh = memoryId ?? randomId();
    localStorage.setItem(storageKey, fresh);
    memoryId = fresh;
    return fresh;
  } catch {
    memoryId = memoryId ?? randomId();
    return memoryId;
  }
}
