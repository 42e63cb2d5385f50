-- Email digests: subscriptions with double opt-in, editions, the outbox that delivers them, and
-- the suppression list (RELIABILITY.md MAIL-1 ... MAIL-7).

-- A secret made once per site (the first node to need it wins), shared by every node: the salt of
-- the suppression list's address hashes.
CREATE TABLE site_secrets (
    name          TEXT        NOT NULL PRIMARY KEY,
    value         TEXT        NOT NULL,
    created_at    TEXT        NOT NULL
);

-- One subscription per address (stored lower-cased). manage_key is the opaque key in every link
-- of the subscriber's digests (unsubscribe, preferences, view in browser); it is kept as is because
-- each digest must carry it, and it can do nothing but manage this subscription. The consent
-- record (GDPR Art. 7(1)): which form, when, from where; and when it was confirmed.
CREATE TABLE subscriptions (
    id                    INTEGER     PRIMARY KEY,
    email                 TEXT        NOT NULL UNIQUE,
    member_id             INTEGER     REFERENCES members (id) ON DELETE SET NULL,
    cadence               TEXT        NOT NULL CHECK (cadence IN ('DAILY', 'WEEKLY')),
    categories            TEXT        NOT NULL DEFAULT '',
    keywords              TEXT        NOT NULL DEFAULT '',
    status                TEXT        NOT NULL
                          CHECK (status IN ('PENDING', 'ACTIVE', 'PAUSED', 'UNSUBSCRIBED')),
    manage_key            TEXT        NOT NULL UNIQUE,
    created_at            TEXT        NOT NULL,
    consent_form          TEXT        NOT NULL,
    consent_ip            TEXT,
    consent_user_agent    TEXT,
    confirmation_sent_at  TEXT       ,
    confirmed_at          TEXT       ,
    unsubscribed_at       TEXT       ,
    last_active_at        TEXT        NOT NULL
);

-- Confirmation links: only a SHA-256 of the token is kept; single use, 48 hours (MAIL-4).
CREATE TABLE subscription_tokens (
    token_hash        TEXT        NOT NULL PRIMARY KEY,
    subscription_id   INTEGER     NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    created_at        TEXT        NOT NULL,
    expires_at        TEXT        NOT NULL,
    used_at           TEXT       
);

-- Addresses never to mail: a salted hash only, so an erased subscriber leaves no address behind
-- (MAIL-7) and a re-added one is not mailed before a new opt-in.
CREATE TABLE suppressions (
    address_hash  TEXT        NOT NULL PRIMARY KEY,
    reason        TEXT        NOT NULL
                  CHECK (reason IN ('HARD_BOUNCE', 'COMPLAINT', 'SOFT_BOUNCES', 'ERASED')),
    created_at    TEXT        NOT NULL
);

-- Soft bounces, scored over a window (MAIL-6).
CREATE TABLE soft_bounces (
    address_hash  TEXT        NOT NULL,
    bounced_at    TEXT        NOT NULL
);
CREATE INDEX soft_bounces_by_address ON soft_bounces (address_hash, bounced_at);

-- One edition per cadence and period ('2025-03-12', '2025-W11'): the unique key, not a scheduler
-- lock, is what makes a second node's run a no-op (NODE-2). papers: the period's top trending
-- papers when the edition was decided, space-separated, in order.
CREATE TABLE digest_editions (
    id            INTEGER     PRIMARY KEY,
    cadence       TEXT        NOT NULL CHECK (cadence IN ('DAILY', 'WEEKLY')),
    period        TEXT        NOT NULL,
    first_day     TEXT        NOT NULL,
    last_day      TEXT        NOT NULL,
    papers        TEXT        NOT NULL,
    created_at    TEXT        NOT NULL,
    UNIQUE (cadence, period)
);

-- The outbox (MAIL-1): one row per edition and subscriber, made in the transaction that decides
-- the edition. queued -> sending (claimed, with a lease) -> sent / failed; skipped when the
-- address was suppressed or unsubscribed by the time of sending. message_id is fixed per row.
-- granted_at: when the relay throttle let the row's last attempt through (MAIL-3's ledger).
CREATE TABLE digest_outbox (
    id                INTEGER     PRIMARY KEY,
    edition_id        INTEGER     NOT NULL REFERENCES digest_editions (id) ON DELETE CASCADE,
    subscription_id   INTEGER     NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    status            TEXT        NOT NULL
                      CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts          INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at   TEXT        NOT NULL,
    lease_until       TEXT       ,
    message_id        TEXT        NOT NULL UNIQUE,
    sent_at           TEXT       ,
    granted_at        TEXT       ,
    last_error        TEXT,
    UNIQUE (edition_id, subscription_id)
);
CREATE INDEX digest_outbox_due ON digest_outbox (status, next_attempt_at);
CREATE INDEX digest_outbox_by_subscription ON digest_outbox (subscription_id);
CREATE INDEX digest_outbox_by_grant ON digest_outbox (granted_at);

-- The papers each subscriber has been sent, so that no digest repeats one.
CREATE TABLE digest_papers (
    subscription_id   INTEGER     NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    paper_id          TEXT        NOT NULL,
    edition_id        INTEGER     NOT NULL,
    PRIMARY KEY (subscription_id, paper_id)
);
