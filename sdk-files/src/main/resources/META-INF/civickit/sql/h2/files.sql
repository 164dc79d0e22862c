-- CivicKit uploaded files for H2 2.x. Safe to apply more than once.
-- Names, type and digest live in the encrypted meta column; the bytes in encrypted 64 KiB chunks,
-- as BLOBs: H2 keeps large values inline in its B-tree pages otherwise, and a page of them is megabytes.
CREATE TABLE IF NOT EXISTS civickit_files (
  file_id      VARCHAR(22)  PRIMARY KEY,
  journey_id   VARCHAR(22)  NOT NULL,
  question_id  VARCHAR(64)  NOT NULL,
  state        VARCHAR(16)  NOT NULL,
  size_bytes   BIGINT       NOT NULL,
  chunk_count  INTEGER      NOT NULL,
  stored_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  meta         VARBINARY(8192) NOT NULL
);
CREATE INDEX IF NOT EXISTS civickit_files_journey ON civickit_files (journey_id);

-- Chunks carry the journey too, so purging a journey also finds chunks of a put cut short by a crash.
CREATE TABLE IF NOT EXISTS civickit_file_chunks (
  file_id      VARCHAR(22)  NOT NULL,
  journey_id   VARCHAR(22)  NOT NULL,
  chunk_index  INTEGER      NOT NULL,
  data         BLOB         NOT NULL,
  PRIMARY KEY (file_id, chunk_index)
);
CREATE INDEX IF NOT EXISTS civickit_file_chunks_journey ON civickit_file_chunks (journey_id);
