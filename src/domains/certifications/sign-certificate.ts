import { record } from "../../kernel/audit.ts";
import { isoNow } from "../../kernel/clock.ts";
import { type Ctx, withTransaction } from "../../kernel/context.ts";
import { conflict, forbidden, invalid, notFound } from "../../kernel/errors.ts";
import { newId } from "../../kernel/ids.ts";
import { closeTasks } from "../../kernel/tasks.ts";
import { loadVersionText, sha256 } from "../policies/index.ts";
import { openFollowUps } from "./compliance-hook.ts";
import { certDb, todayOf } from "./db.ts";
import { canReadCertificate } from "./policy.ts";
import type { SignInput } from "./schemas.ts";
import type { Question, Statement } from "./tables.ts";
import { sealOf, verifySignature } from "./verify-signature.ts";
import type { CertificateList, CertificateView } from "./views.ts";

const selectCertificate = (ctx: Ctx) =>
  certDb(ctx)
    .selectFrom("cert_assignments as a")
    .innerJoin("cert_campaigns as c", "c.id", "a.campaign_id")
    .innerJoin("persons as p", "p.id", "a.person_id")
    .innerJoin("policy_versions as v", "v.id", "c.policy_version_id")
    .innerJoin("policies as pol", "pol.id", "v.policy_id")
    .selectAll("a")
    .select([
      "c.name as campaign_name",
      "c.title",
      "c.addressed_to",
      "c.statements",
      "c.questions",
      "c.text_hash as campaign_text_hash",
      "c.policy_version_id",
      "c.status as campaign_status",
      "p.first_name",
      "p.last_name",
      "p.title as person_title",
      "v.number as version_number",
      "pol.id as policy_id",
      "pol.short_title as policy_title",
    ]);

type CertificateRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectCertificate>["executeTakeFirst"]>>
>;

/** What a certificate keeps of a violation's explanation once it is filed as a sealed speak-up report. */
export const REPORTED_CONFIDENTIALLY =
  "Reported confidentially to the speak-up service (COC-22.2): the explanation is kept sealed in the case, which you can follow under your own speak-up reports.";

const normaliseName = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

function summary(r: CertificateRow, today: string) {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    title: r.title,
    addressedTo: r.addressed_to,
    policyId: r.policy_id,
    policyTitle: r.policy_title,
    policyVersionId: r.policy_version_id,
    versionNumber: Number(r.version_number),
    person: { id: r.person_id, name: `${r.first_name} ${r.last_name}`, title: r.person_title },
    dueDate: r.due_date,
    status: r.status,
    isOverdue: r.status === "pending" && r.due_date < today,
    signedAt: r.signed_at,
  };
}

/** The signed-in person's certificates, pending first. */
export async function listMyCertificates(ctx: Ctx): Promise<CertificateList> {
  if (ctx.actor.kind !== "user" || !ctx.actor.personId) return { items: [] };
  const rows = await selectCertificate(ctx)
    .where("a.person_id", "=", ctx.actor.personId)
    .orderBy("a.status")
    .orderBy("a.due_date")
    .limit(200)
    .execute();
  const today = todayOf(ctx);
  return { items: rows.map((r) => summary(r, today)) };
}

/** The certificates of the signed-in supervisor's direct reports (escalations point here). */
export async function listTeamCertificates(ctx: Ctx): Promise<CertificateList> {
  if (ctx.actor.kind !== "user" || !ctx.actor.personId) return { items: [] };
  const rows = await selectCertificate(ctx)
    .where("a.supervisor_id", "=", ctx.actor.personId)
    .where("c.status", "=", "active")
    .orderBy("a.status")
    .orderBy("a.due_date")
    .limit(500)
    .execute();
  const today = todayOf(ctx);
  return { items: rows.map((r) => summary(r, today)) };
}

/** One certificate: the exact policy version and wording to sign, or the signature and its integrity. */
export async function getCertificate(ctx: Ctx, assignmentId: string): Promise<CertificateView> {
  const row = await selectCertificate(ctx).where("a.id", "=", assignmentId).executeTakeFirst();
  if (!row || !canReadCertificate(ctx.actor, { personId: row.person_id, addressedTo: row.addressed_to })) {
    throw notFound("The certificate");
  }
  const version = await loadVersionText(ctx, row.policy_version_id);
  const signature = await certDb(ctx)
    .selectFrom("cert_signatures")
    .selectAll()
    .where("assignment_id", "=", assignmentId)
    .executeTakeFirst();
  const isSigner = ctx.actor.kind === "user" && ctx.actor.personId === row.person_id;
  return {
    ...summary(row, todayOf(ctx)),
    textHash: row.campaign_text_hash,
    statements: JSON.parse(row.statements) as Statement[],
    questions: JSON.parse(row.questions) as Question[],
    sections: version.sections.map((s) => ({
      number: s.number,
      title: s.title,
      body: s.body,
      anchor: s.anchor,
    })),
    signature: signature
      ? {
          id: signature.id,
          signedAt: signature.signed_at,
          typedName: signature.typed_name,
          textHash: signature.text_hash,
          seal: signature.seal,
          affirmed: JSON.parse(signature.affirmed) as string[],
          answers: JSON.parse(signature.answers) as Record<string, { answer: boolean; details?: string }>,
          integrity: await verifySignature(ctx, signature),
        }
      : null,
    can: {
      sign: isSigner && row.status === "pending" && row.campaign_status === "active",
      // Only the signer follows a report their answer filed, under their own speak-up reports.
      followReports: isSigner,
    },
  };
}

