import type { Ctx } from "../../kernel/context.ts";
import { currentCertification } from "./current-certification.ts";
import { yearOf } from "./dates.ts";
import { committeesDb } from "./db.ts";
import { evaluateIndependence } from "./independence.ts";
import { checksOf, currentMembers, today } from "./load.ts";
import { CHARTER_SENTENCES, type RuleId } from "./rules.ts";
import type { CommitteesTable } from "./tables.ts";
import type { ComplianceAlertView, ComplianceView } from "./views.ts";

/** One broken sentence of the charter: `message` names the rule and what is wrong ("CC-1: … has 2 members"). */
export type Alert = ComplianceAlertView;
export type MemberStanding = ComplianceView["members"][number];
export type Compliance = ComplianceView;

const alert = (
  rule: RuleId,
  severity: Alert["severity"],
  message: string,
  personId: string | null = null,
): Alert => ({
  rule,
  severity,
  message: `${rule}: ${message}`,
  sentence: CHARTER_SENTENCES[rule],
  personId,
});

/**
 * Where the committee stands against its charter on `asOf`: size (CC-1), each member's
 * independence from their certified questionnaire (CC-2, CC-20), a Chair designated by the Board
 * (CC-3) and the year's regular meetings (CC-4). Computed live, never stored, so it cannot go stale.
 */
export async function committeeCompliance(
  ctx: Ctx,
  committee: CommitteesTable,
  asOf = today(ctx),
): Promise<Compliance> {
  const members = await currentMembers(ctx, committee.id, asOf);
  const checks = checksOf(committee);
  const alerts: Alert[] = [];
  const standings: MemberStanding[] = [];
  if (members.length < committee.min_members) {
    alerts.push(
      alert(
        "CC-1",
        "breach",
        `the charter requires at least ${committee.min_members} members; the ${committee.name} has ${members.length} on ${asOf}.`,
      ),
    );
  }
  if (!members.some((m) => m.isChair))
    alerts.push(
      alert(
        "CC-3",
        "breach",
        `the Board has not designated a Chair of the ${committee.name} serving on ${asOf}.`,
      ),
    );
  for (const m of members) {
    const cert = await currentCertification(ctx, m.personId, asOf);
    const independence = cert ? evaluateIndependence(cert.answers, asOf, checks) : null;
    standings.push({
      ...m,
      certification: cert && { year: cert.year, certifiedAt: cert.certifiedAt },
      independence,
    });
    if (!cert) {
      alerts.push(
        alert(
          "CC-20",
          "breach",
          `${m.name} has not certified a D&O questionnaire in the 12 months before ${asOf}, so independence cannot be confirmed (CC-2).`,
          m.personId,
        ),
      );
      continue;
    }
    for (const f of independence!.findings) {
      const label =
        f.standard === "nyse"
          ? "is not independent"
          : f.standard === "rule16b3"
            ? "is not a non-employee director"
            : "is not an outside director";
      alerts.push(alert("CC-2", "breach", `${m.name} ${label} under ${f.test}: ${f.message}.`, m.personId));
    }
  }
  const year = yearOf(asOf);
  const meetings = await committeesDb(ctx)
    .selectFrom("committee_meetings")
    .select(["status", "starts_at"])
    .where("committee_id", "=", committee.id)
    .where("kind", "=", "regular")
    .where("status", "!=", "cancelled")
    .where("starts_at", ">=", `${year}-01-01`)
    .where("starts_at", "<", `${year + 1}-01-01`)
    .execute();
  const held = meetings.filter((m) => m.status === "adjourned").length;
  if (meetings.length < committee.min_regular_meetings) {
    alerts.push(
      alert(
        "CC-4",
        "warning",
        `the charter requires at least ${committee.min_regular_meetings} regular meetings a year; ${held} held and ${meetings.length - held} scheduled in ${year}.`,
      ),
    );
  }
  return { asOf, isCompliant: !alerts.some((a) => a.severity === "breach"), members: standings, alerts };
}
