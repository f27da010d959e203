-- 全文检索 (issue 18): one FTS5 table per kind of searched text, over its source table
-- (external content: the text is stored once, in the source table), with the trigram
-- tokenizer, which matches any Chinese substring of three or more characters without a
-- segmenter. Triggers keep each index in step with every insert, update and delete of its
-- source, so no write path needs to know about search. drizzle-kit does not know virtual
-- tables: this migration is hand-written (npm run db:generate -- --custom).
-- A later migration that rebuilds one of these source tables must recreate its triggers.
CREATE VIRTUAL TABLE `problems_fts` USING fts5(title, description, content='problems', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `problems_fts`(`problems_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `problems_fts_insert` AFTER INSERT ON `problems` BEGIN
  INSERT INTO `problems_fts`(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `problems_fts_delete` AFTER DELETE ON `problems` BEGIN
  INSERT INTO `problems_fts`(`problems_fts`, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `problems_fts_update` AFTER UPDATE OF title, description ON `problems` BEGIN
  INSERT INTO `problems_fts`(`problems_fts`, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
  INSERT INTO `problems_fts`(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `measures_fts` USING fts5(text, goal, content='measures', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `measures_fts`(`measures_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `measures_fts_insert` AFTER INSERT ON `measures` BEGIN
  INSERT INTO `measures_fts`(rowid, text, goal) VALUES (new.id, new.text, new.goal);
END;
--> statement-breakpoint
CREATE TRIGGER `measures_fts_delete` AFTER DELETE ON `measures` BEGIN
  INSERT INTO `measures_fts`(`measures_fts`, rowid, text, goal) VALUES ('delete', old.id, old.text, old.goal);
END;
--> statement-breakpoint
CREATE TRIGGER `measures_fts_update` AFTER UPDATE OF text, goal ON `measures` BEGIN
  INSERT INTO `measures_fts`(`measures_fts`, rowid, text, goal) VALUES ('delete', old.id, old.text, old.goal);
  INSERT INTO `measures_fts`(rowid, text, goal) VALUES (new.id, new.text, new.goal);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `progress_reports_fts` USING fts5(text, content='progress_reports', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `progress_reports_fts`(`progress_reports_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `progress_reports_fts_insert` AFTER INSERT ON `progress_reports` BEGIN
  INSERT INTO `progress_reports_fts`(rowid, text) VALUES (new.id, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `progress_reports_fts_delete` AFTER DELETE ON `progress_reports` BEGIN
  INSERT INTO `progress_reports_fts`(`progress_reports_fts`, rowid, text) VALUES ('delete', old.id, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `progress_reports_fts_update` AFTER UPDATE OF text ON `progress_reports` BEGIN
  INSERT INTO `progress_reports_fts`(`progress_reports_fts`, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO `progress_reports_fts`(rowid, text) VALUES (new.id, new.text);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `supervision_notices_fts` USING fts5(request, reply, content='supervision_notices', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `supervision_notices_fts`(`supervision_notices_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `supervision_notices_fts_insert` AFTER INSERT ON `supervision_notices` BEGIN
  INSERT INTO `supervision_notices_fts`(rowid, request, reply) VALUES (new.id, new.request, new.reply);
END;
--> statement-breakpoint
CREATE TRIGGER `supervision_notices_fts_delete` AFTER DELETE ON `supervision_notices` BEGIN
  INSERT INTO `supervision_notices_fts`(`supervision_notices_fts`, rowid, request, reply) VALUES ('delete', old.id, old.request, old.reply);
END;
--> statement-breakpoint
CREATE TRIGGER `supervision_notices_fts_update` AFTER UPDATE OF request, reply ON `supervision_notices` BEGIN
  INSERT INTO `supervision_notices_fts`(`supervision_notices_fts`, rowid, request, reply) VALUES ('delete', old.id, old.request, old.reply);
  INSERT INTO `supervision_notices_fts`(rowid, request, reply) VALUES (new.id, new.request, new.reply);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `institutions_fts` USING fts5(title, document_number, content='institutions', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `institutions_fts`(`institutions_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `institutions_fts_insert` AFTER INSERT ON `institutions` BEGIN
  INSERT INTO `institutions_fts`(rowid, title, document_number) VALUES (new.id, new.title, new.document_number);
END;
--> statement-breakpoint
CREATE TRIGGER `institutions_fts_delete` AFTER DELETE ON `institutions` BEGIN
  INSERT INTO `institutions_fts`(`institutions_fts`, rowid, title, document_number) VALUES ('delete', old.id, old.title, old.document_number);
END;
--> statement-breakpoint
CREATE TRIGGER `institutions_fts_update` AFTER UPDATE OF title, document_number ON `institutions` BEGIN
  INSERT INTO `institutions_fts`(`institutions_fts`, rowid, title, document_number) VALUES ('delete', old.id, old.title, old.document_number);
  INSERT INTO `institutions_fts`(rowid, title, document_number) VALUES (new.id, new.title, new.document_number);
END;
