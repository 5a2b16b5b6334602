-- eatbot schema, version 5: what each suggestion was decided on, so /eat why draws the
-- posteriors and scores of that moment (see eat/Reasons). Written with the suggestion, in its
-- transaction, as one row: each extra B-tree a /eat writes to is an extra page in every commit
-- (two more tables doubled the cost of a small /eat; README "Performance").
CREATE TABLE suggestion_decisions (
    suggestion_id  INTEGER PRIMARY KEY REFERENCES suggestions (id),
    group_rule     TEXT NOT NULL,
    at_random      INTEGER NOT NULL,
    not_in_running INTEGER NOT NULL,   -- active places that were not candidates
    left_out_by    TEXT NOT NULL,      -- why, as lines "count<TAB>step" (not:spicy, resting, …); the rest were re-rolled away
    option_ids     BLOB NOT NULL,      -- the candidates: 8-byte big-endian ids, the kept ones first, best first
    kept           INTEGER NOT NULL,   -- how many of them have beliefs and scores
    members        TEXT NOT NULL,      -- comma separated user ids, in the order of the beliefs (forget removes one)
    beliefs        BLOB NOT NULL       -- per member, per kept candidate: alpha, beta, score as 4-byte big-endian floats
);
