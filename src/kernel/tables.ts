/** Tables owned by the kernel: audit log, jobs, schedules, mail outbox, tasks and settings. */
export type AuditEventsTable = {
  seq: number;
  occurred_at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
};

export type AuditHeadTable = { id: number; seq: number; hash: string };

/** A signed statement "the chain ended at event `seq` with `hash`" (kernel/audit-checkpoint.ts). */
export type AuditCheckpointsTable = {
  seq: number;
  hash: string;
  created_at: string;
  public_key: string;
  signature: string;
};

/** One row (id 1) that /api/health rewrites to prove the database accepts writes. */
export type HealthProbeTable = { id: number; checked_at: string };

export type JobStatus = "queued" | "running" | "done" | "dead";

export type JobsTable = {
  id: string;
  name: string;
  payload: string;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_by: string | null;
  locked_at: string | null;
  created_at: string;
  updated_at: string;
};

export type SchedulesTable = {
  name: string;
  job_name: string;
  interval_seconds: number;
  next_run_at: string;
  last_run_at: string | null;
};

/** `sending`: claimed by one attempt (claim_token) until claimed_until; see kernel/mail.ts. */
export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

export type OutboxTable = {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  claim_token: string | null;
  claimed_until: string | null;
};

export type TasksTable = {
  id: string;
  assignee_user_id: string;
  kind: string;
  title: string;
  href: string | null;
  due_at: string | null;
  status: "open" | "done";
  created_at: string;
  completed_at: string | null;
};

export type SettingsTable = { key: string; value: string; updated_at: string };

export type KernelTables = {
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  audit_checkpoints: AuditCheckpointsTable;
  health_probe: HealthProbeTable;
  jobs: JobsTable;
  schedules: SchedulesTable;
  outbox: OutboxTable;
  tasks: TasksTable;
  settings: SettingsTable;
};
