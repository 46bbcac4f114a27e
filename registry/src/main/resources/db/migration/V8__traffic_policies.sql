-- Per registered model, how its serving endpoint splits traffic: 'none', 'canary' (a share of
-- requests to a candidate version) or 'shadow' (a copy of every request to a candidate, whose
-- answers are compared, never returned). Changed by REVIEWERs, audited.
CREATE TABLE traffic_policies (
    model_id          BIGINT        NOT NULL PRIMARY KEY REFERENCES registered_models (model_id) ON DELETE CASCADE,
    mode              VARCHAR(8)    NOT NULL,
    candidate_version INT,
    canary_percent    DOUBLE PRECISION,
    updated_by        VARCHAR(64)   NOT NULL,
    updated_at        BIGINT        NOT NULL,
    CONSTRAINT ck_traffic_policies_mode CHECK (mode IN ('none', 'canary', 'shadow'))
);
