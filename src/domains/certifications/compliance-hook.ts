import type { Ctx } from "../../kernel/context.ts";
import { ensureTask } from "../../kernel/tasks.ts";
import { openConflictFromCertificate } from "../disclosures/index.ts";
import { recipients } from "../people/index.ts";
import { caseExclusion, type FiledCertificateReport, fileCertificateReport } from "../speakup/index.ts";
import type { Question } from "./tables.ts";

export type FollowUp = {
  questionId: string;
  questionText: string;
  kind: Question["kind"];
  details: string | null;
};

export type FollowUpsOpened = {
  tasksOpened: number;
  /** The confidential speak-up report each "yes" to a violation question filed, by question id. */
  reports: Map<string, FiledCertificateReport>;
};

/**
 * A "yes" to a conflict or violation question, in the signer's transaction:
 * - a conflict opens a draft conflict disclosure pre-filled with the answer, which the signer
 *   completes and submits (COC-6.1), and a task for every Compliance Office user linking to it;
 * - a violation files a confidential speak-up report on the signer's behalf with their explanation
 *   (COC-23.2, COC-21.1), routed like any report (SOC-4). The Compliance Office officers allowed to
 *   handle it get a task linking to the case; when it routes to the Audit Committee, the committee's
 *   own acknowledgement task is the follow-up and the Compliance Office gets none, and an officer the
 *   explanation names never gets one (COC-22.2). The task does not name the signer.
 */
export async function openFollowUps(
  ctx: Ctx,
  signer: { personId: string; name: string; assignmentId: string },
  followUps: readonly FollowUp[],
): Promise<FollowUpsOpened> {
  const reports = new Map<string, FiledCertificateReport>();
  if (followUps.length === 0) return { tasksOpened: 0, reports };
  const officers = await recipients(ctx, { roles: ["compliance_officer"] });
  let opened = 0;
  for (const f of followUps) {
    const disclosure =
      f.kind === "conflict"
        ? await openConflictFromCertificate(ctx, {
            personId: signer.personId,
            details: f.details,
            certificateId: signer.assignmentId,
            certificateTitle: "a Certificate of Compliance",
          })
        : null;
    const report =
      f.kind === "violation"
        ? await fileCertificateReport(ctx, {
            certificateTitle: "a Certificate of Compliance",
            questionText: f.questionText,
            explanation: f.details,
          })
        : null;
    if (report) reports.set(f.questionId, report);
    const title =
      f.kind === "conflict"
        ? `Conflict of interest disclosed on a certificate by ${signer.name} (COC-6.1): follow up`
        : report
          ? `Possible violation of the Code reported on a certificate: speak-up case ${report.number}; follow up confidentially (COC-22.2)`
          : `Certificate answer to follow up: ${signer.name}`;
    const href = disclosure
      ? `/disclosures/conflicts/${disclosure.id}`
      : report
        ? `/speakup/cases/${report.caseId}`
        : `/certifications/certificates/${signer.assignmentId}`;
    // On a case, every officer the case keeps away (named, conflicted or probably named) is left
    // out, as well as the signer and whoever the explanation names (COC-22.2).
    const excluded = report ? await caseExclusion(ctx, report.caseId) : null;
    const assignees = report
      ? report.team === "compliance"
        ? officers.filter(
            (o) =>
              !excluded?.(o) &&
              (!o.personId ||
                (o.personId !== signer.personId && !report.namedPersonIds.includes(o.personId))),
          )
        : []
      : officers;
    for (const o of assignees) {
      await ensureTask(
        ctx,
        { userId: o.userId, kind: `certification.follow_up.${f.kind}`, title, href },
        { dedupe: "none" },
      );
      opened += 1;
    }
  }
  return { tasksOpened: opened, reports };
}
