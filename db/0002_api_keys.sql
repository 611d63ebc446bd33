-- API keys for editorial writes. Only a hash of each key's secret is kept. Keys are access control,
-- not data, so they have no revision trigger; the scopes are a closed set the code gives meaning to.
CREATE TABLE api_key (
    id          text        PRIMARY KEY CHECK (id ~ '^[0-9a-f]{12}$'),
    name        text,
    scope       text        NOT NULL CHECK (scope IN ('editor', 'admin')),
    secret_hash bytea       NOT NULL CHECK (octet_length(secret_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);
