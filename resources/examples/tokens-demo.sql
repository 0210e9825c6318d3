-- A demo table for the example "Delete expired tokens every hour" (delete-expired-tokens.json).
-- Create the demo database with:   sqlite3 ~/tokens-demo.db < tokens-demo.sql
-- then point the job's database at that file. Each hourly run deletes the tokens whose expires_at has passed.
-- expires_at is UTC text in SQLite's own form ('YYYY-MM-DD HH:MM:SS'), which is how Punctual binds :now for SQLite.
CREATE TABLE IF NOT EXISTS tokens (
    id         INTEGER PRIMARY KEY,
    user_name  TEXT NOT NULL,
    token      TEXT NOT NULL UNIQUE,
    expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_expires_at ON tokens (expires_at);

-- Three tokens expired already, three that expire during the next hours.
INSERT INTO tokens (user_name, token, expires_at) VALUES
    ('ada',   hex(randomblob(16)), datetime('now', '-2 days')),
    ('brian', hex(randomblob(16)), datetime('now', '-3 hours')),
    ('chen',  hex(randomblob(16)), datetime('now', '-5 minutes')),
    ('dora',  hex(randomblob(16)), datetime('now', '+30 minutes')),
    ('emil',  hex(randomblob(16)), datetime('now', '+2 hours')),
    ('fatou', hex(randomblob(16)), datetime('now', '+7 days'));
