/**
 * Hash routes, so the same built files work from app:// and from the loopback server and the
 * projector window can open its own URL (`#/exercise/ID/display`).
 */
export type Route =
  | { readonly name: 'library' }
  | { readonly name: 'new-exercise'; readonly scenarioFile: string | null }
  | { readonly name: 'console'; readonly id: string }
  | { readonly name: 'display'; readonly id: string }
  | { readonly name: 'cell'; readonly id: string; readonly cell: string }
  | { readonly name: 'evaluate'; readonly id: string }
  | { readonly name: 'hotwash'; readonly id: string }
  | { readonly name: 'aar'; readonly id: string }
  | { readonly name: 'room'; readonly id: string }
  /** A player's laptop on the room network: enter the join code (the QR link may carry it). */
  | { readonly name: 'join'; readonly code: string | null }
  /** A joined seat's own screen (room network only). */
  | { readonly name: 'seat' }
  | { readonly name: 'not-found'; readonly path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const [pathname = '/', query = ''] = path.split('?');
  const parts = pathname.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  if (parts.length === 0) return { name: 'library' };
  if (parts[0] === 'join' && parts.length === 1) {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- parsed once per hash change
    return { name: 'join', code: new URLSearchParams(query).get('code') };
  }
  if (parts[0] === 'seat' && parts.length === 1) return { name: 'seat' };
  if (parts[0] === 'new' && parts.length === 1) {
    // A one-off read of the query string, not reactive state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- parsed once per hash change
    return { name: 'new-exercise', scenarioFile: new URLSearchParams(query).get('scenario') };
  }
  if (parts[0] === 'exercise' && parts[1]) {
    const id = parts[1];
    switch (parts[2]) {
      case undefined:
      case 'console':
        return { name: 'console', id };
      case 'display':
        return { name: 'display', id };
      case 'evaluate':
        return { name: 'evaluate', id };
      case 'hotwash':
        return { name: 'hotwash', id };
      case 'aar':
        return { name: 'aar', id };
      case 'room':
        return { name: 'room', id };
      case 'cell':
        if (parts[3]) return { name: 'cell', id, cell: parts[3] };
    }
  }
  return { name: 'not-found', path };
}

export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'library':
      return '#/';
    case 'new-exercise':
      return route.scenarioFile ? `#/new?scenario=${e(route.scenarioFile)}` : '#/new';
    case 'console':
      return `#/exercise/${e(route.id)}/console`;
    case 'display':
      return `#/exercise/${e(route.id)}/display`;
    case 'cell':
      return `#/exercise/${e(route.id)}/cell/${e(route.cell)}`;
    case 'evaluate':
      return `#/exercise/${e(route.id)}/evaluate`;
    case 'hotwash':
      return `#/exercise/${e(route.id)}/hotwash`;
    case 'aar':
      return `#/exercise/${e(route.id)}/aar`;
    case 'room':
      return `#/exercise/${e(route.id)}/room`;
    case 'join':
      return route.code ? `#/join?code=${e(route.code)}` : '#/join';
    case 'seat':
      return '#/seat';
    case 'not-found':
      return `#${route.path}`;
  }
}

export class Router {
  route = $state<Route>(parseRoute(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
    });
  }

  go(route: Route): void {
    location.hash = href(route).slice(1);
  }
}
