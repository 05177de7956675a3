/**
 * A parsed PostgreSQL tsquery, as printed by `tsquery::text`, evaluated in memory against the
 * programme index's postings. Only what `cw_search_query` builds is understood (quoted lexemes,
 * `&`, `|`, `!`, parentheses); anything else (phrases, weights, prefixes) makes `parseTsquery`
 * return undefined and the caller asks the database instead. Written by hand: no library parses
 * PostgreSQL's tsquery output, and the grammar needed here is a dozen lines.
 */
export type TsqueryNode =
  | { kind: "lexeme"; lexeme: string }
  | { kind: "not"; operand: TsqueryNode }
  | { kind: "and" | "or"; left: TsqueryNode; right: TsqueryNode };

type Token = { kind: "lexeme"; lexeme: string } | { kind: "op"; op: "&" | "|" | "!" | "(" | ")" };

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " ") {
      i++;
    } else if (c === "&" || c === "|" || c === "!" || c === "(" || c === ")") {
      tokens.push({ kind: "op", op: c });
      i++;
    } else if (c === "'") {
      let lexeme = "";
      i++;
      while (true) {
        if (i >= text.length) return undefined;
        if (text[i] === "'" && text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else if (text[i] === "\\") {
          lexeme += text[i + 1] ?? "";
          i += 2;
        } else {
          lexeme += text[i];
          i++;
        }
      }
      // A weight or prefix marker (':*', ':AB') changes the meaning: not handled here.
      if (text[i] === ":") return undefined;
      tokens.push({ kind: "lexeme", lexeme });
    } else {
      return undefined;
    }
  }
  return tokens;
}

/** Parses tsquery text; precedence as in PostgreSQL: `!` binds tighter than `&`, `&` than `|`. */
export function parseTsquery(text: string): TsqueryNode | undefined {
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return undefined;
  let at = 0;
  const isOp = (op: string) => {
    const t = tokens[at];
    return t?.kind === "op" && t.op === op;
  };
  const primary = (): TsqueryNode | undefined => {
    const t = tokens[at];
    if (!t) return undefined;
    if (t.kind === "lexeme") {
      at++;
      return t;
    }
    if (t.op === "!") {
      at++;
      const operand = primary();
      return operand && { kind: "not", operand };
    }
    if (t.op === "(") {
      at++;
      const inner = or();
      if (!inner || !isOp(")")) return undefined;
      at++;
      return inner;
    }
    return undefined;
  };
  const binary = (op: "&" | "|", next: () => TsqueryNode | undefined) => (): TsqueryNode | undefined => {
    let left = next();
    while (left && isOp(op)) {
      at++;
      const right = next();
      if (!right) return undefined;
      left = { kind: op === "&" ? "and" : "or", left, right };
    }
    return left;
  };
  const and = binary("&", primary);
  const or = binary("|", and);
  const tree = or();
  return tree && at === tokens.length ? tree : undefined;
}

/** The lexemes of an or-only subtree, or undefined when it holds anything else. */
function orLexemes(node: TsqueryNode, into: string[]): string[] | undefined {
  if (node.kind === "lexeme") {
    into.push(node.lexeme);
    return into;
  }
  if (node.kind !== "or") return undefined;
  return orLexemes(node.left, into) && orLexemes(node.right, into);
}

/**
 * The events (as a 0/1 mask over index positions) whose documents match the query. A word with
 * its thirty alternatives is one or-group: its postings are written into one mask.
 */
export function evaluateTsquery(node: TsqueryNode, size: number, postings: ReadonlyMap<string, Int32Array>): Uint8Array {
  const group = orLexemes(node, []);
  if (group) {
    const mask = new Uint8Array(size);
    for (const lexeme of group) for (const position of postings.get(lexeme) ?? []) mask[position] = 1;
    return mask;
  }
  switch (node.kind) {
    case "lexeme":
      throw new Error("unreachable: a lexeme is an or-group");
    case "not": {
      const mask = evaluateTsquery(node.operand, size, postings);
      for (let i = 0; i < size; i++) mask[i] = mask[i] ? 0 : 1;
      return mask;
    }
    default: {
      const left = evaluateTsquery(node.left, size, postings);
      const right = evaluateTsquery(node.right, size, postings);
      if (node.kind === "and") for (let i = 0; i < size; i++) left[i] = (left[i] as number) & (right[i] as number);
      else for (let i = 0; i < size; i++) left[i] = (left[i] as number) | (right[i] as number);
      return left;
    }
  }
}
