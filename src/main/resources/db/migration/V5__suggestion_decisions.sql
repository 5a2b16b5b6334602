-- eatbot schema, version 5: what each suggestion was decided on, so /eat why draws the
-- posteriors and scores of that moment (see eat/Decision). Written with the suggestion, in its
-- transaction. Blobs, not a row per candidate: a /eat of 500 places for 10 people is 11 rows
-- (8 KB: beliefs only for the 32 best candidates and the pick; all candidates' ids).
CREATE TABLE suggestion_decisions (
    suggestion_id  INTEGER PRIMARY KEY REFERENCES suggestions (id),
    group_rule     TEXT NOT NULL,
    at_random      INTEGER NOT NULL,
    not_in_running INTEGER NOT NULL,   -- active places that were not candidates
    option_ids     BLOB NOT NULL,      -- the candidates: 8-byte big-endian ids, the kept ones first, best first
    kept           INTEGER NOT NULL    -- how many of them have beliefs and scores below
);

-- one row per member: (alpha, beta, score) per kept candidate as 4-byte big-endian floats
CREATE TABLE suggestion_beliefs (
    suggestion_id INTEGER NOT NULL REFERENCES suggestion_decisions (suggestion_id),
    member        INTEGER NOT NULL,    -- position in suggestions.members
    user_id       TEXT NOT NULL,       -- forget deletes the person's rows (found through suggestions.members)
    beliefs       BLOB NOT NULL,
    PRIMARY KEY (suggestion_id, member)
);
