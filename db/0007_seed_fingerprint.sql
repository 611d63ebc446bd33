-- The fingerprint of the seed set the database holds (a hash of its rows as the loader writes them). A start-up
-- whose seed set has that fingerprint skips the load: the load's checks against tables of a million rows take
-- seconds, and with the same seed set they cannot change anything. Not a record: no change set, no history.
CREATE TABLE seed_state (
    singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    fingerprint text        NOT NULL,
    loaded_at   timestamptz NOT NULL
);
