import { useQueryClient } from "@tanstack/react-query";
import { invalidate } from "../../api/client.ts";
import { COMMITTEE_READS } from "./committee-ui.ts";

/** After a write: the meeting and every read of its committee. */
export const useRefresh = () => {
  const qc = useQueryClient();
  return () => {
    invalidate(qc, "meeting.read", ...COMMITTEE_READS);
  };
};
