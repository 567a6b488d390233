-- Dashboard sessions also end after a stretch of inactivity (STEWARD_SESSION_IDLE_MINUTES, default 30), besides their
-- absolute length: when a session was last used is recorded (at most about once a minute).
alter table web_sessions add column last_seen_at timestamptz;
update web_sessions set last_seen_at = created_at;
alter table web_sessions alter column last_seen_at set not null;
