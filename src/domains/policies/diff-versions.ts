import type { Ctx } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import { getVersion } from "./read-policies.ts";
import type { PolicyDiffView } from "./views.ts";

export type DiffPart = { op: "eq" | "add" | "del"; text: string };
export type SectionDiff = {
  number: string;
  title: string;
  change: "added" | "removed" | "changed" | "unchanged";
  titleBefore?: string;
  parts?: DiffPart[];
};

const MAX_TOKENS = 6000;

/** Word-level diff (longest common subsequence over words and the spaces between them). */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = before.split(/(\s+)/);
  const b = after.split(/(\s+)/);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    return [
      { op: "del", text: before },
      { op: "add", text: after },
    ];
  }
  // Trim the common head and tail first: most edits touch a small part of a section.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const n = x.length;
  const m = y.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart["op"], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else if (text) parts.push({ op, text });
  };
  push("eq", a.slice(0, head).join(""));
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      push("eq", x[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push("del", x[i++]!);
    else push("add", y[j++]!);
  }
  while (i < n) push("del", x[i++]!);
  while (j < m) push("add", y[j++]!);
  push("eq", a.slice(a.length - tail).join(""));
  return parts;
}

/** A readable diff between two versions of the same policy, section by section. */
export async function diffVersions(
  ctx: Ctx,
  fromVersionId: string,
  toVersionId: string,
): Promise<PolicyDiffView> {
  const from = await getVersion(ctx, fromVersionId);
  const to = await getVersion(ctx, toVersionId);
  if (from.policy.id !== to.policy.id) throw invalid("Both versions must belong to the same policy.");
  const before = new Map(from.sections.map((s) => [s.number, s]));
  const after = new Map(to.sections.map((s) => [s.number, s]));
  const sections: SectionDiff[] = [];
  for (const s of to.sections) {
    const old = before.get(s.number);
    if (!old)
      sections.push({
        number: s.number,
        title: s.title,
        change: "added",
        parts: [{ op: "add", text: s.body }],
      });
    else if (old.body === s.body && old.title === s.title)
      sections.push({ number: s.number, title: s.title, change: "unchanged" });
    else
      sections.push({
        number: s.number,
        title: s.title,
        change: "changed",
        ...(old.title !== s.title && { titleBefore: old.title }),
        parts: diffWords(old.body, s.body),
      });
  }
  for (const s of from.sections) {
    if (!after.has(s.number))
      sections.push({
        number: s.number,
        title: s.title,
        change: "removed",
        parts: [{ op: "del", text: s.body }],
      });
  }
  return {
    policy: to.policy,
    from: from.version,
    to: to.version,
    summary: {
      added: sections.filter((s) => s.change === "added").length,
      removed: sections.filter((s) => s.change === "removed").length,
      changed: sections.filter((s) => s.change === "changed").length,
      unchanged: sections.filter((s) => s.change === "unchanged").length,
    },
    sections,
  };
}
