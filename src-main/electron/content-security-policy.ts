/**
 * The Content-Security-Policy of every page the app serves, in Electron (app:// responses) and in
 * browser mode (the HTTP transport adds its WebSocket origin). No 'unsafe-inline', no
 * 'unsafe-eval', nothing remote. No electron or node imports: the HTTP server reuses this file.
 *
 * The last three directives are not in reliability.md's list: `default-src` does not cover them,
 * and the app has no <base>, no form submission and no embedding, so 'none' costs nothing.
 */
export interface CspOptions {
  /** e.g. `ws://127.0.0.1:8765` — browser mode only. Must be a bare ws:/wss: origin. */
  readonly websocketOrigin?: string;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'"];
  if (options.websocketOrigin !== undefined) connect.push(websocketOriginOrThrow(options.websocketOrigin));
  const directives: readonly (readonly [string, readonly string[]])[] = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', connect],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Accepts only a bare WebSocket origin, so nothing the caller passes can smuggle a `;` or another
 * source into the policy.
 */
function websocketOriginOrThrow(value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`Not a WebSocket origin: ${JSON.stringify(value)}`);
  }
  const bare =
    (parsed.protocol === 'ws:' || parsed.protocol === 'wss:') &&
    parsed.username === '' &&
    parsed.password === '' &&
    (parsed.pathname === '' || parsed.pathname === '/') &&
    parsed.search === '' &&
    parsed.hash === '' &&
    !/[\s;,'"]/.test(value);
  if (!bare) throw new Error(`Not a bare WebSocket origin (ws: or wss: scheme, host, port): ${JSON.stringify(value)}`);
  return parsed.origin;
}
