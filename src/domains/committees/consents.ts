export const taskHref = (committeeId: string, consentId: string) =>
  `/committees/${committeeId}#consent-${consentId}`;
