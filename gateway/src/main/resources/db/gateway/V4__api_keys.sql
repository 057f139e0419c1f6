-- The API keys the administrator issued, one row per key. The key itself is shown once, when it is issued; only
-- its SHA-256 hash is kept, under the key's public id, which is the part of the key between its prefix and secret.
create table gateway.api_keys (
    id         text        primary key,
    user_id    text        not null,
    key_hash   bytea       not null,
    created_at timestamptz not null,
    revoked_at timestamptz
);
create index api_keys_by_user on gateway.api_keys (user_id, created_at);
