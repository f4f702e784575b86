-- The team server's tables. team_id leads every primary key and every query names it, so the same
-- SQL runs on a distributed engine (Citus) with team_id as the distribution key.
-- Times are epoch milliseconds (bigint), as in the extension's records.

CREATE TABLE teams (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- The last change number handed out in this team; taken under this row's lock by every write.
  revision bigint NOT NULL DEFAULT 0,
  created_at bigint NOT NULL
);

CREATE TABLE members (
  team_id text NOT NULL REFERENCES teams (id),
  id text NOT NULL,
  name text NOT NULL,
  email text,
  role text NOT NULL CHECK (role IN ('admin', 'supervisor', 'agent')),
  -- [{ helpdesk, value }]: the names and emails this member appears under in the helpdesks.
  identities jsonb NOT NULL DEFAULT '[]',
  active boolean NOT NULL DEFAULT true,
  created_at bigint NOT NULL,
  joined_at bigint,
  PRIMARY KEY (team_id, id)
);
CREATE UNIQUE INDEX members_email ON members (team_id, lower(email)) WHERE email IS NOT NULL;

CREATE TABLE invites (
  team_id text NOT NULL REFERENCES teams (id),
  -- SHA-256 (hex) of the code's secret part; the code itself is shown once and never stored.
  code_hash text NOT NULL,
  member_id text NOT NULL,
  role text NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint,
  created_at bigint NOT NULL,
  PRIMARY KEY (team_id, code_hash),
  FOREIGN KEY (team_id, member_id) REFERENCES members (team_id, id)
);

CREATE TABLE tokens (
  team_id text NOT NULL REFERENCES teams (id),
  -- SHA-256 (hex) of the token's secret part.
  token_hash text NOT NULL,
  member_id text NOT NULL,
  client_id text NOT NULL,
  expires_at bigint NOT NULL,
  revoked_at bigint,
  created_at bigint NOT NULL,
  PRIMARY KEY (team_id, token_hash),
  FOREIGN KEY (team_id, member_id) REFERENCES members (team_id, id)
);
CREATE INDEX tokens_member ON tokens (team_id, member_id);

CREATE TABLE clients (
  team_id text NOT NULL REFERENCES teams (id),
  client_id text NOT NULL,
  -- The member who first used this client id: nobody else may push with it.
  member_id text NOT NULL,
  -- The highest mutation id applied (or refused for good); null until the first push says where it starts.
  last_mutation_id bigint,
  -- Mutation ids above last_mutation_id that were refused: later pushes pass over them.
  refused bigint[] NOT NULL DEFAULT '{}',
  created_at bigint NOT NULL,
  PRIMARY KEY (team_id, client_id),
  FOREIGN KEY (team_id, member_id) REFERENCES members (team_id, id)
);

CREATE TABLE records (
  team_id text NOT NULL REFERENCES teams (id),
  kind text NOT NULL,
  key text NOT NULL,
  -- The team revision of this record's last change (a write, a delete or a change of who may read it).
  revision bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  -- The member who first pushed the record: the single writer of kinds that have one. Null: the server.
  author_id text,
  body jsonb,
  -- Who may read it (see server/domain/visibility.ts): 'team' everyone, 'staff' supervisors and
  -- admins, 'restricted' admins; plus, in every case, the members listed in readers.
  audience text NOT NULL,
  readers text[] NOT NULL DEFAULT '{}',
  -- Members the record is about, matched on their helpdesk identities when it was written.
  about text[] NOT NULL DEFAULT '{}',
  -- 'kind:key' of records whose readers also read this one (an acknowledgement's review).
  inherits text[] NOT NULL DEFAULT '{}',
  -- 'kind:key' of records this one's readers also read (a review's ticket snapshot).
  gives text[] NOT NULL DEFAULT '{}',
  -- Records of one group read each other once their authors each have one there (calibration).
  grp text,
  -- 'kind:key' of the record whose author reads the whole group (the calibration session).
  grp_owner text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (team_id, kind, key)
);
-- Pull: changes of one team after a cursor, in order.
CREATE UNIQUE INDEX records_revision ON records (team_id, revision);
CREATE INDEX records_inherits ON records USING gin (inherits);
CREATE INDEX records_gives ON records USING gin (gives);
CREATE INDEX records_group ON records (team_id, grp) WHERE grp IS NOT NULL;
CREATE INDEX records_group_owner ON records (team_id, grp_owner) WHERE grp_owner IS NOT NULL;

-- Admin look-ups by member id or email when no team is named (the CLI's `revoke <user>`). On a
-- distributed engine this small table is a reference table, copied to every node.
CREATE TABLE member_directory (
  member_id text PRIMARY KEY,
  team_id text NOT NULL,
  email text
);
CREATE INDEX member_directory_email ON member_directory (lower(email));