/**
 * Signs a certificate: the signer affirms every statement of the exact version shown (its hash),
 * answers every question and types their name. The signature stores the person, the time, the
 * hash of the certified text and the answers, sealed; it never changes afterwards.
 */
export async function signCertificate(
  ctx: Ctx,
  assignmentId: string,
  input: SignInput,
): Promise<CertificateView> {
  return withTransaction(ctx, async (tx) => {
    const actor = tx.actor;
    const row = await selectCertificate(tx).where("a.id", "=", assignmentId).executeTakeFirst();
    if (!row || !canReadCertificate(actor, { personId: row.person_id, addressedTo: row.addressed_to })) {
      throw notFound("The certificate");
    }
    if (actor.kind !== "user" || actor.personId !== row.person_id)
      throw forbidden("Only the person it names may sign a certificate.");
    if (row.status === "signed")
      throw conflict("This certificate is already signed; a signature never changes.");
    if (row.campaign_status !== "active") throw conflict("This campaign is closed.");
    if (input.textHash !== row.campaign_text_hash) {
      throw conflict(
        "The certificate's text has changed since you opened it: reload it and read the current version before signing.",
      );
    }
    const stored = await certDb(tx)
      .selectFrom("cert_texts")
      .select("body")
      .where("hash", "=", row.campaign_text_hash)
      .executeTakeFirst();
    const version = await loadVersionText(tx, row.policy_version_id);
    if (
      !stored ||
      sha256(stored.body) !== row.campaign_text_hash ||
      !stored.body.startsWith(version.text.trimEnd())
    ) {
      throw conflict(
        "The certified text no longer matches its recorded hash (it may have been tampered with); the Compliance Office has to look into it before anyone signs.",
      );
    }
    const statements = JSON.parse(row.statements) as Statement[];
    const questions = JSON.parse(row.questions) as Question[];
    const missing = statements.filter((s) => !input.affirmed.includes(s.id));
    if (missing.length) {
      throw invalid(
        `Affirm every statement to sign (COC-23.1): ${missing.map((s) => `"${s.text}"`).join(", ")}.`,
        missing.map((s) => ({ path: `affirmed.${s.id}`, message: "must be affirmed" })),
      );
    }
    const unknown = input.affirmed.filter((id) => !statements.some((s) => s.id === id));
    if (unknown.length) throw invalid(`Unknown statements: ${unknown.join(", ")}.`);
    const unanswered = questions.filter((q) => !input.answers[q.id]);
    if (unanswered.length) {
      throw invalid(
        `Answer every question: ${unanswered.map((q) => `"${q.text}"`).join(", ")}.`,
        unanswered.map((q) => ({ path: `answers.${q.id}`, message: "is required" })),
      );
    }
    const extra = Object.keys(input.answers).filter((id) => !questions.some((q) => q.id === id));
    if (extra.length) throw invalid(`Unknown questions: ${extra.join(", ")}.`);
    const fullName = `${row.first_name} ${row.last_name}`;
    if (normaliseName(input.typedName) !== normaliseName(fullName)) {
      throw invalid(`Type your full name as it appears in the directory (${fullName}) to sign.`, [
        { path: "typedName", message: "does not match your name" },
      ]);
    }
    const given = Object.fromEntries(
      questions.map((q) => {
        const a = input.answers[q.id]!;
        return [q.id, { answer: a.answer, ...(a.details ? { details: a.details } : {}) }];
      }),
    );
    const signedAt = isoNow(tx.clock);
    // The follow-ups open first, in this transaction: a violation's explanation goes into a sealed
    // speak-up case, and the certificate keeps only that it was reported (COC-22.2), so the
    // certificate's readers (the signer's reviewers) never see the narrative.
    const followUps = questions
      .filter((q) => given[q.id]?.answer && q.kind !== "other")
      .map((q) => ({
        questionId: q.id,
        questionText: q.text,
        kind: q.kind,
        details: given[q.id]?.details ?? null,
      }));
    const { tasksOpened, reports } = await openFollowUps(
      tx,
      { personId: row.person_id, name: fullName, assignmentId },
      followUps,
    );
    const answers = Object.fromEntries(
      Object.entries(given).map(([id, a]) => [
        id,
        reports.has(id) ? { answer: a.answer, details: REPORTED_CONFIDENTIALLY } : a,
      ]),
    );
    const base = {
      id: newId(),
      assignment_id: assignmentId,
      person_id: row.person_id,
      user_id: actor.userId,
      policy_version_id: row.policy_version_id,
      signed_at: signedAt,
      typed_name: input.typedName.trim(),
      text_hash: row.campaign_text_hash,
      affirmed: JSON.stringify(statements.map((s) => s.id)),
      answers: JSON.stringify(answers),
    };
    const seal = sealOf(base);
    const db = certDb(tx);
    await db
      .insertInto("cert_signatures")
      .values({ ...base, seal })
      .execute();
    const updated = await db
      .updateTable("cert_assignments")
      .set({ status: "signed", signed_at: signedAt })
      .where("id", "=", assignmentId)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict("This certificate is already signed.");
    await closeTasks(
      tx,
      { kinds: ["certification.sign"], href: `/certifications/sign/${assignmentId}` },
      signedAt,
    );
    await record(
      tx,
      "certification.sign",
      { type: "cert_assignment", id: assignmentId },
      {
        signatureId: base.id,
        campaignId: row.campaign_id,
        policyVersionId: row.policy_version_id,
        textSha256: row.campaign_text_hash,
        seal,
        followUps: followUps.map((f) => f.kind),
        tasksOpened,
      },
    );
    return getCertificate(tx, assignmentId);
  });
}
