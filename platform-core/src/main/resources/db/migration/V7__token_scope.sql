-- An API token may be limited to serving one registered model (serving clients get no other access).
-- NULL means unscoped: the token acts with all of its owner's rights, as before.
-- No foreign key: a token may name a model that is registered later, and the registry module
-- (which owns registered_models) sits above platform-core.
ALTER TABLE api_tokens ADD COLUMN serving_model VARCHAR(256);
