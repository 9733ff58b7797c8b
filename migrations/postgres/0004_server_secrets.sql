-- Secrets the server makes once and keeps across restarts, such as the key
-- that signs the device identities it issues to phones.
CREATE TABLE server_secrets (
    name   TEXT   PRIMARY KEY,
    value  BYTEA  NOT NULL
);
