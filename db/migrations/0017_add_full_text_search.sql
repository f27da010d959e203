-- 全文检索 (issue 18): one FTS5 index per kind of searched text, with the trigram tokenizer,
-- which matches any Chinese substring of three or more characters without a segmenter.
-- Each index reads its text from a view of its table (external content: the text is stored
-- once, in the table) that ends every column with a line feed: then every two-character word
-- (党建, 公车) is the start of an indexed trigram, even at the very end of a text, and is found
-- through the index's vocabulary (the *_fts_vocab tables) instead of a scan.
-- Triggers keep each index in step with every insert, update and delete of its table, so no
-- write path needs to know about search. drizzle-kit knows neither virtual tables nor views:
-- this migration is hand-written (npm run db:generate -- --custom). A later migration that
-- rebuilds one of these tables must recreate its triggers.
CREATE VIEW `problems_fts_text` AS SELECT id, coalesce(title, '') || char(10) AS title, coalesce(description, '') || char(10) AS description FROM `problems`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `problems_fts` USING fts5(title, description, content='problems_fts_text', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `problems_fts_vocab` USING fts5vocab('problems_fts', 'row');
--> statement-breakpoint
INSERT INTO `problems_fts`(`problems_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `problems_fts_insert` AFTER INSERT ON `problems` BEGIN
  INSERT INTO `problems_fts`(rowid, title, description) VALUES (new.id, coalesce(new.title, '') || char(10), coalesce(new.description, '') || char(10));
END;
--> statement-breakpoint
CREATE TRIGGER `problems_fts_delete` AFTER DELETE ON `problems` BEGIN
  INSERT INTO `problems_fts`(`problems_fts`, rowid, title, description) VALUES ('delete', old.id, coalesce(old.title, '') || char(10), coalesce(old.description, '') || char(10));
END;
--> statement-breakpoint
CREATE TRIGGER `problems_fts_update` AFTER UPDATE OF title, description ON `problems` BEGIN
  INSERT INTO `problems_fts`(`problems_fts`, rowid, title, description) VALUES ('delete', old.id, coalesce(old.title, '') || char(10), coalesce(old.description, '') || char(10));
  INSERT INTO `problems_fts`(rowid, title, description) VALUES (new.id, coalesce(new.title, '') || char(10), coalesce(new.description, '') || char(10));
END;
--> statement-breakpoint
CREATE VIEW `measures_fts_text` AS SELECT id, coalesce(text, '') || char(10) AS text, coalesce(goal, '') || char(10) AS goal FROM `measures`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `measures_fts` USING fts5(text, goal, content='measures_fts_text', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `measures_fts_vocab` USING fts5vocab('measures_fts', 'row');
--> statement-breakpoint
INSERT INTO `measures_fts`(`measures_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `measures_fts_insert` AFTER INSERT ON `measures` BEGIN
  INSERT INTO `measures_fts`(rowid, text, goal) VALUES (new.id, coalesce(new.text, '') || char(10), coalesce(new.goal, '') || char(10));
END;
--> statement-breakpoint
CREATE TRIGGER `measures_fts_delete` AFTER DELETE ON `measures` BEGIN
  INSERT INTO `measures_fts`(`measures_fts`, rowid, text, goal) VALUES ('delete', old.id, coalesce(old.text, '') || char(10), coalesce(old.goal, '') || char(10));
END;
--> statement-breakpoint
CREATE TRIGGER `measures_fts_update` AFTER UPDATE OF text, goal ON `measures` BEGIN
  INSERT INTO `measures_fts`(`measures_fts`, rowid, text, goal) VALUES ('delete', old.id, coalesce(old.text, '') || char(10), coalesce(old.goal, '') || char(10));
  INSERT INTO `measures_fts`(rowid, text, goal) VALUES (new.id, coalesce(new.text, '') || char(10), coalesce(new.goal, '') || char(10));
END;
--> statement-breakpoint
CREATE VIEW `progress_reports_fts_text` AS SELECT id, coalesce(text, '') || char(10) AS text FROM `progress_reports`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `progress_reports_fts` USING fts5(text, content='progress_reports_fts_text', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `progress_reports_fts_vocab` USING fts5vocab('progress_reports_fts', 'row');
--> statement-breakpoint
INSERT INTO `progress_reports_fts`(`progress_reports_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `progress_reports_fts_insert` AFTER INSERT ON `progress_reports` BEGIN
  INSERT INTO `progress_reports_fts`(rowid, text) VALUES (new.id, coalesce(new.text, '') || char(10));
END;
--> statement-breakpoint
CREATE TRIGGER `progress_reports_fts_delete` AFTER DELETE ON `progress_reports` BEGIN
  INSERT INTO `progress_reports_fts`(`progress_reports_fts`, rowid, text) VALUES ('delete', old.id, coalesce(old.text, '') || char(10));
END;
--> statement-breakpoint
CREATE TRIGGER `progress_reports_fts_update` AFTER UPDATE OF text ON `progress_reports` BEGIN
  INSERT INTO `progress_reports_fts`(`progress_reports_fts`, rowid, text) VALUES ('delete', old.id, coalesce(old.text, '') || char(10));
  INSERT INTO `progress_reports_fts`(rowid, text) VALUES (new.id, coalesce(new.text, '') || char(10));
END;
--> statement-breakpoint
CREATE VIEW `supervision_notices_fts_text` AS SELECT id, coalesce(request, '') || char(10) AS request, coalesce(reply, '') || char(10) AS reply FROM `supervision_notices`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `supervision_notices_fts` USING fts5(request, reply, content='supervision_notices_fts_text', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `supervision_notices_fts_vocab` USING fts5vocab('supervision_notices_fts', 'row');
--> statement-breakpoint
INSERT INTO `supervision_notices_fts`(`supervision_notices_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `supervision_notices_fts_insert` AFTER INSERT ON `supervision_notices` BEGIN
  INSERT INTO `supervision_notices_fts`(rowid, request, reply) VALUES (new.id, coalesce(new.request, '') || char(10), coalesce(new.reply, '') || char(10));
END;
--> statement-breakpoint
CREATE TRIGGER `supervision_notices_fts_delete` AFTER DELETE ON `supervision_notices` BEGIN
  INSERT INTO `supervision_notices_fts`(`supervision_notices_fts`, rowid, request, reply) VALUES ('delete', old.id, coalesce(old.request, '') || char(10), coalesce(old.reply, '') || char(10));
END;
--> statement-breakpoint
CREATE TRIGGER `supervision_notices_fts_update` AFTER UPDATE OF request, reply ON `supervision_notices` BEGIN
  INSERT INTO `supervision_notices_fts`(`supervision_notices_fts`, rowid, request, reply) VALUES ('delete', old.id, coalesce(old.request, '') || char(10), coalesce(old.reply, '') || char(10));
  INSERT INTO `supervision_notices_fts`(rowid, request, reply) VALUES (new.id, coalesce(new.request, '') || char(10), coalesce(new.reply, '') || char(10));
END;
--> statement-breakpoint
CREATE VIEW `institutions_fts_text` AS SELECT id, coalesce(title, '') || char(10) AS title, coalesce(document_number, '') || char(10) AS document_number FROM `institutions`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `institutions_fts` USING fts5(title, document_number, content='institutions_fts_text', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE VIRTUAL TABLE `institutions_fts_vocab` USING fts5vocab('institutions_fts', 'row');
--> statement-breakpoint
INSERT INTO `institutions_fts`(`institutions_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `institutions_fts_insert` AFTER INSERT ON `institutions` BEGIN
  INSERT INTO `institutions_fts`(rowid, title, document_number) VALUES (new.id, coalesce(new.title, '') || char(10), coalesce(new.document_number, '') || char(10));
END;
--> statement-breakpoint
CREATE TRIGGER `institutions_fts_delete` AFTER DELETE ON `institutions` BEGIN
  INSERT INTO `institutions_fts`(`institutions_fts`, rowid, title, document_number) VALUES ('delete', old.id, coalesce(old.title, '') || char(10), coalesce(old.document_number, '') || char(10));
END;
--> statement-breakpoint
CREATE TRIGGER `institutions_fts_update` AFTER UPDATE OF title, document_number ON `institutions` BEGIN
  INSERT INTO `institutions_fts`(`institutions_fts`, rowid, title, document_number) VALUES ('delete', old.id, coalesce(old.title, '') || char(10), coalesce(old.document_number, '') || char(10));
  INSERT INTO `institutions_fts`(rowid, title, document_number) VALUES (new.id, coalesce(new.title, '') || char(10), coalesce(new.document_number, '') || char(10));
END;
