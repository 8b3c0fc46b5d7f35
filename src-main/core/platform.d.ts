/**
 * The few host APIs the pure core may use. They exist in every JavaScript host we target (Node,
 * Chromium, Electron's renderer) but are not part of the ES lib, so we declare exactly what we use
 * instead of pulling in @types/node or the DOM lib (which would let other host APIs leak in).
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
