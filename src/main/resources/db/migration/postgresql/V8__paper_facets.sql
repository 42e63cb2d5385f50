-- Facets the stats read often, kept on write so that the same plain SQL runs on both engines.
ALTER TABLE papers ADD COLUMN primary_category TEXT;
ALTER TABLE papers ADD COLUMN published_on DATE;
UPDATE papers
SET primary_category = NULLIF(split_part(categories, ' ', 1), ''),
    published_on = (published_at AT TIME ZONE 'UTC')::date;
CREATE INDEX papers_by_published_on ON papers (published_on);
CREATE INDEX papers_by_primary_category ON papers (primary_category);
