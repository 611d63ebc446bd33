-- The first response to a POST sent with an Idempotency-Key, so a retry gets that response back
-- instead of a second write. Only a created record is remembered (a refused request wrote nothing to
-- replay), so the response is always 201 with this location and body. Kept per API key: one
-- client's keys never collide with another's.
CREATE TABLE idempotent_request (
    api_key_id   text        NOT NULL,
    key          text        NOT NULL CHECK (key <> '' AND char_length(key) <= 200),
    request_hash bytea       NOT NULL,
    location     text        NOT NULL,
    body         jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (api_key_id, key)
);
