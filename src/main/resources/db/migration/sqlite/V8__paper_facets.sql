-- Facets the stats read often, kept on write so that the same plain SQL runs on both engines.
ALTER TABLE papers ADD COLUMN primary_category TEXT;
ALTER TABLE papers ADD COLUMN published_on TEXT;
UPDATE papers
SET primary_category = CASE WHEN categories = '' THEN NULL
                            ELSE substr(categories, 1, instr(categories || ' ', ' ') - 1) END,
    published_on = substr(published_at, 1, 10);
CREATE INDEX papers_by_published_on ON papers (published_on);
CREATE INDEX papers_by_primary_category ON papers (primary_category);
