import type { MailboxView } from "./mailbox.ts";
import { SETUP_CODE_DAYS } from "./receipts.ts";
import { ATTACHMENT_LIMITS, CATEGORIES, type CaseStatus, STATUS_LABELS } from "./vocabulary.ts";

/** Escapes text for HTML; every value that reaches a page goes through it. */
export const esc = (value: unknown) =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

export type Org = {
  name: string;
  hotlineDomestic: string | null;
  hotlineInternational: string | null;
  legalContactName: string | null;
  legalContactPhone: string | null;
  legalContactAddress: string | null;
};

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;background:#f4f6fb}
header{background:#1c3d7a;color:#fff;padding:14px 20px}header a{color:#fff;text-decoration:none;font-weight:700}header small{opacity:.8;margin-left:8px}
main{max-width:760px;margin:0 auto;padding:20px}
.card{background:#fff;border:1px solid #dfe3ec;border-radius:10px;padding:20px;margin:0 0 16px}
h1{font-size:1.6rem;margin:.2em 0 .4em}h2{font-size:1.15rem;margin:0 0 .6em}
label{display:block;font-weight:600;margin:.8em 0 .25em}.hint{font-weight:400;color:#5c6370;font-size:.9rem}
input[type=text],input[type=email],input[type=password],input[type=date],input[type=tel],select,textarea{width:100%;padding:10px;border:1px solid #b8bfcc;border-radius:6px;font:inherit;background:#fff}
textarea{min-height:140px}input:focus,select:focus,textarea:focus,button:focus,a:focus{outline:3px solid #7aa7ff;outline-offset:1px}
fieldset{border:0;padding:0;margin:0}legend{font-weight:700;font-size:1.15rem;margin-bottom:.4em}
.radio{display:flex;gap:10px;align-items:flex-start;margin:.5em 0;font-weight:400}.radio input{margin-top:.35em}
.btn{display:inline-block;background:#1c3d7a;color:#fff;border:0;border-radius:6px;padding:12px 20px;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.btn.secondary{background:#fff;color:#1c3d7a;border:1px solid #1c3d7a}.actions{display:flex;gap:12px;flex-wrap:wrap;margin-top:16px}
.error{background:#fdecec;border:1px solid #f3b3b3;color:#8a1c1c;border-radius:6px;padding:10px 12px;margin:.5em 0}
.field-error{color:#b42318;font-size:.9rem;margin:.2em 0 0}
.notice{background:#fff8e6;border:1px solid #f2d38a;border-radius:6px;padding:10px 12px;font-size:.95rem}
.receipt{font:700 1.7rem/1.3 ui-monospace,Menlo,monospace;letter-spacing:.08em;background:#eef3ff;border:2px dashed #1c3d7a;border-radius:8px;padding:14px;text-align:center;margin:12px 0}
.msg{border-left:4px solid #1c3d7a;padding:8px 12px;margin:10px 0;background:#f7f9fd}.msg.reporter{border-color:#2f9e44;background:#f3fbf4}
.msg .meta{font-size:.85rem;color:#5c6370}.msg p{white-space:pre-wrap;margin:.3em 0 0}
.row{display:grid;grid-template-columns:1fr 1fr;gap:12px}@media(max-width:560px){.row{grid-template-columns:1fr}main{padding:12px}.receipt{font-size:1.3rem}}
.nowrap{white-space:nowrap}
footer{color:#5c6370;font-size:.85rem;text-align:center;padding:20px}
`;

export function page(org: Org, title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>${esc(title)} · ${esc(org.name)}</title><style>${STYLE}</style></head>
<body><header><a href="/speakup">Speak up</a><small>${esc(org.name)}</small></header><main>${body}</main>
<footer>This page records no IP address, browser or referrer. Retaliation against anyone who reports in good faith is not tolerated (Code section 21).</footer></body></html>`;
}

export function landing(org: Org): string {
  const phones = [
    org.hotlineDomestic && `<li>In the United States: <strong>${esc(org.hotlineDomestic)}</strong></li>`,
    org.hotlineInternational &&
      `<li>From other countries: <strong>${esc(org.hotlineInternational)}</strong></li>`,
  ].filter(Boolean);
  return page(
    org,
    "Speak up",
    `
<div class="card"><h1>Report a concern</h1>
<p>If you suspect a violation of the law or of ${esc(org.name)}'s Code of Business Conduct and Ethics, you can tell us here. You may stay anonymous. Your report is encrypted and read only by the people who handle it; anyone you name never sees it.</p>
<div class="actions"><a class="btn" href="/speakup/report">Make a report</a><a class="btn secondary" href="/speakup/mailbox">Follow up on a report</a></div></div>
<div class="card"><h2>Other ways to report</h2><ul>${phones.join("")}
${org.legalContactName ? `<li>The General Counsel: ${esc(org.legalContactName)}${org.legalContactPhone ? `, ${esc(org.legalContactPhone)}` : ""}${org.legalContactAddress ? `, or in writing to ${esc(org.legalContactAddress)}` : ""}</li>` : ""}</ul>
<p class="hint">Accounting, internal-control and auditing concerns go to the Audit Committee, confidentially or anonymously (Code of Ethics for Senior Officers).</p></div>`,
  );
}

type FormValues = Record<string, string | undefined>;
type FieldErrors = Record<string, string>;

const fieldError = (errors: FieldErrors, name: string) =>
  errors[name] ? `<p class="field-error" id="${name}-error">${esc(errors[name])}</p>` : "";
const described = (errors: FieldErrors, name: string) =>
  errors[name] ? ` aria-invalid="true" aria-describedby="${name}-error"` : "";

export function reportForm(
  org: Org,
  options: {
    values: FormValues;
    errors: FieldErrors;
    message?: string;
    idempotencyKey: string;
    countries: { code: string; name: string }[];
    entities: { id: string; name: string }[];
  },
): string {
  const v = options.values;
  const e = options.errors;
  const sel = (name: string, value: string) => (v[name] === value ? " selected" : "");
  const chk = (name: string, value: string, byDefault = false) =>
    v[name] === value || (v[name] === undefined && byDefault) ? " checked" : "";
  return page(
    org,
    "Make a report",
    `
<h1>Make a report</h1>
${options.message ? `<div class="error" role="alert">${esc(options.message)}</div>` : ""}
<form method="post" action="/speakup/report" enctype="multipart/form-data" class="card" novalidate>
<input type="hidden" name="idempotencyKey" value="${esc(options.idempotencyKey)}">
<fieldset><legend>1. What happened</legend>
<label for="category">What is it about?</label>
<select id="category" name="category" required${described(e, "category")}><option value="">Choose…</option>
${CATEGORIES.map((c) => `<option value="${c.id}"${sel("category", c.id)}>${esc(c.label)}</option>`).join("")}</select>${fieldError(e, "category")}
<label for="summary">In a few words</label><input type="text" id="summary" name="summary" maxlength="200" required value="${esc(v.summary)}"${described(e, "summary")}>${fieldError(e, "summary")}
<label for="details">Tell us what happened <span class="hint">What, who, how, and anything that would help us look into it.</span></label>
<textarea id="details" name="details" maxlength="20000"${described(e, "details")}>${esc(v.details)}</textarea>${fieldError(e, "details")}
</fieldset>
<fieldset><legend>2. When and where</legend>
<div class="row"><div><label for="occurredOn">When did it happen? <span class="hint">(optional)</span></label><input type="date" id="occurredOn" name="occurredOn" value="${esc(v.occurredOn)}"${described(e, "occurredOn")}>${fieldError(e, "occurredOn")}</div>
<div><label for="country">Country <span class="hint">(optional)</span></label><select id="country" name="country"><option value="">—</option>${options.countries.map((c) => `<option value="${c.code}"${sel("country", c.code)}>${esc(c.name)}</option>`).join("")}</select>${fieldError(e, "country")}</div></div>
<div class="row"><div><label for="site">Site or office <span class="hint">(optional)</span></label><input type="text" id="site" name="site" maxlength="200" value="${esc(v.site)}"></div>
<div><label for="legalEntityId">Company <span class="hint">(optional)</span></label><select id="legalEntityId" name="legalEntityId"><option value="">—</option>${options.entities.map((x) => `<option value="${x.id}"${sel("legalEntityId", x.id)}>${esc(x.name)}</option>`).join("")}</select></div></div>
</fieldset>
<fieldset><legend>3. Who is involved</legend>
<label for="involved">Names of the people involved <span class="hint">One per line, with their job if you know it. They will never see your report.</span></label>
<textarea id="involved" name="involved" style="min-height:80px" maxlength="4000">${esc(v.involved)}</textarea>
<p class="hint" id="who-sees">Who will see your report (COC-22.2, SOC-4): only the people who handle reports, in the Compliance Office or, for accounting concerns and reports about the CEO, a senior officer, the General Counsel or a director, the Audit Committee. Anyone your report names, here or anywhere in your text, by name, surname, initials or job title, is kept away from it before anyone reads it; if we are not sure who you mean, the Audit Committee decides, and the person stays away until it does.</p>
<label class="radio"><input type="checkbox" name="involvesSeniorManagement" value="yes"${chk("involvesSeniorManagement", "yes")}> It involves a director, the CEO, a senior officer or the General Counsel</label>
<label for="howKnown">How do you know about it? <span class="hint">(optional)</span></label><textarea id="howKnown" name="howKnown" style="min-height:70px" maxlength="2000">${esc(v.howKnown)}</textarea>
</fieldset>
<fieldset><legend>4. Files <span class="hint">(optional)</span></legend>
<label for="files">Documents or pictures <span class="hint">Up to ${ATTACHMENT_LIMITS.maxFiles} files of ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB: ${ATTACHMENT_LIMITS.extensions.join(", ")}.</span></label>
<input type="file" id="files" name="files" multiple${described(e, "attachments")}>${fieldError(e, "attachments")}
<p class="notice">Files can carry hidden details about who made them (author names, the device, GPS position in photos). Remove them, or send a screenshot or a printout scanned on a shared machine, if you want to stay anonymous.</p>
</fieldset>
<fieldset><legend>5. Who you are</legend>
<label class="radio"><input type="radio" name="identityMode" value="anonymous"${chk("identityMode", "anonymous", true)}> <span><strong>Stay anonymous.</strong> We will not know who you are. You follow up with your receipt and password.</span></label>
<label class="radio"><input type="radio" name="identityMode" value="confidential"${chk("identityMode", "confidential")}> <span><strong>Confidential.</strong> Only the people handling the report learn your name.</span></label>
<label class="radio"><input type="radio" name="identityMode" value="open"${chk("identityMode", "open")}> <span><strong>Open.</strong> You are happy to be named in the investigation.</span></label>
${fieldError(e, "identity")}
<div class="row"><div><label for="name">Your name <span class="hint">(not if anonymous)</span></label><input type="text" id="name" name="name" maxlength="200" value="${esc(v.name)}"></div>
<div><label for="email">E-mail or phone <span class="hint">(not if anonymous)</span></label><input type="text" id="email" name="contact" maxlength="200" value="${esc(v.contact)}"${described(e, "contact")}>${fieldError(e, "contact")}</div></div>
</fieldset>
<fieldset><legend>6. Your password</legend>
<p class="hint">You will get a 16-digit receipt. With it and this password you can read our questions and answer them. We cannot recover either for you.</p>
<label for="password">Choose a password <span class="hint">(at least 8 characters)</span></label><input type="password" id="password" name="password" autocomplete="new-password" required${described(e, "password")}>${fieldError(e, "password")}
</fieldset>
<div class="actions"><button class="btn" type="submit">Send the report</button><a class="btn secondary" href="/speakup">Cancel</a></div>
</form>`,
  );
}

export function receiptPage(org: Org, receipt: string, number: string): string {
  return page(
    org,
    "Report received",
    `
<div class="card" role="status"><h1>Thank you. Your report was received.</h1>
<p>Write down this receipt now. It is shown only once, and we cannot recover it.</p>
<div class="receipt" aria-label="Your receipt, ${esc(receipt.split("").join(" "))}">${esc(receipt)}</div>
<p>With the receipt and your password you can follow up at <a href="/speakup/mailbox">/speakup/mailbox</a>: read questions from the people handling your report and answer them. Please check back in a few days; we acknowledge every report within seven days.</p>
<p class="hint">Reference for your records: <span class="nowrap">${esc(number)}</span> (this reference alone does not open the mailbox).</p>
<div class="actions"><a class="btn" href="/speakup/mailbox">Go to the mailbox</a></div></div>`,
  );
}

export function mailboxLogin(
  org: Org,
  options: { message?: string; status?: number; challenge?: string },
): string {
  return page(
    org,
    "Follow up on a report",
    `
<h1>Follow up on a report</h1>
${options.message ? `<div class="error" role="alert">${esc(options.message)}</div>` : ""}
<form method="post" action="/speakup/mailbox" class="card">
<label for="receipt">Receipt <span class="hint">(16 digits)</span></label><input type="text" id="receipt" name="receipt" inputmode="numeric" autocomplete="off" required>
<label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
${options.challenge ? `<input type="hidden" name="powChallenge" value="${esc(options.challenge)}"><input type="hidden" name="powSolution" value=""><script src="/speakup/pow.js" defer></script>` : ""}
<div class="actions"><button class="btn" type="submit">Open the mailbox</button></div></form>
<p class="card">Reported by phone? The first time, <a href="/speakup/mailbox/setup">set your own password</a> with your receipt and the one-time code the operator read to you.</p>`,
  );
}

/** The first visit after a phone report: the caller sets a password nobody else knows (COC-22.2). */
export function mailboxSetup(org: Org, options: { message?: string; challenge?: string }): string {
  return page(
    org,
    "Set your password",
    `
<h1>Set your password</h1>
<p>You reported by phone. Enter the receipt and the one-time code the operator read to you, and choose a password that only you know. The code then stops working; from then on you open the mailbox with your receipt and this password.</p>
${options.message ? `<div class="error" role="alert">${esc(options.message)}</div>` : ""}
<form method="post" action="/speakup/mailbox/setup" class="card">
<label for="receipt">Receipt <span class="hint">(16 digits)</span></label><input type="text" id="receipt" name="receipt" inputmode="numeric" autocomplete="off" required>
<label for="code">One-time code <span class="hint">(8 digits, valid for ${SETUP_CODE_DAYS} days)</span></label><input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
<label for="password">Choose a password <span class="hint">(at least 8 characters)</span></label><input type="password" id="password" name="password" autocomplete="new-password" required>
<label for="repeat">Repeat the password</label><input type="password" id="repeat" name="repeat" autocomplete="new-password" required>
${options.challenge ? `<input type="hidden" name="powChallenge" value="${esc(options.challenge)}"><input type="hidden" name="powSolution" value=""><script src="/speakup/pow.js" defer></script>` : ""}
<div class="actions"><button class="btn" type="submit">Set the password and open the mailbox</button></div></form>`,
  );
}

export function mailboxPage(org: Org, view: MailboxView, csrf: string, message?: string): string {
  const file = (f: { id: string; filename: string; size: number }) =>
    `<li><a href="/speakup/mailbox/files/${esc(f.id)}">${esc(f.filename)}</a> <span class="hint">(${Math.ceil(f.size / 1024)} KB)</span></li>`;
  return page(
    org,
    "Your report",
    `
<div class="card"><h1>Your report</h1><p><strong>${esc(view.summary)}</strong></p>
<p class="hint">${esc(view.category)} · received ${esc(view.receivedAt.slice(0, 10))} · ${esc(STATUS_LABELS[view.status as CaseStatus] ?? view.status)}</p>
${view.attachments.length ? `<p>Files you sent:</p><ul>${view.attachments.map(file).join("")}</ul>` : ""}</div>
<div class="card"><h2>Messages</h2>
${view.messages.length === 0 ? `<p class="hint">No messages yet. Check back in a few days.</p>` : view.messages.map((m) => `<div class="msg ${m.author === "reporter" ? "reporter" : ""}"><div class="meta">${m.author === "reporter" ? "You" : "The people handling your report"}${m.isFeedback ? " · <strong>Feedback on your report</strong>" : ""} · ${esc(m.createdAt.slice(0, 16).replace("T", " "))} UTC</div><p>${esc(m.body)}</p>${m.attachments.length ? `<ul>${m.attachments.map(file).join("")}</ul>` : ""}</div>`).join("")}
</div>
${message ? `<div class="error" role="alert">${esc(message)}</div>` : ""}
<form method="post" action="/speakup/mailbox/reply" enctype="multipart/form-data" class="card">
<input type="hidden" name="csrf" value="${esc(csrf)}">
<label for="body">Answer or add information</label><textarea id="body" name="body" maxlength="20000"></textarea>
<label for="files">Files <span class="hint">(optional; files can carry hidden details about who made them)</span></label><input type="file" id="files" name="files" multiple>
<div class="actions"><button class="btn" type="submit">Send</button></div></form>
<form method="post" action="/speakup/mailbox/logout"><input type="hidden" name="csrf" value="${esc(csrf)}"><button class="btn secondary" type="submit">Close the mailbox</button></form>`,
  );
}
