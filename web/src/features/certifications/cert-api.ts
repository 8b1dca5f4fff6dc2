// Formatting helpers of the certification screens (the views themselves are the server's, through
// web/src/api/client.ts: Schema<"CertificateView">, Result<"certification.campaign.read"> …).
import { readsOfTag } from "../../api/client.ts";

/** Every certification read (derived from the API document by tag): what a campaign write refreshes. */
export const CERTIFICATION_READS = readsOfTag("certifications");

export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Stable keys for the pieces of a fixed text (paragraphs, diff parts), which never reorder. */
export const keyed = <T>(prefix: string, items: T[]) =>
  items.map((text, n) => ({ key: `${prefix}-${n}`, text }));
