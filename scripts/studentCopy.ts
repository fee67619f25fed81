/**
 * The student edition cut from the executed instructor edition, so the workbook
 * runs a notebook once for both editions.
 *
 * Instructor-only cells (solutions, the lesson plan) only add output: removing them
 * from the executed instructor copy leaves what a run of the student edition prints,
 * byte for byte, once the execution counts are numbered again. That holds while no
 * instructor-only cell leaves a name behind that a later shared cell reads: a
 * declaration, an import or an assignment at the top level. `leakedNames` finds
 * those by parsing the cells with TypeScript; a notebook that has one runs its
 * student edition on its own. What parsing cannot see (a solution that mutates a
 * shared object through a call) is caught by the notebook tests, which run every
 * course notebook's student edition on its own and compare it with the cut copy.
 */
import ts from 'typescript';
import { editionSource, isInstructorOnly } from './editions';
import { firstLine, text, type Notebook } from './notebook';

/** The student edition of an executed instructor copy: its shared cells, counted 1, 2, … as a run of them would be. */
export function studentCopy(executedInstructor: Notebook): Notebook {
  const copy = editionSource(executedInstructor, 'student');
  let count = 0;
  for (const cell of copy.cells) {
    if (cell.cell_type !== 'code') continue;
    const ran = cell.execution_count !== null && cell.execution_count !== undefined;
    cell.execution_count = ran ? ++count : null;
    for (const output of cell.outputs ?? []) {
      if ('execution_count' in output) output.execution_count = cell.execution_count;
    }
  }
  return copy;
}

/**
 * Why the student edition cannot be cut from the instructor run: the first
 * instructor-only code cell that leaves a name a later shared code cell uses
 * ("cell 12 (// Exercise 1, solution) sets readDashboard, which cell 15 uses"),
 * or null when none does.
 */
export function leakedNames(nb: Notebook): string | null {
  const left = new Map<string, number>();
  for (let i = 0; i < nb.cells.length; i++) {
    const cell = nb.cells[i];
    if (cell.cell_type !== 'code') continue;
    const source = parse(text(cell.source), i);
    if (isInstructorOnly(cell)) {
      for (const name of namesLeftBy(source)) if (!left.has(name)) left.set(name, i);
      continue;
    }
    for (const name of identifiersIn(source)) {
      const from = left.get(name);
      if (from !== undefined) return `cell ${from} (${firstLine(nb.cells[from])}) sets ${name}, which cell ${i} uses`;
    }
  }
  return null;
}

function parse(source: string, index: number): ts.SourceFile {
  return ts.createSourceFile(`cell${index}.ts`, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
}

/** Names a cell declares, imports or assigns at its top level. */
function namesLeftBy(source: ts.SourceFile): string[] {
  const names: string[] = [];
  const bound = (name: ts.BindingName | ts.Identifier | undefined): void => {
    if (!name) return;
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bound(element.name);
  };
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) bound(declaration.name);
    } else if (
      ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)
    ) {
      bound(statement.name);
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const { name, namedBindings } = statement.importClause;
      bound(name);
      if (namedBindings && ts.isNamespaceImport(namedBindings)) bound(namedBindings.name);
      else if (namedBindings) for (const element of namedBindings.elements) bound(element.name);
    } else {
      ts.forEachChild(statement, function assigned(node: ts.Node): void {
        const target =
          ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
            ? node.left
            : (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
                (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
              ? node.operand
              : null;
        if (target) {
          const root = rootIdentifier(target);
          if (root) names.push(root);
        }
        ts.forEachChild(node, assigned);
      });
    }
  }
  return names;
}

/** `a` of `a`, `a.b[c].d`. */
function rootIdentifier(node: ts.Expression): string | null {
  let at: ts.Expression = node;
  while (ts.isPropertyAccessExpression(at) || ts.isElementAccessExpression(at) || ts.isParenthesizedExpression(at)) at = at.expression;
  return ts.isIdentifier(at) ? at.text : null;
}

/** Every identifier a cell mentions. */
function identifiersIn(source: ts.SourceFile): Set<string> {
  const seen = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) seen.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return seen;
}
