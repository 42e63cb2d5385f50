-- What arXiv's listing feeds announced, per day: the "New" page of a day reads this.
CREATE TABLE announcements (
    arxiv_id       TEXT    NOT NULL REFERENCES papers (arxiv_id),
    announced_on   DATE    NOT NULL,
    announce_type  TEXT    NOT NULL CHECK (announce_type IN ('new', 'cross', 'replace', 'replace-cross')),
    version        INTEGER NOT NULL,
    PRIMARY KEY (announced_on, arxiv_id)
);
