/**
 * What a reporter's request carries that no log line may show (COC-22.2): a cookie, a user agent,
 * a query string and a body, each written with a marker to search the logs for.
 */
export const privateRequest = {
  headers: {
    cookie: "probity_mailbox=COOKIEMARKER123; probity_session=SESSIONMARKER456",
    "user-agent": "UAMARKER/1.0",
  },
  query: "QUERYMARKER",
  body: "BODYMARKER",
  /** The markers of all four: a log that holds one of them logged what it must not. */
  markers: ["COOKIEMARKER", "SESSIONMARKER", "UAMARKER", "QUERYMARKER", "BODYMARKER"],
} as const;
