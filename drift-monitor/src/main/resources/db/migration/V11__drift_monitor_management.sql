-- Drift monitors, second part: a reference may be a frozen window of captured inputs, the current sample may be
-- limited to a time window, features may be listed, schedules may be cron expressions, monitors may be paused.
-- Per check: the reference and current histograms (for the UI) and one row per feature (its time series).

-- A frozen-window reference: the captured inputs of model version reference_window_version in
-- [reference_window_from, reference_window_to) (epoch ms). Null: the reference is a pinned dataset or the lineage.
ALTER TABLE drift_monitors ADD COLUMN reference_window_from BIGINT;
ALTER TABLE drift_monitors ADD COLUMN reference_window_to BIGINT;
ALTER TABLE drift_monitors ADD COLUMN reference_window_version INT;
-- Only captured rows of the last N seconds count (at most current_rows of them); null: no time limit.
ALTER TABLE drift_monitors ADD COLUMN current_window_seconds INT;
-- JSON array of the features to test; null: every numeric served input the reference also has.
ALTER TABLE drift_monitors ADD COLUMN features TEXT;
-- db-scheduler (Spring) cron, six fields, UTC; at most one of schedule_seconds and schedule_cron is set.
ALTER TABLE drift_monitors ADD COLUMN schedule_cron VARCHAR(200);
-- False while paused: no scheduled checks.
ALTER TABLE drift_monitors ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE drift_monitors ADD COLUMN updated_at BIGINT;
UPDATE drift_monitors SET updated_at = created_at;
ALTER TABLE drift_monitors ALTER COLUMN updated_at SET NOT NULL;

-- JSON array of {feature, edges, reference, current}: 20 equal-width bins over both sides' range. Null for checks
-- stored before this migration.
ALTER TABLE drift_checks ADD COLUMN histograms TEXT;

-- One row per feature and check, so one feature's statistic and p-value over time is one index range.
CREATE TABLE drift_check_features (
    check_id         BIGINT           NOT NULL REFERENCES drift_checks (check_id) ON DELETE CASCADE,
    monitor_id       BIGINT           NOT NULL,
    feature          VARCHAR(1000)    NOT NULL,
    verdict          VARCHAR(24)      NOT NULL,
    statistic        DOUBLE PRECISION,
    p_value          DOUBLE PRECISION,
    adjusted_p_value DOUBLE PRECISION,
    psi              DOUBLE PRECISION,
    PRIMARY KEY (check_id, feature)
);
CREATE INDEX ix_drift_check_features_series ON drift_check_features (monitor_id, feature, check_id);
