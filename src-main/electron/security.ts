/**
 * App-wide lock-down (reliability.md §3): sandbox every renderer, deny every permission, keep every
 * web contents on the app origin, open no window, attach no <webview>, and cancel every request
 * that could leave the machine. Written against the small structural interfaces below so tests can
 * drive the registered handlers with fakes; main.ts passes the real Electron objects.
 */
import { isAppUrl } from './app-origin.ts';

export type SecurityLog = (message: string) => void;

interface PreventableEvent {
  preventDefault(): void;
}

/** Electron 45 passes the target URL on the event object of all three navigation events. */
interface NavigationEvent extends PreventableEvent {
  readonly url?: string;
}

export interface GuardedWebContents {
  readonly session: HardenableSession;
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: NavigationEvent) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

export interface BeforeRequestDetails {
  readonly url: string;
}

export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setSpellCheckerEnabled(enabled: boolean): void;
  readonly webRequest: {
    onBeforeRequest(
      listener: (details: BeforeRequestDetails, callback: (response: { cancel: boolean }) => void) => void,
    ): void;
  };
}

export interface HardenableApp {
  enableSandbox(): void;
  isReady(): boolean;
  whenReady(): Promise<void>;
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedWebContents) => void): unknown;
}

export interface SessionModule {
  readonly defaultSession: HardenableSession;
}

/**
 * Applies the lock-down. Must run before `ready`: `app.enableSandbox()` has no effect afterwards,
 * so calling it late throws instead of silently leaving renderers unsandboxed. The returned
 * promise resolves once the default session (only reachable after `ready`) is hardened; create
 * windows only after it resolves.
 */
export function hardenApp(app: HardenableApp, session: SessionModule, log: SecurityLog): Promise<void> {
  if (app.isReady()) {
    throw new Error('hardenApp() must run before the app is ready: app.enableSandbox() would have no effect.');
  }
  app.enableSandbox();

  // Any web contents may bring its own session (a partition); harden each one once.
  const hardened = new WeakSet<HardenableSession>();
  const hardenOnce = (target: HardenableSession): void => {
    if (hardened.has(target)) return;
    hardenSession(target, log);
    hardened.add(target);
  };

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, log);
    hardenOnce(contents.session);
  });

  return app.whenReady().then(() => hardenOnce(session.defaultSession));
}

/** Keeps one web contents on the app origin, with no child windows and no <webview>. */
export function guardWebContents(contents: GuardedWebContents, log: SecurityLog): void {
  const refuseForeign = (kind: string) => (event: NavigationEvent) => {
    const url = typeof event.url === 'string' ? event.url : '';
    if (isNavigationAllowed(url)) return;
    event.preventDefault();
    log(`security: refused ${kind} to ${describeUrl(url)}`);
  };
  contents.on('will-navigate', refuseForeign('navigation'));
  contents.on('will-redirect', refuseForeign('redirect'));
  contents.on('will-frame-navigate', refuseForeign('frame navigation'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('security: refused to attach a <webview>');
  });
  contents.setWindowOpenHandler((details) => {
    log(`security: refused to open a window for ${describeUrl(details.url)}`);
    return { action: 'deny' };
  });
}

/** Denies every permission, and cancels every request that is not local to the app. */
export function hardenSession(target: HardenableSession, log: SecurityLog): void {
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`security: denied permission request "${permission}"`);
    callback(false);
  });
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.setSpellCheckerEnabled(false);
  target.webRequest.onBeforeRequest((details, callback) => {
    const cancel = shouldCancelRequest(details.url);
    if (cancel) log(`security: cancelled request to ${describeUrl(details.url)}`);
    callback({ cancel });
  });
}

/** Navigation is allowed only within the app origin (parsed, see app-origin.ts). */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Schemes a page of ours may legitimately request without leaving the machine. Everything else is
 * cancelled, including the network schemes (http, https, ws, wss, ftp) and file: — the app makes no
 * network request, ever, and reads its files through app:// only. devtools: and chrome-extension:
 * are resources compiled into the Electron binary (DevTools in development builds, the built-in
 * PDF viewer).
 */
const LOCAL_SCHEMES: ReadonlySet<string> = new Set(['data:', 'blob:', 'devtools:', 'chrome-extension:']);

export function shouldCancelRequest(url: string): boolean {
  if (isAppUrl(url)) return false;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return true;
  }
  return !LOCAL_SCHEMES.has(protocol);
}

/**
 * The single-instance lock: a second launch focuses the running console instead of opening a
 * second one on the same exercise files. Returns false when another instance holds the lock; the
 * caller must then quit.
 */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
}

export function acquireSingleInstanceLock(app: SingleInstanceApp, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondInstance);
  return true;
}

/** Logs only the scheme and host: a refused URL may carry data we should not copy into a log. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? parsed.protocol : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'an unparsable URL';
  }
}
