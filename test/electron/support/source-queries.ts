/**
 * Structural questions about one source file, for the preload and import checks: what it imports
 * (and whether type-only), what it exposes through contextBridge, where an identifier is used.
 */
import type * as TS from 'typescript';
import { parse, propertyName, ts, walk, where } from './source-scan.ts';
import type { SourceFile } from './source-scan.ts';

export interface ImportSite {
  readonly file: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
}

/** Every static import, dynamic import(), require() and export-from, with whether it is type-only. */
export function importsOf(file: SourceFile): ImportSite[] {
  const source = parse(file);
  const sites: ImportSite[] = [];
  walk(source, (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.phaseModifier === ts.SyntaxKind.TypeKeyword ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      sites.push({ file: file.path, specifier: node.moduleSpecifier.text, typeOnly });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      sites.push({ file: file.path, specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        sites.push({ file: file.path, specifier: node.arguments[0].text, typeOnly: false });
      }
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      sites.push({ file: file.path, specifier: node.argument.literal.text, typeOnly: true });
    }
  });
  return sites;
}

export interface ExposeCall {
  readonly where: string;
  readonly key: string | undefined;
  readonly value: TS.Expression | undefined;
  readonly source: TS.SourceFile;
}

/** Every `*.exposeInMainWorld(key, value)` / `exposeInIsolatedWorld` call. */
export function exposeCalls(file: SourceFile): ExposeCall[] {
  const source = parse(file);
  const calls: ExposeCall[] = [];
  walk(source, (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = node.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    if (name !== 'exposeInMainWorld' && name !== 'exposeInIsolatedWorld') return;
    const [first, second, third] = node.arguments;
    const keyNode = name === 'exposeInMainWorld' ? first : second;
    const valueNode = name === 'exposeInMainWorld' ? second : third;
    calls.push({
      where: where(file, source, node),
      key: keyNode !== undefined && ts.isStringLiteral(keyNode) ? keyNode.text : undefined,
      value: valueNode,
      source,
    });
  });
  return calls;
}

/**
 * Every use of the identifier `name` except in import declarations, with the call it is an
 * argument of (callee text and argument index), if any.
 */
export function usesOf(file: SourceFile, name: string): { where: string; callee: string | undefined; index: number }[] {
  const source = parse(file);
  const uses: { where: string; callee: string | undefined; index: number }[] = [];
  walk(source, (node) => {
    if (!ts.isIdentifier(node) || node.text !== name) return;
    if (ts.isImportSpecifier(node.parent) || ts.isImportClause(node.parent)) return;
    const parent = node.parent;
    if (ts.isCallExpression(parent) && parent.arguments.includes(node)) {
      uses.push({
        where: where(file, source, node),
        callee: parent.expression.getText(source),
        index: parent.arguments.indexOf(node),
      });
    } else {
      uses.push({ where: where(file, source, node), callee: undefined, index: -1 });
    }
  });
  return uses;
}

/** The initializer text of every property `name: …` in `file`. */
export function propertyInitializers(file: SourceFile, name: string): string[] {
  const source = parse(file);
  const values: string[] = [];
  walk(source, (node) => {
    if (ts.isPropertyAssignment(node) && propertyName(node.name) === name)
      values.push(node.initializer.getText(source));
  });
  return values;
}
